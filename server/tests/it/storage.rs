//! The documents' storage, through the real router: the local folder, or, under
//! `scripts/with-seaweedfs.sh`, an S3 bucket on a real SeaweedFS server. Uploads stream in
//! (multipart parts on S3), downloads stream back the same bytes, a removed or purged file
//! leaves no object, and an upload stopped half-way leaves none either.

use crate::common::{self, TestApp};
use axum::http::StatusCode;
use chrono::Duration;

async fn keys(app: &TestApp) -> Vec<String> {
    app.state.services.storage.keys().await.unwrap()
}

/// The process's peak resident memory, in kB (Linux).
fn peak_rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

#[tokio::test(flavor = "multi_thread")]
async fn documents_are_stored_served_and_removed() {
    let app = TestApp::with(common::on_test_storage).await;
    println!("storage: {}", app.state.services.storage.describe());
    let cookie = common::journey::typed_draft(&app, "store@example.org").await;
    // Ten megabytes of varied bytes: more than one multipart part.
    let mut big = common::pdf_bytes(10 * 1024 * 1024 - 512);
    for (i, b) in big.iter_mut().enumerate().skip(16) {
        *b = (i % 251) as u8;
    }
    let before = peak_rss_kb();
    let r = common::upload(&app.router, "passport", "p.pdf", big.clone(), &cookie).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    println!(
        "peak RSS {} kB before the 10 MB upload, {} kB after",
        before,
        peak_rss_kb()
    );
    let id = r.json()["id"].as_str().unwrap().to_owned();
    let small = common::upload(
        &app.router,
        "residence_permit",
        "t.pdf",
        common::pdf_bytes(2048),
        &cookie,
    )
    .await;
    assert_eq!(small.status, StatusCode::CREATED, "{}", small.body);
    let stored = keys(&app).await;
    assert_eq!(stored.len(), 2, "{stored:?}");
    assert!(stored.iter().all(|k| !k.contains("p.pdf")), "keys are ours");

    let served = common::get_with(&app.router, &format!("/demande/fichier/{id}"), &cookie).await;
    assert_eq!(served.status, StatusCode::OK);
    assert_eq!(served.bytes.len(), big.len());
    assert!(served.bytes == big, "the same bytes come back");

    let removed = common::call(
        &app.router,
        "demande/retirer-fichier",
        &[("id", &id), ("back", "/demande/justificatifs")],
        Some(&cookie),
    )
    .await;
    assert!(removed.status.is_success(), "{}", removed.body);
    assert_eq!(
        keys(&app).await.len(),
        1,
        "the removed file's object is gone"
    );

    // The draft's purge takes its files with it.
    app.advance(Duration::days(15));
    assert_eq!(app.state.services.purge_expired_drafts().await.unwrap(), 1);
    assert!(keys(&app).await.is_empty(), "{:?}", keys(&app).await);
}

#[tokio::test(flavor = "multi_thread")]
async fn an_upload_stopped_half_way_leaves_no_object() {
    let app = TestApp::with(|c| {
        common::on_test_storage(c);
        c.upload_timeout = std::time::Duration::from_millis(1500);
    })
    .await;
    let cookie = common::journey::typed_draft(&app, "half@example.org").await;
    let (request, tx) = common::stalled_upload("passport", &cookie);
    tx.send(Ok(common::first_part())).await.unwrap();
    // More than one part's worth, then nothing: the time limit stops it.
    tx.send(Ok(vec![b'x'; 6 * 1024 * 1024])).await.unwrap();
    let reply = common::send(&app.router, request).await;
    assert_eq!(reply.status, StatusCode::REQUEST_TIMEOUT, "{}", reply.body);
    drop(tx);
    assert!(keys(&app).await.is_empty());
    // The next upload goes through: sent to an instance with the usual time limit, the tight
    // one above being for the stalled upload only (a small S3 upload may take more than 1.5 s
    // while the other storage test uploads 10 MB to the same server).
    let usual = app
        .another_instance_with(|c| c.upload_timeout = std::time::Duration::from_secs(120))
        .await;
    let ok = common::upload(
        &usual.router,
        "passport",
        "p.pdf",
        common::pdf_bytes(1024),
        &cookie,
    )
    .await;
    assert_eq!(ok.status, StatusCode::CREATED, "{}", ok.body);
    assert_eq!(keys(&app).await.len(), 1);
}
