//! The applicant's request through the real router: access codes, steps, uploads, filing,
//! follow-up, expiry — and forged or malformed requests that must change nothing.

use crate::common;

use axum::http::{header, StatusCode};
use chrono::Duration;
use common::journey::{
    employer_step, job_step, save, signed_in, student_step, typed_draft, upload_all,
};
use common::{call, get, get_with, jpeg_bytes, pdf_bytes, png_bytes, upload, TestApp};
use sea_orm::{EntityTrait, PaginatorTrait};
use server::infra::db::entities::{dossier, dossier_event, stored_file};

async fn dossiers(app: &TestApp) -> Vec<dossier::Model> {
    dossier::Entity::find().all(&app.state.db).await.unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_whole_request_from_code_to_receipt() {
    let app = TestApp::new().await;
    let cookie = typed_draft(&app, "awa.diop@example.org").await;
    let draft = call(&app.router, "demande/brouillon", &[], Some(&cookie)).await;
    assert_eq!(draft.status, StatusCode::OK, "{}", draft.body);
    let view = draft.json();
    assert_eq!(view["reachable"], "justificatifs");
    assert_eq!(view["eligibility"]["outcome"], "required");
    let kinds: Vec<&str> = view["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "passport",
            "residence_permit",
            "enrolment_certificate",
            "employment_contract",
            "mandate"
        ]
    );

    // Filing before the documents are there is refused and changes nothing.
    let early = call(&app.router, "demande/deposer", &[], Some(&cookie)).await;
    assert!(
        early.status.is_server_error() || early.status.is_client_error(),
        "{}",
        early.body
    );
    assert!(early.body.contains("DocumentsMissing"), "{}", early.body);
    assert_eq!(dossiers(&app).await[0].state.code(), "draft");

    // One file of each accepted type.
    assert_eq!(
        upload(
            &app.router,
            "passport",
            "passeport.png",
            png_bytes(),
            &cookie
        )
        .await
        .status,
        StatusCode::CREATED
    );
    assert_eq!(
        upload(
            &app.router,
            "passport",
            "passeport.jpg",
            jpeg_bytes(),
            &cookie
        )
        .await
        .status,
        StatusCode::CREATED
    );
    upload_all(&app, &cookie).await;

    // Two clicks: one file, one number.
    let first = call(&app.router, "demande/deposer", &[], Some(&cookie)).await;
    let second = call(&app.router, "demande/deposer", &[], Some(&cookie)).await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.body);
    assert_eq!(first.json(), second.json());
    let number = first.json().as_str().unwrap().to_owned();
    assert!(
        number.starts_with("APT-") && number.contains("-75-"),
        "{number}"
    );
    let all = dossiers(&app).await;
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].state.code(), "submitted");
    assert!(all[0].service_id.is_some());
    let events = dossier_event::Entity::find()
        .all(&app.state.db)
        .await
        .unwrap();
    assert_eq!(events.iter().filter(|e| e.action == "submit").count(), 1);

    // The receipt, downloaded and e-mailed to the student and the employer.
    let receipt = get_with(&app.router, "/demande/recepisse.pdf", &cookie).await;
    assert_eq!(receipt.status, StatusCode::OK);
    assert_eq!(receipt.headers[header::CONTENT_TYPE], "application/pdf");
    assert!(receipt.bytes.starts_with(b"%PDF-"));
    let text = common::pdf_text(&receipt.bytes);
    assert!(
        text.contains("Récépissé de dépôt") && text.contains(&number),
        "{text}"
    );
    let outbox = app.outbox().await;
    let deposits: Vec<&String> = outbox
        .iter()
        .filter(|m| m.contains(&number) && m.contains("recepisse-"))
        .collect();
    assert_eq!(deposits.len(), 2, "student and employer");
    assert!(deposits
        .iter()
        .any(|m| m.contains("To: rh@boulangerie.example.fr")));
    // The employer did not start the request: their mail carries a code to follow it.
    let employer_mail = deposits
        .iter()
        .find(|m| m.contains("To: rh@boulangerie.example.fr"))
        .unwrap();
    let employer_code = common::code_in(employer_mail).expect("a code for the employer");
    let employer = call(
        &app.router,
        "demande/acces",
        &[
            ("email", "rh@boulangerie.example.fr"),
            ("code", &employer_code),
        ],
        None,
    )
    .await;
    assert!(employer.status.is_success(), "{}", employer.body);
    let follow = call(
        &app.router,
        "demande/suivi",
        &[],
        employer.session_cookie().as_deref(),
    )
    .await;
    assert_eq!(follow.json()["number"], number.as_str());
    assert_eq!(follow.json()["state"], "submitted");

    // Filed: no step can be changed any more.
    let late = save(
        &app,
        "salarie",
        &student_step("awa.diop@example.org"),
        &cookie,
    )
    .await;
    assert!(late.body.contains("NotEditable"), "{}", late.body);
}

