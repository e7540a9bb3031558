//! The ports the server functions call (feature `ssr` only). The server implements them over
//! its database, storage and mail, and provides them as Leptos context and as request
//! extensions; server functions cannot be generic, so they reach them as trait objects.
//!
//! What a request says of its sender — the signed-in applicant or agent, the language, the
//! client's address — is read by the axum extractors at the end of this file, the same for the
//! server's routes (as handler arguments) and for server functions ([`extract`]).

use std::sync::Arc;

use crate::i18n::Lang;
use crate::model::{AppError, DraftView, FollowUp};
use crate::rules::eligibility::FiledBy;
use crate::rules::request::{RawForm, Step};
use crate::rules::validation::Email;

/// Proof that a request came from someone who gave the e-mailed code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApplicantSession {
    pub dossier_id: String,
    pub email: String,
}

/// What signing in gives: the session cookie's secret and the page to go to.
#[derive(Clone, Debug)]
pub struct SignedIn {
    pub token: String,
    pub next: String,
}

#[async_trait::async_trait]
pub trait Applicants: Send + Sync {
    /// Creates a draft (or reuses the address's live draft in this role) and e-mails its
    /// access code. `client` is the caller's address, for the rate limits.
    async fn start(
        &self,
        email: Email,
        role: FiledBy,
        lang: Lang,
        client: &str,
    ) -> Result<(), AppError>;
    /// Sends a new code for every request of this address (silent when there is none).
    async fn resend_code(&self, email: Email, lang: Lang, client: &str) -> Result<(), AppError>;
    async fn sign_in(&self, email: Email, code: &str, client: &str) -> Result<SignedIn, AppError>;
    /// Signs in with the e-mailed link's token (once); not held back by a locked code.
    async fn sign_in_with_link(&self, token: &str, client: &str) -> Result<SignedIn, AppError>;
    async fn session(&self, token: &str) -> Result<ApplicantSession, AppError>;
    async fn sign_out(&self, token: &str) -> Result<(), AppError>;
    async fn draft(&self, session: &ApplicantSession) -> Result<DraftView, AppError>;
    /// Validates and saves one typed step; returns the next step.
    async fn save_step(
        &self,
        session: &ApplicantSession,
        step: Step,
        form: RawForm,
    ) -> Result<Step, AppError>;
    /// Files the draft (or files it again after changes); returns the file number. Idempotent.
    async fn submit(&self, session: &ApplicantSession) -> Result<String, AppError>;
    async fn follow_up(&self, session: &ApplicantSession) -> Result<FollowUp, AppError>;
    async fn reply(&self, session: &ApplicantSession, message: String) -> Result<(), AppError>;
    async fn remove_file(&self, session: &ApplicantSession, file_id: &str) -> Result<(), AppError>;
}

pub type ApplicantsRef = Arc<dyn Applicants>;

/// The client's address, put in each request's extensions by the server (for rate limits).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClientAddr(pub String);

impl ClientAddr {
    /// The address the server put in the request; empty when it did not (tests without a peer).
    pub fn of(parts: &http::request::Parts) -> Self {
        parts
            .extensions
            .get::<ClientAddr>()
            .cloned()
            .unwrap_or(ClientAddr(String::new()))
    }
}

/// A signed-in instructor or administrator and the services whose files they may see.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgentSession {
    pub agent_id: i32,
    pub email: String,
    pub role: crate::rules::decision::Role,
    pub service_ids: Vec<i32>,
}

#[async_trait::async_trait]
pub trait Instruction: Send + Sync {
    /// Checks the password; returns a new session's secret (the previous one, if any, is ended).
    async fn log_in(
        &self,
        email: &str,
        password: &str,
        previous: Option<&str>,
        client: &str,
    ) -> Result<String, AppError>;
    async fn agent(&self, token: &str) -> Result<AgentSession, AppError>;
    async fn log_out(&self, token: &str) -> Result<(), AppError>;
    async fn me(&self, agent: &AgentSession) -> Result<crate::instruction::AgentView, AppError>;
    async fn queue(
        &self,
        agent: &AgentSession,
        filters: &crate::instruction::Filters,
    ) -> Result<crate::instruction::QueuePage, AppError>;
    async fn dossier(
        &self,
        agent: &AgentSession,
        number: &str,
    ) -> Result<crate::instruction::DossierView, AppError>;
    async fn act(
        &self,
        agent: &AgentSession,
        request: crate::instruction::ActRequest,
    ) -> Result<(), AppError>;
    async fn admin(&self, agent: &AgentSession) -> Result<crate::instruction::AdminView, AppError>;
    /// An administrator's change; `client` is their address, for the security log.
    async fn administer(
        &self,
        agent: &AgentSession,
        change: crate::instruction::AdminChange,
        client: &str,
    ) -> Result<(), AppError>;
    async fn verify(
        &self,
        code: &str,
        birth_date: chrono::NaiveDate,
        client: &str,
    ) -> Result<crate::instruction::VerifyAnswer, AppError>;
    async fn stats(&self) -> Result<crate::instruction::Stats, AppError>;
}

