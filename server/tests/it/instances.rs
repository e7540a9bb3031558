//! Several instances on one database (SQLite here, PostgreSQL under `scripts/with-postgres.sh`):
//! what one counts, the other sees — per-client limits, locks, upload slots — and the hourly
//! pass runs on one of them per period. Instances starting at once migrate one after the other.

use crate::common::{self, client, TestApp};
use chrono::Duration;
use common::agent::{agent_sign_in, error_kind};
use server::instruction::accounts::DEMO_PASSWORD;
use server::services::NoSlot;

#[tokio::test(flavor = "multi_thread")]
async fn what_one_instance_counts_the_other_sees() {
    let one = TestApp::with(|c| {
        c.sign_in_per_client = 3;
        c.upload_concurrency = 3;
        c.upload_concurrency_per_client = 2;
    })
    .await;
    let two = one.another_instance().await;
    server::instruction::accounts::seed_demo(&one.state.db)
        .await
        .unwrap();

    // An agent's lock for a client, reached on one, holds on the other.
    for k in 0..5 {
        let r = agent_sign_in(&one, &format!("wrong {k}"), 7).await;
        assert_eq!(error_kind(&r), "BadCredentials");
    }
    let locked = agent_sign_in(&two, DEMO_PASSWORD, 7).await;
    assert!(locked.cookie("wif_agent").is_none(), "{}", locked.body);
    let elsewhere = agent_sign_in(&two, DEMO_PASSWORD, 8).await;
    assert!(
        elsewhere.cookie("wif_agent").is_some(),
        "{}",
        elsewhere.body
    );

    // The per-client limit of access-code guesses is one count for both.
    let email = "shared@example.org";
    for (app, k) in [(&one, 0), (&two, 1), (&one, 2)] {
        let r = common::call_from(
            &app.router,
            "demande/acces",
            &[("email", email), ("code", &format!("00000{k}"))],
            None,
            Some(client(9)),
        )
        .await;
        assert_eq!(error_kind(&r), "WrongCode", "{}", r.body);
    }
    let fourth = common::call_from(
        &two.router,
        "demande/acces",
        &[("email", email), ("code", "000003")],
        None,
        Some(client(9)),
    )
    .await;
    assert_eq!(error_kind(&fourth), "RateLimited", "{}", fourth.body);

    // Upload slots are counted across instances, per client and in all.
    let a = client(10).to_string();
    let held = [
        one.state.services.upload_slot(&a).await.unwrap().unwrap(),
        two.state.services.upload_slot(&a).await.unwrap().unwrap(),
    ];
    assert_eq!(
        one.state.services.upload_slot(&a).await.unwrap().err(),
        Some(NoSlot::BusyHere)
    );
    let other = two
        .state
        .services
        .upload_slot(&client(11).to_string())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        one.state
            .services
            .upload_slot(&client(12).to_string())
            .await
            .unwrap()
            .err(),
        Some(NoSlot::Busy)
    );
    for slot in held {
        slot.release().await;
    }
    other.release().await;
    assert!(one.state.services.upload_slot(&a).await.unwrap().is_ok());
}

#[tokio::test(flavor = "multi_thread")]
async fn the_hourly_pass_runs_once_per_period_across_instances() {
    let one = TestApp::new().await;
    let two = one.another_instance().await;
    assert!(one.state.services.hourly_pass().await.unwrap().is_some());
    assert!(
        two.state.services.hourly_pass().await.unwrap().is_none(),
        "the other instance skips the period"
    );
    assert!(one.state.services.hourly_pass().await.unwrap().is_some());
    one.advance(Duration::minutes(
        server::retention::HOURLY_LEASE_MINUTES + 1,
    ));
    assert!(
        two.state.services.hourly_pass().await.unwrap().is_some(),
        "the next period is whoever comes first"
    );
    assert!(one.state.services.hourly_pass().await.unwrap().is_none());
}

/// Instances starting at the same moment on an empty database: each gets a migrated schema.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn instances_starting_together_migrate_once() {
    let url = common::database_url().await;
    let mut starts = tokio::task::JoinSet::new();
    for _ in 0..4 {
        let url = url.clone();
        starts.spawn(async move { server::infra::db::connect(&url).await.map(|_| ()) });
    }
    for started in starts.join_all().await {
        started.expect("every instance starts");
    }
    let db = server::infra::db::connect(&url).await.unwrap();
    use sea_orm_migration::MigratorTrait as _;
    let pending = server::infra::migration::Migrator::get_pending_migrations(&db)
        .await
        .unwrap();
    assert!(pending.is_empty());
}
