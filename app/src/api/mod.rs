//! Server functions, thin: read the session cookie, call the service, redirect. The service
//! re-validates everything with `rules`; the browser's checks are a courtesy.

use leptos::prelude::*;

use crate::model::{AppError, DraftView, FollowUp};
use crate::rules::request::{RawForm, Step};

/// The applicant's session cookie: a random secret, unreadable by scripts.
pub const SESSION_COOKIE: &str = "wif_session";

#[cfg(feature = "ssr")]
pub mod ssr {
    use http::header::SET_COOKIE;
    use http::HeaderValue;
    use leptos::prelude::*;

    use crate::i18n::Lang;
    use crate::model::AppError;
    use crate::ssr::{ApplicantSession, ApplicantsRef};

    pub fn applicants() -> Result<ApplicantsRef, AppError> {
        use_context::<ApplicantsRef>()
            .ok_or_else(|| AppError::Server("the applicant service is missing".into()))
    }

    /// A cookie of the request being served.
    pub fn cookie(name: &str) -> Option<String> {
        let parts = use_context::<http::request::Parts>()?;
        crate::ssr::request_cookie(&parts, name)
    }

    pub fn session_token() -> Option<String> {
        cookie(super::SESSION_COOKIE)
    }

    /// The applicant's service and the signed-in applicant (`ApplicantSession`'s extractor).
    pub async fn session() -> Result<(ApplicantsRef, ApplicantSession), AppError> {
        Ok((applicants()?, crate::ssr::extract().await?))
    }

    pub fn set_session_cookie(token: &str, max_age_seconds: i64) {
        set_cookie(super::SESSION_COOKIE, token, max_age_seconds)
    }

    /// Sets (or, with a zero age, removes) an HttpOnly session cookie.
    pub fn set_cookie(name: &str, token: &str, max_age_seconds: i64) {
        if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
            let cookie = format!(
                "{name}={token}; Path=/; Max-Age={max_age_seconds}; HttpOnly; SameSite=Lax"
            );
            if let Ok(value) = HeaderValue::from_str(&cookie) {
                response.append_header(SET_COOKIE, value);
            }
        }
    }

    pub fn lang() -> Lang {
        crate::env::initial_lang()
    }

    /// The client's address (put in the request by the server), for the rate limits.
    pub fn client() -> String {
        use_context::<http::request::Parts>()
            .map(|p| crate::ssr::ClientAddr::of(&p).0)
            .unwrap_or_default()
    }
}

pub mod instruction;

/// Starts a request: e-mails a code to the address, then asks for it.
#[server(endpoint = "demande/commencer")]
pub async fn start_request(email: String, role: String) -> Result<(), AppError> {
    use crate::rules::eligibility::FiledBy;
    use crate::rules::validation::Email;
    use crate::rules::{ErrorCode, FieldError};
    let mut errors = Vec::new();
    let email = Email::parse(&email)
        .map_err(|code| errors.push(FieldError::new("email", code)))
        .ok();
    let role = FiledBy::from_code(role.trim());
    if role.is_none() {
        errors.push(FieldError::new("role", ErrorCode::RoleRequired));
    }
    let (Some(email), Some(role)) = (email, role) else {
        return Err(AppError::Invalid(errors));
    };
    ssr::applicants()?
        .start(email.clone(), role, ssr::lang(), &ssr::client())
        .await?;
    leptos_axum::redirect(&format!(
        "/acces?email={}&nouveau=1",
        crate::url::encode(email.as_str())
    ));
    Ok(())
}

/// Sends a fresh code to an address that has requests.
#[server(endpoint = "demande/nouveau-code")]
pub async fn resend_code(email: String) -> Result<(), AppError> {
    use crate::rules::validation::Email;
    use crate::rules::FieldError;
    let email = Email::parse(&email)
        .map_err(|code| AppError::Invalid(vec![FieldError::new("email", code)]))?;
    ssr::applicants()?
        .resend_code(email.clone(), ssr::lang(), &ssr::client())
        .await?;
    leptos_axum::redirect(&format!(
        "/acces?email={}&renvoye=1",
        crate::url::encode(email.as_str())
    ));
    Ok(())
}