pub type InstructionRef = Arc<dyn Instruction>;

/// Reads one cookie of a request.
pub fn request_cookie(parts: &http::request::Parts, name: &str) -> Option<String> {
    parts
        .headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|h| h.to_str().ok())
        .find_map(|c| crate::env::cookie_value(c, name).map(str::to_owned))
}

/// The language a request asks for, and whether it came from the address (`?lang=`, to be
/// remembered) rather than from the cookie; French when it names none.
pub fn requested_lang(parts: &http::request::Parts) -> (Lang, bool) {
    let from_query = parts
        .uri
        .query()
        .and_then(|q| crate::url::query_value(q, "lang"))
        .and_then(|v| Lang::from_code(&v));
    match from_query {
        Some(lang) => (lang, true),
        None => (
            request_cookie(parts, crate::env::LANG_COOKIE)
                .and_then(|c| Lang::from_code(&c))
                .unwrap_or_default(),
            false,
        ),
    }
}

/// After a form that changes the page it was posted from: the browser posted the form itself
/// (every form of the pages is a plain one; islands only check fields as they are typed) and is
/// sent back to `path` (a 302, by `leptos_axum::redirect`, whose own test of `Accept` this is).
/// A client asking for JSON gets the answer and is not moved.
pub fn back_to_form_page(path: &str) {
    let plain_form = leptos::prelude::use_context::<http::request::Parts>().is_some_and(|parts| {
        parts
            .headers
            .get(http::header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.contains("text/html"))
    });
    if plain_form {
        leptos_axum::redirect(path);
    }
}

/// Runs an extractor on the request a server function serves, keeping its `AppError`
/// (`leptos_axum::extract` would turn "not signed in" into an opaque server error).
pub async fn extract<T>() -> Result<T, AppError>
where
    T: FromRequestParts<(), Rejection = AppError>,
{
    let mut parts = leptos::prelude::use_context::<http::request::Parts>()
        .ok_or_else(|| AppError::Server("no request".into()))?;
    T::from_request_parts(&mut parts, &()).await
}

use axum::extract::FromRequestParts;

impl<S: Send + Sync> FromRequestParts<S> for Lang {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut http::request::Parts,
        _: &S,
    ) -> Result<Self, Self::Rejection> {
        Ok(requested_lang(parts).0)
    }
}

impl<S: Send + Sync> FromRequestParts<S> for ClientAddr {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut http::request::Parts,
        _: &S,
    ) -> Result<Self, Self::Rejection> {
        Ok(ClientAddr::of(parts))
    }
}

/// The port the server put in the request's extensions, and the session cookie's secret.
fn port_and_token<P: Clone + Send + Sync + 'static>(
    parts: &http::request::Parts,
    cookie: &str,
) -> Result<(P, String), AppError> {
    let port = parts
        .extensions
        .get::<P>()
        .cloned()
        .ok_or_else(|| AppError::Server("the service is missing from the request".into()))?;
    let token = request_cookie(parts, cookie).ok_or(AppError::NotSignedIn)?;
    Ok((port, token))
}

/// The signed-in applicant: the session cookie, checked by the service the server put in the
/// request's extensions.
impl<S: Send + Sync> FromRequestParts<S> for ApplicantSession {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut http::request::Parts,
        _: &S,
    ) -> Result<Self, Self::Rejection> {
        let (service, token) = port_and_token::<ApplicantsRef>(parts, crate::api::SESSION_COOKIE)?;
        service.session(&token).await
    }
}

/// The signed-in agent, read the same way from the agent's cookie.
impl<S: Send + Sync> FromRequestParts<S> for AgentSession {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut http::request::Parts,
        _: &S,
    ) -> Result<Self, Self::Rejection> {
        let (service, token) =
            port_and_token::<InstructionRef>(parts, crate::api::instruction::AGENT_COOKIE)?;
        service.agent(&token).await
    }
}

/// An error as a JSON answer with its status (`AppError::status`), in the request's language
/// when the route knows it ([`error_response`]), in French otherwise.
impl axum::response::IntoResponse for AppError {
    fn into_response(self) -> axum::response::Response {
        error_response(&self, Lang::default())
    }
}

pub fn error_response(error: &AppError, lang: Lang) -> axum::response::Response {
    use axum::response::IntoResponse;
    let body = serde_json::json!({ "error": error, "message": error.message(lang) });
    let (mut parts, body) = axum::Json(body).into_response().into_parts();
    mark_error(&mut parts, error);
    axum::response::Response::from_parts(parts, body)
}

/// Gives an answer the status of its error's kind (`AppError::status`: 4xx for the user's
/// mistakes) and `Retry-After` when there is a wait: the routes' answers and the server
/// functions' (`error_status` in the server) alike.
pub fn mark_error(parts: &mut http::response::Parts, error: &AppError) {
    parts.status = http::StatusCode::from_u16(error.status())
        .unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR);
    if let Some(seconds) = error.retry_after() {
        parts
            .headers
            .insert(http::header::RETRY_AFTER, http::HeaderValue::from(seconds));
    }
}
