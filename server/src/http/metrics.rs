//! `GET /metrics`: one instance's figures in the Prometheus text exposition (OpenMetrics):
//! requests by route, method and status, their latency, the e-mail queue's depth (read from the
//! database: the same on every instance) and this instance's sending failures.
//!
//! Not for the public: without `METRICS_TOKEN` the route answers 404, with it the scraper sends
//! `Authorization: Bearer <token>`; the proxy of `deploy/` refuses the path from outside too.

use std::sync::Arc;
use std::time::Instant;

use axum::extract::{MatchedPath, Request, State};
use axum::http::{header, HeaderMap, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{exponential_buckets, Histogram};
use prometheus_client::registry::Registry;
use sea_orm::ActiveEnum as _;

use crate::AppState;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RequestLabels {
    route: String,
    method: String,
    status: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RouteLabels {
    route: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct StateLabels {
    state: String,
}

type LatencyFamily = Family<RouteLabels, Histogram, fn() -> Histogram>;

fn latency_histogram() -> Histogram {
    // 5 ms to about 20 s.
    Histogram::new(exponential_buckets(0.005, 2.0, 12))
}

/// What this instance counts.
pub struct Metrics {
    registry: Registry,
    requests: Family<RequestLabels, Counter>,
    latency: LatencyFamily,
    mail_queue: Family<StateLabels, Gauge>,
    /// Tries to send a message that failed (the message stays queued, or is given up).
    pub mail_failures: Counter,
    pub mails_sent: Counter,
}

impl Default for Metrics {
    fn default() -> Self {
        let mut registry = Registry::with_prefix("wif");
        let requests = Family::<RequestLabels, Counter>::default();
        registry.register(
            "http_requests",
            "HTTP requests answered, by route, method and status",
            requests.clone(),
        );
        let latency = LatencyFamily::new_with_constructor(latency_histogram);
        registry.register(
            "http_request_duration_seconds",
            "Time to answer (until the response's head), by route",
            latency.clone(),
        );
        let mail_queue = Family::<StateLabels, Gauge>::default();
        registry.register(
            "mail_queue",
            "E-mails waiting (queued, failing: being retried) or given up (failed), all instances",
            mail_queue.clone(),
        );
        let mail_failures = Counter::default();
        registry.register(
            "mail_send_failures",
            "Tries to send an e-mail that failed, on this instance",
            mail_failures.clone(),
        );
        let mails_sent = Counter::default();
        registry.register(
            "mails_sent",
            "E-mails sent by this instance",
            mails_sent.clone(),
        );
        Self {
            registry,
            requests,
            latency,
            mail_queue,
            mail_failures,
            mails_sent,
        }
    }
}

impl Metrics {
    fn observe(&self, route: String, method: String, status: u16, seconds: f64) {
        self.latency
            .get_or_create(&RouteLabels {
                route: route.clone(),
            })
            .observe(seconds);
        self.requests
            .get_or_create(&RequestLabels {
                route,
                method,
                status,
            })
            .inc();
    }
}

/// Counts every request under its route's pattern (`/instruction/dossier/{number}`, never the
/// number itself): the labels stay few whatever the clients ask for.
pub async fn record(State(metrics): State<Arc<Metrics>>, request: Request, next: Next) -> Response {
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map(|p| p.as_str().to_owned())
        .unwrap_or_else(|| "unmatched".into());
    let method = match *request.method() {
        Method::GET
        | Method::HEAD
        | Method::POST
        | Method::PUT
        | Method::DELETE
        | Method::OPTIONS
        | Method::PATCH => request.method().as_str().to_owned(),
        _ => "other".into(),
    };
    let start = Instant::now();
    let response = next.run(request).await;
    metrics.observe(
        route,
        method,
        response.status().as_u16(),
        start.elapsed().as_secs_f64(),
    );
    response
}

/// The scrape.
pub async fn metrics(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let Some(token) = state.metrics_token.as_deref() else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or("");
    if !crate::infra::secret::same(given.as_bytes(), token.as_bytes()) {
        return (
            StatusCode::UNAUTHORIZED,
            [(header::WWW_AUTHENTICATE, "Bearer")],
            "a bearer token is needed\n",
        )
            .into_response();
    }
    let metrics = &state.services.metrics;
    match state.services.mail_waiting().await {
        Ok(counts) => {
            for (mail_state, n) in counts {
                metrics
                    .mail_queue
                    .get_or_create(&StateLabels {
                        state: mail_state.to_value(),
                    })
                    .set(n as i64);
            }
        }
        Err(e) => tracing::error!("metrics: mail queue not counted: {e}"),
    }
    let mut text = String::new();
    if let Err(e) = prometheus_client::encoding::text::encode(&mut text, &metrics.registry) {
        tracing::error!("metrics not encoded: {e}");
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    }
    (
        [(
            header::CONTENT_TYPE,
            "application/openmetrics-text; version=1.0.0; charset=utf-8",
        )],
        text,
    )
        .into_response()
}
