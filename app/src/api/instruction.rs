//! The instructor's and the public's server functions: sign-in, the queue, a file and its
//! actions, the administration, the public check and the statistics. Each one reads the agent's
//! session and lets the service check role and territory.

use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::instruction::{
    AdminView, AgentView, DossierView, QueuePage, QueueQuery, Stats, VerifyAnswer,
};
use crate::model::AppError;

/// The instructor's session cookie (separate from the applicant's).
pub const AGENT_COOKIE: &str = "wif_agent";
/// Hours an instructor's session lasts.
pub const AGENT_SESSION_HOURS: i64 = 8;

#[cfg(feature = "ssr")]
pub mod ssr {
    use leptos::prelude::*;

    use crate::model::AppError;
    use crate::ssr::{AgentSession, InstructionRef};

    pub fn instruction() -> Result<InstructionRef, AppError> {
        use_context::<InstructionRef>()
            .ok_or_else(|| AppError::Server("the instruction service is missing".into()))
    }

    pub fn agent_token() -> Option<String> {
        super::super::ssr::cookie(super::AGENT_COOKIE)
    }

    /// The instruction service and the signed-in agent (`AgentSession`'s extractor).
    pub async fn agent() -> Result<(InstructionRef, AgentSession), AppError> {
        Ok((instruction()?, crate::ssr::extract().await?))
    }

    pub use super::super::ssr::client;
}

#[server(endpoint = "instruction/connexion")]
pub async fn log_in(email: String, password: String) -> Result<(), AppError> {
    let service = ssr::instruction()?;
    let previous = ssr::agent_token();
    let token = service
        .log_in(email.trim(), &password, previous.as_deref(), &ssr::client())
        .await?;
    super::ssr::set_cookie(AGENT_COOKIE, &token, AGENT_SESSION_HOURS * 3600);
    leptos_axum::redirect("/instruction");
    Ok(())
}

#[server(endpoint = "instruction/deconnexion")]
pub async fn log_out() -> Result<(), AppError> {
    if let Some(token) = ssr::agent_token() {
        ssr::instruction()?.log_out(&token).await?;
    }
    super::ssr::set_cookie(AGENT_COOKIE, "", 0);
    leptos_axum::redirect("/instruction/connexion");
    Ok(())
}

#[server(endpoint = "instruction/moi")]
pub async fn load_me() -> Result<AgentView, AppError> {
    let (service, agent) = ssr::agent().await?;
    service.me(&agent).await
}

#[server(endpoint = "instruction/file")]
pub async fn load_queue(query: Option<QueueQuery>) -> Result<QueuePage, AppError> {
    let (service, agent) = ssr::agent().await?;
    service
        .queue(&agent, &query.unwrap_or_default().filters())
        .await
}

#[server(endpoint = "instruction/dossier")]
pub async fn load_dossier(number: String) -> Result<DossierView, AppError> {
    let (service, agent) = ssr::agent().await?;
    service.dossier(&agent, number.trim()).await
}

/// One action on a dossier. The answer is the dossier as the act left it, which a hydrated page
/// draws in place (one round trip, nothing reloaded); a form posted without JavaScript is sent
/// back to the dossier's history.
#[server(endpoint = "instruction/agir")]
pub async fn act_on_dossier(
    number: String,
    version: i32,
    act: String,
    message: Option<String>,
    documents: Option<BTreeMap<String, String>>,
    valid_from: Option<String>,
    valid_until: Option<String>,
) -> Result<DossierView, AppError> {
    use crate::instruction::ActRequest;
    use crate::rules::decision::Act;
    let (service, agent) = ssr::agent().await?;
    let act = Act::from_code(act.trim()).ok_or(AppError::NotFound)?;
    let validity = [("valid_from", valid_from), ("valid_until", valid_until)]
        .into_iter()
        .filter_map(|(k, v)| v.map(|v| (k.to_owned(), v)))
        .collect();
    let number = number.trim().to_owned();
    service
        .act(
            &agent,
            ActRequest {
                number: number.clone(),
                version,
                act,
                message: message.unwrap_or_default(),
                documents: documents.unwrap_or_default().into_keys().collect(),
                validity,
            },
        )
        .await?;
    crate::ssr::back_to_form_page(&format!(
        "/instruction/dossier/{}?fait={}#historique",
        crate::url::encode(&number),
        act.code()
    ));
    service.dossier(&agent, &number).await
}

