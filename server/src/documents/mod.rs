//! The documents the service issues and serves: the deposit receipt and the authorisation
//! (PDF/A, `pdf`), the e-mails' texts (`notify`), and the answers that carry a stored or a
//! generated file to a browser.

pub mod authorisation;
pub mod notify;
pub mod pdf;
pub mod receipt;

use app::model::AppError;
use app::rules::dossier::DossierState;
use app::rules::request::Step;
use axum::body::Body;
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};

use crate::error::Result;
use crate::infra::db::entities::{authorisation as issued, dossier, stored_file};
use crate::services::Services;

fn content_disposition(disposition: &str, name: &str) -> HeaderValue {
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii() && !c.is_ascii_control() {
                c
            } else {
                '_'
            }
        })
        .collect();
    let value = format!(
        "{disposition}; filename=\"{ascii}\"; filename*=UTF-8''{}",
        app::url::encode(name)
    );
    HeaderValue::from_str(&value).unwrap_or(HeaderValue::from_static("attachment"))
}

/// The name a stored file is served under: its kind, its rank among the dossier's files of that
/// kind, and the extension of the type sniffed from its bytes at upload — never the uploader's
/// name, which may carry any extension (`titre.hta`) or a right-to-left override.
pub fn served_name(file: &stored_file::Model, rank: u64) -> String {
    let extension = match file.content_type.as_str() {
        "application/pdf" => "pdf",
        "image/jpeg" => "jpg",
        "image/png" => "png",
        _ => "bin",
    };
    format!("{}-{rank}.{extension}", file.kind.code().replace('_', "-"))
}

/// A stored file, streamed, inline for the browser's viewer.
pub async fn file_response(services: &Services, file: &stored_file::Model) -> Result<Response> {
    use sea_orm::{ColumnTrait, Condition, EntityTrait, PaginatorTrait, QueryFilter};
    use stored_file::Column as F;
    let rank = stored_file::Entity::find()
        .filter(F::DossierId.eq(file.dossier_id.clone()))
        .filter(F::Kind.eq(file.kind))
        .filter(
            Condition::any().add(F::CreatedAt.lt(file.created_at)).add(
                Condition::all()
                    .add(F::CreatedAt.eq(file.created_at))
                    .add(F::Id.lte(file.id.clone())),
            ),
        )
        .count(&services.db)
        .await?;
    let (reader, size) = services
        .storage
        .open(&file.storage_key)
        .await
        .map_err(|_| AppError::NotFound)?;
    let body = Body::from_stream(tokio_util::io::ReaderStream::new(reader));
    Ok((
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_str(&file.content_type)
                    .unwrap_or(HeaderValue::from_static("application/octet-stream")),
            ),
            (header::CONTENT_LENGTH, HeaderValue::from(size)),
            (
                header::CONTENT_DISPOSITION,
                content_disposition("inline", &served_name(file, rank.max(1))),
            ),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static("private, no-store"),
            ),
        ],
        body,
    )
        .into_response())
}

/// A generated document to download.
pub fn attachment(content_type: &'static str, name: &str, body: impl Into<Body>) -> Response {
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (
                header::CONTENT_DISPOSITION,
                content_disposition("attachment", name),
            ),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static("private, no-store"),
            ),
        ],
        body.into(),
    )
        .into_response()
}

/// The authorisation of an accepted file as a download; the applicant gets it only while in
/// force (a revoked authorisation no longer allows work), its instructors always.
pub async fn authorisation_download(
    services: &Services,
    dossier: &dossier::Model,
    only_in_force: bool,
) -> Result<Response> {
    let issued = services
        .issued(dossier)
        .await?
        .filter(|a| !only_in_force || a.revoked_at.is_none())
        .ok_or(AppError::NotFound)?;
    let pdf = services.authorisation_pdf(dossier, &issued).await?;
    let name = format!(
        "autorisation-{}.pdf",
        dossier.number.clone().unwrap_or_default()
    );
    Ok(attachment("application/pdf", &name, pdf))
}

impl Services {
    /// The deposit receipt of a filed request.
    pub async fn receipt(&self, dossier: &dossier::Model) -> Result<Vec<u8>> {
        if dossier.state == DossierState::Draft {
            return Err(AppError::StepNotReached(Step::Summary).into());
        }
        let parsed = self.parsed_as_filed(dossier)?;
        let files = self.files(&dossier.id).await?;
        let service = self.service_name(dossier).await?;
        Ok(receipt::deposit_receipt(
            dossier,
            &parsed,
            &files,
            &service,
            dossier.lang,
        ))
    }

    /// The authorisation PDF of an accepted file.
    pub async fn authorisation_pdf(
        &self,
        dossier: &dossier::Model,
        issued: &issued::Model,
    ) -> Result<Vec<u8>> {
        let parsed = self.parsed_as_filed(dossier)?;
        let service = self.service_name(dossier).await?;
        Ok(authorisation::authorisation_pdf(
            dossier,
            issued,
            &parsed,
            &service,
            &self.public_url,
            dossier.lang,
        ))
    }
}
