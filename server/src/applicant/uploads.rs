//! Uploads on a plain axum route (server functions' multipart decoding has no size limit):
//! streamed to storage with their own byte count and type sniffing, bounded in number, size and
//! time, and recorded only while the request has room.

use app::i18n::Lang;
use app::model::{AppError, UploadError};
use app::rules::documents::{
    FileType, MAX_BYTES_PER_REQUEST, MAX_FILES_PER_DOCUMENT, MAX_FILE_BYTES,
};
use app::rules::dossier::DossierState;
use app::rules::DocumentKind;
use app::ssr::{error_response, ApplicantSession, ClientAddr};
use axum::extract::{Multipart, Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Json;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QuerySelect, Set};
use serde::Serialize;

use crate::error::Error;
use crate::infra::db::entities::{dossier, storage_usage, stored_file};
use crate::services::{NoSlot, Services};
use crate::AppState;

fn status(error: UploadError) -> StatusCode {
    match error {
        UploadError::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
        UploadError::WrongType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
        UploadError::TooMany => StatusCode::CONFLICT,
        UploadError::Empty | UploadError::Malformed => StatusCode::BAD_REQUEST,
        UploadError::NotExpected => StatusCode::UNPROCESSABLE_ENTITY,
        UploadError::Quota => StatusCode::PAYLOAD_TOO_LARGE,
        UploadError::TimedOut => StatusCode::REQUEST_TIMEOUT,
        UploadError::Busy => StatusCode::SERVICE_UNAVAILABLE,
        UploadError::BusyHere | UploadError::ClientQuota => StatusCode::TOO_MANY_REQUESTS,
        UploadError::StorageFull => StatusCode::INSUFFICIENT_STORAGE,
    }
}

/// Body limit of the upload route: one file plus a margin, so that our own count of the file's
/// bytes refuses an oversize file (with a clear error) before the limit cuts the stream.
pub const UPLOAD_BODY_LIMIT: usize = MAX_FILE_BYTES as usize + 1024 * 1024;

fn wants_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("application/json"))
}

#[derive(Serialize)]
struct Uploaded {
    id: String,
    file_name: String,
    content_type: String,
    size: u64,
}