#[tokio::test(flavor = "multi_thread")]
async fn wrong_codes_lock_the_address_for_fifteen_minutes() {
    let app = TestApp::new().await;
    let email = "lock@example.org";
    call(
        &app.router,
        "demande/commencer",
        &[("email", email), ("role", "employer")],
        None,
    )
    .await;
    let code = app.last_code(email).await;
    let wrong = format!("{:06}", (code.parse::<u32>().unwrap() + 1) % 1_000_000);
    for _ in 1..=4 {
        let reply = call(
            &app.router,
            "demande/acces",
            &[("email", email), ("code", &wrong)],
            None,
        )
        .await;
        assert_eq!(reply.body, "\"WrongCode\"");
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
        assert!(reply.session_cookie().is_none());
    }
    let fifth = call(
        &app.router,
        "demande/acces",
        &[("email", email), ("code", &wrong)],
        None,
    )
    .await;
    assert!(fifth.body.contains("Locked"), "{}", fifth.body);
    // Even the right code waits.
    let locked = call(
        &app.router,
        "demande/acces",
        &[("email", email), ("code", &code)],
        None,
    )
    .await;
    assert!(
        locked.body.contains("Locked") && locked.session_cookie().is_none(),
        "{}",
        locked.body
    );
    app.advance(Duration::minutes(16));
    let open = call(
        &app.router,
        "demande/acces",
        &[("email", email), ("code", &code)],
        None,
    )
    .await;
    assert!(open.session_cookie().is_some(), "{}", open.body);
    // The code is valid 14 days, not 15.
    app.advance(Duration::days(15));
    let expired = call(
        &app.router,
        "demande/acces",
        &[("email", email), ("code", &code)],
        None,
    )
    .await;
    assert!(expired.session_cookie().is_none(), "{}", expired.body);
}

#[tokio::test(flavor = "multi_thread")]
async fn steps_cannot_be_skipped_and_bad_fields_change_nothing() {
    let app = TestApp::new().await;
    let cookie = signed_in(&app, "skip@example.org", "employer").await;
    let before = dossiers(&app).await;

    let skipped = save(&app, "emploi", &job_step(true), &cookie).await;
    assert!(skipped.body.contains("StepNotReached"), "{}", skipped.body);
    let unknown_step = save(&app, "justificatifs", &job_step(true), &cookie).await;
    assert!(!unknown_step.status.is_success(), "{}", unknown_step.body);
    let mut bad = student_step("skip@example.org");
    bad.iter_mut().find(|(k, _)| k == "nationality").unwrap().1 = "XX".into();
    let invalid = save(&app, "salarie", &bad, &cookie).await;
    assert!(invalid.body.contains("unknown_country"), "{}", invalid.body);
    let no_session = save(
        &app,
        "salarie",
        &student_step("skip@example.org"),
        "wif_session=forged",
    )
    .await;
    assert!(
        no_session.body.contains("NotSignedIn"),
        "{}",
        no_session.body
    );
    assert_eq!(dossiers(&app).await, before, "nothing changed");

    // A département not open yet is told where to apply, and not saved.
    assert!(
        save(&app, "salarie", &student_step("skip@example.org"), &cookie)
            .await
            .status
            .is_success()
    );
    let lyon = save(&app, "employeur", &employer_step("69003"), &cookie).await;
    assert!(
        lyon.body.contains("DepartementClosed") && lyon.body.contains("69"),
        "{}",
        lyon.body
    );
    assert!(dossiers(&app).await[0].employer_form.is_none());
}

