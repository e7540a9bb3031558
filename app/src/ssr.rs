//! The ports the server functions call (feature `ssr` only). The server implements them over
//! its database, storage and mail, and provides them as Leptos context; server functions cannot
//! be generic, so they reach them as trait objects.

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
    async fn file(
        &self,
        agent: &AgentSession,
        number: &str,
    ) -> Result<crate::instruction::FileView, AppError>;
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