/// `POST /demande/fichiers/{kind}`: one multipart field `file`. Answers JSON to scripts, and
/// redirects back to the page (with the error in the query) for a plain HTML form.
pub async fn upload(
    State(state): State<AppState>,
    Path(kind): Path<String>,
    lang: Lang,
    session: Result<ApplicantSession, AppError>,
    ClientAddr(client): ClientAddr,
    headers: HeaderMap,
    multipart: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> Response {
    let services = &state.services;
    let json = wants_json(&headers);
    let session = match session {
        Ok(s) => s,
        Err(e) => return error_response(&e, lang),
    };
    let back = |d: &dossier::Model| {
        if d.state == DossierState::ChangesRequested {
            "/suivi".to_owned()
        } else {
            "/demande/justificatifs".to_owned()
        }
    };
    let dossier = match services.dossier(&session.dossier_id).await {
        Ok(d) => d,
        Err(e) => return error_response(&e.into(), lang),
    };
    // Browsers say the size first: refuse an oversize file before reading it.
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    // A bounded number of uploads at once, each in a bounded time: slow or stalled senders
    // cannot hold the server's connections and disk (a dropped upload removes its own file).
    // One client's own uploads are bounded first, so that it cannot take every slot.
    let too_large = declared.is_some_and(|n| n > UPLOAD_BODY_LIMIT);
    let slot = match too_large {
        true => None,
        false => match services.upload_slot(&client).await {
            Ok(slot) => Some(slot),
            Err(e) => return error_response(&Error::from(e).into(), lang),
        },
    };
    let result = match (multipart, slot) {
        _ if too_large => Err(Err(UploadError::TooLarge)),
        (_, Some(Err(NoSlot::BusyHere))) => Err(Err(UploadError::BusyHere)),
        (_, Some(Err(NoSlot::Busy))) => Err(Err(UploadError::Busy)),
        (Ok(multipart), Some(Ok(slot))) => {
            let received = tokio::time::timeout(
                services.uploads.timeout,
                receive(services, &dossier, &kind, &client, multipart),
            )
            .await
            .unwrap_or(Err(Err(UploadError::TimedOut)));
            slot.release().await;
            received
        }
        _ => Err(Err(UploadError::Malformed)),
    };
    // Only a known kind goes back into the address (a typed path could hold anything).
    let kind = app::rules::DocumentKind::from_code(&kind)
        .map(|k| k.code())
        .unwrap_or("");
    match result {
        Ok(file) if json => (StatusCode::CREATED, Json(file)).into_response(),
        Ok(_) => Redirect::to(&format!("{}#piece-{kind}", back(&dossier))).into_response(),
        Err(Ok(error)) => error_response(&error.into(), lang),
        Err(Err(e)) if json => {
            let mut response = (
                status(e),
                Json(serde_json::json!({ "error": e.code(), "message": e.message(lang) })),
            )
                .into_response();
            if matches!(e, UploadError::Busy | UploadError::BusyHere) {
                response
                    .headers_mut()
                    .insert(header::RETRY_AFTER, HeaderValue::from_static("60"));
            }
            response
        }
        Err(Err(e)) => Redirect::to(&format!(
            "{}?erreur={}&piece={kind}#piece-{kind}",
            back(&dossier),
            e.code()
        ))
        .into_response(),
    }
}

/// A stored file, or why not: a fault or refusal (`Error`), or what is wrong with the upload.
type UploadResult = Result<Uploaded, Result<Error, UploadError>>;

async fn receive(
    services: &Services,
    dossier: &dossier::Model,
    kind: &str,
    client: &str,
    mut multipart: Multipart,
) -> UploadResult {
    let kind = DocumentKind::from_code(kind).ok_or(Err(UploadError::NotExpected))?;
    let expected = services.uploadable(dossier).await.map_err(Ok)?;
    if !expected.contains(&kind) {
        return Err(Err(UploadError::NotExpected));
    }
    // Refused early when already full; checked again, atomically, when the file is recorded.
    let client = crate::infra::limiter::client_key(client);
    room(services, &services.db, dossier, kind, &client, 0).await?;
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => return Err(Err(UploadError::Empty)),
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                return Err(Err(UploadError::TooLarge))
            }
            Err(e) => {
                tracing::info!("malformed upload: {} ({})", e.body_text(), e.status());
                return Err(Err(UploadError::Malformed));
            }
        };
        if field.name() != Some("file") {
            continue;
        }
        let file_name = sanitize_file_name(field.file_name().unwrap_or("document"));
        return store(services, dossier, kind, &client, file_name, field).await;
    }
}

