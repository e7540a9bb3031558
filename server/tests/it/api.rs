//! Integration tests through the real router, on SQLite by default and on PostgreSQL when
//! `TEST_DATABASE_URL` names a server (scripts/with-postgres.sh does it in `make test`).

use crate::common;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use common::{app, database_url, get, post_json, send};
use sea_orm::ConnectionTrait;
use serde_json::{json, Value};

#[tokio::test(flavor = "multi_thread")]
async fn health_check_reaches_the_database() {
    let app = app().await;
    let reply = get(&app, "/healthz").await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.json(), json!({"status": "ok", "database": "ok"}));
}

#[tokio::test(flavor = "multi_thread")]
async fn eligibility_decisions() {
    let app = app().await;
    let cases = [
        (
            json!({"nationality": "SN", "permit": "student", "contract": "employment", "annual_hours": 500}),
            json!({"outcome": "not_required", "reasons": ["under_threshold"], "max_annual_hours": 964.0,
                   "required_documents": [], "optional_documents": [], "obligations": ["nominative_declaration"]}),
        ),
        (
            json!({"nationality": "DZ", "permit": "algerian_student_certificate", "contract": "employment", "annual_hours": 300, "filed_by": "student"}),
            json!({"outcome": "required", "reasons": ["algerian_first_hour"], "max_annual_hours": 803.5,
                   "required_documents": ["passport", "residence_permit", "enrolment_certificate", "employment_contract", "mandate"],
                   "optional_documents": [], "obligations": []}),
        ),
        (
            json!({"nationality": "IN", "permit": "student", "contract": "employment", "annual_hours": 1200, "within_curriculum": false}),
            json!({"outcome": "not_eligible", "reasons": ["over_threshold_outside_curriculum"], "max_annual_hours": 964.0,
                   "required_documents": [], "optional_documents": [], "obligations": []}),
        ),
        (
            json!({"nationality": "CN", "permit": "student", "contract": "cifre", "annual_hours": "1 600", "regulated_profession": "architect", "renewal": true}),
            json!({"outcome": "required", "reasons": ["over_threshold_in_curriculum"], "max_annual_hours": null,
                   "required_documents": ["passport", "residence_permit", "enrolment_certificate", "employment_contract", "cifre_contract", "professional_capacity_proof"],
                   "optional_documents": ["previous_authorisation", "payslips"], "obligations": ["nominative_declaration"]}),
        ),
        (
            json!({"nationality": "de", "permit": "other", "contract": "employment", "annual_hours": 2000}),
            json!({"outcome": "not_required", "reasons": ["free_movement"], "max_annual_hours": null,
                   "required_documents": [], "optional_documents": [], "obligations": []}),
        ),
    ];
    for (request, expected) in cases {
        let reply = post_json(&app, "/api/v1/eligibility", &request.to_string()).await;
        assert_eq!(reply.status, StatusCode::OK, "{request}: {}", reply.body);
        assert_eq!(reply.json(), expected, "{request}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn invalid_answers_are_422_field_by_field() {
    let app = app().await;
    let base = json!({"nationality": "SN", "permit": "student", "contract": "employment", "annual_hours": 500});
    let with = |field: &str, value: Value| {
        let mut body = base.clone();
        body[field] = value;
        body
    };
    let mut without_permit = base.clone();
    without_permit.as_object_mut().unwrap().remove("permit");
    let cases = [
        (
            with("nationality", json!("XX")),
            vec![("nationality", "unknown_country")],
        ),
        (
            with("annual_hours", json!(-3)),
            vec![("annual_hours", "negative_hours")],
        ),
        (
            with("annual_hours", json!("a lot")),
            vec![("annual_hours", "not_a_number")],
        ),
        (
            with("annual_hours", json!([1, 2])),
            vec![("annual_hours", "invalid_type")],
        ),
        (
            with("permit", json!("algerian_student_certificate")),
            vec![("permit", "algerian_certificate_requires_dz")],
        ),
        (
            with("contract", json!("freelance")),
            vec![("contract", "invalid_choice")],
        ),
        (
            with("regulated_profession", json!("wizard")),
            vec![("regulated_profession", "invalid_choice")],
        ),
        (
            with("within_curriculum", json!("perhaps")),
            vec![("within_curriculum", "not_a_boolean")],
        ),
        (without_permit, vec![("permit", "required")]),
        (json!([1, 2, 3]), vec![("body", "invalid_type")]),
        (
            json!({}),
            vec![
                ("nationality", "required"),
                ("permit", "required"),
                ("contract", "required"),
                ("annual_hours", "required"),
            ],
        ),
    ];
    for (request, expected) in cases {
        let reply = post_json(&app, "/api/v1/eligibility", &request.to_string()).await;
        assert_eq!(
            reply.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{request}: {}",
            reply.body
        );
        let body = reply.json();
        let errors = body["errors"].as_array().expect("errors array");
        let got: Vec<(&str, &str)> = errors
            .iter()
            .map(|e| (e["field"].as_str().unwrap(), e["code"].as_str().unwrap()))
            .collect();
        assert_eq!(got, expected, "{request}");
        assert!(
            errors
                .iter()
                .all(|e| e["message"].as_str().is_some_and(|m| m.len() > 10)),
            "{body}"
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn error_messages_follow_the_requested_language() {
    let app = app().await;
    let body = json!({"nationality": "XX", "permit": "student", "contract": "employment", "annual_hours": 1}).to_string();
    let fr = post_json(&app, "/api/v1/eligibility", &body).await.json();
    let en = post_json(&app, "/api/v1/eligibility?lang=en", &body)
        .await
        .json();
    assert!(fr["errors"][0]["message"]
        .as_str()
        .unwrap()
        .starts_with("Nationalité inconnue"));
    assert!(en["errors"][0]["message"]
        .as_str()
        .unwrap()
        .starts_with("Unknown nationality"));
    let request = Request::post("/api/v1/eligibility")
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::ACCEPT_LANGUAGE, "en-GB,en;q=0.9")
        .body(Body::from(body))
        .unwrap();
    assert!(send(&app, request).await.json()["errors"][0]["message"]
        .as_str()
        .unwrap()
        .starts_with("Unknown"));
}

#[tokio::test(flavor = "multi_thread")]
async fn malformed_json_is_400_never_500() {
    let app = app().await;
    for body in ["{", "", "nationality=SN", "{\"nationality\": }", "\u{0}"] {
        let reply = post_json(&app, "/api/v1/eligibility", body).await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{body:?}");
        assert_eq!(reply.json()["errors"][0]["code"], "malformed_json");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn openapi_describes_the_api() {
    let app = app().await;
    let reply = get(&app, "/api/v1/openapi.json").await;
    assert_eq!(reply.status, StatusCode::OK);
    let doc = reply.json();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    assert!(doc["paths"]["/api/v1/eligibility"]["post"].is_object());
    let schemas = &doc["components"]["schemas"];
    for name in [
        "EligibilityInput",
        "Eligibility",
        "ApiErrors",
        "Permit",
        "Contract",
        "Outcome",
        "Reason",
        "DocumentKind",
    ] {
        assert!(schemas[name].is_object(), "schema {name} missing");
    }
    let permits = schemas["Permit"].to_string();
    assert!(
        permits.contains("algerian_student_certificate"),
        "{permits}"
    );
    // The document is as strict as the server: formats it checks, nulls it accepts.
    let input = &schemas["EligibilityInput"]["properties"];
    assert_eq!(
        input["nationality"]["pattern"], r"^\s*[A-Za-z]{2}\s*$",
        "{input}"
    );
    for field in ["within_curriculum", "renewal"] {
        let types = input[field]["type"].to_string();
        assert!(types.contains("null"), "{field}: {types}");
    }
    let postcode = &doc["paths"]["/api/v1/routing/{postcode}"]["get"]["parameters"][0];
    assert_eq!(postcode["schema"]["pattern"], "^[0-9]{5}$", "{postcode}");
}

#[tokio::test(flavor = "multi_thread")]
async fn routing_by_the_establishments_postcode() {
    let app = app().await;
    let paris = get(&app, "/api/v1/routing/75011").await;
    assert_eq!(paris.status, StatusCode::OK);
    let paris = paris.json();
    assert_eq!(
        (paris["departement"].as_str(), paris["open"].as_bool()),
        (Some("75"), Some(true))
    );
    assert_eq!(paris["service"]["code"], "moe-paris");
    assert!(paris["apply_elsewhere"].is_null());

    let marseille = get(&app, "/api/v1/routing/13008").await.json();
    assert_eq!(
        (
            marseille["departement"].as_str(),
            marseille["open"].as_bool()
        ),
        (Some("13"), Some(false))
    );
    assert!(marseille["service"].is_null());
    assert!(marseille["apply_elsewhere"]
        .as_str()
        .unwrap()
        .starts_with("https://"));

    let ajaccio = get(&app, "/api/v1/routing/20000").await.json();
    assert_eq!(ajaccio["departement"], "2A");

    let bad = get(&app, "/api/v1/routing/7500").await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(bad.json()["errors"][0]["code"], "postcode_format");
}

#[tokio::test(flavor = "multi_thread")]
async fn migrations_run_twice_without_harm() {
    let url = database_url().await;
    server::infra::db::connect(&url).await.expect("first start");
    let db = server::infra::db::connect(&url)
        .await
        .expect("second start");
    let rows = db
        .query_all_raw(sea_orm::Statement::from_string(
            db.get_database_backend(),
            "SELECT code FROM departement WHERE open = TRUE",
        ))
        .await
        .unwrap();
    assert_eq!(rows.len(), 1, "the pilot département is seeded once");
}

#[tokio::test(flavor = "multi_thread")]
async fn eligibility_page_answers_without_javascript() {
    let app = app().await;
    let page = get(&app, "/eligibilite?nationality=DZ&permit=algerian_student_certificate&contract=employment&annual_hours=500&verifier=1").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("<html lang=\"fr\""), "French by default");
    assert!(
        page.body.contains("data-outcome=\"required\""),
        "the server renders the decision"
    );
    assert!(
        page.body.contains("803,5"),
        "the Algerian cap, written the French way"
    );
    assert!(page.body.contains("data-document=\"passport\""));

    let english = get(&app, "/eligibilite?nationality=IN&permit=student&contract=employment&annual_hours=1200&within_curriculum=false&verifier=1&lang=en").await;
    assert!(english.body.contains("<html lang=\"en\""));
    assert!(english.body.contains("data-outcome=\"not_eligible\""));
    assert!(english.body.contains("This job cannot be authorised"));
    let cookie = english
        .headers
        .get(header::SET_COOKIE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    assert!(
        cookie.starts_with("wif_lang=en"),
        "the choice is remembered: {cookie:?}"
    );

    let missing = get(&app, "/eligibilite?verifier=1&annual_hours=-2").await;
    assert!(
        missing.body.contains("negative_hours"),
        "invalid answers are explained next to the field"
    );
    assert!(missing.body.contains("aria-invalid=\"true\""));
}

#[tokio::test(flavor = "multi_thread")]
async fn pages_and_not_found() {
    let app = app().await;
    let home = get(&app, "/").await;
    assert_eq!(home.status, StatusCode::OK);
    assert!(home.body.contains("href=\"/eligibilite\""));
    assert!(home.body.contains("Accessibilité : partiellement conforme"));
    assert_eq!(
        home.headers.get(header::X_CONTENT_TYPE_OPTIONS).unwrap(),
        "nosniff"
    );

    let cookie_english = send(
        &app,
        Request::get("/accessibilite")
            .header(header::COOKIE, "wif_lang=en")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert!(cookie_english.body.contains("Accessibility statement"));

    let missing = get(&app, "/nulle-part").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert!(missing.body.contains("Page introuvable"));
}
