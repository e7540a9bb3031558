//! `make bench`'s queue figure: fills a database with N filed requests (100,000 by default;
//! SQLite in a temporary folder, or `DATABASE_URL`), then times the instructor's queries as the
//! pages make them: the queue's first and a far page, searches, filters, one file, the export
//! and the public statistics. Prints the median, 95th percentile and maximum of each.

use std::time::Instant;

use app::i18n::Lang;
use app::instruction::QueueQuery;
use app::rules::decision::Role;
use app::rules::dossier::DossierState;
use app::rules::eligibility::{Contract, FiledBy};
use app::ssr::{AgentSession, Instruction};
use chrono::{Duration, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, Set, TransactionTrait};
use server::infra::db::entities::{dossier, instruction_service};

const STATES: [DossierState; 6] = [
    DossierState::Submitted,
    DossierState::Submitted,
    DossierState::InReview,
    DossierState::ChangesRequested,
    DossierState::Accepted,
    DossierState::Refused,
];
const CONTRACTS: [Contract; 3] = [
    Contract::Employment,
    Contract::Cifre,
    Contract::Apprenticeship,
];

fn number(index: u64) -> String {
    format!("APT-2026-75-B{index:05X}")
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let n: u64 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(100_000);
    let runs: usize = std::env::var("RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(30);
    let dir = std::env::temp_dir().join(format!("wif-queue-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let url = std::env::var("DATABASE_URL")
        .unwrap_or_else(|_| format!("sqlite://{}/bench.sqlite?mode=rwc", dir.display()));
    let config = server::Config::for_paths(url.clone(), &dir);
    let state = server::state(&config).await?;
    let db = &state.db;
    server::instruction::accounts::seed_demo(db)
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let paris = instruction_service::Entity::find()
        .filter(instruction_service::Column::Code.eq("moe-paris"))
        .one(db)
        .await?
        .expect("seeded")
        .id;
    let lyon = instruction_service::Entity::find()
        .filter(instruction_service::Column::Code.eq("moe-lyon"))
        .one(db)
        .await?
        .expect("seeded")
        .id;

    let started = Instant::now();
    let now = Utc::now();
    let today = now.date_naive();
    let txn = db.begin().await?;
    let mut batch = Vec::with_capacity(500);
    for i in 0..n {
        let state = STATES[(i % 6) as usize];
        let submitted = now - Duration::minutes((i * 7 % 525_600) as i64);
        batch.push(dossier::ActiveModel {
            id: Set(format!("00000000-0000-4000-8000-{i:012}")),
            number: Set(Some(number(i))),
            state: Set(state),
            filed_by: Set(FiledBy::Employer),
            lang: Set(Lang::Fr),
            creator_email: Set(format!("rh{i}@example.fr")),
            student_email: Set(Some(format!("etudiant{i}@example.org"))),
            employer_email: Set(Some(format!("rh{i}@example.fr"))),
            student_form: Set(None),
            employer_form: Set(None),
            job_form: Set(None),
            departement: Set(Some(if i % 5 == 4 { "69" } else { "75" }.into())),
            service_id: Set(Some(if i % 5 == 4 { lyon } else { paris })),
            student_name: Set(Some(format!("Nom{i} Prénom{}", i % 97))),
            siret: Set(Some(format!("{:014}", 73_282_932_000_000u64 + i))),
            contract_start: Set(Some(today + Duration::days((i % 120) as i64))),
            permit_expires: Set(Some(today + Duration::days(30 + (i * 13 % 400) as i64))),
            contract_type: Set(Some(CONTRACTS[(i % 3) as usize])),
            requested_documents: Set(None),
            version: Set(3),
            created_at: Set(submitted),
            updated_at: Set(submitted),
            submitted_at: Set(Some(submitted)),
            decided_at: Set(state
                .is_final()
                .then(|| submitted + Duration::days((i % 20) as i64))),
        });
        if batch.len() == 500 {
            dossier::Entity::insert_many(std::mem::take(&mut batch))
                .exec(&txn)
                .await?;
        }
    }
    if !batch.is_empty() {
        dossier::Entity::insert_many(batch).exec(&txn).await?;
    }
    txn.commit().await?;
    // What the server's hourly task does (server::infra::db::analyze).
    server::infra::db::analyze(db).await?;
    println!(
        "{n} files inserted in {:.1} s ({})",
        started.elapsed().as_secs_f64(),
        url.split(':').next().unwrap_or("")
    );

    let agent = AgentSession {
        agent_id: 1,
        email: "bench@example.gouv.fr".into(),
        role: Role::Instructor,
        service_ids: vec![paris],
    };
    let services = &state.services;
    let query = |pairs: &[(&str, &str)]| {
        QueueQuery::from_pairs(|k| {
            pairs
                .iter()
                .find(|(key, _)| *key == k)
                .map(|(_, v)| (*v).to_owned())
        })
        .filters()
    };
    let cases: Vec<(&str, app::instruction::Filters)> = vec![
        ("queue, to process, page 1", query(&[])),
        ("queue, to process, page 500", query(&[("page", "500")])),
        ("queue, decided, page 1", query(&[("onglet", "decides")])),
        ("search by name (substring)", query(&[("q", "nom4242 ")])),
        ("search by SIRET", query(&[("q", "73282932004242")])),
        ("search by file number", query(&[("q", &number(4242))])),
        (
            "search by number's beginning",
            query(&[("q", "APT-2026-75-B010")]),
        ),
        (
            "filter contract + dates",
            query(&[
                ("contrat", "cifre"),
                ("du", &today.to_string()),
                ("au", &(today + Duration::days(10)).to_string()),
            ]),
        ),
    ];
    println!(
        "{:<34} {:>9} {:>9} {:>9}   (ms, {runs} runs each)",
        "query", "median", "p95", "max"
    );
    for (name, filters) in &cases {
        let mut times = Vec::with_capacity(runs);
        let mut total = 0;
        for _ in 0..runs {
            let t = Instant::now();
            let page = services.queue(&agent, filters).await?;
            times.push(t.elapsed().as_secs_f64() * 1000.0);
            total = page.total;
        }
        report(&format!("{name} [{total}]"), &mut times);
    }
    let mut times = Vec::new();
    for _ in 0..runs.min(10) {
        let t = Instant::now();
        let csv = services.queue_csv(&agent, &query(&[])).await?;
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        assert!(csv.lines().count() > 1);
    }
    report("CSV export, to process (all rows)", &mut times);
    let mut times = Vec::new();
    for _ in 0..runs.min(10) {
        // The computation itself, not the page's one-minute cache.
        *services.stats_cache.lock().unwrap() = None;
        let t = Instant::now();
        services.stats().await?;
        times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    report("public statistics (computed)", &mut times);
    drop(state);
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

fn report(name: &str, times: &mut [f64]) {
    times.sort_by(|a, b| a.total_cmp(b));
    let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    println!(
        "{name:<34} {:>9.2} {:>9.2} {:>9.2}",
        at(0.5),
        at(0.95),
        at(1.0)
    );
}
