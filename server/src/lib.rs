//! The server side of Work in France: configuration, the axum router (pages through
//! leptos_axum, the public JSON API, static files) and the adapters behind `app`'s pages.

pub mod api;
pub mod config;
pub mod db;
pub mod migration;

use std::sync::Arc;

use app::rules::RulesConfig;
use app::{shell, App};
use axum::extract::FromRef;
use axum::http::{header, HeaderValue};
use axum::routing::{get, post};
use axum::Router;
use leptos::config::LeptosOptions;
use leptos_axum::{generate_route_list, LeptosRoutes};
use sea_orm::DatabaseConnection;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::set_header::SetResponseHeaderLayer;

pub use config::Config;

#[derive(Clone)]
pub struct AppState {
    pub db: DatabaseConnection,
    pub leptos_options: LeptosOptions,
    pub rules: Arc<RulesConfig>,
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
    Ok(AppState {
        db: db::connect(&config.database_url).await?,
        leptos_options: leptos_options(config),
        rules: Arc::new(RulesConfig::default()),
    })
}

/// The whole application: what `main` serves and what the integration tests drive.
pub fn router(state: AppState) -> Router {
    let routes = generate_route_list(App);
    let options = state.leptos_options.clone();
    Router::new()
        .route("/healthz", get(api::healthz))
        .route("/healthz/live", get(|| async { "ok" }))
        .route("/api/v1/eligibility", post(api::eligibility))
        .route("/api/v1/openapi.json", get(api::openapi))
        .route("/api/v1/routing/{postcode}", get(api::routing))
        .leptos_routes(&state, routes, move || shell(options.clone()))
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(shell))
        .layer(CatchPanicLayer::custom(api::panic_response))
        .layer(CompressionLayer::new())
        .layer(SetResponseHeaderLayer::if_not_present(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")))
        .layer(SetResponseHeaderLayer::if_not_present(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY")))
        .layer(SetResponseHeaderLayer::if_not_present(header::REFERRER_POLICY, HeaderValue::from_static("same-origin")))
        .with_state(state)
}
