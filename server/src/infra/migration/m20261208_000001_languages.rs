//! Arabic and Simplified Chinese: a request's language may now be `ar` or `zh`. The set of
//! `dossier.lang` (enforced since `m20261126_000001_typed_columns`: a CHECK constraint on
//! PostgreSQL, triggers on SQLite) is widened; nothing stored changes.

use sea_orm::DbBackend;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The languages a request may be in, as of this migration (a snapshot, not `Lang::ALL`).
pub(crate) const LANGS: &[&str] = &["fr", "en", "ar", "zh"];
const BEFORE: &[&str] = &["fr", "en"];

async fn allow(manager: &SchemaManager<'_>, values: &[&str]) -> Result<(), DbErr> {
    let db = manager.get_connection();
    let allowed = values
        .iter()
        .map(|v| format!("'{v}'"))
        .collect::<Vec<_>>()
        .join(", ");
    let name = "dossier_lang_known";
    match manager.get_database_backend() {
        DbBackend::Postgres => {
            db.execute_unprepared(&format!(
                "ALTER TABLE dossier DROP CONSTRAINT IF EXISTS {name}"
            ))
            .await?;
            db.execute_unprepared(&format!(
                "ALTER TABLE dossier ADD CONSTRAINT {name} CHECK (lang IN ({allowed}))"
            ))
            .await?;
        }
        _ => {
            // The triggers are replaced under a name of their own: the set they enforce.
            let (from, to) = match values.len() {
                4 => (name.to_owned(), format!("{name}_4")),
                _ => (format!("{name}_4"), name.to_owned()),
            };
            for suffix in ["insert", "update"] {
                db.execute_unprepared(&format!("DROP TRIGGER IF EXISTS {from}_{suffix}"))
                    .await?;
            }
            for (suffix, event) in [("insert", "INSERT"), ("update", "UPDATE OF lang")] {
                db.execute_unprepared(&format!(
                    "CREATE TRIGGER {to}_{suffix} BEFORE {event} ON dossier \
                     WHEN NEW.lang NOT IN ({allowed}) \
                     BEGIN SELECT RAISE(ABORT, 'dossier.lang: value outside its set'); END"
                ))
                .await?;
            }
        }
    }
    Ok(())
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        allow(manager, LANGS).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        allow(manager, BEFORE).await
    }
}
