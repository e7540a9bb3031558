//! The counts the database keeps (the queue's tabs, the public statistics) agree with a direct
//! count of the files after any mix of acts run at once by parallel tasks.

use std::collections::BTreeMap;

use crate::common;

use app::instruction::{Stats, StatsRow};
use app::rules::dossier::DossierState;
use chrono::{Datelike, Duration};
use common::agent::{act, demo, dossier_row, log_in};
use common::journey::{day, filed_in};
use common::{call, TestApp};
use proptest::prelude::*;
use sea_orm::EntityTrait;
use server::infra::db::entities::{dossier, queue_count};
use server::instruction::accounts::{DEMO_INSTRUCTOR, DEMO_OTHER_INSTRUCTOR};

/// What a task does to one of the files.
#[derive(Clone, Copy, Debug)]
enum Step {
    Act(&'static str),
    /// The applicant sends the file back after a change request.
    Resubmit,
    /// Time passes (a few days), so that decisions take different delays.
    Wait(i64),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        3 => Just(Step::Act("take_in_review")),
        2 => Just(Step::Act("request_changes")),
        2 => Just(Step::Act("accept")),
        1 => Just(Step::Act("refuse")),
        1 => Just(Step::Act("close")),
        2 => Just(Step::Resubmit),
        2 => (1i64..5).prop_map(Step::Wait),
    ]
}

/// Files filed: Paris and Lyon, some weeks apart (several months of filing).
const FILES: usize = 5;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(6))]
    #[test]
    fn the_kept_counts_agree_with_a_direct_count(
        gaps in proptest::collection::vec(0i64..9, FILES),
        tasks in proptest::collection::vec(proptest::collection::vec((0..FILES, step()), 1..8), 2..4),
    ) {
        tokio::runtime::Runtime::new()
            .unwrap()
            .block_on(run(gaps, tasks));
    }
}

async fn run(gaps: Vec<i64>, tasks: Vec<Vec<(usize, Step)>>) {
    let app = demo().await;
    // Filed up to 45 days ago, days apart: over two months, and still valid forms (the contract
    // starts in two weeks, the permit was issued two months ago).
    app.advance(-Duration::days(gaps.iter().sum()));
    let mut files = Vec::new();
    for (i, gap) in gaps.iter().enumerate() {
        app.advance(Duration::days(*gap));
        let postcode = if i % 2 == 0 { "75005" } else { "69003" };
        files.push(filed_in(&app, &format!("etudiant{i}@example.org"), postcode).await);
    }
    // A draft counts nowhere.
    common::journey::typed_draft(&app, "brouillon@example.org").await;
    check(&app).await;

    let paris = log_in(&app, DEMO_INSTRUCTOR).await;
    let lyon = log_in(&app, DEMO_OTHER_INSTRUCTOR).await;
    let app = std::sync::Arc::new(app);
    let files = std::sync::Arc::new(files);
    let mut running = tokio::task::JoinSet::new();
    for steps in tasks {
        let (app, files, paris, lyon) = (app.clone(), files.clone(), paris.clone(), lyon.clone());
        running.spawn(async move {
            for (i, step) in steps {
                let (number, applicant) = &files[i];
                let agent = if i % 2 == 0 { &paris } else { &lyon };
                perform(&app, agent, number, applicant, step).await;
            }
        });
    }
    while let Some(done) = running.join_next().await {
        done.expect("a task ran to its end");
    }
    check(&app).await;
    // Expired drafts are deleted, and retention empties long-decided files: neither moves a count.
    app.advance(Duration::days(800));
    app.state.services.purge_expired_drafts().await.unwrap();
    app.state.services.apply_retention().await.unwrap();
    check(&app).await;
    // Counted again from the rows (after a bulk load without triggers): the same counts.
    server::infra::db::rebuild_counts(&app.state.db)
        .await
        .unwrap();
    check(&app).await;
}

/// One step; refused ones (a stale version, an act the state does not allow) change nothing,
/// which the counts must show as well.
async fn perform(app: &TestApp, agent: &str, number: &str, applicant: &str, step: Step) {
    let d = dossier_row(app, number).await;
    match step {
        Step::Act(name) => {
            // Dates from the service's clock, which the waits move.
            let today = app.offset.load(std::sync::atomic::Ordering::SeqCst) / 86_400;
            let (from, until) = (day(today + 1), day(today + 100));
            let fields: &[(&str, &str)] = match name {
                "accept" => &[("valid_from", &from), ("valid_until", &until)],
                "refuse" | "request_changes" => &[("message", "Motif de test.")],
                _ => &[],
            };
            act(app, agent, number, d.version, name, fields).await;
        }
        Step::Resubmit => {
            call(&app.router, "demande/deposer", &[], Some(applicant)).await;
        }
        Step::Wait(days) => app.advance(Duration::days(days)),
    }
}

/// The kept counts against the rows themselves.
async fn check(app: &TestApp) {
    let rows = dossier::Entity::find().all(&app.state.db).await.unwrap();
    let mut direct: BTreeMap<(i32, String), i64> = BTreeMap::new();
    for d in rows.iter().filter(|d| d.state != DossierState::Draft) {
        *direct
            .entry((d.service_id.unwrap_or(0), d.state.code().to_owned()))
            .or_default() += 1;
    }
    let kept: BTreeMap<(i32, String), i64> = queue_count::Entity::find()
        .all(&app.state.db)
        .await
        .unwrap()
        .into_iter()
        .filter(|c| c.n != 0)
        .map(|c| ((c.service_id, c.state), c.n))
        .collect();
    assert_eq!(kept, direct, "queue counts");
    let stats = app.state.services.stats_rows().await.unwrap();
    assert_eq!(stats, stats_by_scan(&rows), "statistics");
}

/// The statistics counted from the files, as the page counted them before they were kept.
fn stats_by_scan(rows: &[dossier::Model]) -> Stats {
    #[derive(Default)]
    struct Acc {
        submitted: u64,
        accepted: u64,
        refused: u64,
        days: Vec<f64>,
    }
    let mut months: BTreeMap<String, Acc> = BTreeMap::new();
    let mut deps: BTreeMap<String, Acc> = BTreeMap::new();
    let mut total = Acc::default();
    for d in rows {
        let Some(submitted) = d.submitted_at else {
            continue;
        };
        let month = format!("{:04}-{:02}", submitted.year(), submitted.month());
        let days = match (d.state, d.decided_at) {
            (DossierState::Accepted | DossierState::Refused, Some(at)) => {
                Some((at - submitted).num_days() as f64)
            }
            _ => None,
        };
        for acc in [
            months.entry(month).or_default(),
            deps.entry(d.departement.clone().unwrap_or_default())
                .or_default(),
            &mut total,
        ] {
            acc.submitted += 1;
            acc.accepted += u64::from(d.state == DossierState::Accepted);
            acc.refused += u64::from(d.state == DossierState::Refused);
            acc.days.extend(days);
        }
    }
    let row = |month: String, departement: String, mut acc: Acc| StatsRow {
        month,
        departement,
        submitted: acc.submitted,
        accepted: acc.accepted,
        refused: acc.refused,
        median_days: app::instruction::median(&mut acc.days),
    };
    let skip = months.len().saturating_sub(12);
    Stats {
        by_month: months
            .into_iter()
            .skip(skip)
            .map(|(m, a)| row(m, String::new(), a))
            .collect(),
        by_departement: deps
            .into_iter()
            .map(|(d, a)| row(String::new(), d, a))
            .collect(),
        total: if total.submitted == 0 {
            StatsRow::default()
        } else {
            row(String::new(), String::new(), total)
        },
    }
}
