//! The instructor's side: sign-in (`sign_in`), the queue and a dossier (`queue`), the acts of
//! the state machine (`act`), administration (`admin`, `accounts`), the public check and the
//! statistics (`public`), the files an agent downloads (`downloads`). Every call checks the
//! agent's role and territory, whatever the page.
//!
//! This file is the edge: the port the server functions call, each method one line that turns
//! the server's `Error` into the `AppError` the page shows, and the feature's routes.

pub mod accounts;
mod act;
mod admin;
pub(crate) mod downloads;
pub mod keyset;
mod public;
pub mod queue;
pub mod search;
pub mod sign_in;
pub mod xlsx;

use app::instruction::{
    ActRequest, AdminChange, AdminView, AgentView, DossierView, Filters, QueuePage, Stats,
    VerifyAnswer,
};
use app::model::AppError;
use app::rules::dossier::DossierState;
use app::ssr::{AgentSession, Instruction};
use axum::routing::get;
use axum::Router;
use chrono::NaiveDate;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, Select};

use crate::infra::db::entities::dossier;
use crate::services::Services;
use crate::AppState;

pub use queue::csv_cell;

pub const AGENT_SESSION_HOURS: i64 = app::api::instruction::AGENT_SESSION_HOURS;
pub const MAX_LOGIN_ATTEMPTS: i32 = 5;
pub const LOGIN_LOCK_MINUTES: i64 = 15;
/// Wrong birth dates for one verification code from one client address before that client is
/// locked out of it for LOGIN_LOCK_MINUTES (the code stays open to everyone else).
pub const MAX_CHECK_ATTEMPTS: i32 = 5;
/// Throttle scopes of the public check: a code's guesses from one client, from every client
/// (the ceiling), and its spaced turns past the ceiling.
pub const CHECK_GUESSES: &str = "check";
pub const CHECK_ALL: &str = "check-all";
pub const CHECK_TURNS: &str = "check-turns";
/// Birth dates checked for one code from every client in LOGIN_LOCK_MINUTES, past which its
/// checks are spaced out (see `throttle::Ceiling`).
pub const CHECK_CEILING: crate::infra::throttle::Ceiling = crate::infra::throttle::Ceiling {
    counted: CHECK_ALL,
    turns: CHECK_TURNS,
    max: 20,
    window: chrono::Duration::minutes(LOGIN_LOCK_MINUTES),
    spacing: chrono::Duration::seconds(1),
    max_wait: chrono::Duration::seconds(5),
};

/// The instructor's routes that are not pages nor server functions: files and the export.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/instruction/fichier/{id}", get(downloads::document))
        .route(
            "/instruction/autorisation/{number}",
            get(downloads::authorisation),
        )
        .route("/instruction/export.csv", get(downloads::export_csv))
        .route("/instruction/export.xlsx", get(downloads::export_xlsx))
}

/// The files an agent may see, find and act on: filed files of the agent's services. Every read
/// of the instructor's side starts here.
fn visible(agent: &AgentSession) -> Select<dossier::Entity> {
    dossier::Entity::find()
        .filter(dossier::Column::ServiceId.is_in(agent.service_ids.clone()))
        .filter(dossier::Column::State.ne(DossierState::Draft))
}

#[async_trait::async_trait]
impl Instruction for Services {
    async fn log_in(
        &self,
        email: &str,
        password: &str,
        previous: Option<&str>,
        client: &str,
    ) -> Result<String, AppError> {
        Ok(self
            .sign_in_agent(email, password, previous, client)
            .await?)
    }

    async fn agent(&self, token: &str) -> Result<AgentSession, AppError> {
        Ok(self.agent_session(token).await?)
    }

    async fn log_out(&self, token: &str) -> Result<(), AppError> {
        Ok(self.end_agent_session(token).await?)
    }

    async fn me(&self, agent: &AgentSession) -> Result<AgentView, AppError> {
        Ok(self.agent_view(agent).await?)
    }

    async fn queue(&self, agent: &AgentSession, filters: &Filters) -> Result<QueuePage, AppError> {
        Ok(self.queue_page(agent, filters).await?)
    }

    async fn dossier(&self, agent: &AgentSession, number: &str) -> Result<DossierView, AppError> {
        Ok(self.dossier_view(agent, number).await?)
    }

    async fn act(&self, agent: &AgentSession, request: ActRequest) -> Result<(), AppError> {
        Ok(self.act_on(agent, request).await?)
    }

    async fn admin(&self, agent: &AgentSession) -> Result<AdminView, AppError> {
        Ok(self.admin_view(agent).await?)
    }

    async fn administer(
        &self,
        agent: &AgentSession,
        change: AdminChange,
        client: &str,
    ) -> Result<(), AppError> {
        Ok(self.change_administration(agent, change, client).await?)
    }

    async fn verify(
        &self,
        code: &str,
        birth_date: NaiveDate,
        client: &str,
    ) -> Result<VerifyAnswer, AppError> {
        Ok(self.check_authorisation(code, birth_date, client).await?)
    }

    async fn stats(&self) -> Result<Stats, AppError> {
        Ok(self.public_stats().await?)
    }
}
