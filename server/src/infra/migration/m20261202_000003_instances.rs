//! What several instances share besides the data: the leases of the periodic jobs (one instance
//! runs each per period) and the upload slots in use (bounded across instances).

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum JobLease {
    Table,
    Name,
    Holder,
    Until,
}

#[derive(DeriveIden)]
enum UploadSlot {
    Table,
    Id,
    Client,
    ExpiresAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(JobLease::Table)
                    .col(
                        ColumnDef::new(JobLease::Name)
                            .string_len(64)
                            .not_null()
                            .primary_key(),
                    )
                    .col(ColumnDef::new(JobLease::Holder).string_len(64).not_null())
                    .col(
                        ColumnDef::new(JobLease::Until)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(UploadSlot::Table)
                    .col(
                        ColumnDef::new(UploadSlot::Id)
                            .string_len(36)
                            .not_null()
                            .primary_key(),
                    )
                    .col(ColumnDef::new(UploadSlot::Client).string_len(64).not_null())
                    .col(
                        ColumnDef::new(UploadSlot::ExpiresAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_upload_slot_client")
                    .table(UploadSlot::Table)
                    .col(UploadSlot::Client)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(UploadSlot::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(JobLease::Table).to_owned())
            .await
    }
}
