//! Administration: services, départements and agents' accounts, changed by an administrator
//! only, each account change written to the security log.

use std::collections::HashMap;

use app::instruction::{AdminChange, AdminView, AgentRow, ServiceView};
use app::model::AppError;
use app::rules::decision::Role;
use app::rules::{ErrorCode, FieldError};
use app::ssr::AgentSession;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

use super::accounts::{self, NewAgent};
use crate::error::Result;
use crate::infra::db::entities::{agent, agent_service, departement, instruction_service};
use crate::infra::security::SecurityEvent;
use crate::services::Services;

impl Services {
    pub(crate) async fn admin_view(&self, agent: &AgentSession) -> Result<AdminView> {
        if agent.role != Role::Admin {
            return Err(AppError::Forbidden.into());
        }
        let agents = agent::Entity::find()
            .order_by_asc(agent::Column::Email)
            .all(&self.db)
            .await?;
        let links = agent_service::Entity::find().all(&self.db).await?;
        let services = self.services_view(None).await?;
        let code_of: HashMap<i32, String> =
            services.iter().map(|s| (s.id, s.code.clone())).collect();
        let (mail_counts, mails) = self.mail_overview().await?;
        Ok(AdminView {
            mail_counts,
            mails,
            agents: agents
                .into_iter()
                .map(|g| AgentRow {
                    service_codes: links
                        .iter()
                        .filter(|l| l.agent_id == g.id)
                        .filter_map(|l| code_of.get(&l.service_id).cloned())
                        .collect(),
                    id: g.id,
                    email: g.email,
                    name: g.name,
                    role: g.role,
                    active: g.active,
                })
                .collect(),
            services,
        })
    }

    pub(crate) async fn change_administration(
        &self,
        agent: &AgentSession,
        change: AdminChange,
        client: &str,
    ) -> Result<()> {
        if agent.role != Role::Admin {
            return Err(AppError::Forbidden.into());
        }
        match change {
            AdminChange::Service { code, name, email } => {
                accounts::save_service(&self.db, &code, &name, &email).await?;
            }
            AdminChange::Departement {
                code,
                service_code,
                open,
            } => {
                let service_id = match service_code {
                    Some(code) => Some(
                        instruction_service::Entity::find()
                            .filter(instruction_service::Column::Code.eq(code))
                            .one(&self.db)
                            .await?
                            .ok_or_else(|| {
                                AppError::Invalid(vec![FieldError::new(
                                    "service_code",
                                    ErrorCode::InvalidChoice,
                                )])
                            })?
                            .id,
                    ),
                    None => None,
                };
                accounts::save_departement(&self.db, &code, service_id, open).await?;
            }
            AdminChange::Agent {
                email,
                name,
                role,
                service_codes,
                password,
                active,
            } => {
                // An administrator cannot lock themself out.
                if email.trim().eq_ignore_ascii_case(&agent.email)
                    && (!active || role != Role::Admin)
                {
                    return Err(AppError::Forbidden.into());
                }
                let saved = accounts::save_agent(
                    &self.db,
                    NewAgent {
                        email: &email,
                        name: &name,
                        role,
                        service_codes: &service_codes,
                        password: password.as_deref(),
                        active,
                    },
                )
                .await?;
                let by = Some(format!("by {}", agent.email));
                let subject = email.trim().to_lowercase();
                for (happened, event) in [
                    (true, SecurityEvent::AccountSaved),
                    (saved.password_changed, SecurityEvent::PasswordChanged),
                    (saved.role_changed, SecurityEvent::RoleChanged),
                    (saved.deactivated, SecurityEvent::AccountDeactivated),
                ] {
                    if happened {
                        self.security(event, &subject, client, by.clone()).await;
                    }
                }
            }
        }
        Ok(())
    }

    pub(super) async fn services_view(&self, ids: Option<&[i32]>) -> Result<Vec<ServiceView>> {
        let mut q =
            instruction_service::Entity::find().order_by_asc(instruction_service::Column::Code);
        if let Some(ids) = ids {
            q = q.filter(instruction_service::Column::Id.is_in(ids.to_vec()));
        }
        let services = q.all(&self.db).await?;
        let deps = departement::Entity::find()
            .order_by_asc(departement::Column::Code)
            .all(&self.db)
            .await?;
        Ok(services
            .into_iter()
            .map(|s| ServiceView {
                departements: deps
                    .iter()
                    .filter(|d| d.service_id == Some(s.id))
                    .map(|d| (d.code.clone(), d.open))
                    .collect(),
                id: s.id,
                code: s.code,
                name: s.name,
                email: s.email,
            })
            .collect())
    }
}
