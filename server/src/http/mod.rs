//! The HTTP edge shared by every feature: the middlewares (same-origin mutations, the client's
//! address, error statuses, security headers), the public JSON API, and the CSP nonce given to
//! the pages.

pub mod api;
pub mod headers;
pub mod metrics;
pub mod serve;

use std::sync::Arc;

use axum::http::header;
use axum::response::IntoResponse as _;
use leptos::prelude::provide_context;

use crate::infra::net;

/// Server functions and other mutations accept same-origin requests only: a page of another
/// site cannot make a signed-in browser post here (server functions do no CSRF check).
pub async fn same_origin_only(
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
/// peer's, or what a trusted proxy says (`infra::net::client_address`).
pub async fn client_addr(
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
pub async fn error_status(
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
        app::ssr::mark_error(&mut parts, &error);
    }
    axum::response::Response::from_parts(parts, axum::body::Body::from(bytes))
}

/// Gives the page this answer's CSP nonce (`headers::security_headers` made it), for the
/// scripts leptos writes.
pub fn provide_nonce() {
    use leptos::prelude::use_context;
    if let Some(nonce) = use_context::<axum::http::request::Parts>()
        .and_then(|p| p.extensions.get::<headers::CspNonce>().cloned())
    {
        provide_context(leptos::nonce::Nonce::from_value(nonce.0));
    }
}
