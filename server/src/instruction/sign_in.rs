//! An agent's sign-in (guesses reserved before the password is checked, see `infra::limiter`),
//! session and sign-out, and what the agent sees of their own account.

use app::instruction::AgentView;
use app::model::AppError;
use app::ssr::AgentSession;
use chrono::{DateTime, Duration, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, Condition, EntityTrait, QueryFilter, Set};

use super::{AGENT_SESSION_HOURS, LOGIN_LOCK_MINUTES, MAX_LOGIN_ATTEMPTS};
use crate::error::{Error, Result};
use crate::infra::db::entities::{agent, agent_service, agent_session};
use crate::infra::limiter::reserve_attempt;
use crate::infra::secret;
use crate::infra::security::SecurityEvent;
use crate::services::Services;

impl Services {
    pub(crate) async fn sign_in_agent(
        &self,
        email: &str,
        password: &str,
        previous: Option<&str>,
        client: &str,
    ) -> Result<String> {
        let now = self.now();
        self.login_limiter
            .attempt(client, now)
            .map_err(|r| AppError::RateLimited { minutes: r.minutes })?;
        let found = agent::Entity::find()
            .filter(agent::Column::Email.eq(email.trim().to_lowercase()))
            .one(&self.db)
            .await?;
        // The guess is reserved before the password is checked, in one statement: however many
        // arrive at once, at most MAX_LOGIN_ATTEMPTS are checked before the account locks.
        let reserved = match &found {
            Some(a) => {
                reserve_attempt::<agent::Entity>(
                    &self.db,
                    agent::Column::FailedLogins,
                    agent::Column::LockedUntil,
                    Condition::all().add(agent::Column::Id.eq(a.id)),
                    MAX_LOGIN_ATTEMPTS,
                    Duration::minutes(LOGIN_LOCK_MINUTES),
                    now,
                    &[],
                )
                .await?
            }
            None => false,
        };
        // The same work and the same answer whether the address exists, is locked or not:
        // neither the message nor the time tells which addresses have accounts.
        let hash = found
            .as_ref()
            .filter(|_| reserved)
            .map(|a| a.password_hash.clone())
            .unwrap_or_else(|| secret::DUMMY_HASH.clone());
        let typed = password.to_owned();
        let ok = secret::slow(move || secret::verify_password(&typed, &hash))
            .await
            .map_err(Error::internal)?;
        let agent = match found {
            Some(a) if ok && reserved && a.active => a,
            Some(a) => {
                let event = if !reserved {
                    SecurityEvent::SignInWhileLocked
                } else if self.agent_locked(a.id, now).await? {
                    SecurityEvent::Lockout
                } else {
                    SecurityEvent::SignInFailed
                };
                self.security(event, &a.email, client, None).await;
                return Err(AppError::BadCredentials.into());
            }
            None => {
                self.security(SecurityEvent::SignInFailed, email.trim(), client, None)
                    .await;
                return Err(AppError::BadCredentials.into());
            }
        };
        let agent_email = agent.email.clone();
        let token = secret::new_token();
        let txn = crate::infra::db::write_txn(&self.db).await?;
        // A new session on every sign-in; the browser's previous one ends, and stale ones go.
        if let Some(previous) = previous {
            agent_session::Entity::delete_by_id(secret::token_hash(previous))
                .exec(&txn)
                .await?;
        }
        agent_session::Entity::delete_many()
            .filter(agent_session::Column::AgentId.eq(agent.id))
            .filter(agent_session::Column::ExpiresAt.lt(now))
            .exec(&txn)
            .await?;
        agent_session::ActiveModel {
            token_hash: Set(secret::token_hash(&token)),
            agent_id: Set(agent.id),
            expires_at: Set(now + Duration::hours(AGENT_SESSION_HOURS)),
            created_at: Set(now),
        }
        .insert(&txn)
        .await?;
        let mut update: agent::ActiveModel = agent.into();
        update.failed_logins = Set(0);
        update.locked_until = Set(None);
        update.update(&txn).await?;
        txn.commit().await?;
        self.login_limiter.clear(client);
        self.security(SecurityEvent::SignInSucceeded, &agent_email, client, None)
            .await;
        Ok(token)
    }

    pub(crate) async fn agent_session(&self, token: &str) -> Result<AgentSession> {
        let session = agent_session::Entity::find_by_id(secret::token_hash(token))
            .one(&self.db)
            .await?
            .filter(|s| s.expires_at > self.now())
            .ok_or(AppError::NotSignedIn)?;
        let agent = agent::Entity::find_by_id(session.agent_id)
            .one(&self.db)
            .await?
            .filter(|a| a.active)
            .ok_or(AppError::NotSignedIn)?;
        let service_ids = agent_service::Entity::find()
            .filter(agent_service::Column::AgentId.eq(agent.id))
            .all(&self.db)
            .await?
            .into_iter()
            .map(|s| s.service_id)
            .collect();
        Ok(AgentSession {
            agent_id: agent.id,
            email: agent.email,
            role: agent.role,
            service_ids,
        })
    }

    pub(crate) async fn end_agent_session(&self, token: &str) -> Result<()> {
        agent_session::Entity::delete_by_id(secret::token_hash(token))
            .exec(&self.db)
            .await?;
        Ok(())
    }

    pub(crate) async fn agent_view(&self, signed_in: &AgentSession) -> Result<AgentView> {
        let agent = agent::Entity::find_by_id(signed_in.agent_id)
            .one(&self.db)
            .await?
            .ok_or(AppError::NotSignedIn)?;
        Ok(AgentView {
            id: agent.id,
            email: agent.email,
            name: agent.name,
            role: signed_in.role,
            services: self.services_view(Some(&signed_in.service_ids)).await?,
        })
    }

    /// Whether the agent's account is locked now (read after a failure, for the log).
    async fn agent_locked(&self, id: i32, now: DateTime<Utc>) -> Result<bool> {
        Ok(agent::Entity::find_by_id(id)
            .one(&self.db)
            .await?
            .and_then(|a| a.locked_until)
            .is_some_and(|u| u > now))
    }
}