async fn store(
    services: &Services,
    dossier: &dossier::Model,
    kind: DocumentKind,
    client: &str,
    file_name: String,
    mut field: axum::extract::multipart::Field<'_>,
) -> UploadResult {
    // The key is chosen before the first byte: an S3 multipart upload is written to it.
    let id = uuid::Uuid::new_v4().to_string();
    let key = format!("{}/{id}", dossier.id);
    let mut upload = services
        .storage
        .begin(&key)
        .await
        .map_err(|e| Ok(e.into()))?;
    let mut size: u64 = 0;
    let mut head: Vec<u8> = Vec::with_capacity(16);
    let outcome: Result<(), UploadError> = async {
        loop {
            let chunk = match field.chunk().await {
                Ok(Some(chunk)) => chunk,
                Ok(None) => break,
                Err(e) => {
                    // axum's body limit ends the stream with an error: too large, said plainly.
                    let too_large = e.status() == StatusCode::PAYLOAD_TOO_LARGE
                        || size + chunk_margin() > MAX_FILE_BYTES;
                    return Err(if too_large {
                        UploadError::TooLarge
                    } else {
                        UploadError::Malformed
                    });
                }
            };
            size += chunk.len() as u64;
            if size > MAX_FILE_BYTES {
                return Err(UploadError::TooLarge);
            }
            if head.len() < 16 {
                head.extend(chunk.iter().take(16 - head.len()));
            }
            upload
                .write(&chunk)
                .await
                .map_err(|_| UploadError::Malformed)?;
        }
        Ok(())
    }
    .await;
    let file_type = match outcome {
        Err(e) => {
            upload.abort().await;
            return Err(Err(e));
        }
        Ok(()) if size == 0 => {
            upload.abort().await;
            return Err(Err(UploadError::Empty));
        }
        Ok(()) => match FileType::sniff(&head) {
            Some(t) => t,
            None => {
                upload.abort().await;
                return Err(Err(UploadError::WrongType));
            }
        },
    };
    upload.commit().await.map_err(|e| Ok(e.into()))?;
    let content_type = file_type.code().to_owned();
    let row = stored_file::ActiveModel {
        id: Set(id.clone()),
        dossier_id: Set(dossier.id.clone()),
        kind: Set(kind),
        file_name: Set(file_name.clone()),
        content_type: Set(content_type.clone()),
        size_bytes: Set(size as i64),
        storage_key: Set(key.clone()),
        created_at: Set((services.clock)()),
        client_key: Set(Some(client.to_owned())),
    };
    if let Err(e) = record(services, dossier, kind, client, size, row).await {
        let _ = services.storage.delete(&key).await;
        return Err(e);
    }
    Ok(Uploaded {
        id,
        file_name,
        content_type,
        size,
    })
}

/// Whether there is room for one more file of `kind` of `size` bytes (0: whether there is any
/// room left): at most `MAX_FILES_PER_DOCUMENT` per document (after a change request, counting
/// only the files sent since: the old ones may be replaced) and `MAX_BYTES_PER_REQUEST` in the
/// request; the client address's quota in unfiled drafts (a draft costs nothing to start: one
/// address starting many cannot fill the storage); the storage's quota in all.
async fn room(
    services: &Services,
    db: &impl sea_orm::ConnectionTrait,
    dossier: &dossier::Model,
    kind: DocumentKind,
    client: &str,
    size: u64,
) -> Result<(), Result<Error, UploadError>> {
    let server = |e: sea_orm::DbErr| Ok(Error::from(e));
    let size = size.max(1);
    let files = stored_file::Entity::find()
        .filter(stored_file::Column::DossierId.eq(dossier.id.clone()))
        .all(db)
        .await
        .map_err(server)?;
    let since = if dossier.state == DossierState::ChangesRequested {
        Services::last_change_request(db, &dossier.id)
            .await
            .map_err(Ok)?
    } else {
        None
    };
    let counted = files
        .iter()
        .filter(|f| f.kind == kind && since.is_none_or(|t| f.created_at > t))
        .count();
    if counted >= MAX_FILES_PER_DOCUMENT {
        return Err(Err(UploadError::TooMany));
    }
    let bytes: u64 = files.iter().map(|f| f.size_bytes.max(0) as u64).sum();
    if bytes + size > MAX_BYTES_PER_REQUEST {
        return Err(Err(UploadError::Quota));
    }
    let limits = &services.uploads;
    if dossier.state == DossierState::Draft
        && in_drafts_from(db, client).await.map_err(server)? + size > limits.client_quota_bytes
    {
        return Err(Err(UploadError::ClientQuota));
    }
    let stored = storage_usage::Entity::find_by_id(1)
        .one(db)
        .await
        .map_err(server)?
        .map_or(0, |u| u.bytes.max(0) as u64);
    if stored + size > limits.total_quota_bytes {
        tracing::error!(
            "storage quota reached: {stored} bytes stored of {} (STORAGE_QUOTA_MB)",
            limits.total_quota_bytes
        );
        return Err(Err(UploadError::StorageFull));
    }
    Ok(())
}

