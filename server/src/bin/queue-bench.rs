//! `make bench`'s queue figures: fills a fresh database with N filed requests, then times the
//! instructor's queries as the pages make them, and the public statistics.
//!
//!   queue-bench --files 100000 --db sqlite      (a temporary folder)
//!   queue-bench --files 100000 --db postgres    (a database of its own on TEST_DATABASE_URL,
//!                                                 as scripts/with-postgres.sh exports it)
//!
//! The table goes to stderr; stdout gets one JSON object per measure, one a line:
//! `{"db":"sqlite","files":100000,"measure":"page1_with_counts","p95_ms":12.3,"p50_ms":8.1}`.
//! The CSV and XLSX exports are measured in a process of their own (this program again,
//! `--export URL csv|xlsx`), so the peak memory is the export's, not the bulk insert's; their
//! lines add `csv_rows` and `csv_peak_rss_mb` (`xlsx_rows`, `xlsx_peak_rss_mb`).
//!
//!   queue-bench --files 1000000 --db sqlite --export-only
//!
//! measures only the exports, of one tab holding every file (all of them the agent's service
//! and to process): an export of N rows, to show that its memory does not grow with them.

use std::time::Instant;

use app::i18n::Lang;
use app::instruction::{Filters, QueueQuery};
use app::rules::decision::Role;
use app::rules::dossier::DossierState;
use app::rules::eligibility::{Contract, FiledBy};
use app::ssr::{AgentSession, Instruction};
use chrono::{Duration, Utc};
use futures_util::StreamExt as _;
use sea_orm::{
    ColumnTrait, ConnectionTrait, Database, EntityTrait, QueryFilter, Set, TransactionTrait,
};
use server::infra::db::entities::{dossier, instruction_service, security_event};
use server::instruction::queue::{ExportAudit, ExportFormat};

/// Every state a filed request can be in, the open ones more often, as in a real queue.
const STATES: [DossierState; 8] = [
    DossierState::Submitted,
    DossierState::Submitted,
    DossierState::InReview,
    DossierState::ChangesRequested,
    DossierState::Accepted,
    DossierState::Accepted,
    DossierState::Refused,
    DossierState::Closed,
];
const CONTRACTS: [Contract; 3] = [
    Contract::Employment,
    Contract::Cifre,
    Contract::Apprenticeship,
];
/// Family and given names of the students who apply, in their own scripts as often as not.
const FAMILY: [&str; 16] = [
    "Benaïssa",
    "Nguyễn",
    "王",
    "Diop",
    "Çelik",
    "Kowalska",
    "Ólafsdóttir",
    "Haddad",
    "Иванова",
    "Traoré",
    "김",
    "Müller",
    "حداد",
    "da Silva",
    "Öztürk",
    "Chen",
];
const GIVEN: [&str; 12] = [
    "Awa",
    "Mehdi",
    "小明",
    "Thảo",
    "Zeynep",
    "Дмитрий",
    "Léa",
    "Joon-ho",
    "Fatima",
    "Ana",
    "محمد",
    "Björn",
];
const DEPARTEMENTS: [&str; 4] = ["75", "69", "13", "59"];
/// The syllables of the other family names.
const SYLLABLES: [&str; 24] = [
    "ba", "ko", "mi", "ra", "lu", "te", "so", "ni", "va", "dö", "ké", "zu", "pa", "ro", "gi", "me",
    "ta", "fu", "lé", "no", "sa", "du", "hi", "jo",
];

