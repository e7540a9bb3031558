//! The applicant's side of a request: start with an e-mailed code (`access`), save the steps
//! and documents (`draft`, `uploads`), file (`filing`), follow, and download what was issued
//! (`downloads`). Every input is validated again with `app::rules`.
//!
//! This file is the edge: the port the server functions call, each method one line that turns
//! the server's `Error` into the `AppError` the page shows, and the feature's routes.

pub(crate) mod access;
mod downloads;
mod draft;
mod filing;
mod uploads;

use app::i18n::Lang;
use app::model::{AppError, DraftView, FollowUp};
use app::rules::eligibility::FiledBy;
use app::rules::request::{RawForm, Step};
use app::rules::validation::Email;
use app::ssr::{ApplicantSession, Applicants, SignedIn};
use axum::routing::{get, post};
use axum::Router;

use crate::services::Services;
use crate::AppState;

/// How long an applicant stays signed in.
pub const SESSION_HOURS: i64 = 12;

/// The applicant's routes that are not pages nor server functions: files in and out.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/demande/fichiers/{kind}",
            post(uploads::upload).layer(axum::extract::DefaultBodyLimit::max(
                uploads::UPLOAD_BODY_LIMIT,
            )),
        )
        .route("/demande/fichier/{id}", get(downloads::document))
        .route("/demande/recepisse.pdf", get(downloads::receipt))
        .route("/demande/autorisation.pdf", get(downloads::authorisation))
}

/// A start or a new-code request is answered this long after it arrived, at the earliest: a
/// known address (a draft reused, codes replaced, an e-mail queued) does a few more writes than
/// an unknown one, a few milliseconds that would otherwise tell whether somebody has a
/// work-authorisation file. The e-mail itself leaves through the queue, after the answer.
pub const CODE_REQUEST_ANSWER_FLOOR: std::time::Duration = std::time::Duration::from_millis(25);

async fn no_sooner_than(started: tokio::time::Instant) {
    tokio::time::sleep_until(started + CODE_REQUEST_ANSWER_FLOOR).await;
}

#[async_trait::async_trait]
impl Applicants for Services {
    async fn start(
        &self,
        email: Email,
        role: FiledBy,
        lang: Lang,
        client: &str,
    ) -> Result<(), AppError> {
        let started = tokio::time::Instant::now();
        let answer = self.start_request(email, role, lang, client).await;
        no_sooner_than(started).await;
        Ok(answer?)
    }

    async fn resend_code(&self, email: Email, lang: Lang, client: &str) -> Result<(), AppError> {
        let started = tokio::time::Instant::now();
        let answer = self.resend_codes(email, lang, client).await;
        no_sooner_than(started).await;
        Ok(answer?)
    }

    async fn sign_in(&self, email: Email, code: &str, client: &str) -> Result<SignedIn, AppError> {
        Ok(self.sign_in_with_code(email, code, client).await?)
    }

    async fn sign_in_with_link(&self, token: &str, client: &str) -> Result<SignedIn, AppError> {
        Ok(self.sign_in_by_link(token, client).await?)
    }

    async fn session(&self, token: &str) -> Result<ApplicantSession, AppError> {
        Ok(self.applicant_session(token).await?)
    }

    async fn sign_out(&self, token: &str) -> Result<(), AppError> {
        Ok(self.end_session(token).await?)
    }

    async fn draft(&self, session: &ApplicantSession) -> Result<DraftView, AppError> {
        Ok(self.draft_view(session).await?)
    }

    async fn save_step(
        &self,
        session: &ApplicantSession,
        step: Step,
        form: RawForm,
    ) -> Result<Step, AppError> {
        Ok(self.save_form_step(session, step, form).await?)
    }

    async fn submit(&self, session: &ApplicantSession) -> Result<String, AppError> {
        Ok(self.file_request(session).await?)
    }

    async fn follow_up(&self, session: &ApplicantSession) -> Result<FollowUp, AppError> {
        Ok(self.follow_up_view(session).await?)
    }

    async fn reply(&self, session: &ApplicantSession, message: String) -> Result<(), AppError> {
        Ok(self.add_reply(session, message).await?)
    }

    async fn remove_file(&self, session: &ApplicantSession, id: &str) -> Result<(), AppError> {
        Ok(self.remove_document(session, id).await?)
    }
}