/// The bytes a client address keeps in requests not yet filed.
async fn in_drafts_from(
    db: &impl sea_orm::ConnectionTrait,
    client: &str,
) -> Result<u64, sea_orm::DbErr> {
    use sea_orm::sea_query::{Expr, Query};
    let drafts = Query::select()
        .column(dossier::Column::Id)
        .from(dossier::Entity)
        .and_where(dossier::Column::State.eq(DossierState::Draft))
        .to_owned();
    let used: Option<i64> = stored_file::Entity::find()
        .select_only()
        .column_as(
            Expr::cust("CAST(COALESCE(SUM(stored_file.size_bytes), 0) AS BIGINT)"),
            "used",
        )
        .filter(stored_file::Column::ClientKey.eq(client))
        .filter(stored_file::Column::DossierId.in_subquery(drafts))
        .into_tuple()
        .one(db)
        .await?;
    Ok(used.unwrap_or(0).max(0) as u64)
}

/// Records a stored file if the request still takes it and has room, in one write transaction
/// that holds the request's row: parallel uploads are counted one after the other, never all
/// against the same count (SQLite takes its write lock at the start; PostgreSQL locks the row).
/// The row is read again there: an upload that began before the request was filed, decided or
/// changed (a step saved that no longer needs this document, a change request answered) is
/// refused, not slipped into a dossier that moved on without a line in its history.
async fn record(
    services: &Services,
    dossier: &dossier::Model,
    kind: DocumentKind,
    client: &str,
    size: u64,
    row: stored_file::ActiveModel,
) -> Result<(), Result<Error, UploadError>> {
    let server = |e: sea_orm::DbErr| Ok(Error::from(e));
    let txn = crate::infra::db::write_txn(&services.db)
        .await
        .map_err(server)?;
    let now = dossier::Entity::find_by_id(dossier.id.clone())
        .lock_exclusive()
        .one(&txn)
        .await
        .map_err(server)?
        .ok_or(Ok(Error::from(AppError::NotFound)))?;
    let moved_on = now.state != dossier.state
        || (now.state == DossierState::ChangesRequested && now.version != dossier.version);
    if moved_on {
        return Err(Ok(AppError::NotEditable(now.state).into()));
    }
    if !services.uploadable(&now).await.map_err(Ok)?.contains(&kind) {
        return Err(Err(UploadError::NotExpected));
    }
    room(services, &txn, &now, kind, client, size).await?;
    row.insert(&txn).await.map_err(server)?;
    // A draft with a new file is a saved draft: its 14 days start again, in the same
    // transaction (the purge deletes only a draft still unsaved when it deletes).
    if now.state == DossierState::Draft {
        dossier::Entity::update_many()
            .col_expr(
                dossier::Column::UpdatedAt,
                sea_orm::sea_query::Expr::value((services.clock)()),
            )
            .filter(dossier::Column::Id.eq(now.id.clone()))
            .exec(&txn)
            .await
            .map_err(server)?;
    }
    txn.commit().await.map_err(server)
}

/// How far ahead of the file's bytes the multipart parser may read.
const fn chunk_margin() -> u64 {
    1024 * 1024
}

/// Keeps a name people recognise, without paths or characters that break a header.
pub fn sanitize_file_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or("");
    let cleaned: String = base
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '"' | ';' | '\\'))
        .take(120)
        .collect();
    let cleaned = cleaned.trim().trim_start_matches('.').to_owned();
    if cleaned.is_empty() {
        "document".to_owned()
    } else {
        cleaned
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_cleaned() {
        assert_eq!(
            sanitize_file_name("C:\\Users\\awa\\passeport.pdf"),
            "passeport.pdf"
        );
        assert_eq!(sanitize_file_name("../../etc/passwd"), "passwd");
        assert_eq!(sanitize_file_name(".htaccess"), "htaccess");
        assert_eq!(sanitize_file_name("a\"b;c\r\n.pdf"), "abc.pdf");
        assert_eq!(sanitize_file_name(""), "document");
        assert_eq!(
            sanitize_file_name("titre de séjour.png"),
            "titre de séjour.png"
        );
    }
}
