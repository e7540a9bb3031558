//! The server side of Work in France: configuration, the axum router (pages through
//! leptos_axum, the public JSON API, static files) and the adapters behind `app`'s pages.

//!
//! | module | what it owns |
//! |---|---|
//! | `services` | `Services`, the one object both sides' ports are implemented on |
//! | `dossier` | what both sides read and write of a dossier: row, documents, history, parsed steps, version check |
//! | `applicant` | the applicant's port and routes: access codes, draft, uploads, filing, follow-up, downloads |
//! | `instruction` | the instructor's port and routes: sign-in, queue, acts, administration, public check, statistics, exports |
//! | `documents` | receipt and authorisation PDFs, e-mail texts, file answers |
//! | `retention` | how long personal data is kept, and the hourly job |
//! | `http` | middlewares, security headers, the public JSON API |
//! | `infra` | configuration, database and migrations, mail, storage, limits, secrets, security log |
//! | `error` | the server's one error type |
//! | `demo` | demonstration data for `make run` |

pub mod applicant;
pub mod demo;
pub mod documents;
pub mod dossier;
pub mod error;
pub mod http;
pub mod infra;
pub mod instruction;
pub mod mail_queue;
pub mod retention;
pub mod services;

use std::sync::Arc;

use app::rules::RulesConfig;
use app::{shell, App};
use axum::extract::FromRef;
use axum::http::{header, HeaderValue};
use axum::routing::{get, post};
use axum::Router;
use leptos::config::LeptosOptions;
use leptos::prelude::provide_context;
use leptos_axum::{generate_route_list, LeptosRoutes};
use sea_orm::DatabaseConnection;

use crate::services::Services;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::predicate::{DefaultPredicate, NotForContentType, Predicate as _};
use tower_http::compression::CompressionLayer;
use tower_http::set_header::SetResponseHeaderLayer;

pub use infra::config::Config;

#[derive(Clone)]
pub struct AppState {
    pub db: DatabaseConnection,
    pub leptos_options: LeptosOptions,
    pub rules: Arc<RulesConfig>,
    pub services: Services,
    /// Proxies whose `X-Forwarded-For` is believed.
    pub trusted_proxies: Arc<Vec<infra::net::Cidr>>,
    pub header_policy: Arc<http::headers::HeaderPolicy>,
    /// The bearer token of `/metrics` (`METRICS_TOKEN`); none: no metrics served.
    pub metrics_token: Option<Arc<str>>,
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
pub async fn state_with_clock(config: &Config, clock: services::Clock) -> anyhow::Result<AppState> {
    let db = infra::db::connect(&config.database_url).await?;
    let rules = Arc::new(RulesConfig::default());
    let mailer = match &config.smtp_url {
        Some(url) => infra::mail::Mailer::smtp(url, &config.mail_from)?,
        None => infra::mail::Mailer::outbox(config.outbox_dir.clone(), &config.mail_from)?,
    };
    let services = Services {
        db: db.clone(),
        instance: uuid::Uuid::new_v4().to_string().into(),
        rules: rules.clone(),
        mailer: Arc::new(mailer),
        mail_wake: Default::default(),
        mail_retry: config.mail_retry,
        mail_health: Default::default(),
        code_key: Arc::new(match &config.access_code_key {
            Some(key) => key.clone(),
            None => {
                tracing::warn!(
                    "ACCESS_CODE_KEY not set: a key drawn for this process; its access codes \
                     stop working when it stops"
                );
                infra::secret::CodeKey::random()
            }
        }),
        storage: infra::storage::from_config(config)?,
        clock,
        public_url: config.public_url.clone(),
        login_limiter: Arc::new(infra::limiter::Limiter::new(
            infra::throttle::LOGIN_CLIENTS,
            20,
            chrono::Duration::minutes(15),
        )),
        applicant_limiter: Arc::new(infra::limiter::Limiter::new(
            infra::throttle::CODE_GUESS_CLIENTS,
            config.sign_in_per_client,
            chrono::Duration::minutes(15),
        )),
        code_limiter: Arc::new(infra::limiter::Limiter::new(
            infra::throttle::CODE_REQUEST_CLIENTS,
            config.code_requests_per_client,
            chrono::Duration::hours(1),
        )),
        verify_limiter: Arc::new(infra::limiter::Limiter::new(
            infra::throttle::CHECK_CLIENTS,
            20,
            chrono::Duration::minutes(15),
        )),
        metrics: Default::default(),
        stats_cache: Default::default(),
        exports: Arc::new(tokio::sync::Semaphore::new(
            instruction::queue::EXPORTS_AT_ONCE,
        )),
        retention: config.retention,
        uploads: Arc::new(services::UploadLimits {
            total: config.upload_concurrency,
            per_client: config.upload_concurrency_per_client,
            timeout: config.upload_timeout,
            client_quota_bytes: config.upload_quota_per_client_mb * 1024 * 1024,
            total_quota_bytes: config.storage_quota_mb * 1024 * 1024,
        }),
    };
    Ok(AppState {
        db,
        leptos_options: leptos_options(config),
        rules,
        services,
        trusted_proxies: Arc::new(config.trusted_proxies.clone()),
        header_policy: Arc::new(http::headers::HeaderPolicy {
            https: config.https(),
        }),
        metrics_token: config.metrics_token.as_deref().map(Arc::from),
    })
}

/// Applies the retention schedule every hour (`retention`).
pub fn spawn_purge(services: Services) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(std::time::Duration::from_secs(3600));
        loop {
            tick.tick().await;
            match services.hourly_pass().await {
                Ok(None) => tracing::debug!("hourly pass run by another instance"),
                Ok(Some(removed)) if removed == Default::default() => {}
                Ok(Some(removed)) => tracing::info!("retention: {removed:?}"),
                Err(e) => tracing::error!("retention pass failed: {e}"),
            }
        }
    })
}

