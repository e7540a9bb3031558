//! The server side of Work in France: configuration, the axum router (pages through
//! leptos_axum, the public JSON API, static files) and the adapters behind `app`'s pages.

pub mod access;
pub mod accounts;
pub mod api;
pub mod applicants;
pub mod authorisation;
pub mod config;
pub mod db;
pub mod demo;
pub mod files;
pub mod headers;
pub mod instruction;
pub mod limiter;
pub mod mail;
pub mod migration;
pub mod net;
pub mod notify;
pub mod pdf;
pub mod receipt;
pub mod retention;
pub mod secret;
pub mod security;
pub mod storage;

use std::sync::Arc;

use app::rules::RulesConfig;
use app::{shell, App};
use axum::extract::FromRef;
use axum::http::{header, HeaderValue};
use axum::response::IntoResponse as _;
use axum::routing::{get, post};
use axum::Router;
use leptos::config::LeptosOptions;
use leptos::prelude::provide_context;
use leptos_axum::{generate_route_list, LeptosRoutes};
use sea_orm::DatabaseConnection;

use crate::applicants::Services;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::set_header::SetResponseHeaderLayer;

pub use config::Config;

#[derive(Clone)]
pub struct AppState {
    pub db: DatabaseConnection,
    pub leptos_options: LeptosOptions,
    pub rules: Arc<RulesConfig>,
    pub services: Services,
    /// Proxies whose `X-Forwarded-For` is believed.
    pub trusted_proxies: Arc<Vec<net::Cidr>>,
    pub header_policy: Arc<headers::HeaderPolicy>,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}

/// Leptos' options without cargo-leptos's environment, so the binary and the tests run alone.
pub fn leptos_options(config: &Config) -> LeptosOptions {
    LeptosOptions::builder()
        .output_name(option_env!("LEPTOS_OUTPUT_NAME").unwrap_or("work-in-france"))
        .site_root(config.site_root.to_string_lossy().into_owned())
        .site_addr(config.addr)
        .build()
}

pub async fn state(config: &Config) -> anyhow::Result<AppState> {
    state_with_clock(config, Arc::new(chrono::Utc::now)).await
}

/// The state with a clock of the caller's choice (tests move time forward).
pub async fn state_with_clock(
    config: &Config,
    clock: applicants::Clock,
) -> anyhow::Result<AppState> {
    let db = db::connect(&config.database_url).await?;
    let rules = Arc::new(RulesConfig::default());
    let mailer = match &config.smtp_url {
        Some(url) => mail::Mailer::smtp(url, &config.mail_from)?,
        None => mail::Mailer::outbox(config.outbox_dir.clone(), &config.mail_from)?,
    };
    storage::clean_incoming(&config.storage_dir);
    let services = Services {
        db: db.clone(),
        rules: rules.clone(),
        mailer: Arc::new(mailer),
        storage: Arc::new(storage::LocalDir::new(&config.storage_dir)?),
        clock,
        public_url: config.public_url.clone(),
        login_limiter: Arc::new(limiter::Limiter::new(20, chrono::Duration::minutes(15))),
        applicant_limiter: Arc::new(limiter::Limiter::new(
            config.sign_in_per_client,
            chrono::Duration::minutes(15),
        )),
        code_limiter: Arc::new(limiter::Limiter::new(
            config.code_requests_per_client,
            chrono::Duration::hours(1),
        )),
        verify_limiter: Arc::new(limiter::Limiter::new(20, chrono::Duration::minutes(15))),
        stats_cache: Default::default(),
        retention: config.retention,
        uploads: Arc::new(applicants::UploadLimits {
            slots: Arc::new(tokio::sync::Semaphore::new(config.upload_concurrency)),
            timeout: config.upload_timeout,
        }),
    };
    Ok(AppState {
        db,
        leptos_options: leptos_options(config),
        rules,
        services,
        trusted_proxies: Arc::new(config.trusted_proxies.clone()),
        header_policy: Arc::new(headers::HeaderPolicy {
            https: config.https(),
        }),
    })
}

/// Server functions and other mutations accept same-origin requests only: a page of another
/// site cannot make a signed-in browser post here (server functions do no CSRF check).
async fn same_origin_only(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    use axum::http::Method;
    use axum::response::IntoResponse;
    if matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    ) {
        return next.run(request).await;
    }
    let headers = request.headers();
    let site = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok());
    let allowed = match site {
        Some(site) => matches!(site, "same-origin" | "none"),
        None => match (
            headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()),
            headers.get(header::HOST).and_then(|v| v.to_str().ok()),
        ) {
            (Some(origin), Some(host)) => origin
                .split_once("://")
                .is_some_and(|(_, rest)| rest == host),
            // Not a browser's cross-site request (browsers send Origin on cross-site POSTs).
            (None, _) => true,
            (Some(_), None) => false,
        },
    };
    if allowed {
        next.run(request).await
    } else {
        (
            axum::http::StatusCode::FORBIDDEN,
            "cross-site request refused",
        )
            .into_response()
    }
}

