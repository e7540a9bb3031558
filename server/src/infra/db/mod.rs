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
    at_start(&db, async { Ok(Migrator::up(&db, None).await?) }).await?;
    Ok(db)
}

/// The advisory lock of the start's work on PostgreSQL (any number the project owns).
const START_LOCK: i64 = 0x5749_4600;

/// Runs `work` (migrations, demo seeding) while holding the start lock: on PostgreSQL a
/// session advisory lock on a connection of its own, so that instances starting at the same
/// moment do it one after the other (the second finds it done). SQLite serves one instance
/// (`claim_sqlite`): connections opened at once within the process take turns.
pub async fn at_start<T>(
    db: &DatabaseConnection,
    work: impl std::future::Future<Output = anyhow::Result<T>>,
) -> anyhow::Result<T> {
    static SQLITE_START: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());
    if db.get_database_backend() != DbBackend::Postgres {
        let _turn = SQLITE_START.lock().await;
        return work.await;
    }
    use sea_orm::sqlx;
    let mut holder = db.get_postgres_connection_pool().acquire().await?;
    sqlx::query("SELECT pg_advisory_lock($1)")
        .bind(START_LOCK)
        .execute(&mut *holder)
        .await?;
    let result = work.await;
    let unlocked = sqlx::query("SELECT pg_advisory_unlock($1)")
        .bind(START_LOCK)
        .execute(&mut *holder)
        .await;
    if let Err(e) = unlocked {
        // The lock ends with its connection, which the pool drops on this error.
        tracing::warn!("start lock not released: {e}");
        holder.close_on_drop();
    }
    result
}

/// One server per SQLite database: a lock on `<database>.instance-lock`, held as long as the
/// returned file is. A second server on the same file is told so and stops (SQLite's single
/// writer and the process's own jobs are one instance's; PostgreSQL serves several).
pub fn claim_sqlite(url: &str) -> anyhow::Result<Option<std::fs::File>> {
    let Some(path) = sqlite_path(url) else {
        return Ok(None);
    };
    let lock_path = format!("{path}.instance-lock");
    if let Some(dir) = std::path::Path::new(&lock_path)
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
    {
        std::fs::create_dir_all(dir)?;
    }
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_path)?;
    match file.try_lock() {
        Ok(()) => Ok(Some(file)),
        Err(std::fs::TryLockError::WouldBlock) => anyhow::bail!(
            "another server already uses the SQLite database {path}: SQLite serves one \
             instance. Stop the other one, or run several instances on PostgreSQL \
             (DATABASE_URL=postgres://…)."
        ),
        Err(std::fs::TryLockError::Error(e)) => Err(e.into()),
    }
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
/// thousand rows per index. PostgreSQL's autovacuum does it too, but late after a bulk load,
/// whose first queries would be planned on an empty table's statistics.
pub async fn analyze(db: &DatabaseConnection) -> anyhow::Result<()> {
    let statement = match db.get_database_backend() {
        DbBackend::Sqlite => "PRAGMA analysis_limit=1000; ANALYZE;",
        _ => "ANALYZE",
    };
    db.execute_unprepared(statement).await?;
    Ok(())
}

/// Counts the queue's and the statistics' aggregates again from the rows, as their migration
/// does: after a bulk load made without the triggers that keep them (a PostgreSQL session with
/// `session_replication_role = replica`: a million updates of the same counter rows in one
/// transaction is quadratic there).
pub async fn rebuild_counts(db: &impl sea_orm::ConnectionTrait) -> anyhow::Result<()> {
    for table in ["queue_count", "stats_cell", "stats_delay"] {
        db.execute_unprepared(&format!("DELETE FROM {table}"))
            .await?;
    }
    for statement in crate::infra::migration::count_backfill(db.get_database_backend()) {
        db.execute_unprepared(&statement).await?;
    }
    Ok(())
}

/// The file of a `sqlite://path?…` URL (none for in-memory databases).
pub fn sqlite_path(url: &str) -> Option<String> {
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

    #[test]
    fn a_second_server_on_one_sqlite_file_is_refused() {
        let dir = std::env::temp_dir().join(format!("wif-claim-{}", std::process::id()));
        let url = format!("sqlite://{}/wif.sqlite?mode=rwc", dir.display());
        let first = super::claim_sqlite(&url).unwrap();
        assert!(first.is_some());
        let second = super::claim_sqlite(&url).unwrap_err().to_string();
        assert!(second.contains("SQLite serves one instance"), "{second}");
        drop(first);
        assert!(
            super::claim_sqlite(&url).unwrap().is_some(),
            "free again once the first stops"
        );
        assert!(super::claim_sqlite("postgres://u@h/db").unwrap().is_none());
        let _ = std::fs::remove_dir_all(dir);
    }
}
