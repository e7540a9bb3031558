//! The queue's queries use an index, whatever the tab, filter or search: each query a queue
//! page makes is explained by the database (`EXPLAIN QUERY PLAN` on SQLite; `EXPLAIN` with
//! sequential scans disabled on PostgreSQL, so that a plan that cannot avoid one still shows
//! it) and a full scan of the dossier table fails the test. A later queue feature (a sort, a
//! flag) adds its filters to the table below.

use crate::common;

use app::instruction::QueueQuery;
use app::rules::decision::Tab;
use app::ssr::Instruction;
use common::agent::{demo, log_in};
use sea_orm::{ConnectionTrait, DbBackend, Statement, TransactionTrait};
use server::instruction::accounts::DEMO_INSTRUCTOR;
use server::instruction::keyset::SortKey;

/// The plan's lines.
async fn plan(db: &sea_orm::DatabaseConnection, statement: &Statement) -> Vec<String> {
    let backend = db.get_database_backend();
    let explain = |prefix: &str| {
        Statement::from_sql_and_values(
            backend,
            format!("{prefix} {}", statement.sql),
            statement.values.clone().map(|v| v.0).unwrap_or_default(),
        )
    };
    match backend {
        DbBackend::Postgres => {
            let txn = db.begin().await.unwrap();
            txn.execute_unprepared("SET LOCAL enable_seqscan = off")
                .await
                .unwrap();
            let rows = txn.query_all_raw(explain("EXPLAIN")).await.unwrap();
            rows.iter()
                .map(|r| r.try_get::<String>("", "QUERY PLAN").unwrap())
                .collect()
        }
        _ => {
            let rows = db
                .query_all_raw(explain("EXPLAIN QUERY PLAN"))
                .await
                .unwrap();
            rows.iter()
                .map(|r| r.try_get::<String>("", "detail").unwrap())
                .collect()
        }
    }
}

/// Whether a plan line reads the whole dossier table.
fn full_scan(line: &str) -> bool {
    let line = line.trim();
    // SQLite: `SCAN dossier` (a `SEARCH … USING INDEX` is a range; `SCAN dossier_search` is the
    // trigram index itself). PostgreSQL: `Seq Scan on dossier`.
    line == "SCAN dossier"
        || line.starts_with("SCAN dossier ")
        || line.contains("Seq Scan on dossier ")
        || line.ends_with("Seq Scan on dossier")
}

#[tokio::test(flavor = "multi_thread")]
async fn the_queue_never_reads_the_whole_dossier_table() {
    let app = demo().await;
    let cookie = log_in(&app, DEMO_INSTRUCTOR).await;
    let token = cookie.split_once('=').unwrap().1;
    let services = &app.state.services;
    let agent = Instruction::agent(services, token).await.unwrap();
    let cases: &[&[(&str, &str)]] = &[
        &[],
        &[("onglet", "en-instruction")],
        &[("onglet", "decides")],
        &[("onglet", "decides"), ("etat", "refused")],
        &[("contrat", "apprenticeship")],
        &[("du", "2027-01-01"), ("au", "2027-06-30")],
        &[("q", "36252187900034")],
        &[("q", "APT-2026-75-A1B2C3")],
        &[("q", "APT-2026-7")],
        &[("q", "benaïssa")],
        &[("q", "Петрова")],
        &[("q", "li")],
        &[("onglet", "decides"), ("q", "diop")],
    ];
    for pairs in cases {
        let filters = QueueQuery::from_pairs(|k| {
            pairs
                .iter()
                .find(|(key, _)| *key == k)
                .map(|(_, v)| (*v).to_owned())
        })
        .filters();
        // From the beginning, and from a file (the pages after the first).
        let at = chrono::DateTime::<chrono::Utc>::from_timestamp(1_800_000_000, 0).unwrap();
        let day = chrono::NaiveDate::from_ymd_opt(2027, 3, 1).unwrap();
        let key = match filters.tab {
            Tab::Decided => SortKey::Decided(std::cmp::Reverse((at, "x".into()))),
            _ => SortKey::Urgent(day, day, at, "x".into()),
        };
        let statements = [None, Some(&key)]
            .into_iter()
            .flat_map(|key| services.queue_statements(&agent, &filters, key));
        for (name, statement) in statements {
            let lines = plan(&app.state.db, &statement).await;
            assert!(
                !lines.iter().any(|l| full_scan(l)),
                "{pairs:?}, {name}: a full scan of dossier\n{}\n{}",
                statement.sql,
                lines.join("\n")
            );
        }
    }
}

#[test]
fn a_full_scan_is_told_from_an_index() {
    assert!(full_scan("SCAN dossier"));
    assert!(full_scan(
        "  ->  Seq Scan on dossier  (cost=10000000000.00..1.05 rows=1)"
    ));
    assert!(!full_scan(
        "SEARCH dossier USING INDEX idx_dossier_service_state_start (service_id=? AND state=?)"
    ));
    assert!(!full_scan("SCAN dossier_search VIRTUAL TABLE INDEX 0:L0"));
    assert!(!full_scan("Index Scan using idx_dossier_siret on dossier"));
}