/// Puts the client's address in the request, for the rate limits and the security log: the
/// peer's, or what a trusted proxy says (`net::client_address`).
async fn client_addr(
    axum::extract::State(trusted): axum::extract::State<Arc<Vec<net::Cidr>>>,
    mut request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let peer = request
        .extensions()
        .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
        .map(|c| c.0.ip());
    let addr = match peer {
        Some(peer) => {
            let forwarded = request
                .headers()
                .get("x-forwarded-for")
                .and_then(|v| v.to_str().ok());
            net::client_address(peer, forwarded, &trusted).to_string()
        }
        None => String::new(),
    };
    request.extensions_mut().insert(app::ssr::ClientAddr(addr));
    next.run(request).await
}

/// Server functions answer their errors with HTTP 500 whatever they are; this gives each the
/// status of its kind (`AppError::status`: 4xx for the user's mistakes) and `Retry-After` when
/// there is a wait. Form posts without JavaScript are redirects and are left as they are.
async fn error_status(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    use axum::http::StatusCode;
    let response = next.run(request).await;
    if response.status() != StatusCode::INTERNAL_SERVER_ERROR
        || !response.headers().contains_key("serverfnerror")
    {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, 1 << 20).await else {
        return (StatusCode::INTERNAL_SERVER_ERROR, "error body unreadable").into_response();
    };
    if let Ok(error) = serde_json::from_slice::<app::model::AppError>(&bytes) {
        parts.status = StatusCode::from_u16(error.status()).unwrap_or(parts.status);
        if let Some(seconds) = error.retry_after() {
            parts
                .headers
                .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
    }
    axum::response::Response::from_parts(parts, axum::body::Body::from(bytes))
}

/// Applies the retention schedule every hour (`retention.rs`).
pub fn spawn_purge(services: Services) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(std::time::Duration::from_secs(3600));
        loop {
            tick.tick().await;
            match services.apply_retention().await {
                Ok(removed) if removed == Default::default() => {}
                Ok(removed) => tracing::info!("retention: {removed:?}"),
                Err(e) => tracing::error!("retention pass failed: {e}"),
            }
            if let Err(e) = db::analyze(&services.db).await {
                tracing::warn!("planner statistics not refreshed: {e}");
            }
        }
    });
}

/// Gives the page this answer's CSP nonce (`headers::security_headers` made it), for the
/// scripts leptos writes.
fn provide_nonce() {
    use leptos::prelude::use_context;
    if let Some(nonce) = use_context::<axum::http::request::Parts>()
        .and_then(|p| p.extensions.get::<headers::CspNonce>().cloned())
    {
        provide_context(leptos::nonce::Nonce::from_value(nonce.0));
    }
}

/// The whole application: what `main` serves and what the integration tests drive.
pub fn router(state: AppState) -> Router {
    let routes = generate_route_list(App);
    let options = state.leptos_options.clone();
    let applicants: app::ssr::ApplicantsRef = Arc::new(state.services.clone());
    let instruction: app::ssr::InstructionRef = Arc::new(state.services.clone());
    Router::new()
        .route(
            "/demande/fichiers/{kind}",
            post(files::upload).layer(axum::extract::DefaultBodyLimit::max(
                files::UPLOAD_BODY_LIMIT,
            )),
        )
        .route("/demande/fichier/{id}", get(files::download))
        .route("/demande/recepisse.pdf", get(files::receipt))
        .route(
            "/demande/autorisation.pdf",
            get(files::applicant_authorisation),
        )
        .route("/instruction/fichier/{id}", get(files::agent_download))
        .route(
            "/instruction/autorisation/{number}",
            get(files::agent_authorisation),
        )
        .route("/instruction/export.csv", get(files::export_csv))
        .route("/healthz", get(api::healthz))
        .route("/healthz/live", get(|| async { "ok" }))
        .route("/api/v1/eligibility", post(api::eligibility))
        .route("/api/v1/openapi.json", get(api::openapi))
        .route("/api/v1/routing/{postcode}", get(api::routing))
        .leptos_routes_with_context(
            &state,
            routes,
            move || {
                provide_context(applicants.clone());
                provide_context(instruction.clone());
                provide_nonce();
            },
            move || shell(options.clone()),
        )
        .fallback(leptos_axum::file_and_error_handler_with_context::<
            AppState,
            _,
        >(provide_nonce, shell))
        .layer(axum::middleware::from_fn(error_status))
        .layer(axum::middleware::from_fn(same_origin_only))
        .layer(axum::middleware::from_fn_with_state(
            state.trusted_proxies.clone(),
            client_addr,
        ))
        .layer(CatchPanicLayer::custom(api::panic_response))
        .layer(axum::middleware::from_fn_with_state(
            state.header_policy.clone(),
            headers::security_headers,
        ))
        .layer(CompressionLayer::new())
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("DENY"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::REFERRER_POLICY,
            HeaderValue::from_static("same-origin"),
        ))
        .with_state(state)
}
