//! `server backup PATH`: a consistent copy of a running service's SQLite database and of its
//! documents on the local disk, restored by copying it back (README, "Backups").
//!
//! The database is copied by `VACUUM INTO`, one read transaction: the service goes on serving
//! and writing meanwhile, and the copy is the database as it was at one instant. The documents
//! are then copied as that snapshot lists them (a file is written before its row, so every row
//! of the snapshot has its file, unless it was deleted since: its row then goes from the copy
//! too, which is the state a moment later for that file, and the report counts it).

use std::path::Path;

use sea_orm::{ConnectionTrait, Database, DbBackend, Statement};

use crate::infra::config::Config;
use crate::infra::storage::{LocalDir, Storage as _};

/// The database file in a backup.
pub const DATABASE_FILE: &str = "work-in-france.sqlite";
/// The documents' folder in a backup, laid out as `STORAGE_DIR`.
pub const FILES_DIR: &str = "files";

/// What a backup holds.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// Requests, drafts included.
    pub dossiers: u64,
    pub files: u64,
    pub bytes: u64,
    /// Documents deleted while the backup ran (their rows left the copy).
    pub gone: u64,
}

impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} requests, {} documents ({} bytes)",
            self.dossiers, self.files, self.bytes
        )?;
        if self.gone > 0 {
            write!(
                f,
                "; {} documents deleted while it ran, left out",
                self.gone
            )?;
        }
        Ok(())
    }
}

/// Writes a backup of the service configured by `config` into `dest`, a folder that does not
/// exist yet or is empty: `snapshot`, then `copy_documents`.
pub async fn backup(config: &Config, dest: &Path) -> anyhow::Result<Report> {
    snapshot(config, dest).await?;
    copy_documents(config, dest).await
}

/// The database as it is at one instant, into `dest/DATABASE_FILE`.
pub async fn snapshot(config: &Config, dest: &Path) -> anyhow::Result<()> {
    let Some(source) = super::db::sqlite_path(&config.database_url) else {
        anyhow::bail!(
            "the database is not a SQLite file: back PostgreSQL up with its own tools \
             (pg_dump, or continuous archiving; README, \"Backups\")"
        );
    };
    if config.storage_url.is_some() {
        anyhow::bail!(
            "the documents are in a bucket (STORAGE_URL): back it up with the bucket's own \
             versioning or replication (README, \"Backups\"); server backup copies a local folder"
        );
    }
    if !Path::new(&source).is_file() {
        anyhow::bail!("no database at {source}");
    }
    if dest.exists() && std::fs::read_dir(dest)?.next().is_some() {
        anyhow::bail!(
            "{} is not empty: a backup goes into a new folder",
            dest.display()
        );
    }
    std::fs::create_dir_all(dest.join(FILES_DIR))?;
    // `rw`, not the service's `rwc`: a mistyped path is an error, not a new empty database.
    let live = Database::connect(format!("sqlite://{source}?mode=rw")).await?;
    live.execute_unprepared("PRAGMA busy_timeout=5000;").await?;
    let copied = live
        .execute_unprepared(&format!(
            "VACUUM INTO {}",
            quoted(&dest.join(DATABASE_FILE))?
        ))
        .await;
    live.close().await?;
    copied?;
    Ok(())
}

/// Copies the documents the snapshot in `dest` lists; a document deleted since leaves the copy.
pub async fn copy_documents(config: &Config, dest: &Path) -> anyhow::Result<Report> {
    let copy = Database::connect(format!(
        "sqlite://{}?mode=rw",
        dest.join(DATABASE_FILE).display()
    ))
    .await?;
    let rows = copy
        .query_all_raw(Statement::from_string(
            DbBackend::Sqlite,
            "SELECT id, storage_key FROM stored_file ORDER BY id",
        ))
        .await?;
    let storage = LocalDir::new(&config.storage_dir)?;
    let mut report = Report::default();
    for row in rows {
        let id: String = row.try_get("", "id")?;
        let key: String = row.try_get("", "storage_key")?;
        match storage.open(&key).await {
            Ok((mut file, _)) => {
                let target = dest.join(FILES_DIR).join(&key);
                if let Some(dir) = target.parent() {
                    tokio::fs::create_dir_all(dir).await?;
                }
                let mut out = tokio::fs::File::create(&target).await?;
                report.bytes += tokio::io::copy(&mut file, &mut out).await?;
                out.sync_all().await?;
                report.files += 1;
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                copy.execute_raw(Statement::from_sql_and_values(
                    DbBackend::Sqlite,
                    "DELETE FROM stored_file WHERE id = ?",
                    [id.into()],
                ))
                .await?;
                report.gone += 1;
            }
            Err(e) => return Err(anyhow::anyhow!("document {key}: {e}")),
        }
    }
    let dossiers = copy
        .query_one_raw(Statement::from_string(
            DbBackend::Sqlite,
            "SELECT COUNT(*) AS n FROM dossier",
        ))
        .await?
        .map(|row| row.try_get::<i64>("", "n"))
        .transpose()?
        .unwrap_or(0);
    report.dossiers = dossiers as u64;
    copy.close().await?;
    Ok(report)
}

/// A path as an SQL string literal.
fn quoted(path: &Path) -> anyhow::Result<String> {
    let text = path
        .to_str()
        .ok_or_else(|| anyhow::anyhow!("{} is not UTF-8", path.display()))?;
    Ok(format!("'{}'", text.replace('\'', "''")))
}