#[tokio::test(flavor = "multi_thread")]
async fn a_not_eligible_answer_stops_the_request() {
    let app = TestApp::new().await;
    let cookie = signed_in(&app, "stop@example.org", "employer").await;
    save(&app, "salarie", &student_step("stop@example.org"), &cookie).await;
    save(&app, "employeur", &employer_step("75011"), &cookie).await;
    let stopped = save(&app, "emploi", &job_step(false), &cookie).await;
    assert!(
        stopped.body.contains("Stopped") && stopped.body.contains("not_eligible"),
        "{}",
        stopped.body
    );
    let view = call(&app.router, "demande/brouillon", &[], Some(&cookie))
        .await
        .json();
    assert_eq!(view["reachable"], "emploi");
    assert_eq!(view["eligibility"]["outcome"], "not_eligible");
    let upload_refused = upload(&app.router, "passport", "p.pdf", pdf_bytes(100), &cookie).await;
    assert!(!upload_refused.status.is_success());
    let submit = call(&app.router, "demande/deposer", &[], Some(&cookie)).await;
    assert!(submit.body.contains("Stopped"), "{}", submit.body);
    assert_eq!(dossiers(&app).await[0].state.code(), "draft");
}

#[tokio::test(flavor = "multi_thread")]
async fn uploads_are_checked_by_size_type_count_and_owner() {
    let app = TestApp::new().await;
    let cookie = typed_draft(&app, "files@example.org").await;

    let big = upload(
        &app.router,
        "passport",
        "big.pdf",
        pdf_bytes(11 * 1024 * 1024),
        &cookie,
    )
    .await;
    assert_eq!(big.status, StatusCode::PAYLOAD_TOO_LARGE, "{}", big.body);
    let mut exe = b"MZ\x90\x00\x03\x00\x00\x00".to_vec();
    exe.extend([0u8; 200]);
    let renamed = upload(&app.router, "passport", "passeport.pdf", exe, &cookie).await;
    assert_eq!(
        renamed.status,
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "{}",
        renamed.body
    );
    assert_eq!(renamed.json()["error"], "wrong_type");
    let not_expected = upload(
        &app.router,
        "cifre_contract",
        "c.pdf",
        pdf_bytes(100),
        &cookie,
    )
    .await;
    assert_eq!(not_expected.status, StatusCode::UNPROCESSABLE_ENTITY);
    let anonymous = upload(
        &app.router,
        "passport",
        "p.pdf",
        pdf_bytes(100),
        "wif_session=nobody",
    )
    .await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
    assert_eq!(
        stored_file::Entity::find()
            .count(&app.state.db)
            .await
            .unwrap(),
        0
    );
    assert_eq!(app.stored_files(), 0, "refused bytes are not kept");

    for i in 0..3 {
        assert_eq!(
            upload(
                &app.router,
                "passport",
                &format!("p{i}.pdf"),
                pdf_bytes(100),
                &cookie
            )
            .await
            .status,
            StatusCode::CREATED
        );
    }
    let fourth = upload(&app.router, "passport", "p3.pdf", pdf_bytes(100), &cookie).await;
    assert_eq!(fourth.status, StatusCode::CONFLICT);

    // Another applicant can neither read nor remove these files.
    let files = stored_file::Entity::find()
        .all(&app.state.db)
        .await
        .unwrap();
    let other = signed_in(&app, "intruder@example.org", "employer").await;
    let read = get_with(
        &app.router,
        &format!("/demande/fichier/{}", files[0].id),
        &other,
    )
    .await;
    assert_eq!(read.status, StatusCode::NOT_FOUND);
    let removed = call(
        &app.router,
        "demande/retirer-fichier",
        &[("id", &files[0].id), ("back", "/")],
        Some(&other),
    )
    .await;
    assert!(removed.body.contains("NotFound"), "{}", removed.body);
    assert_eq!(
        stored_file::Entity::find()
            .count(&app.state.db)
            .await
            .unwrap(),
        3
    );

    // The owner reads it with its type, and removes it.
    let own = get_with(
        &app.router,
        &format!("/demande/fichier/{}", files[0].id),
        &cookie,
    )
    .await;
    assert_eq!(own.status, StatusCode::OK);
    assert_eq!(own.headers[header::CONTENT_TYPE], "application/pdf");
    // Served under its kind and rank, not the name it was uploaded with.
    let disposition = own.headers[header::CONTENT_DISPOSITION].to_str().unwrap();
    assert!(
        ["passport-1.pdf", "passport-2.pdf", "passport-3.pdf"]
            .iter()
            .any(|n| disposition.contains(&format!("filename=\"{n}\""))),
        "{disposition}"
    );
    assert!(!disposition.contains(&files[0].file_name), "{disposition}");
    let removed = call(
        &app.router,
        "demande/retirer-fichier",
        &[("id", &files[0].id), ("back", "/demande/justificatifs")],
        Some(&cookie),
    )
    .await;
    assert!(removed.status.is_success(), "{}", removed.body);
    assert_eq!(
        stored_file::Entity::find()
            .count(&app.state.db)
            .await
            .unwrap(),
        2
    );
    assert_eq!(app.stored_files(), 2);
}

