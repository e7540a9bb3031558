//! Persistence: the connection (SQLite or PostgreSQL), migrations at start, and the entities.

pub mod entities;

use sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DbBackend};
use sea_orm_migration::MigratorTrait;

use crate::infra::migration::Migrator;

/// Connects and brings the schema up to date. For SQLite the file's folder is created, and WAL
/// with a busy timeout lets concurrent writers wait instead of failing with "database is locked".
pub async fn connect(url: &str) -> anyhow::Result<DatabaseConnection> {
    if let Some(path) = sqlite_path(url) {
        if let Some(dir) = std::path::Path::new(&path)
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
        {
            std::fs::create_dir_all(dir)?;
        }
    }
    let mut options = ConnectOptions::new(url.to_owned());
    options
        .sqlx_logging(false)
        .max_connections(if url.starts_with("sqlite:") { 8 } else { 16 });
    let db = Database::connect(options).await?;
    if db.get_database_backend() == DbBackend::Sqlite {
        db.execute_unprepared(
            "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=5000; PRAGMA foreign_keys=ON;",
        )
        .await?;
    }
    Migrator::up(&db, None).await?;
    Ok(db)
}

/// A transaction that writes. On SQLite it takes the write lock at BEGIN (IMMEDIATE): a deferred
/// transaction that reads first and writes later fails at once with "database is locked" when
/// another connection wrote in between, whatever the busy timeout; an immediate one waits its
/// turn. PostgreSQL ignores the mode.
pub async fn write_txn(
    db: &DatabaseConnection,
) -> Result<sea_orm::DatabaseTransaction, sea_orm::DbErr> {
    use sea_orm::{SqliteTransactionMode, TransactionOptions, TransactionTrait};
    db.begin_with_options(TransactionOptions {
        sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
        ..Default::default()
    })
    .await
}

/// Refreshes the query planner's statistics. SQLite has no background analyser: without them it
/// may pick the (service, state) index for a SIRET search; a bounded ANALYZE reads at most a
/// thousand rows per index. PostgreSQL's autovacuum does this by itself.
pub async fn analyze(db: &DatabaseConnection) -> anyhow::Result<()> {
    if db.get_database_backend() == DbBackend::Sqlite {
        db.execute_unprepared("PRAGMA analysis_limit=1000; ANALYZE;")
            .await?;
    }
    Ok(())
}

/// The file of a `sqlite://path?…` URL (none for in-memory databases).
fn sqlite_path(url: &str) -> Option<String> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next().unwrap_or("");
    (!path.is_empty() && path != ":memory:").then(|| path.to_owned())
}

#[cfg(test)]
mod tests {
    #[test]
    fn sqlite_paths() {
        assert_eq!(
            super::sqlite_path("sqlite://data/wif.sqlite?mode=rwc").as_deref(),
            Some("data/wif.sqlite")
        );
        assert_eq!(super::sqlite_path("sqlite::memory:"), None);
        assert_eq!(super::sqlite_path("postgres://u@h/db"), None);
    }
}
