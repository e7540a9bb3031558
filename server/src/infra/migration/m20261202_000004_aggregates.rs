//! Counts kept by the database itself, so that no page counts a million rows:
//! - `queue_count`: the filed files of each service in each state (the queue's tabs);
//! - `stats_cell`: files filed, accepted and refused, per month of filing (`scope` 'm'), per
//!   département ('d') and in all ('t', bucket '');
//! - `stats_delay`: for the same buckets, how many decided files took each whole number of days
//!   from filing to decision (the medians are read from these histograms).
//!
//! Triggers on `dossier` keep them in the transaction of every change, whatever the path
//! (filing, an act, retention, the demo, a bulk insert): a count can never drift from the rows.
//! They mirror what the pages counted before: a file is in the queue once it is not a draft,
//! in the statistics once it has a filing date; accepted and refused by its state; a delay for
//! an accepted or refused file with a decision date.
//!
//! On PostgreSQL two counters of the same change are updated in one order (service, state) so
//! that two opposite moves at once cannot deadlock.

use sea_orm::DbBackend;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const TABLES: &[&str] = &[
    "CREATE TABLE queue_count (service_id INTEGER NOT NULL, state VARCHAR(32) NOT NULL, \
     n BIGINT NOT NULL, PRIMARY KEY (service_id, state))",
    "CREATE TABLE stats_cell (scope CHAR(1) NOT NULL, bucket VARCHAR(16) NOT NULL, \
     submitted BIGINT NOT NULL, accepted BIGINT NOT NULL, refused BIGINT NOT NULL, \
     PRIMARY KEY (scope, bucket))",
    "CREATE TABLE stats_delay (scope CHAR(1) NOT NULL, bucket VARCHAR(16) NOT NULL, \
     days INTEGER NOT NULL, n BIGINT NOT NULL, PRIMARY KEY (scope, bucket, days))",
];

/// The month of filing, `YYYY-MM` in UTC, of the row `r`.
fn month(backend: DbBackend, r: &str) -> String {
    match backend {
        DbBackend::Postgres => format!("to_char({r}.submitted_at AT TIME ZONE 'UTC', 'YYYY-MM')"),
        _ => format!("substr({r}.submitted_at, 1, 7)"),
    }
}

/// Whole days from filing to decision of the row `r`.
fn days(backend: DbBackend, r: &str) -> String {
    match backend {
        DbBackend::Postgres => format!(
            "floor(extract(epoch FROM ({r}.decided_at - {r}.submitted_at)) / 86400)::integer"
        ),
        _ => format!("CAST(julianday({r}.decided_at) - julianday({r}.submitted_at) AS INTEGER)"),
    }
}

