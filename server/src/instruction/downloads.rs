//! What an instructor downloads: a document or the authorisation of a dossier of their
//! services, and the queue as CSV (written to the security log).

use app::i18n::Lang;
use app::model::AppError;
use app::ssr::{error_response, AgentSession, ClientAddr};
use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderValue};
use axum::response::Response;
use sea_orm::EntityTrait;

use crate::documents::{attachment, authorisation_download, file_response};
use crate::error::Result;
use crate::infra::db::entities::stored_file;
use crate::instruction::queue::{ExportAudit, ExportFormat};
use crate::AppState;

/// `GET /instruction/autorisation/{number}`: the authorisation, for the dossier's instructors
/// (revoked or not).
pub async fn authorisation(
    State(state): State<AppState>,
    Path(number): Path<String>,
    lang: Lang,
    agent: Result<AgentSession, AppError>,
) -> Response {
    let services = &state.services;
    let result: Result<Response> = async {
        let d = services.dossier_of(&agent?, &number).await?;
        authorisation_download(services, &d, false).await
    }
    .await;
    result.unwrap_or_else(|e| error_response(&e.into(), lang))
}

/// `GET /instruction/fichier/{id}`: a document, to the instructors of its dossier's service
/// only; it may be framed by our own pages (the inline preview).
pub async fn document(
    State(state): State<AppState>,
    Path(id): Path<String>,
    lang: Lang,
    agent: Result<AgentSession, AppError>,
) -> Response {
    let services = &state.services;
    let result: Result<Response> = async {
        let agent = agent?;
        let file = stored_file::Entity::find_by_id(id)
            .one(&services.db)
            .await?
            .ok_or(AppError::NotFound)?;
        if !services.agent_may_see(&agent, &file.dossier_id).await? {
            return Err(AppError::NotFound.into());
        }
        let mut response = file_response(services, &file).await?;
        response.headers_mut().insert(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("SAMEORIGIN"),
        );
        Ok(response)
    }
    .await;
    result.unwrap_or_else(|e| error_response(&e.into(), lang))
}

/// `GET /instruction/export.csv?…`: the queue with the same filters, every page, as CSV
/// (semicolon-separated, UTF-8 with a byte-order mark, as French spreadsheets read it).
pub async fn export_csv(
    State(state): State<AppState>,
    Query(query): Query<std::collections::HashMap<String, String>>,
    ClientAddr(client): ClientAddr,
    lang: Lang,
    agent: Result<AgentSession, AppError>,
) -> Response {
    export(&state, &query, client, lang, agent, ExportFormat::Csv).await
}

/// `GET /instruction/export.xlsx?…`: the same as an Excel workbook, headings and labels in the
/// page's language; a list longer than a sheet is refused before anything is written, with
/// the CSV offered instead.
pub async fn export_xlsx(
    State(state): State<AppState>,
    Query(query): Query<std::collections::HashMap<String, String>>,
    ClientAddr(client): ClientAddr,
    lang: Lang,
    agent: Result<AgentSession, AppError>,
) -> Response {
    export(
        &state,
        &query,
        client,
        lang,
        agent,
        ExportFormat::Xlsx(lang),
    )
    .await
}

async fn export(
    state: &AppState,
    query: &std::collections::HashMap<String, String>,
    client: String,
    lang: Lang,
    agent: Result<AgentSession, AppError>,
    format: ExportFormat,
) -> Response {
    let services = &state.services;
    let result: Result<Response> = async {
        let agent = agent?;
        let filters = app::instruction::QueueQuery::from_pairs(|k| query.get(k).cloned()).filters();
        let (extension, mime) = match format {
            ExportFormat::Csv => ("csv", "text/csv; charset=utf-8"),
            ExportFormat::Xlsx(_) => {
                let rows = services.queue_total(&agent, &filters).await?;
                if rows > app::instruction::XLSX_MAX_ROWS {
                    return Err(AppError::TooManyRows { rows }.into());
                }
                ("xlsx", XLSX_MIME)
            }
        };
        let name = format!(
            "dossiers-{}-{}.{extension}",
            filters.tab.code(),
            services.today()
        );
        let audit = ExportAudit {
            agent_email: agent.email.clone(),
            client,
            name: name.clone(),
        };
        let body =
            Body::from_stream(services.queue_export(&agent, &filters, format, Some(audit))?);
        Ok(attachment(mime, &name, body))
    }
    .await;
    result.unwrap_or_else(|e| error_response(&e.into(), lang))
}

/// A workbook's type; it is a zip already, so the compression layer leaves it as it is.
pub const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
