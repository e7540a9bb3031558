//! The public JSON API (`/api/v1`), its OpenAPI description, and the health check.

use std::any::Any;

use app::i18n::{Lang, Msg};
use app::rules::eligibility::{self, EligibilityAnswers};
use app::rules::{decide, Departement, Eligibility, EligibilityInput, ErrorCode, FieldError};
use axum::body::{Body, Bytes};
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use sea_orm::EntityTrait;
use serde::{Deserialize, Serialize};
use utoipa::{OpenApi, ToSchema};

use crate::infra::db::entities::{departement, instruction_service};
use crate::AppState;

/// One refused field.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ApiFieldError {
    /// The field's name in the request (`body` for the request as a whole).
    pub field: String,
    /// A stable machine-readable code.
    pub code: String,
    /// The reason in the language asked for (`?lang=` or `Accept-Language`; French by default).
    pub message: String,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ApiErrors {
    pub errors: Vec<ApiFieldError>,
}

#[derive(Debug, Deserialize)]
pub struct LangQuery {
    lang: Option<String>,
}

fn request_lang(query: &LangQuery, headers: &HeaderMap) -> Lang {
    query
        .lang
        .as_deref()
        .and_then(Lang::from_code)
        .or_else(|| {
            headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|h| h.to_str().ok())
                .and_then(Lang::from_accept_language)
        })
        .unwrap_or_default()
}

fn errors_response(status: StatusCode, errors: &[FieldError], lang: Lang) -> Response {
    let body = ApiErrors {
        errors: errors
            .iter()
            .map(|e| ApiFieldError {
                field: e.field.clone(),
                code: e.code.code().to_owned(),
                message: e.message(lang).to_owned(),
            })
            .collect(),
    };
    (status, Json(body)).into_response()
}

fn malformed_json(lang: Lang) -> Response {
    let message = lang.t(Msg::ApiMalformedJson);
    let body = ApiErrors {
        errors: vec![ApiFieldError {
            field: "body".into(),
            code: "malformed_json".into(),
            message: message.into(),
        }],
    };
    (StatusCode::BAD_REQUEST, Json(body)).into_response()
}

/// Reads the JSON object's fields as the questionnaire's raw answers: strings as they are,
/// numbers and booleans as their text, so the one parser of `rules` judges them all.
fn answers_from_json(
    object: &serde_json::Map<String, serde_json::Value>,
) -> (EligibilityAnswers, Vec<FieldError>) {
    use serde_json::Value;
    let mut answers = EligibilityAnswers::default();
    let mut errors = Vec::new();
    for field in EligibilityAnswers::FIELDS {
        let text = match object.get(field) {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => Some(s.clone()),
            Some(Value::Number(n)) => Some(n.to_string()),
            Some(Value::Bool(b)) => Some(b.to_string()),
            Some(_) => {
                errors.push(FieldError::new(field, ErrorCode::InvalidType));
                continue;
            }
        };
        answers.set(field, text);
    }
    (answers, errors)
}

/// Decides whether a work authorisation is needed (rules.md §1), with the documents to prepare.
#[utoipa::path(
    post,
    path = "/api/v1/eligibility",
    request_body = EligibilityInput,
    params(("lang" = Option<String>, Query, description = "fr, en, ar or zh: the language of error messages")),
    responses(
        (status = 200, description = "The decision", body = Eligibility),
        (status = 400, description = "The body is not JSON", body = ApiErrors),
        (status = 422, description = "Invalid answers, field by field", body = ApiErrors),
    )
)]
pub async fn eligibility(
    State(state): State<AppState>,
    Query(query): Query<LangQuery>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let lang = request_lang(&query, &headers);
    let Ok(value) = serde_json::from_slice::<serde_json::Value>(&body) else {
        return malformed_json(lang);
    };
    let Some(object) = value.as_object() else {
        return errors_response(
            StatusCode::UNPROCESSABLE_ENTITY,
            &[FieldError::new("body", ErrorCode::InvalidType)],
            lang,
        );
    };
    let (answers, mut errors) = answers_from_json(object);
    match eligibility::parse(&answers) {
        Ok(input) if errors.is_empty() => {
            let today = chrono::Local::now().date_naive();
            Json(decide(&input, &state.rules, today)).into_response()
        }
        Ok(_) => errors_response(StatusCode::UNPROCESSABLE_ENTITY, &errors, lang),
        Err(parse_errors) => {
            // Keep one error per field: a field of the wrong JSON type also reads as missing.
            for e in parse_errors {
                if !errors.iter().any(|x| x.field == e.field) {
                    errors.push(e);
                }
            }
            errors_response(StatusCode::UNPROCESSABLE_ENTITY, &errors, lang)
        }
    }
}

pub use app::model::{Routing, ServiceInfo, ANEF_URL};

/// Which instruction service handles an establishment's postcode (Code du travail R.5221-15).
#[utoipa::path(
    get,
    path = "/api/v1/routing/{postcode}",
    params(("postcode" = String, Path, description = "The employer establishment's postcode", pattern = r"^[0-9]{5}$")),
    responses((status = 200, body = Routing), (status = 422, body = ApiErrors))
)]
pub async fn routing(
    State(state): State<AppState>,
    Path(postcode): Path<String>,
    Query(query): Query<LangQuery>,
    headers: HeaderMap,
) -> Response {
    let lang = request_lang(&query, &headers);
    let dep = match Departement::from_postcode(&postcode) {
        Ok(d) => d,
        Err(code) => {
            return errors_response(
                StatusCode::UNPROCESSABLE_ENTITY,
                &[FieldError::new("postcode", code)],
                lang,
            )
        }
    };
    let row = match departement::Entity::find_by_id(dep.as_str().to_owned())
        .one(&state.db)
        .await
    {
        Ok(row) => row,
        Err(e) => return database_unavailable(e),
    };
    let service = match row.as_ref().filter(|r| r.open).and_then(|r| r.service_id) {
        Some(id) => match instruction_service::Entity::find_by_id(id)
            .one(&state.db)
            .await
        {
            Ok(s) => s.map(|s| ServiceInfo {
                code: s.code,
                name: s.name,
                email: s.email,
            }),
            Err(e) => return database_unavailable(e),
        },
        None => None,
    };
    let open = service.is_some();
    Json(Routing {
        departement: dep.to_string(),
        open,
        service,
        apply_elsewhere: (!open).then(|| ANEF_URL.to_owned()),
    })
    .into_response()
}

fn database_unavailable(error: sea_orm::DbErr) -> Response {
    tracing::error!(%error, "database error");
    (
        StatusCode::SERVICE_UNAVAILABLE,
        Json(serde_json::json!({"status": "unavailable"})),
    )
        .into_response()
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Work in France API",
        version = "1",
        description = "Whether a foreign student needs a work authorisation in France, and where the request goes."
    ),
    paths(eligibility, routing),
    components(schemas(ApiErrors, ApiFieldError, Routing, ServiceInfo))
)]
pub struct ApiDoc;

pub async fn openapi() -> Response {
    Json(ApiDoc::openapi()).into_response()
}

/// Liveness and database check.
pub async fn healthz(State(state): State<AppState>) -> Response {
    match state.db.ping().await {
        Ok(()) => Json(serde_json::json!({"status": "ok", "database": "ok"})).into_response(),
        Err(e) => database_unavailable(e),
    }
}

/// A panic in a handler becomes a plain 500 page, never a dropped connection.
pub fn panic_response(_: Box<dyn Any + Send + 'static>) -> Response<Body> {
    tracing::error!("a request handler panicked");
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        "Erreur interne / Internal error",
    )
        .into_response()
}
