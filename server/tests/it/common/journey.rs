//! The applicant's journey, step by step, for the tests that need a filed request.

use axum::http::StatusCode;
use chrono::{Duration, Utc};

use super::{call, pdf_bytes, upload, TestApp};

pub fn day(offset: i64) -> String {
    (Utc::now().date_naive() + Duration::days(offset))
        .format("%Y-%m-%d")
        .to_string()
}

pub fn student_step(email: &str) -> Vec<(String, String)> {
    [
        ("family_name", "Diop".to_owned()),
        ("given_names", "Awa".to_owned()),
        ("birth_date", "2002-04-17".to_owned()),
        ("nationality", "SN".to_owned()),
        ("permit", "student".to_owned()),
        ("permit_number", "7501234567".to_owned()),
        ("permit_issued", day(-60)),
        ("permit_expires", day(300)),
        ("school", "Sorbonne Université".to_owned()),
        ("diploma", "Master informatique".to_owned()),
        ("study_year", "M2".to_owned()),
        ("address", "12 rue des Écoles".to_owned()),
        ("postcode", "75005".to_owned()),
        ("city", "Paris".to_owned()),
        ("email", email.to_owned()),
        ("phone", "06 12 34 56 78".to_owned()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect()
}

pub fn employer_step(postcode: &str) -> Vec<(String, String)> {
    [
        ("siret", "73282932000074"),
        ("employer_name", "Boulangerie du Panthéon"),
        ("establishment_address", "3 place du Panthéon"),
        ("establishment_postcode", postcode),
        ("establishment_city", "Paris"),
        ("contact_name", "Jeanne Martin"),
        ("contact_email", "rh@boulangerie.example.fr"),
        ("contact_phone", "01 42 34 56 78"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect()
}

pub fn job_step(within_curriculum: bool) -> Vec<(String, String)> {
    [
        ("contract", "employment".to_owned()),
        ("contract_start", day(14)),
        ("contract_end", day(200)),
        ("weekly_hours", "20".to_owned()),
        ("hourly_wage", "12,50".to_owned()),
        ("job_title", "Vendeuse".to_owned()),
        ("within_curriculum", within_curriculum.to_string()),
        ("regulated_profession", "none".to_owned()),
        ("annual_hours", "1200".to_owned()),
        ("renewal", "false".to_owned()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect()
}

/// Saves a step the way the page does: `step` and the fields as `form[name]`.
pub async fn save(
    app: &TestApp,
    step: &str,
    fields: &[(String, String)],
    cookie: &str,
) -> super::Reply {
    let mut pairs: Vec<(String, String)> = vec![("step".into(), step.into())];
    pairs.extend(
        fields
            .iter()
            .map(|(k, v)| (format!("form[{k}]"), v.clone())),
    );
    let borrowed: Vec<(&str, &str)> = pairs
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    call(&app.router, "demande/enregistrer", &borrowed, Some(cookie)).await
}

/// Starts a request for `email` and signs in with the e-mailed code.
pub async fn signed_in(app: &TestApp, email: &str, role: &str) -> String {
    let started = call(
        &app.router,
        "demande/commencer",
        &[("email", email), ("role", role)],
        None,
    )
    .await;
    assert!(
        started.status.is_success(),
        "start: {} {}",
        started.status,
        started.body
    );
    let code = app.last_code(email).await;
    let reply = call(
        &app.router,
        "demande/acces",
        &[("email", email), ("code", &code)],
        None,
    )
    .await;
    assert!(
        reply.status.is_success(),
        "sign in: {} {}",
        reply.status,
        reply.body
    );
    reply.session_cookie().expect("a session cookie")
}

/// A draft with the three typed steps saved.
pub async fn typed_draft(app: &TestApp, email: &str) -> String {
    typed_draft_in(app, email, "75005").await
}

/// A draft whose employer's establishment has this postcode.
pub async fn typed_draft_in(app: &TestApp, email: &str, postcode: &str) -> String {
    let cookie = signed_in(app, email, "student").await;
    for (step, fields) in [
        ("salarie", student_step(email)),
        ("employeur", employer_step(postcode)),
        ("emploi", job_step(true)),
    ] {
        let reply = save(app, step, &fields, &cookie).await;
        assert!(
            reply.status.is_success(),
            "{step}: {} {}",
            reply.status,
            reply.body
        );
    }
    cookie
}

pub async fn upload_all(app: &TestApp, cookie: &str) {
    for kind in [
        "passport",
        "residence_permit",
        "enrolment_certificate",
        "employment_contract",
        "mandate",
    ] {
        let reply = upload(
            &app.router,
            kind,
            &format!("{kind}.pdf"),
            pdf_bytes(2048),
            cookie,
        )
        .await;
        assert_eq!(reply.status, StatusCode::CREATED, "{kind}: {}", reply.body);
    }
}

/// A request of `email`, typed, documented and filed; returns its number and the applicant's cookie.
pub async fn filed(app: &TestApp, email: &str) -> (String, String) {
    filed_in(app, email, "75005").await
}

pub async fn filed_in(app: &TestApp, email: &str, postcode: &str) -> (String, String) {
    let cookie = typed_draft_in(app, email, postcode).await;
    upload_all(app, &cookie).await;
    let reply = call(&app.router, "demande/deposer", &[], Some(&cookie)).await;
    assert!(reply.status.is_success(), "file: {}", reply.body);
    (reply.json().as_str().expect("a number").to_owned(), cookie)
}
