//! An agent's sign-in (guesses reserved before the password is checked, see `infra::limiter`),
//! session and sign-out, and what the agent sees of their own account.

use app::instruction::AgentView;
use app::model::AppError;
use app::ssr::AgentSession;
use chrono::{DateTime, Duration, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};

use super::{AGENT_SESSION_HOURS, LOGIN_LOCK_MINUTES, MAX_LOGIN_ATTEMPTS};
use crate::infra::throttle::{self, Ceiling, Key};

/// Throttle scopes: an account's guesses from one client (locked past MAX_LOGIN_ATTEMPTS), its
/// wrong passwords from every client (the ceiling), its spaced turns past the ceiling, and the
/// clients it signed in from.
pub const AGENT_GUESSES: &str = "agent";
pub const AGENT_ACCOUNT: &str = "agent-all";
pub const AGENT_TURNS: &str = "agent-turns";
pub const AGENT_KNOWN: &str = "agent-known";
/// Passwords checked on one account, from every client in LOGIN_LOCK_MINUTES, past which its
/// checks are spaced out: one a second, a guess waiting 5 s at most for its turn. A botnet's
/// guesses are slowed to a trickle; the agent still gets in.
pub const AGENT_CEILING: Ceiling = Ceiling {
    counted: AGENT_ACCOUNT,
    turns: AGENT_TURNS,
    max: 20,
    window: Duration::minutes(LOGIN_LOCK_MINUTES),
    spacing: Duration::seconds(1),
    max_wait: Duration::seconds(5),
};
/// How long a client an agent signed in from stays known.
pub const AGENT_KNOWN_DAYS: i64 = 90;
use crate::error::{Error, Result};
use crate::infra::db::entities::{agent, agent_service, agent_session};
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
            .attempt(&self.db, client, now)
            .await?
            .map_err(|r| AppError::RateLimited { minutes: r.minutes })?;
        let found = agent::Entity::find()
            .filter(agent::Column::Email.eq(email.trim().to_lowercase()))
            .one(&self.db)
            .await?;
        // The guess is reserved before the password is checked, in one statement, on the
        // account *from this client*: however many arrive at once, at most MAX_LOGIN_ATTEMPTS
        // are checked before the account locks for this client only. Someone guessing wrong on
        // purpose locks themselves out, not the agent.
        let reserved = match &found {
            Some(a) => {
                throttle::reserve_guess(
                    &self.db,
                    &Key::new(AGENT_GUESSES, a.id.to_string(), client),
                    MAX_LOGIN_ATTEMPTS,
                    Duration::minutes(LOGIN_LOCK_MINUTES),
                    now,
                )
                .await?
            }
            None => false,
        };
        // Past the account-wide ceiling (passwords checked from every client in a window), the
        // account's checks are spaced out, each guess waiting for its turn. A client the agent
        // already signed in from is not slowed.
        if let Some(a) = found.as_ref().filter(|_| reserved) {
            self.agent_turn(a.id, client, now).await?;
        }
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
                } else if self.agent_locked(a.id, client, now).await? {
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
        throttle::clear(&txn, &Key::new(AGENT_GUESSES, agent.id.to_string(), client)).await?;
        // This client is now one the agent signs in from: never slowed by others' guesses.
        throttle::clear(&txn, &Key::new(AGENT_KNOWN, agent.id.to_string(), client)).await?;
        throttle::count_in_window(
            &txn,
            &Key::new(AGENT_KNOWN, agent.id.to_string(), client),
            i32::MAX,
            Duration::days(AGENT_KNOWN_DAYS),
            now,
        )
        .await?;
        txn.commit().await?;
        self.login_limiter.clear(&self.db, client).await?;
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

    /// Whether the agent's account is locked for this client now (read after a failure, for
    /// the log).
    async fn agent_locked(&self, id: i32, client: &str, now: DateTime<Utc>) -> Result<bool> {
        Ok(
            throttle::read(&self.db, &Key::new(AGENT_GUESSES, id.to_string(), client))
                .await?
                .and_then(|t| t.locked_until)
                .is_some_and(|u| u > now),
        )
    }

    /// Counts a guess on the account from every client, before it is checked; past the
    /// account-wide ceiling, waits for the account's turn, unless this client is one the agent
    /// signed in from before. Refused (wait a minute) only when the turns already taken reach
    /// the ceiling's `max_wait` ahead.
    async fn agent_turn(&self, id: i32, client: &str, now: DateTime<Utc>) -> Result<()> {
        let account = id.to_string();
        if !AGENT_CEILING.count(&self.db, &account, now).await? {
            return Ok(());
        }
        let known = throttle::counted(
            &self.db,
            &Key::new(AGENT_KNOWN, account.clone(), client),
            Duration::days(AGENT_KNOWN_DAYS),
            now,
        )
        .await?;
        if known > 0 || AGENT_CEILING.wait_turn(&self.db, &account, now).await? {
            return Ok(());
        }
        Err(AppError::RateLimited { minutes: 1 }.into())
    }
}