/// E-mail + code: opens the request where it was left.
#[server(endpoint = "demande/acces")]
pub async fn sign_in(email: String, code: String) -> Result<(), AppError> {
    use crate::rules::request::access_code;
    use crate::rules::validation::Email;
    use crate::rules::FieldError;
    let mut errors = Vec::new();
    let email = Email::parse(&email)
        .map_err(|c| errors.push(FieldError::new("email", c)))
        .ok();
    let code = access_code(&code)
        .map_err(|c| errors.push(FieldError::new("code", c)))
        .ok();
    let (Some(email), Some(code)) = (email, code) else {
        return Err(AppError::Invalid(errors));
    };
    let signed_in = ssr::applicants()?
        .sign_in(email, &code, &ssr::client())
        .await?;
    ssr::set_session_cookie(&signed_in.token, 12 * 3600);
    leptos_axum::redirect(&signed_in.next);
    Ok(())
}

/// The e-mailed link's button: signs in with its token, whatever the six-digit code's lock.
#[server(endpoint = "demande/lien")]
pub async fn sign_in_with_link(token: String) -> Result<(), AppError> {
    let signed_in = ssr::applicants()?
        .sign_in_with_link(token.trim(), &ssr::client())
        .await?;
    ssr::set_session_cookie(&signed_in.token, 12 * 3600);
    leptos_axum::redirect(&signed_in.next);
    Ok(())
}

#[server(endpoint = "demande/deconnexion")]
pub async fn sign_out() -> Result<(), AppError> {
    if let Some(token) = ssr::session_token() {
        ssr::applicants()?.sign_out(&token).await?;
    }
    ssr::set_session_cookie("", 0);
    leptos_axum::redirect("/");
    Ok(())
}

#[server(endpoint = "demande/brouillon")]
pub async fn load_draft() -> Result<DraftView, AppError> {
    let (service, session) = ssr::session().await?;
    service.draft(&session).await
}

/// Saves one typed step (validated again here) and moves to the next.
#[server(endpoint = "demande/enregistrer")]
pub async fn save_step(step: Step, form: RawForm) -> Result<(), AppError> {
    let (service, session) = ssr::session().await?;
    let next = service.save_step(&session, step, form).await?;
    leptos_axum::redirect(&next.path());
    Ok(())
}

/// Files the request (or sends it back after changes, then `back` is the follow-up page). A
/// second click finds it filed and answers the same.
#[server(endpoint = "demande/deposer")]
pub async fn submit_request(back: Option<String>) -> Result<String, AppError> {
    let (service, session) = ssr::session().await?;
    let number = service.submit(&session).await?;
    leptos_axum::redirect(&local_path(back, Step::Confirmation.path()));
    Ok(number)
}

/// A page of ours to go back to, never an open redirect (`url::local_path`).
#[cfg(feature = "ssr")]
fn local_path(back: Option<String>, default: String) -> String {
    back.filter(|b| crate::url::local_path(b).is_some())
        .unwrap_or(default)
}

#[server(endpoint = "demande/suivi")]
pub async fn load_follow_up() -> Result<FollowUp, AppError> {
    let (service, session) = ssr::session().await?;
    service.follow_up(&session).await
}

#[server(endpoint = "demande/repondre")]
pub async fn send_reply(message: String) -> Result<(), AppError> {
    let (service, session) = ssr::session().await?;
    service.reply(&session, message).await?;
    leptos_axum::redirect("/suivi#messages");
    Ok(())
}

#[server(endpoint = "demande/retirer-fichier")]
pub async fn remove_file(id: String, back: String) -> Result<(), AppError> {
    let (service, session) = ssr::session().await?;
    service.remove_file(&session, &id).await?;
    leptos_axum::redirect(&local_path(Some(back), Step::Documents.path()));
    Ok(())
}