#[tokio::test(flavor = "multi_thread")]
async fn drafts_expire_fourteen_days_after_their_last_save() {
    let app = TestApp::new().await;
    let cookie = typed_draft(&app, "old@example.org").await;
    upload(&app.router, "passport", "p.pdf", pdf_bytes(100), &cookie).await;
    app.advance(Duration::days(13));
    assert_eq!(app.state.services.purge_expired_drafts().await.unwrap(), 0);
    app.advance(Duration::days(2));
    assert_eq!(app.state.services.purge_expired_drafts().await.unwrap(), 1);
    assert!(dossiers(&app).await.is_empty());
    assert_eq!(
        stored_file::Entity::find()
            .count(&app.state.db)
            .await
            .unwrap(),
        0
    );
    assert_eq!(app.stored_files(), 0);
}

#[tokio::test(flavor = "multi_thread")]
async fn cross_site_posts_are_refused() {
    let app = TestApp::new().await;
    let request = axum::http::Request::post("/api/demande/commencer")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header("sec-fetch-site", "cross-site")
        .body(axum::body::Body::from("email=a%40example.org&role=student"))
        .unwrap();
    assert_eq!(
        common::send(&app.router, request).await.status,
        StatusCode::FORBIDDEN
    );
    let request = axum::http::Request::post("/api/demande/commencer")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ORIGIN, "https://evil.example")
        .header(header::HOST, "workinfrance.example")
        .body(axum::body::Body::from("email=a%40example.org&role=student"))
        .unwrap();
    assert_eq!(
        common::send(&app.router, request).await.status,
        StatusCode::FORBIDDEN
    );
    assert!(dossiers(&app).await.is_empty());
    assert!(app.outbox().await.is_empty());
    // The pages still answer.
    assert_eq!(get(&app.router, "/").await.status, StatusCode::OK);
}

