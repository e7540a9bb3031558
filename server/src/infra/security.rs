//! The security event log: what a security officer reads after an incident. Each event is a
//! row (`security_event`) and a `tracing` line under the `security` target. Subjects are
//! addresses and ids; secrets (passwords, codes, tokens) are never written.

use sea_orm::{ActiveModelTrait, Set};

use crate::infra::db::entities::security_event;
use crate::services::Services;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SecurityEvent {
    SignInSucceeded,
    SignInFailed,
    /// A guess refused without being checked: the account or address is locked.
    SignInWhileLocked,
    /// This failure locked the account or address.
    Lockout,
    CodeFailed,
    /// The access codes of an address were voided after too many wrong guesses.
    CodesVoided,
    CodeSent,
    /// A client address went past a rate limit.
    RateLimited,
    /// A wrong birth date on the public check of an authorisation.
    CheckFailed,
    PasswordChanged,
    RoleChanged,
    AccountDeactivated,
    AccountSaved,
    Export,
}

impl SecurityEvent {
    pub fn code(self) -> &'static str {
        match self {
            Self::SignInSucceeded => "sign_in_succeeded",
            Self::SignInFailed => "sign_in_failed",
            Self::SignInWhileLocked => "sign_in_while_locked",
            Self::Lockout => "lockout",
            Self::CodeFailed => "code_failed",
            Self::CodesVoided => "codes_voided",
            Self::CodeSent => "code_sent",
            Self::RateLimited => "rate_limited",
            Self::CheckFailed => "check_failed",
            Self::PasswordChanged => "password_changed",
            Self::RoleChanged => "role_changed",
            Self::AccountDeactivated => "account_deactivated",
            Self::AccountSaved => "account_saved",
            Self::Export => "export",
        }
    }
}

impl Services {
    /// Records a security event. A failure to record is logged, never shown to the user.
    pub async fn security(
        &self,
        event: SecurityEvent,
        subject: &str,
        client: &str,
        detail: Option<String>,
    ) {
        tracing::info!(
            target: "security",
            event = event.code(),
            subject,
            client,
            detail = detail.as_deref().unwrap_or("")
        );
        let row = security_event::ActiveModel {
            at: Set(self.now()),
            kind: Set(event.code().to_owned()),
            subject: Set(subject.chars().take(254).collect()),
            client: Set(client.chars().take(64).collect()),
            detail: Set(detail),
            ..Default::default()
        };
        if let Err(e) = row.insert(&self.db).await {
            tracing::error!("security event {} not recorded: {e}", event.code());
        }
    }
}
