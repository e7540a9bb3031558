//! Agents' accounts: creation (the `server user add` command, the administration page, the
//! demo), and the demo data `make run` starts with.

use app::rules::decision::{self, Role};
use app::rules::validation::Email;
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    Set,
};

use crate::infra::db::entities::{agent, agent_service, departement, instruction_service};
use crate::infra::secret;

/// An account to create or update.
pub struct NewAgent<'a> {
    pub email: &'a str,
    pub name: &'a str,
    pub role: Role,
    pub service_codes: &'a [String],
    /// None keeps an existing account's password (a new account needs one).
    pub password: Option<&'a str>,
    pub active: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    #[error("{}: {}", .0.field, .0.message(app::i18n::Lang::En))]
    Invalid(app::rules::FieldError),
    #[error("unknown service: {0}")]
    UnknownService(String),
    #[error("{0}")]
    Other(#[from] anyhow::Error),
}

impl From<sea_orm::DbErr> for AccountError {
    fn from(error: sea_orm::DbErr) -> Self {
        AccountError::Other(error.into())
    }
}

fn invalid(field: &str, code: app::rules::ErrorCode) -> AccountError {
    AccountError::Invalid(app::rules::FieldError::new(field, code))
}

/// What saving an account changed, for the security log.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SavedAgent {
    pub id: i32,
    pub created: bool,
    pub password_changed: bool,
    pub role_changed: bool,
    pub deactivated: bool,
}

/// Creates the account, or updates the one with this address. A new password, a new role or
/// a deactivation ends the account's sessions: whoever held one signs in again under the new
/// terms.
pub async fn save_agent(
    db: &DatabaseConnection,
    new: NewAgent<'_>,
) -> Result<SavedAgent, AccountError> {
    let email = Email::parse(new.email).map_err(|c| invalid("email", c))?;
    let name = app::rules::request::text(new.name).map_err(|c| invalid("name", c))?;
    let hash = match new.password {
        Some(p) => {
            let p = decision::password(p)
                .map_err(|c| invalid("password", c))?
                .to_owned();
            Some(secret::slow(move || secret::hash_password(&p)).await??)
        }
        None => None,
    };
    let txn = crate::infra::db::write_txn(db).await?;
    let mut service_ids = Vec::new();
    for code in new.service_codes {
        let service = instruction_service::Entity::find()
            .filter(instruction_service::Column::Code.eq(code.trim()))
            .one(&txn)
            .await?
            .ok_or_else(|| AccountError::UnknownService(code.clone()))?;
        service_ids.push(service.id);
    }
    let existing = agent::Entity::find()
        .filter(agent::Column::Email.eq(email.as_str()))
        .one(&txn)
        .await?;
    let saved = match &existing {
        Some(a) => SavedAgent {
            id: a.id,
            created: false,
            password_changed: hash.is_some(),
            role_changed: a.role != new.role,
            deactivated: a.active && !new.active,
        },
        None => SavedAgent {
            id: 0,
            created: true,
            password_changed: false,
            role_changed: false,
            deactivated: false,
        },
    };
    let id = match existing {
        Some(a) => {
            let mut update: agent::ActiveModel = a.clone().into();
            update.name = Set(name);
            update.role = Set(new.role);
            update.active = Set(new.active);
            if let Some(hash) = hash {
                update.password_hash = Set(hash);
                update.failed_logins = Set(0);
                update.locked_until = Set(None);
                // A new password lifts every lock and slowing of the account.
                use super::sign_in::{AGENT_ACCOUNT, AGENT_GUESSES, AGENT_TURNS};
                for scope in [AGENT_GUESSES, AGENT_ACCOUNT, AGENT_TURNS] {
                    crate::infra::throttle::clear_subject(&txn, scope, &a.id.to_string()).await?;
                }
            }
            update.update(&txn).await?;
            a.id
        }
        None => {
            let hash =
                hash.ok_or_else(|| invalid("password", app::rules::ErrorCode::PasswordLength))?;
            agent::ActiveModel {
                email: Set(email.as_str().to_owned()),
                name: Set(name),
                password_hash: Set(hash),
                role: Set(new.role),
                active: Set(new.active),
                failed_logins: Set(0),
                locked_until: Set(None),
                created_at: Set(Utc::now()),
                ..Default::default()
            }
            .insert(&txn)
            .await?
            .id
        }
    };
    agent_service::Entity::delete_many()
        .filter(agent_service::Column::AgentId.eq(id))
        .exec(&txn)
        .await?;
    for service_id in service_ids {
        agent_service::ActiveModel {
            agent_id: Set(id),
            service_id: Set(service_id),
        }
        .insert(&txn)
        .await?;
    }
    if !new.active || saved.password_changed || saved.role_changed {
        crate::infra::db::entities::agent_session::Entity::delete_many()
            .filter(crate::infra::db::entities::agent_session::Column::AgentId.eq(id))
            .exec(&txn)
            .await?;
    }
    txn.commit().await?;
    Ok(SavedAgent { id, ..saved })
}

