//! What the signed-in applicant downloads: a document of their own request, the deposit
//! receipt, the authorisation while it is in force.

use app::i18n::Lang;
use app::model::AppError;
use app::ssr::{error_response, ApplicantSession};
use axum::extract::{Path, State};
use axum::response::Response;
use sea_orm::EntityTrait;

use crate::documents::{attachment, authorisation_download, file_response};
use crate::error::Result;
use crate::infra::db::entities::stored_file;
use crate::AppState;

/// `GET /demande/fichier/{id}`: only to the session whose request holds the document.
pub async fn document(
    State(state): State<AppState>,
    Path(id): Path<String>,
    lang: Lang,
    session: Result<ApplicantSession, AppError>,
) -> Response {
    let result: Result<Response> = async {
        let session = session?;
        let file = stored_file::Entity::find_by_id(id)
            .one(&state.services.db)
            .await?
            .filter(|f| f.dossier_id == session.dossier_id)
            .ok_or(AppError::NotFound)?;
        file_response(&state.services, &file).await
    }
    .await;
    result.unwrap_or_else(|e| error_response(&e.into(), lang))
}

/// `GET /demande/recepisse.pdf`: the deposit receipt of the signed-in applicant's filed request.
pub async fn receipt(
    State(state): State<AppState>,
    lang: Lang,
    session: Result<ApplicantSession, AppError>,
) -> Response {
    let services = &state.services;
    let result: Result<Response> = async {
        let d = services.dossier(&session?.dossier_id).await?;
        let pdf = services.receipt(&d).await?;
        let name = format!("recepisse-{}.pdf", d.number.unwrap_or_default());
        Ok(attachment("application/pdf", &name, pdf))
    }
    .await;
    result.unwrap_or_else(|e| error_response(&e.into(), lang))
}

/// `GET /demande/autorisation.pdf`: the signed-in applicant's authorisation, once accepted and
/// while in force.
pub async fn authorisation(
    State(state): State<AppState>,
    lang: Lang,
    session: Result<ApplicantSession, AppError>,
) -> Response {
    let services = &state.services;
    let result: Result<Response> = async {
        let d = services.dossier(&session?.dossier_id).await?;
        authorisation_download(services, &d, true).await
    }
    .await;
    result.unwrap_or_else(|e| error_response(&e.into(), lang))
}