/// A family name: each of `FAMILY` once in 1,024 files (file 0, 1,024… is a Benaïssa, all of
/// them the instructor's service and filed), the others one of 13,824 made of syllables, as
/// varied as a country's names: a name search finds a few files in a thousand, not one in 16.
fn family(i: u64) -> String {
    if (i / 16).is_multiple_of(64) {
        return FAMILY[(i % 16) as usize].to_owned();
    }
    let k = (i.wrapping_mul(2_654_435_761) >> 7) as usize;
    let name: String = [k % 24, k / 24 % 24, k / 576 % 24]
        .iter()
        .map(|s| SYLLABLES[*s])
        .collect();
    let mut chars = name.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn number(index: u64) -> String {
    format!("APT-2026-75-B{index:05X}")
}

struct Args {
    files: u64,
    db: String,
    runs: usize,
    /// Every file in one tab, and only the exports measured.
    export_only: bool,
}

fn args() -> anyhow::Result<Args> {
    let mut files = 100_000;
    let mut db = "sqlite".to_owned();
    let mut export_only = false;
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--files" => {
                files = it
                    .next()
                    .and_then(|v| v.parse().ok())
                    .ok_or_else(|| anyhow::anyhow!("--files N"))?
            }
            "--db" => {
                db = it
                    .next()
                    .ok_or_else(|| anyhow::anyhow!("--db sqlite|postgres"))?
            }
            "--export-only" => export_only = true,
            other => anyhow::bail!(
                "unknown argument {other}: queue-bench --files N --db sqlite|postgres [--export-only]"
            ),
        }
    }
    anyhow::ensure!(db == "sqlite" || db == "postgres", "--db sqlite|postgres");
    let runs = std::env::var("RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(30);
    Ok(Args {
        files,
        db,
        runs,
        export_only,
    })
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let mut argv = std::env::args().skip(1);
    if argv.next().as_deref() == Some("--export") {
        let (Some(url), Some(format)) = (argv.next(), argv.next()) else {
            anyhow::bail!("--export URL csv|xlsx");
        };
        return export_child(&url, &format).await;
    }
    let args = args()?;
    let dir = std::env::temp_dir().join(format!("wif-queue-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let url = match args.db.as_str() {
        "sqlite" => format!("sqlite://{}/bench.sqlite?mode=rwc", dir.display()),
        _ => {
            let admin_url = std::env::var("TEST_DATABASE_URL").map_err(|_| {
                anyhow::anyhow!("--db postgres needs TEST_DATABASE_URL (scripts/with-postgres.sh)")
            })?;
            let name = format!("wif_queue_bench_{}_{}", args.files, std::process::id());
            Database::connect(admin_url.as_str())
                .await?
                .execute_unprepared(&format!("CREATE DATABASE {name}"))
                .await?;
            format!(
                "{}/{name}",
                admin_url
                    .rsplit_once('/')
                    .map_or(admin_url.as_str(), |(b, _)| b)
            )
        }
    };
    let result = bench(&args, &url, &dir).await;
    // QUEUE_BENCH_KEEP=1 keeps the SQLite file, to read its plans afterwards.
    if std::env::var_os("QUEUE_BENCH_KEEP").is_some() {
        eprintln!("kept: {url}");
    } else {
        let _ = std::fs::remove_dir_all(&dir);
    }
    result
}

async fn state(url: &str, dir: &std::path::Path) -> anyhow::Result<server::AppState> {
    let config = server::Config::for_paths(url.to_owned(), dir);
    server::state(&config).await
}

fn agent(service: i32) -> AgentSession {
    AgentSession {
        agent_id: 1,
        email: "bench@example.gouv.fr".into(),
        role: Role::Instructor,
        service_ids: vec![service],
    }
}

async fn paris(db: &sea_orm::DatabaseConnection) -> anyhow::Result<i32> {
    Ok(instruction_service::Entity::find()
        .filter(instruction_service::Column::Code.eq("moe-paris"))
        .one(db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("demo services not seeded"))?
        .id)
}

fn query(pairs: &[(&str, &str)]) -> Filters {
    QueueQuery::from_pairs(|k| {
        pairs
            .iter()
            .find(|(key, _)| *key == k)
            .map(|(_, v)| (*v).to_owned())
    })
    .filters()
}

async fn bench(args: &Args, url: &str, dir: &std::path::Path) -> anyhow::Result<()> {
    let state = state(url, dir).await?;
    let db = &state.db;
    server::instruction::accounts::seed_demo(db)
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let services_ids: Vec<i32> = instruction_service::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|s| s.id)
        .collect();
    let paris = paris(db).await?;
    let started = Instant::now();
    fill(db, args.files, paris, &services_ids, args.export_only).await?;
    // What the server's hourly task does (server::infra::db::analyze).
    server::infra::db::analyze(db).await?;
    eprintln!(
        "{} files inserted in {:.1} s ({})",
        args.files,
        started.elapsed().as_secs_f64(),
        args.db
    );

    let agent = agent(paris);
    let services = &state.services;
    let today = Utc::now().date_naive();
    let runs = args.runs;
    let emit = |measure: &str, times: &mut Vec<f64>, label: &str, extra: &str| {
        let (p50, p95, max) = percentiles(times);
        eprintln!("{label:<44} {p50:>9.2} {p95:>9.2} {max:>9.2}");
        println!(
            "{{\"db\":\"{}\",\"files\":{},\"measure\":\"{measure}\",\"p95_ms\":{p95:.2},\"p50_ms\":{p50:.2}{extra}}}",
            args.db, args.files
        );
    };
    eprintln!(
        "{:<44} {:>9} {:>9} {:>9}   (ms, {runs} runs each)",
        "measure", "median", "p95", "max"
    );

    // The queue's pages, searches, one file and the statistics (not with --export-only).
    if !args.export_only {
        // The last page of the tab: the page before its last file (the queue pages by key).
        let last_file = server::instruction::keyset::ordered(
            dossier::Entity::find()
                .filter(dossier::Column::ServiceId.eq(paris))
                .filter(dossier::Column::State.eq(DossierState::Submitted)),
            app::rules::decision::Tab::ToProcess,
            false,
        )
        .one(&services.db)
        .await?
        .and_then(|d| d.number)
        .ok_or_else(|| anyhow::anyhow!("no file to process"))?;
        let cases: Vec<(&str, &str, Filters)> = vec![
            ("page1_with_counts", "queue, to process, page 1", query(&[])),
            (
                "last_page",
                "queue, to process, last page",
                query(&[("avant", &last_file)]),
            ),
            // A name's beginning without its accent: finds the Benaïssa (the search folds accents).
            (
                "search_name",
                "search by a name's substring",
                query(&[("q", "benaiss")]),
            ),
            (
                "search_number_prefix",
                "search by a number's beginning",
                query(&[("q", "APT-2026-75-B010")]),
            ),
            // The SIRET of file 4248: Paris's (≡ 0 mod 4), filed and waiting (≡ 0 mod 8), see `fill`.
            (
                "search_siret",
                "search by SIRET",
                query(&[("q", "73282932004248")]),
            ),
            (
                "decided_page1",
                "queue, decided, page 1",
                query(&[("onglet", "decides")]),
            ),
            (
                "filter_contract_dates",
                "contract type + start dates",
                query(&[
                    ("contrat", "cifre"),
                    ("du", &today.to_string()),
                    ("au", &(today + Duration::days(10)).to_string()),
                ]),
            ),
        ];
        for (measure, label, filters) in &cases {
            let mut times = Vec::with_capacity(runs);
            let mut total = 0;
            for _ in 0..runs {
                let t = Instant::now();
                let page = services.queue(&agent, filters).await?;
                times.push(ms(t));
                total = page.total;
            }
            emit(measure, &mut times, &format!("{label} [{total}]"), "");
        }
        let mut times = Vec::with_capacity(runs);
        for i in 0..runs as u64 {
            // Files of the agent's service (index ≡ 0 mod 4 is Paris, see `fill`).
            let t = Instant::now();
            Instruction::dossier(services, &agent, &number((i * 4_001 * 4) % args.files)).await?;
            times.push(ms(t));
        }
        emit(
            "dossier",
            &mut times,
            "one file as the instructor reads it",
            "",
        );
        let mut times = Vec::new();
        for _ in 0..runs.min(10) {
            // The computation itself, not the page's one-minute cache.
            *services
                .stats_cache
                .lock()
                .unwrap_or_else(|e| e.into_inner()) = None;
            let t = Instant::now();
            services.stats().await?;
            times.push(ms(t));
        }
        emit("statistics", &mut times, "public statistics (computed)", "");
    }
    drop(state);

    // Each export three times, each in a process of its own.
    for (format, label) in [("csv", "CSV"), ("xlsx", "XLSX")] {
        let mut times = Vec::new();
        let (mut rows, mut peak) = (0, 0.0f64);
        for _ in 0..3 {
            let out = std::process::Command::new(std::env::current_exe()?)
                .args(["--export", url, format])
                .output()?;
            anyhow::ensure!(
                out.status.success(),
                "export: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            let line = String::from_utf8(out.stdout)?;
            let mut fields = line.split_whitespace();
            let mut next = || {
                fields
                    .next()
                    .and_then(|f| f.parse::<f64>().ok())
                    .unwrap_or(0.0)
            };
            times.push(next());
            rows = next() as u64;
            peak = peak.max(next());
        }
        // With --export-only the tab holds every file: its measures are named apart.
        let every = if args.export_only { "_every_file" } else { "" };
        emit(
            &format!("{format}_export{every}"),
            &mut times,
            &format!("{label} export, to process ({rows} rows, peak RSS {peak:.1} MB)"),
            &format!(",\"{format}_rows\":{rows},\"{format}_peak_rss_mb\":{peak:.1}"),
        );
    }
    // A PostgreSQL database goes with the throwaway cluster.
    Ok(())
}

/// The child process: one export of "to process" read to its end; prints its time in ms, its
/// rows and the process's peak resident memory in MB.
async fn export_child(url: &str, format: &str) -> anyhow::Result<()> {
    let format = match format {
        "csv" => ExportFormat::Csv,
        "xlsx" => ExportFormat::Xlsx(Lang::Fr),
        other => anyhow::bail!("--export URL csv|xlsx, not {other}"),
    };
    let dir = std::env::temp_dir().join(format!("wif-queue-bench-export-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let state = state(url, &dir).await?;
    let agent = agent(paris(&state.db).await?);
    let t = Instant::now();
    // Logged as the server logs an export: its row count is read back from the security log.
    let audit = ExportAudit {
        agent_email: "bench@example.gouv.fr".into(),
        client: "127.0.0.1".into(),
        name: format!("queue-bench-{}", std::process::id()),
    };
    let mut body = std::pin::pin!(state.services.queue_export(
        &agent,
        &query(&[]),
        format,
        Some(audit.clone())
    )?);
    let mut bytes = 0u64;
    while let Some(chunk) = body.next().await {
        bytes += chunk?.len() as u64;
    }
    let elapsed = ms(t);
    let status = std::fs::read_to_string("/proc/self/status")?;
    let peak_kb: f64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(0.0);
    let logged = security_event::Entity::find()
        .filter(security_event::Column::Kind.eq("export"))
        .all(&state.db)
        .await?
        .into_iter()
        .filter_map(|e| e.detail)
        .find(|d| d.starts_with(&format!("{}: ", audit.name)))
        .ok_or_else(|| anyhow::anyhow!("the export was not logged"))?;
    let rows: u64 = logged
        .split_whitespace()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .ok_or_else(|| anyhow::anyhow!("no row count in {logged:?}"))?;
    anyhow::ensure!(
        logged.ends_with(" rows") && bytes > 0,
        "the export did not end: {logged:?}"
    );
    println!("{elapsed:.2} {rows} {:.1}", peak_kb / 1024.0);
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

/// `n` filed requests: a quarter for Paris (the agent's service), the rest spread over the other
/// services; states, contracts and names varied; filed over the past two years, contracts
/// starting over two years. `one_tab`: every file Paris's and to process instead.
async fn fill(
    db: &sea_orm::DatabaseConnection,
    n: u64,
    paris: i32,
    services: &[i32],
    one_tab: bool,
) -> anyhow::Result<()> {
    let now = Utc::now();
    let today = now.date_naive();
    let others: Vec<i32> = services.iter().copied().filter(|s| *s != paris).collect();
    let txn = db.begin().await?;
    // PostgreSQL: the rows go in without the triggers that keep the counts (the same counter
    // rows updated a million times in one transaction is quadratic there), which are then
    // counted once, as their migration does. SQLite's triggers keep them as the rows go in.
    let postgres = db.get_database_backend() == sea_orm::DbBackend::Postgres;
    if postgres {
        txn.execute_unprepared("SET LOCAL session_replication_role = replica")
            .await?;
    }
    let mut batch = Vec::with_capacity(500);
    for i in 0..n {
        let state = if one_tab {
            DossierState::Submitted
        } else {
            STATES[(i % 8) as usize]
        };
        let submitted = now - Duration::minutes((i * 7 % 1_051_200) as i64);
        let service = if i % 4 == 0 || others.is_empty() || one_tab {
            paris
        } else {
            others[(i as usize / 4) % others.len()]
        };
        let name = format!("{} {} {i}", family(i), GIVEN[(i / 16 % 12) as usize]);
        batch.push(dossier::ActiveModel {
            id: Set(format!("00000000-0000-4000-8000-{i:012}")),
            number: Set(Some(number(i))),
            state: Set(state),
            filed_by: Set(if i % 3 == 0 {
                FiledBy::Student
            } else {
                FiledBy::Employer
            }),
            lang: Set(if i % 5 == 0 { Lang::En } else { Lang::Fr }),
            creator_email: Set(format!("rh{i}@example.fr")),
            student_email: Set(Some(format!("etudiant{i}@example.org"))),
            employer_email: Set(Some(format!("rh{i}@example.fr"))),
            student_form: Set(None),
            employer_form: Set(None),
            job_form: Set(None),
            departement: Set(Some(DEPARTEMENTS[(i / 4 % 4) as usize].into())),
            service_id: Set(Some(service)),
            search_name: Set(Some(server::instruction::search::fold(&name))),
            student_name: Set(Some(name)),
            siret: Set(Some(format!("{:014}", 73_282_932_000_000u64 + i))),
            contract_start: Set(Some(
                today - Duration::days(365) + Duration::days((i * 11 % 730) as i64),
            )),
            permit_expires: Set(Some(today + Duration::days(30 + (i * 13 % 700) as i64))),
            contract_type: Set(Some(CONTRACTS[(i % 3) as usize])),
            requested_documents: Set(None),
            version: Set(3),
            created_at: Set(submitted),
            updated_at: Set(submitted),
            submitted_at: Set(Some(submitted)),
            decided_at: Set(state
                .is_final()
                .then(|| submitted + Duration::days((i % 40) as i64))),
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
    if postgres {
        txn.execute_unprepared("SET LOCAL session_replication_role = DEFAULT")
            .await?;
        server::infra::db::rebuild_counts(&txn).await?;
    }
    txn.commit().await?;
    Ok(())
}

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1000.0
}

/// Median, 95th percentile and maximum.
fn percentiles(times: &mut [f64]) -> (f64, f64, f64) {
    times.sort_by(|a, b| a.total_cmp(b));
    let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    (at(0.5), at(0.95), at(1.0))
}
