//! The queue's search without a full scan (see `instruction::search`):
//! - `dossier.search_name`: the student's name folded in Rust (filled here for existing rows);
//! - SQLite: the FTS5 trigram table `dossier_search`, keyed by `dossier.search_key` (a number
//!   of its own, not the rowid, which `VACUUM` may renumber), kept by triggers; an index of
//!   `search_name` for one- and two-letter beginnings;
//! - PostgreSQL: `pg_trgm` and a GIN trigram index of `search_name`; byte-order (`COLLATE "C"`)
//!   indexes of `search_name` and `number` for beginnings (a plain `LIKE 'x%'` cannot use an
//!   index under the database's collation).

use sea_orm::{ConnectionTrait, DbBackend, Statement};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Dossier {
    Table,
    Id,
    SearchName,
}

const SQLITE: &[&str] = &[
    "ALTER TABLE dossier ADD COLUMN search_key INTEGER",
    "UPDATE dossier SET search_key = rowid",
    "CREATE UNIQUE INDEX idx_dossier_search_key ON dossier (search_key)",
    "CREATE INDEX idx_dossier_search_name ON dossier (search_name)",
    "CREATE VIRTUAL TABLE dossier_search USING fts5(search_name, tokenize = 'trigram')",
    "INSERT INTO dossier_search (rowid, search_name) \
     SELECT search_key, search_name FROM dossier WHERE search_name IS NOT NULL",
    // A new row takes the next key; its name, if any, goes to the index.
    "CREATE TRIGGER trg_dossier_search_insert AFTER INSERT ON dossier BEGIN \
     UPDATE dossier SET search_key = (SELECT COALESCE(MAX(search_key), 0) + 1 FROM dossier) \
     WHERE rowid = NEW.rowid; \
     INSERT INTO dossier_search (rowid, search_name) \
     SELECT search_key, search_name FROM dossier \
     WHERE rowid = NEW.rowid AND search_name IS NOT NULL; END",
    "CREATE TRIGGER trg_dossier_search_update AFTER UPDATE OF search_name ON dossier \
     WHEN OLD.search_name IS NOT NEW.search_name BEGIN \
     DELETE FROM dossier_search WHERE rowid = OLD.search_key; \
     INSERT INTO dossier_search (rowid, search_name) \
     SELECT NEW.search_key, NEW.search_name WHERE NEW.search_name IS NOT NULL; END",
    "CREATE TRIGGER trg_dossier_search_delete AFTER DELETE ON dossier BEGIN \
     DELETE FROM dossier_search WHERE rowid = OLD.search_key; END",
];

const POSTGRES: &[&str] = &[
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX idx_dossier_search_trgm ON dossier USING gin (search_name gin_trgm_ops)",
    "CREATE INDEX idx_dossier_search_name ON dossier (search_name COLLATE \"C\")",
    "CREATE INDEX idx_dossier_number_bytes ON dossier (number COLLATE \"C\")",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Dossier::Table)
                    .add_column(ColumnDef::new(Dossier::SearchName).text().null())
                    .to_owned(),
            )
            .await?;
        let db = manager.get_connection();
        let backend = manager.get_database_backend();
        let named = db
            .query_all_raw(Statement::from_string(
                backend,
                "SELECT id, student_name FROM dossier WHERE student_name IS NOT NULL",
            ))
            .await?;
        for row in named {
            let id: String = row.try_get("", "id")?;
            let name: String = row.try_get("", "student_name")?;
            manager
                .exec_stmt(
                    Query::update()
                        .table(Dossier::Table)
                        .value(Dossier::SearchName, crate::instruction::search::fold(&name))
                        .and_where(Expr::col(Dossier::Id).eq(id))
                        .to_owned(),
                )
                .await?;
        }
        let statements = match backend {
            DbBackend::Postgres => POSTGRES,
            _ => SQLITE,
        };
        for statement in statements {
            db.execute_unprepared(statement).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        let drops: &[&str] = match manager.get_database_backend() {
            DbBackend::Postgres => &[
                "DROP INDEX idx_dossier_number_bytes",
                "DROP INDEX idx_dossier_search_name",
                "DROP INDEX idx_dossier_search_trgm",
            ],
            _ => &[
                "DROP TRIGGER trg_dossier_search_delete",
                "DROP TRIGGER trg_dossier_search_update",
                "DROP TRIGGER trg_dossier_search_insert",
                "DROP TABLE dossier_search",
                "DROP INDEX idx_dossier_search_name",
                "DROP INDEX idx_dossier_search_key",
                "ALTER TABLE dossier DROP COLUMN search_key",
            ],
        };
        for statement in drops {
            db.execute_unprepared(statement).await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table(Dossier::Table)
                    .drop_column(Dossier::SearchName)
                    .to_owned(),
            )
            .await
    }
}