/// The whole application: what `main` serves and what the integration tests drive.
pub fn router(state: AppState) -> Router {
    let routes = generate_route_list(App);
    let options = state.leptos_options.clone();
    let applicants: app::ssr::ApplicantsRef = Arc::new(state.services.clone());
    let instruction: app::ssr::InstructionRef = Arc::new(state.services.clone());
    let applicants_port = applicants.clone();
    let metrics = state.services.metrics.clone();
    let instruction_port = instruction.clone();
    Router::new()
        .merge(applicant::routes())
        .merge(instruction::routes())
        .route("/healthz", get(http::api::healthz))
        .route("/healthz/live", get(|| async { "ok" }))
        .route("/metrics", get(http::metrics::metrics))
        .route("/api/v1/eligibility", post(http::api::eligibility))
        .route("/api/v1/openapi.json", get(http::api::openapi))
        .route("/api/v1/routing/{postcode}", get(http::api::routing))
        .leptos_routes_with_context(
            &state,
            routes,
            move || {
                provide_context(applicants.clone());
                provide_context(instruction.clone());
                http::provide_nonce();
            },
            move || shell(options.clone()),
        )
        .fallback(leptos_axum::file_and_error_handler_with_context::<
            AppState,
            _,
        >(http::provide_nonce, shell))
        .layer(axum::middleware::from_fn(http::error_status))
        .layer(axum::middleware::from_fn(http::same_origin_only))
        // The ports in every request, for the session extractors (`app::ssr`).
        .layer(axum::Extension(applicants_port))
        .layer(axum::Extension(instruction_port))
        .layer(axum::middleware::from_fn_with_state(
            state.trusted_proxies.clone(),
            http::client_addr,
        ))
        .layer(CatchPanicLayer::custom(http::api::panic_response))
        .layer(axum::middleware::from_fn_with_state(
            state.header_policy.clone(),
            http::headers::security_headers,
        ))
        // Compressed but for workbooks, zips already.
        .layer(
            CompressionLayer::new().compress_when(DefaultPredicate::new().and(
                NotForContentType::const_new(instruction::downloads::XLSX_MIME),
            )),
        )
        // Outermost: what the client got, after every other layer.
        .layer(axum::middleware::from_fn_with_state(
            metrics,
            http::metrics::record,
        ))
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