/// A first visit to `/suivi` or to a step, with no session or one that ended: the page says how
/// to get in (address and code) and how to begin, in the page's language, and says nothing
/// expired: most visitors have never signed in.
#[tokio::test(flavor = "multi_thread")]
async fn a_visit_without_a_session_says_how_to_get_in_not_that_it_expired() {
    let app = TestApp::new().await;
    for (uri, cookie) in [
        ("/suivi", None),
        ("/demande/salarie", None),
        ("/suivi", Some("wif_session=ended-or-never-issued")),
    ] {
        for (lang, get_in, begin, expired) in [
            (
                "fr",
                "saisissez votre adresse électronique et le code d'accès",
                "Commencer une demande",
                "expiré",
            ),
            (
                "en",
                "enter your e-mail address and the six-digit access code",
                "Start a request",
                "expired",
            ),
        ] {
            let cookies = match cookie {
                Some(session) => format!("wif_lang={lang}; {session}"),
                None => format!("wif_lang={lang}"),
            };
            let page = get_with(&app.router, uri, &cookies).await;
            let said = format!("{uri} ({lang}, {cookie:?}): {}", page.body);
            assert_eq!(page.status, StatusCode::OK, "{said}");
            assert!(page.body.contains(get_in), "{said}");
            assert!(
                page.body.contains(begin) && page.body.contains("href=\"/demande\""),
                "{said}"
            );
            assert!(page.body.contains("href=\"/acces\""), "{said}");
            assert!(!page.body.contains(expired), "{said}");
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn malformed_calls_to_each_function_get_a_clear_error_and_change_nothing() {
    let app = TestApp::new().await;
    let bad_start = call(
        &app.router,
        "demande/commencer",
        &[("email", "not-an-address"), ("role", "landlord")],
        None,
    )
    .await;
    assert!(
        bad_start.body.contains("invalid_email") && bad_start.body.contains("role_required"),
        "{}",
        bad_start.body
    );
    let missing = call(&app.router, "demande/commencer", &[], None).await;
    assert!(!missing.status.is_success(), "{}", missing.body);
    assert!(dossiers(&app).await.is_empty() && app.outbox().await.is_empty());

    let bad_code = call(
        &app.router,
        "demande/acces",
        &[("email", "a@example.org"), ("code", "12ab")],
        None,
    )
    .await;
    assert!(
        bad_code.body.contains("access_code_format") && bad_code.session_cookie().is_none(),
        "{}",
        bad_code.body
    );
    let unknown = call(
        &app.router,
        "demande/acces",
        &[("email", "nobody@example.org"), ("code", "123456")],
        None,
    )
    .await;
    assert!(
        unknown.body.contains("WrongCode") && unknown.session_cookie().is_none(),
        "{}",
        unknown.body
    );

    let cookie = signed_in(&app, "reply@example.org", "student").await;
    let before = dossiers(&app).await;
    for function in ["demande/suivi", "demande/deposer"] {
        let reply = call(&app.router, function, &[], Some(&cookie)).await;
        assert!(
            !reply.status.is_success(),
            "{function} on a draft: {}",
            reply.body
        );
    }
    let on_draft = call(
        &app.router,
        "demande/repondre",
        &[("message", "Bonjour")],
        Some(&cookie),
    )
    .await;
    assert!(on_draft.body.contains("NotEditable"), "{}", on_draft.body);
    let forged = call(
        &app.router,
        "demande/brouillon",
        &[],
        Some("wif_session=0000"),
    )
    .await;
    assert!(forged.body.contains("NotSignedIn"), "{}", forged.body);
    assert_eq!(dossiers(&app).await, before);
}

#[tokio::test(flavor = "multi_thread")]
async fn requested_changes_are_answered_and_the_file_returns_to_the_service() {
    use sea_orm::{ActiveModelTrait, Set};
    let app = TestApp::new().await;
    let cookie = typed_draft(&app, "changes@example.org").await;
    upload_all(&app, &cookie).await;
    let number = call(&app.router, "demande/deposer", &[], Some(&cookie))
        .await
        .json();
    // What an instructor's change request leaves (issue 4 adds the instructor's action itself).
    let d = dossiers(&app).await.remove(0);
    let mut changed: dossier::ActiveModel = d.clone().into();
    changed.state = Set(app::rules::dossier::DossierState::ChangesRequested);
    changed.requested_documents = Set(Some("[\"passport\"]".into()));
    changed.update(&app.state.db).await.unwrap();
    let services = &app.state.services;
    use app::rules::dossier::{Actor, DossierState};
    services
        .record(
            &app.state.db,
            &d.id,
            Actor::Instructor,
            "agent@example.gouv.fr",
            "request_changes",
            Some(DossierState::Submitted),
            Some(DossierState::ChangesRequested),
            Some("Passeport illisible".into()),
        )
        .await
        .unwrap();
    app.advance(Duration::seconds(2));

    let follow = call(&app.router, "demande/suivi", &[], Some(&cookie))
        .await
        .json();
    assert_eq!(follow["state"], "changes_requested");
    assert_eq!(follow["documents"][0]["kind"], "passport");
    assert!(follow["timeline"]
        .to_string()
        .contains("Passeport illisible"));
    // Not answered yet: sending back is refused; only the requested document may be added.
    let early = call(&app.router, "demande/deposer", &[], Some(&cookie)).await;
    assert!(early.body.contains("DocumentsMissing"), "{}", early.body);
    assert_eq!(
        upload(&app.router, "mandate", "m.pdf", pdf_bytes(100), &cookie)
            .await
            .status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(
        upload(
            &app.router,
            "passport",
            "nouveau.pdf",
            pdf_bytes(100),
            &cookie
        )
        .await
        .status,
        StatusCode::CREATED
    );
    let message = call(
        &app.router,
        "demande/repondre",
        &[("message", "Voici un scan lisible.")],
        Some(&cookie),
    )
    .await;
    assert!(message.status.is_success(), "{}", message.body);
    let again = call(&app.router, "demande/deposer", &[], Some(&cookie)).await;
    assert_eq!(again.json(), number);
    let d = dossiers(&app).await.remove(0);
    assert_eq!(d.state.code(), "submitted");
    assert!(d.requested_documents.is_none());
    let events = dossier_event::Entity::find()
        .all(&app.state.db)
        .await
        .unwrap();
    assert_eq!(events.iter().filter(|e| e.action == "submit").count(), 2);
    assert!(events
        .iter()
        .any(|e| e.message.as_deref() == Some("Voici un scan lisible.")));
    let back = app
        .outbox()
        .await
        .into_iter()
        .filter(|m| m.contains("est maintenant : d"))
        .collect::<Vec<_>>();
    assert_eq!(back.len(), 1, "one e-mail to the student and the employer");
    assert!(
        back[0].contains("rh@boulangerie.example.fr") && back[0].contains("changes@example.org"),
        "{}",
        back[0]
    );
}

/// A stored step or document list that does not parse is the server's fault, said as such: the
/// draft is not shown with that step emptied (the person would retype it over the real data),
/// and a change request whose list is unreadable does not let the file go back without it.
#[tokio::test]
async fn a_stored_row_that_does_not_parse_is_an_error_never_an_empty_default() {
    use sea_orm::{ActiveModelTrait, Set};
    let app = TestApp::new().await;
    let cookie = common::journey::typed_draft(&app, "corrupt@example.org").await;
    let draft = call(&app.router, "demande/brouillon", &[], Some(&cookie)).await;
    assert_eq!(draft.status, StatusCode::OK, "{}", draft.body);
    let row = dossiers(&app).await.remove(0);
    let mut broken: dossier::ActiveModel = row.clone().into();
    broken.student_form = Set(Some("{\"family_name\": \"Diop\"".into()));
    broken.update(&app.state.db).await.unwrap();
    let draft = call(&app.router, "demande/brouillon", &[], Some(&cookie)).await;
    assert_eq!(
        draft.status,
        StatusCode::INTERNAL_SERVER_ERROR,
        "{}",
        draft.body
    );
    assert!(!draft.body.contains("family_name"), "{}", draft.body);

    let mut broken: dossier::ActiveModel = row.into();
    broken.requested_documents = Set(Some("[\"passport\", \"no_such_kind\"]".into()));
    broken.update(&app.state.db).await.unwrap();
    let row = dossiers(&app).await.remove(0);
    assert!(server::services::Services::requested(&row).is_err());
}
