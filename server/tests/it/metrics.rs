//! `GET /metrics`: served only with its token, requests counted under their route's pattern,
//! the e-mail queue's depth and the failed tries to send.

use axum::body::Body;
use axum::http::{header, Request, StatusCode};

use crate::common::{call, free_port, get, send, TestApp};

const TOKEN: &str = "scraper-token-0123456789";

async fn scrape(app: &TestApp, authorization: Option<&str>) -> crate::common::Reply {
    let mut request = Request::get("/metrics");
    if let Some(value) = authorization {
        request = request.header(header::AUTHORIZATION, value);
    }
    send(&app.router, request.body(Body::empty()).unwrap()).await
}

#[tokio::test]
async fn metrics_need_their_token_and_count_routes_and_the_mail_queue() {
    // Without a token configured the route does not exist.
    let plain = TestApp::new().await;
    assert_eq!(
        get(&plain.router, "/metrics").await.status,
        StatusCode::NOT_FOUND
    );

    // With one; the e-mail through an SMTP server that is not there.
    let port = free_port();
    let app = TestApp::with(|c| {
        c.metrics_token = Some(TOKEN.into());
        c.smtp_url = Some(format!("smtp://127.0.0.1:{port}"));
    })
    .await;
    for refused in [None, Some("Bearer wrong-token-0123456789"), Some(TOKEN)] {
        let reply = scrape(&app, refused).await;
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "{refused:?}");
        assert_eq!(reply.headers[header::WWW_AUTHENTICATE], "Bearer");
    }

    for _ in 0..2 {
        assert_eq!(get(&app.router, "/healthz").await.status, StatusCode::OK);
    }
    assert_eq!(
        get(&app.router, "/api/v1/routing/69003").await.status,
        StatusCode::OK
    );
    assert_eq!(
        get(&app.router, "/nulle-part").await.status,
        StatusCode::NOT_FOUND
    );
    let started = call(
        &app.router,
        "demande/commencer",
        &[("email", "mesure@example.org"), ("role", "student")],
        None,
    )
    .await;
    assert!(started.status.is_success(), "{}", started.body);
    // The code's e-mail is tried once and fails: it stays queued, being retried.
    assert_eq!(app.state.services.deliver_due_mail().await.unwrap(), 1);

    let reply = scrape(&app, Some(&format!("Bearer {TOKEN}"))).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert!(reply.headers[header::CONTENT_TYPE]
        .to_str()
        .unwrap()
        .starts_with("application/openmetrics-text"));
    let text = reply.body;
    for line in [
        r#"wif_http_requests_total{route="/healthz",method="GET",status="200"} 2"#,
        r#"wif_http_requests_total{route="/api/v1/routing/{postcode}",method="GET",status="200"} 1"#,
        r#"wif_http_requests_total{route="unmatched",method="GET",status="404"} 1"#,
        r#"wif_http_request_duration_seconds_count{route="/healthz"} 2"#,
        r#"wif_mail_queue{state="failing"} 1"#,
        r#"wif_mail_queue{state="queued"} 0"#,
        "wif_mail_send_failures_total 1",
        "wif_mails_sent_total 0",
    ] {
        assert!(text.lines().any(|l| l == line), "{line} in\n{text}");
    }
    // A route's pattern, never what the client put in it.
    assert!(!text.contains("69003"), "{text}");
    // The refused scrapes are counted too, as any request.
    assert!(
        text.contains(r#"wif_http_requests_total{route="/metrics",method="GET",status="401"} 3"#),
        "{text}"
    );
    assert!(text.trim_end().ends_with("# EOF"));
}