#[server(endpoint = "instruction/admin")]
pub async fn load_admin() -> Result<AdminView, AppError> {
    let (service, agent) = ssr::agent().await?;
    service.admin(&agent).await
}

/// Creates or renames a service.
#[server(endpoint = "instruction/admin/service")]
pub async fn save_service(code: String, name: String, email: String) -> Result<(), AppError> {
    use crate::instruction::AdminChange;
    let (service, agent) = ssr::agent().await?;
    service
        .administer(
            &agent,
            AdminChange::Service { code, name, email },
            &ssr::client(),
        )
        .await?;
    crate::ssr::back_to_form_page("/instruction/admin#services");
    Ok(())
}

/// Assigns a département to a service and opens or closes it.
#[server(endpoint = "instruction/admin/departement")]
pub async fn save_departement(
    code: String,
    service_code: String,
    open: Option<String>,
) -> Result<(), AppError> {
    use crate::instruction::AdminChange;
    let (service, agent) = ssr::agent().await?;
    let service_code = Some(service_code.trim().to_owned()).filter(|s| !s.is_empty());
    service
        .administer(
            &agent,
            AdminChange::Departement {
                code,
                service_code,
                open: open.is_some(),
            },
            &ssr::client(),
        )
        .await?;
    crate::ssr::back_to_form_page("/instruction/admin#departements");
    Ok(())
}

/// Creates or updates an instructor or administrator.
#[server(endpoint = "instruction/admin/agent")]
pub async fn save_agent(
    email: String,
    name: String,
    role: String,
    services: Option<BTreeMap<String, String>>,
    password: Option<String>,
    active: Option<String>,
) -> Result<(), AppError> {
    use crate::instruction::AdminChange;
    use crate::rules::decision::Role;
    use crate::rules::{ErrorCode, FieldError};
    let (service, agent) = ssr::agent().await?;
    let role = Role::from_code(role.trim()).ok_or_else(|| {
        AppError::Invalid(vec![FieldError::new("role", ErrorCode::InvalidChoice)])
    })?;
    service
        .administer(
            &agent,
            AdminChange::Agent {
                email,
                name,
                role,
                service_codes: services.unwrap_or_default().into_keys().collect(),
                password: password.filter(|p| !p.is_empty()),
                active: active.is_some(),
            },
            &ssr::client(),
        )
        .await?;
    crate::ssr::back_to_form_page("/instruction/admin#agents");
    Ok(())
}

/// The public check of an authorisation.
#[server(endpoint = "verifier")]
pub async fn verify(code: String, birth_date: String) -> Result<VerifyAnswer, AppError> {
    use crate::rules::decision::verification_code;
    use crate::rules::validation::parse_date;
    use crate::rules::FieldError;
    let mut errors = Vec::new();
    let code = verification_code(&code)
        .map_err(|c| errors.push(FieldError::new("code", c)))
        .ok();
    let birth = parse_date(birth_date.trim())
        .map_err(|c| errors.push(FieldError::new("birth_date", c)))
        .ok();
    let (Some(code), Some(birth)) = (code, birth) else {
        return Err(AppError::Invalid(errors));
    };
    ssr::instruction()?
        .verify(&code, birth, &ssr::client())
        .await
}

#[server(endpoint = "statistiques")]
pub async fn load_stats() -> Result<Stats, AppError> {
    ssr::instruction()?.stats().await
}
