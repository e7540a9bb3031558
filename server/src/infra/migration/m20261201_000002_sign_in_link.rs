//! The sign-in link: each access code's e-mail also carries a long random token; its SHA-256 is
//! kept beside the code's hash, and cleared once the link has been used.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum AccessGrant {
    Table,
    LinkHash,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(AccessGrant::Table)
                    .add_column(ColumnDef::new(AccessGrant::LinkHash).string_len(64).null())
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_access_grant_link_hash")
                    .table(AccessGrant::Table)
                    .col(AccessGrant::LinkHash)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("idx_access_grant_link_hash")
                    .table(AccessGrant::Table)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(AccessGrant::Table)
                    .drop_column(AccessGrant::LinkHash)
                    .to_owned(),
            )
            .await
    }
}