/// The three buckets of a row: its month, its département, all.
fn buckets(backend: DbBackend, r: &str) -> [(&'static str, String); 3] {
    [
        ("m", month(backend, r)),
        ("d", format!("COALESCE({r}.departement, '')")),
        ("t", "''".to_owned()),
    ]
}

const DECIDED: &str = "IN ('accepted', 'refused')";

/// The counts as the rows stand (the migration starts from what is already there; a bulk load
/// without triggers rebuilds them with the same, `infra::db::rebuild_counts`).
pub(crate) fn backfill(backend: DbBackend) -> Vec<String> {
    let mut out = vec!["INSERT INTO queue_count (service_id, state, n) \
         SELECT COALESCE(service_id, 0), state, COUNT(*) FROM dossier \
         WHERE state <> 'draft' GROUP BY COALESCE(service_id, 0), state"
        .to_owned()];
    for (scope, bucket) in buckets(backend, "dossier") {
        // PostgreSQL refuses a constant in GROUP BY: the total's bucket is not grouped by.
        let (by, and_by) = if scope == "t" {
            (String::new(), String::new())
        } else {
            (format!("GROUP BY {bucket}"), format!("{bucket}, "))
        };
        out.push(format!(
            "INSERT INTO stats_cell (scope, bucket, submitted, accepted, refused) \
             SELECT '{scope}', {bucket}, COUNT(*), \
             COALESCE(SUM(CASE WHEN state = 'accepted' THEN 1 ELSE 0 END), 0), \
             COALESCE(SUM(CASE WHEN state = 'refused' THEN 1 ELSE 0 END), 0) \
             FROM dossier WHERE submitted_at IS NOT NULL {by} HAVING COUNT(*) > 0"
        ));
        let days = days(backend, "dossier");
        out.push(format!(
            "INSERT INTO stats_delay (scope, bucket, days, n) \
             SELECT '{scope}', {bucket}, {days}, COUNT(*) FROM dossier \
             WHERE submitted_at IS NOT NULL AND decided_at IS NOT NULL AND state {DECIDED} \
             GROUP BY {and_by}{days}"
        ));
    }
    out
}

/// SQLite: the statements that add `sign` (1 or -1) times the row `r` (NEW or OLD) to the
/// statistics.
fn sqlite_stats(r: &str, sign: i32) -> String {
    let mut out = String::new();
    for (scope, bucket) in buckets(DbBackend::Sqlite, r) {
        let days = days(DbBackend::Sqlite, r);
        out.push_str(&format!(
            "INSERT INTO stats_cell (scope, bucket, submitted, accepted, refused) \
             SELECT '{scope}', {bucket}, {sign}, {sign} * ({r}.state = 'accepted'), \
             {sign} * ({r}.state = 'refused') WHERE {r}.submitted_at IS NOT NULL \
             ON CONFLICT (scope, bucket) DO UPDATE SET submitted = submitted + excluded.submitted, \
             accepted = accepted + excluded.accepted, refused = refused + excluded.refused; \
             INSERT INTO stats_delay (scope, bucket, days, n) \
             SELECT '{scope}', {bucket}, {days}, {sign} WHERE {r}.submitted_at IS NOT NULL \
             AND {r}.decided_at IS NOT NULL AND {r}.state {DECIDED} \
             ON CONFLICT (scope, bucket, days) DO UPDATE SET n = n + excluded.n; "
        ));
    }
    out
}

/// SQLite: the statement that adds `sign` times the row `r` to the queue's counts.
fn sqlite_queue(r: &str, sign: i32) -> String {
    format!(
        "INSERT INTO queue_count (service_id, state, n) \
         SELECT COALESCE({r}.service_id, 0), {r}.state, {sign} WHERE {r}.state <> 'draft' \
         ON CONFLICT (service_id, state) DO UPDATE SET n = n + excluded.n; "
    )
}

/// The columns whose change moves a count.
const COUNTED: &str = "state, service_id, submitted_at, decided_at, departement";
const CHANGED: &str = "OLD.state IS NOT NEW.state OR OLD.service_id IS NOT NEW.service_id \
    OR OLD.submitted_at IS NOT NEW.submitted_at OR OLD.decided_at IS NOT NEW.decided_at \
    OR OLD.departement IS NOT NEW.departement";

fn sqlite_triggers() -> Vec<String> {
    vec![
        format!(
            "CREATE TRIGGER trg_dossier_counts_insert AFTER INSERT ON dossier BEGIN {}{} END",
            sqlite_queue("NEW", 1),
            sqlite_stats("NEW", 1)
        ),
        format!(
            "CREATE TRIGGER trg_dossier_counts_delete AFTER DELETE ON dossier BEGIN {}{} END",
            sqlite_queue("OLD", -1),
            sqlite_stats("OLD", -1)
        ),
        format!(
            "CREATE TRIGGER trg_dossier_counts_update AFTER UPDATE OF {COUNTED} ON dossier \
             WHEN {CHANGED} BEGIN {}{}{}{} END",
            sqlite_queue("OLD", -1),
            sqlite_queue("NEW", 1),
            sqlite_stats("OLD", -1),
            sqlite_stats("NEW", 1)
        ),
    ]
}

fn postgres_triggers() -> Vec<String> {
    let pg = DbBackend::Postgres;
    let mut stats = String::new();
    for (scope, bucket) in buckets(pg, "d") {
        stats.push_str(&format!(
            "INSERT INTO stats_cell AS c (scope, bucket, submitted, accepted, refused) \
             VALUES ('{scope}', {bucket}, sign, \
             CASE WHEN d.state = 'accepted' THEN sign ELSE 0 END, \
             CASE WHEN d.state = 'refused' THEN sign ELSE 0 END) \
             ON CONFLICT (scope, bucket) DO UPDATE SET submitted = c.submitted + EXCLUDED.submitted, \
             accepted = c.accepted + EXCLUDED.accepted, refused = c.refused + EXCLUDED.refused; \
             IF delay IS NOT NULL THEN \
             INSERT INTO stats_delay AS s (scope, bucket, days, n) VALUES ('{scope}', {bucket}, delay, sign) \
             ON CONFLICT (scope, bucket, days) DO UPDATE SET n = s.n + EXCLUDED.n; END IF; "
        ));
    }
    let delay = days(pg, "d");
    vec![
        "CREATE FUNCTION queue_count_add(service integer, st text, delta integer) RETURNS void AS $$ \
         INSERT INTO queue_count AS q (service_id, state, n) VALUES (COALESCE(service, 0), st, delta) \
         ON CONFLICT (service_id, state) DO UPDATE SET n = q.n + EXCLUDED.n \
         $$ LANGUAGE sql"
            .to_owned(),
        format!(
            "CREATE FUNCTION dossier_stats_add(d dossier, sign integer) RETURNS void AS $$ \
             DECLARE delay integer; BEGIN \
             IF d.submitted_at IS NULL THEN RETURN; END IF; \
             IF d.decided_at IS NOT NULL AND d.state {DECIDED} THEN delay := {delay}; END IF; \
             {stats} END $$ LANGUAGE plpgsql"
        ),
        "CREATE FUNCTION dossier_counts() RETURNS trigger AS $$ \
         DECLARE was boolean; is_now boolean; BEGIN \
         was := TG_OP <> 'INSERT' AND OLD.state <> 'draft'; \
         is_now := TG_OP <> 'DELETE' AND NEW.state <> 'draft'; \
         IF TG_OP = 'UPDATE' AND OLD.state IS NOT DISTINCT FROM NEW.state \
            AND OLD.service_id IS NOT DISTINCT FROM NEW.service_id THEN \
           was := false; is_now := false; END IF; \
         IF was AND is_now AND (COALESCE(OLD.service_id, 0), OLD.state::text) \
            > (COALESCE(NEW.service_id, 0), NEW.state::text) THEN \
           PERFORM queue_count_add(NEW.service_id, NEW.state::text, 1); \
           PERFORM queue_count_add(OLD.service_id, OLD.state::text, -1); \
         ELSE \
           IF was THEN PERFORM queue_count_add(OLD.service_id, OLD.state::text, -1); END IF; \
           IF is_now THEN PERFORM queue_count_add(NEW.service_id, NEW.state::text, 1); END IF; \
         END IF; \
         IF TG_OP = 'UPDATE' AND OLD.state IS NOT DISTINCT FROM NEW.state \
            AND OLD.submitted_at IS NOT DISTINCT FROM NEW.submitted_at \
            AND OLD.decided_at IS NOT DISTINCT FROM NEW.decided_at \
            AND OLD.departement IS NOT DISTINCT FROM NEW.departement THEN RETURN NULL; END IF; \
         IF TG_OP <> 'INSERT' THEN PERFORM dossier_stats_add(OLD, -1); END IF; \
         IF TG_OP <> 'DELETE' THEN PERFORM dossier_stats_add(NEW, 1); END IF; \
         RETURN NULL; END $$ LANGUAGE plpgsql"
            .to_owned(),
        format!(
            "CREATE TRIGGER trg_dossier_counts AFTER INSERT OR DELETE OR UPDATE OF {COUNTED} \
             ON dossier FOR EACH ROW EXECUTE FUNCTION dossier_counts()"
        ),
    ]
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        let backend = manager.get_database_backend();
        let triggers = match backend {
            DbBackend::Postgres => postgres_triggers(),
            _ => sqlite_triggers(),
        };
        let statements = TABLES
            .iter()
            .map(|s| (*s).to_owned())
            .chain(backfill(backend))
            .chain(triggers);
        for statement in statements {
            db.execute_unprepared(&statement).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        let drops: &[&str] = match manager.get_database_backend() {
            DbBackend::Postgres => &[
                "DROP TRIGGER trg_dossier_counts ON dossier",
                "DROP FUNCTION dossier_counts()",
                "DROP FUNCTION dossier_stats_add(dossier, integer)",
                "DROP FUNCTION queue_count_add(integer, text, integer)",
            ],
            _ => &[
                "DROP TRIGGER trg_dossier_counts_insert",
                "DROP TRIGGER trg_dossier_counts_delete",
                "DROP TRIGGER trg_dossier_counts_update",
            ],
        };
        for statement in drops.iter().chain(&[
            "DROP TABLE stats_delay",
            "DROP TABLE stats_cell",
            "DROP TABLE queue_count",
        ]) {
            db.execute_unprepared(statement).await?;
        }
        Ok(())
    }
}
