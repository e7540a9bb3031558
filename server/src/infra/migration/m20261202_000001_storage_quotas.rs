//! Storage quotas:
//! - `stored_file.client_key`: the client address (or IPv6 /64) a file was sent from, so that the
//!   files one address keeps in unfiled drafts can be bounded;
//! - `storage_usage`: one row with the bytes of every stored file, kept by triggers on
//!   `stored_file` (every path that inserts or deletes a file row is counted, without a
//!   `SUM` over millions of rows at each upload).

use sea_orm::DbBackend;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum StoredFile {
    Table,
    ClientKey,
}

#[derive(DeriveIden)]
enum StorageUsage {
    Table,
    Id,
    Bytes,
}

const SQLITE_TRIGGERS: &[&str] = &[
    "CREATE TRIGGER trg_stored_file_usage_insert AFTER INSERT ON stored_file BEGIN \
     UPDATE storage_usage SET bytes = bytes + NEW.size_bytes WHERE id = 1; END",
    "CREATE TRIGGER trg_stored_file_usage_delete AFTER DELETE ON stored_file BEGIN \
     UPDATE storage_usage SET bytes = bytes - OLD.size_bytes WHERE id = 1; END",
];

const POSTGRES_TRIGGERS: &[&str] = &[
    "CREATE FUNCTION stored_file_usage() RETURNS trigger AS $$ BEGIN \
     IF TG_OP = 'INSERT' THEN UPDATE storage_usage SET bytes = bytes + NEW.size_bytes WHERE id = 1; \
     ELSE UPDATE storage_usage SET bytes = bytes - OLD.size_bytes WHERE id = 1; END IF; \
     RETURN NULL; END $$ LANGUAGE plpgsql",
    "CREATE TRIGGER trg_stored_file_usage AFTER INSERT OR DELETE ON stored_file \
     FOR EACH ROW EXECUTE FUNCTION stored_file_usage()",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(StoredFile::Table)
                    .add_column(ColumnDef::new(StoredFile::ClientKey).string_len(64).null())
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_stored_file_client_key")
                    .table(StoredFile::Table)
                    .col(StoredFile::ClientKey)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(StorageUsage::Table)
                    .col(
                        ColumnDef::new(StorageUsage::Id)
                            .integer()
                            .not_null()
                            .primary_key(),
                    )
                    .col(ColumnDef::new(StorageUsage::Bytes).big_integer().not_null())
                    .to_owned(),
            )
            .await?;
        let db = manager.get_connection();
        db.execute_unprepared(
            "INSERT INTO storage_usage (id, bytes) \
             SELECT 1, COALESCE(SUM(size_bytes), 0) FROM stored_file",
        )
        .await?;
        let triggers = match manager.get_database_backend() {
            DbBackend::Postgres => POSTGRES_TRIGGERS,
            _ => SQLITE_TRIGGERS,
        };
        for statement in triggers {
            db.execute_unprepared(statement).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        match manager.get_database_backend() {
            DbBackend::Postgres => {
                db.execute_unprepared("DROP TRIGGER trg_stored_file_usage ON stored_file")
                    .await?;
                db.execute_unprepared("DROP FUNCTION stored_file_usage()")
                    .await?;
            }
            _ => {
                db.execute_unprepared("DROP TRIGGER trg_stored_file_usage_insert")
                    .await?;
                db.execute_unprepared("DROP TRIGGER trg_stored_file_usage_delete")
                    .await?;
            }
        }
        manager
            .drop_table(Table::drop().table(StorageUsage::Table).to_owned())
            .await?;
        manager
            .drop_index(
                Index::drop()
                    .name("idx_stored_file_client_key")
                    .table(StoredFile::Table)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(StoredFile::Table)
                    .drop_column(StoredFile::ClientKey)
                    .to_owned(),
            )
            .await
    }
}
