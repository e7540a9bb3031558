//! Throttles kept in the database: counts of attempts by scope, subject and client (an agent's
//! guesses from one client, the code e-mails one client asks for one address), with a lock or a
//! next slot. Every instance sees the same counts.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Throttle {
    Table,
    Scope,
    Subject,
    Client,
    Count,
    Since,
    LockedUntil,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Throttle::Table)
                    .col(ColumnDef::new(Throttle::Scope).string_len(32).not_null())
                    .col(ColumnDef::new(Throttle::Subject).string_len(320).not_null())
                    .col(ColumnDef::new(Throttle::Client).string_len(64).not_null())
                    .col(ColumnDef::new(Throttle::Count).integer().not_null())
                    .col(
                        ColumnDef::new(Throttle::Since)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(Throttle::LockedUntil)
                            .timestamp_with_time_zone()
                            .null(),
                    )
                    .primary_key(
                        Index::create()
                            .col(Throttle::Scope)
                            .col(Throttle::Subject)
                            .col(Throttle::Client),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_throttle_since")
                    .table(Throttle::Table)
                    .col(Throttle::Since)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Throttle::Table).to_owned())
            .await
    }
}
