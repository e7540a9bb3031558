//! One row per e-mail address that asked for or typed an access code: its guesses (counted
//! before each check, in one statement), its lock, and how many code e-mails it was sent. The
//! counts live here, not on the codes, so that a new code does not give new guesses.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum AccessGuard {
    Table,
    Email,
    Failures,
    TotalFailures,
    LockedUntil,
    CodesSent,
    CodesSince,
    LastCodeAt,
    UpdatedAt,
}

fn count(col: AccessGuard) -> ColumnDef {
    ColumnDef::new(col)
        .integer()
        .not_null()
        .default(0)
        .to_owned()
}

fn moment(col: AccessGuard) -> ColumnDef {
    ColumnDef::new(col)
        .timestamp_with_time_zone()
        .null()
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(AccessGuard::Table)
                    .col(
                        ColumnDef::new(AccessGuard::Email)
                            .string_len(254)
                            .not_null()
                            .primary_key(),
                    )
                    .col(count(AccessGuard::Failures))
                    .col(count(AccessGuard::TotalFailures))
                    .col(moment(AccessGuard::LockedUntil))
                    .col(count(AccessGuard::CodesSent))
                    .col(moment(AccessGuard::CodesSince))
                    .col(moment(AccessGuard::LastCodeAt))
                    .col(
                        ColumnDef::new(AccessGuard::UpdatedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(AccessGuard::Table).to_owned())
            .await
    }
}