/// Creates a service, or renames the one with this code; returns its id.
pub async fn save_service(
    db: &impl ConnectionTrait,
    code: &str,
    name: &str,
    email: &str,
) -> Result<i32, AccountError> {
    let code = code.trim().to_lowercase();
    let well_formed = (2..=32).contains(&code.len())
        && code
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !well_formed {
        return Err(invalid("code", app::rules::ErrorCode::ServiceCodeFormat));
    }
    let name = app::rules::request::text(name).map_err(|c| invalid("name", c))?;
    let email = Email::parse(email).map_err(|c| invalid("email", c))?;
    let existing = instruction_service::Entity::find()
        .filter(instruction_service::Column::Code.eq(code.clone()))
        .one(db)
        .await?;
    Ok(match existing {
        Some(s) => {
            let id = s.id;
            let mut update: instruction_service::ActiveModel = s.into();
            update.name = Set(name);
            update.email = Set(email.as_str().to_owned());
            update.update(db).await?;
            id
        }
        None => {
            instruction_service::ActiveModel {
                code: Set(code),
                name: Set(name),
                email: Set(email.as_str().to_owned()),
                ..Default::default()
            }
            .insert(db)
            .await?
            .id
        }
    })
}

/// Which service serves a département, and whether it is open.
pub async fn save_departement(
    db: &impl ConnectionTrait,
    code: &str,
    service_id: Option<i32>,
    open: bool,
) -> Result<(), AccountError> {
    let code = app::rules::Departement::parse(code)
        .ok_or_else(|| invalid("code", app::rules::ErrorCode::InvalidChoice))?
        .as_str()
        .to_owned();
    let row = departement::ActiveModel {
        code: Set(code.clone()),
        open: Set(open && service_id.is_some()),
        service_id: Set(service_id),
    };
    if departement::Entity::find_by_id(code)
        .one(db)
        .await?
        .is_some()
    {
        row.update(db).await?;
    } else {
        row.insert(db).await?;
    }
    Ok(())
}

/// The demo accounts `make run` prints. Their password is public: demo data only.
pub const DEMO_PASSWORD: &str = "demo-instruction-2026";
pub const DEMO_ADMIN: &str = "admin@demo.workinfrance.fr";
pub const DEMO_INSTRUCTOR: &str = "instructeur@demo.workinfrance.fr";
pub const DEMO_OTHER_INSTRUCTOR: &str = "instructeur.lyon@demo.workinfrance.fr";

/// Seeds the demo: a second service (Lyon, Rhône open), an administrator and an instructor for
/// Paris, an instructor for Lyon. Idempotent: existing accounts keep their passwords.
pub async fn seed_demo(db: &DatabaseConnection) -> Result<(), AccountError> {
    let lyon = save_service(
        db,
        "moe-lyon",
        "Service de la main-d'œuvre étrangère du Rhône",
        "moe-lyon@example.gouv.fr",
    )
    .await?;
    save_departement(db, "69", Some(lyon), true).await?;
    let accounts: [(&str, &str, Role, &str); 3] = [
        (
            DEMO_ADMIN,
            "Alice Administratrice",
            Role::Admin,
            "moe-paris",
        ),
        (
            DEMO_INSTRUCTOR,
            "Inès Instructrice",
            Role::Instructor,
            "moe-paris",
        ),
        (
            DEMO_OTHER_INSTRUCTOR,
            "Louis Lyonnais",
            Role::Instructor,
            "moe-lyon",
        ),
    ];
    for (email, name, role, service) in accounts {
        let exists = agent::Entity::find()
            .filter(agent::Column::Email.eq(email))
            .one(db)
            .await?
            .is_some();
        if !exists {
            save_agent(
                db,
                NewAgent {
                    email,
                    name,
                    role,
                    service_codes: &[service.to_owned()],
                    password: Some(DEMO_PASSWORD),
                    active: true,
                },
            )
            .await?;
        }
    }
    Ok(())
}

impl From<AccountError> for crate::error::Error {
    fn from(error: AccountError) -> Self {
        use app::model::AppError;
        use app::rules::{ErrorCode, FieldError};
        match error {
            AccountError::Invalid(f) => AppError::Invalid(vec![f]).into(),
            AccountError::UnknownService(_) => {
                AppError::Invalid(vec![FieldError::new("services", ErrorCode::InvalidChoice)])
                    .into()
            }
            AccountError::Other(error) => error.into(),
        }
    }
}
