//! The security event log: sign-ins, lockouts, access-code failures, account changes and
//! exports — who, when, from which address; never a secret.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum SecurityEvent {
    Table,
    Id,
    At,
    Kind,
    Subject,
    Client,
    Detail,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(SecurityEvent::Table)
                    .col(
                        ColumnDef::new(SecurityEvent::Id)
                            .big_integer()
                            .not_null()
                            .auto_increment()
                            .primary_key(),
                    )
                    .col(
                        ColumnDef::new(SecurityEvent::At)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(SecurityEvent::Kind)
                            .string_len(40)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(SecurityEvent::Subject)
                            .string_len(254)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(SecurityEvent::Client)
                            .string_len(64)
                            .not_null(),
                    )
                    .col(ColumnDef::new(SecurityEvent::Detail).text().null())
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_security_event_at")
                    .table(SecurityEvent::Table)
                    .col(SecurityEvent::At)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(SecurityEvent::Table).to_owned())
            .await
    }
}
