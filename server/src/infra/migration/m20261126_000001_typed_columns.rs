//! The closed sets become typed columns: a dossier's state, who filed it, its language and
//! contract, a document's kind, an event's actor and states, an agent's role. The entities read
//! them as enums (an unknown value is an error, no longer a default); here the database refuses
//! to store one. The columns stay text on both databases (the enums' codes, as before), so the
//! conversion is of the data only:
//!
//! 1. each value is trimmed and lower-cased (the old language reader accepted "FR");
//! 2. a value still outside its set stops the migration, naming the table, column and values:
//!    the old readers turned it into a default (a state read as "draft"), and inventing one now
//!    would change a file silently — a person must decide;
//! 3. the set is enforced: a CHECK constraint on PostgreSQL, triggers on SQLite (whose ALTER
//!    TABLE cannot add a constraint).
//!
//! The sets are written out here, not taken from the enums: a migration is a snapshot. A test
//! (`sets_match_the_enums`) fails when an enum gains a value without a new migration.

use sea_orm::{ConnectionTrait, DbBackend, Statement};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const STATES: &[&str] = &[
    "draft",
    "submitted",
    "in_review",
    "changes_requested",
    "accepted",
    "refused",
    "closed",
];

/// Table, column, the values it may hold.
pub(crate) const TYPED: &[(&str, &str, &[&str])] = &[
    ("dossier", "state", STATES),
    ("dossier", "filed_by", &["employer", "student"]),
    ("dossier", "lang", &["fr", "en"]),
    (
        "dossier",
        "contract_type",
        &[
            "employment",
            "apprenticeship",
            "professionalisation",
            "cifre",
            "ater",
            "medical_intern",
            "doctoral_contract",
            "internship",
        ],
    ),
    (
        "stored_file",
        "kind",
        &[
            "passport",
            "residence_permit",
            "enrolment_certificate",
            "employment_contract",
            "mandate",
            "cifre_contract",
            "ater_contract",
            "ater_appointment",
            "recruitment_certificate",
            "head_of_department_certificate",
            "dfms_enrolment_certificate",
            "professional_capacity_proof",
            "model_agency_licence",
            "live_performance_licence",
            "previous_authorisation",
            "payslips",
        ],
    ),
    ("dossier_event", "actor_kind", &["applicant", "instructor"]),
    ("dossier_event", "from_state", STATES),
    ("dossier_event", "to_state", STATES),
    ("agent", "role", &["instructor", "admin"]),
];

fn list(values: &[&str]) -> String {
    values
        .iter()
        .map(|v| format!("'{v}'"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        let backend = manager.get_database_backend();
        for (table, column, values) in TYPED {
            db.execute_unprepared(&format!(
                "UPDATE {table} SET {column} = LOWER(TRIM({column})) \
                 WHERE {column} <> LOWER(TRIM({column}))"
            ))
            .await?;
            let allowed = list(values);
            let unknown = db
                .query_all_raw(Statement::from_string(
                    backend,
                    format!(
                        "SELECT DISTINCT {column} AS v FROM {table} \
                         WHERE {column} IS NOT NULL AND {column} NOT IN ({allowed})"
                    ),
                ))
                .await?;
            if !unknown.is_empty() {
                let found: Vec<String> = unknown
                    .iter()
                    .filter_map(|row| row.try_get::<String>("", "v").ok())
                    .collect();
                return Err(DbErr::Migration(format!(
                    "{table}.{column} holds values outside its set: {found:?}; correct them, then restart"
                )));
            }
            // NULL IN (…) is unknown, which neither a CHECK nor a WHEN counts as false: nullable
            // columns keep their NULLs, and NOT NULL ones have their own constraint.
            let name = format!("{table}_{column}_known");
            match backend {
                DbBackend::Postgres => {
                    db.execute_unprepared(&format!(
                        "ALTER TABLE {table} ADD CONSTRAINT {name} CHECK ({column} IN ({allowed}))"
                    ))
                    .await?;
                }
                _ => {
                    for (suffix, event) in [
                        ("insert", "INSERT".to_owned()),
                        ("update", format!("UPDATE OF {column}")),
                    ] {
                        db.execute_unprepared(&format!(
                            "CREATE TRIGGER {name}_{suffix} BEFORE {event} ON {table} \
                             WHEN NEW.{column} NOT IN ({allowed}) \
                             BEGIN SELECT RAISE(ABORT, '{table}.{column}: value outside its set'); END"
                        ))
                        .await?;
                    }
                }
            }
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        for (table, column, _) in TYPED {
            let name = format!("{table}_{column}_known");
            match manager.get_database_backend() {
                DbBackend::Postgres => {
                    db.execute_unprepared(&format!(
                        "ALTER TABLE {table} DROP CONSTRAINT IF EXISTS {name}"
                    ))
                    .await?;
                }
                _ => {
                    for suffix in ["insert", "update"] {
                        db.execute_unprepared(&format!("DROP TRIGGER IF EXISTS {name}_{suffix}"))
                            .await?;
                    }
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use app::i18n::Lang;
    use app::rules::decision::Role;
    use app::rules::dossier::{Actor, DossierState};
    use app::rules::eligibility::{Contract, FiledBy};
    use app::rules::DocumentKind;

    fn codes<T: Copy>(all: &[T], code: fn(T) -> &'static str) -> Vec<&'static str> {
        all.iter().map(|v| code(*v)).collect()
    }

    /// An enum that gains a value needs a new migration that widens its column's set.
    #[test]
    fn sets_match_the_enums() {
        let expected = [
            (
                "dossier.state",
                codes(DossierState::ALL, DossierState::code),
            ),
            ("dossier.filed_by", codes(FiledBy::ALL, FiledBy::code)),
            ("dossier.lang", codes(&Lang::ALL, Lang::code)),
            (
                "dossier.contract_type",
                codes(Contract::ALL, Contract::code),
            ),
            (
                "stored_file.kind",
                codes(DocumentKind::ALL, DocumentKind::code),
            ),
            ("dossier_event.actor_kind", codes(Actor::ALL, Actor::code)),
            (
                "dossier_event.from_state",
                codes(DossierState::ALL, DossierState::code),
            ),
            (
                "dossier_event.to_state",
                codes(DossierState::ALL, DossierState::code),
            ),
            ("agent.role", codes(Role::ALL, Role::code)),
        ];
        assert_eq!(super::TYPED.len(), expected.len());
        for ((table, column, values), (name, codes)) in super::TYPED.iter().zip(expected) {
            assert_eq!(format!("{table}.{column}"), name);
            // Widened since by a later migration: the newest set is the enum's.
            let values = match name {
                "dossier.lang" => super::super::m20261208_000001_languages::LANGS,
                _ => values,
            };
            assert_eq!(values.to_vec(), codes, "{name}");
        }
    }
}
