//! The instructor's side through the real router: sign-in and its limits, territories (another
//! service and applicants refused, nothing changed), the queue, every action against the state
//! machine, the authorisation and its public check, the administration, the export and the
//! statistics. Runs on SQLite and PostgreSQL.

use crate::common;

use app::rules::dossier::DossierState;
use app::rules::eligibility::Contract;
use axum::http::{header, StatusCode};
use chrono::Duration;
use common::agent::{act, agent_cookie, demo, dossier_row, error_kind, log_in};
use common::journey::{day, filed, filed_in};
use common::{call, get, get_with, pdf_bytes, upload, Reply, TestApp};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use server::infra::db::entities::{authorisation, dossier, dossier_event};
use server::instruction::accounts::{
    DEMO_ADMIN, DEMO_INSTRUCTOR, DEMO_OTHER_INSTRUCTOR, DEMO_PASSWORD,
};

async fn events(app: &TestApp) -> u64 {
    dossier_event::Entity::find()
        .count(&app.state.db)
        .await
        .unwrap()
}

/// One action as the file page's form sends it.
fn refusal_kind(reply: &Reply) -> String {
    assert!(
        !reply.status.is_success(),
        "expected a refusal, got {}",
        reply.body
    );
    error_kind(reply)
}

#[tokio::test(flavor = "multi_thread")]
async fn the_instructor_finds_reviews_asks_for_changes_accepts_and_the_authorisation_checks() {
    let app = demo().await;
    let (number, applicant) = filed(&app, "awa.diop@example.org").await;
    let agent = log_in(&app, DEMO_INSTRUCTOR).await;

    // The queue: in "to process", found by number, name and SIRET.
    let queue = call(&app.router, "instruction/file", &[], Some(&agent))
        .await
        .json();
    assert_eq!(queue["total"], 1, "{queue}");
    assert_eq!(queue["rows"][0]["number"], number.as_str());
    for q in [number.as_str(), "diop", "AWA", "732 829 320 00074"] {
        let found = call(
            &app.router,
            "instruction/file",
            &[("query[q]", q)],
            Some(&agent),
        )
        .await
        .json();
        assert_eq!(found["total"], 1, "search {q}: {found}");
    }
    let none = call(
        &app.router,
        "instruction/file",
        &[("query[q]", "Martin")],
        Some(&agent),
    )
    .await
    .json();
    assert_eq!(none["total"], 0);

    // The file: data, recomputed eligibility, documents, history.
    let view = call(
        &app.router,
        "instruction/dossier",
        &[("number", &number)],
        Some(&agent),
    )
    .await
    .json();
    assert_eq!(view["state"], "submitted");
    assert_eq!(view["forms"]["student"]["family_name"], "Diop");
    assert_eq!(view["eligibility"]["outcome"], "required");
    assert!(view["documents"]
        .as_array()
        .unwrap()
        .iter()
        .all(|d| !d["files"].as_array().unwrap().is_empty() || d["required"] == false));
    let file_id = view["documents"][0]["files"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let preview = get_with(
        &app.router,
        &format!("/instruction/fichier/{file_id}"),
        &agent,
    )
    .await;
    assert_eq!(preview.status, StatusCode::OK);
    assert!(preview.bytes.starts_with(b"%PDF"));
    assert_eq!(preview.headers[header::X_FRAME_OPTIONS], "SAMEORIGIN");

    // Take in review: state, audit log with who and before/after, e-mail.
    let version = view["version"].as_i64().unwrap() as i32;
    let reply = act(&app, &agent, &number, version, "take_in_review", &[]).await;
    assert!(reply.status.is_success(), "{}", reply.body);
    let d = dossier_row(&app, &number).await;
    assert_eq!(d.state.code(), "in_review");
    let last = dossier_event::Entity::find()
        .filter(dossier_event::Column::DossierId.eq(d.id.clone()))
        .all(&app.state.db)
        .await
        .unwrap()
        .pop()
        .unwrap();
    assert_eq!(
        (last.actor.as_str(), last.action.as_str()),
        (DEMO_INSTRUCTOR, "take_in_review")
    );
    assert_eq!(
        (
            last.from_state.map(|s| s.code()),
            last.to_state.map(|s| s.code())
        ),
        (Some("submitted"), Some("in_review"))
    );
    assert!(app
        .outbox()
        .await
        .iter()
        .any(|m| m.contains("est maintenant : en instruction")));

    // Changes: a message and a document; the applicant uploads it and sends the file back.
    let reply = act(
        &app,
        &agent,
        &number,
        d.version,
        "request_changes",
        &[
            ("message", "Le passeport est illisible."),
            ("documents[passport]", "on"),
        ],
    )
    .await;
    assert!(reply.status.is_success(), "{}", reply.body);
    let reply = call(
        &app.router,
        "demande/repondre",
        &[("message", "Je renvoie le passeport aujourd'hui.")],
        Some(&applicant),
    )
    .await;
    assert!(reply.status.is_success(), "{}", reply.body);
    let to_service = app
        .outbox()
        .await
        .into_iter()
        .find(|m| m.contains("To: moe-paris@example.gouv.fr"))
        .expect("the service is e-mailed the applicant's message");
    assert!(to_service.contains("Je renvoie le passeport aujourd'hui."));
    let follow = call(&app.router, "demande/suivi", &[], Some(&applicant))
        .await
        .json();
    assert_eq!(follow["state"], "changes_requested");
    assert!(follow["timeline"]
        .to_string()
        .contains("Le passeport est illisible."));
    app.advance(Duration::seconds(2));
    assert_eq!(
        upload(
            &app.router,
            "passport",
            "passeport.pdf",
            pdf_bytes(900),
            &applicant
        )
        .await
        .status,
        StatusCode::CREATED
    );
    let back = call(&app.router, "demande/deposer", &[], Some(&applicant)).await;
    assert!(back.status.is_success(), "{}", back.body);
    let d = dossier_row(&app, &number).await;
    assert_eq!(d.state.code(), "submitted");
    assert!(act(&app, &agent, &number, d.version, "take_in_review", &[])
        .await
        .status
        .is_success());
    let d = dossier_row(&app, &number).await;

    // Accept: a validity outside the permit is refused and changes nothing.
    let before = events(&app).await;
    let bad = act(
        &app,
        &agent,
        &number,
        d.version,
        "accept",
        &[("valid_from", &day(14)), ("valid_until", &day(400))],
    )
    .await;
    assert!(bad.body.contains("authorisation_outside"), "{}", bad.body);
    assert_eq!(dossier_row(&app, &number).await.state.code(), "in_review");
    assert_eq!(events(&app).await, before);
    let view = call(
        &app.router,
        "instruction/dossier",
        &[("number", &number)],
        Some(&agent),
    )
    .await
    .json();
    let (from, until) = (
        view["proposed"]["from"].as_str().unwrap().to_owned(),
        view["proposed"]["until"].as_str().unwrap().to_owned(),
    );
    assert_eq!(from, day(14));
    assert_eq!(until, day(200), "the contract ends before the permit");
    let ok = act(
        &app,
        &agent,
        &number,
        d.version,
        "accept",
        &[("valid_from", &from), ("valid_until", &until)],
    )
    .await;
    assert!(ok.status.is_success(), "{}", ok.body);
    let d = dossier_row(&app, &number).await;
    assert_eq!(d.state.code(), "accepted");
    assert!(d.decided_at.is_some());
    let issued = authorisation::Entity::find_by_id(d.id.clone())
        .one(&app.state.db)
        .await
        .unwrap()
        .expect("issued");
    let mail = app
        .outbox()
        .await
        .into_iter()
        .rev()
        .find(|m| m.contains("autorisation accord"))
        .expect("decision e-mail");
    assert!(
        mail.contains("autorisation-") && mail.contains("application/pdf"),
        "the PDF is attached"
    );

    // The applicant downloads it; the public check confirms it.
    let pdf = get_with(&app.router, "/demande/autorisation.pdf", &applicant).await;
    assert_eq!(pdf.status, StatusCode::OK);
    assert!(pdf.bytes.starts_with(b"%PDF"));
    let text = common::pdf_text(&pdf.bytes);
    assert!(text.contains(&issued.code), "the code is printed: {text}");
    assert!(text.contains("Autorisation de travail"), "{text}");
    let check = call(
        &app.router,
        "verifier",
        &[
            ("code", &issued.code.to_lowercase()),
            ("birth_date", "2002-04-17"),
        ],
        None,
    )
    .await
    .json();
    assert_eq!(check["status"], "not_yet_valid", "{check}");
    assert_eq!(check["initials"], "A. D.");
    assert_eq!(check["employer_name"], "Boulangerie du Panthéon");
    assert!(!check.to_string().contains("Diop"), "minimal data: {check}");
    app.advance(Duration::days(20));
    let check = call(
        &app.router,
        "verifier",
        &[("code", &issued.code), ("birth_date", "2002-04-17")],
        None,
    )
    .await
    .json();
    assert_eq!(check["status"], "valid");
    let wrong = call(
        &app.router,
        "verifier",
        &[("code", &issued.code), ("birth_date", "2002-04-18")],
        None,
    )
    .await;
    assert_eq!(refusal_kind(&wrong), "NoMatch");

    // Revoked (the session of eight hours is over: sign in again).
    let agent = log_in(&app, DEMO_INSTRUCTOR).await;
    let d = dossier_row(&app, &number).await;
    let revoke = act(
        &app,
        &agent,
        &number,
        d.version,
        "revoke",
        &[("message", "Contrat rompu.")],
    )
    .await;
    assert!(revoke.status.is_success(), "{}", revoke.body);
    let check = call(
        &app.router,
        "verifier",
        &[("code", &issued.code), ("birth_date", "2002-04-17")],
        None,
    )
    .await
    .json();
    assert_eq!(check["status"], "revoked");
    // Its instructors still download it, to see what was issued.
    let kept = get_with(
        &app.router,
        &format!("/instruction/autorisation/{number}"),
        &agent,
    )
    .await;
    assert_eq!(kept.status, StatusCode::OK);
    assert!(kept.bytes.starts_with(b"%PDF"));
    // The applicant's session and code are over too: a new code, as the access page sends it.
    let email = "awa.diop@example.org";
    assert!(call(
        &app.router,
        "demande/nouveau-code",
        &[("email", email)],
        None
    )
    .await
    .status
    .is_success());
    let code = app.last_code(email).await;
    let applicant = call(
        &app.router,
        "demande/acces",
        &[("email", email), ("code", &code)],
        None,
    )
    .await
    .session_cookie()
    .expect("signed in again");
    assert_eq!(
        get_with(&app.router, "/demande/autorisation.pdf", &applicant)
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let follow = call(&app.router, "demande/suivi", &[], Some(&applicant))
        .await
        .json();
    assert_eq!(
        follow["authorisation"], false,
        "no download link once revoked"
    );
    assert!(
        app.outbox()
            .await
            .iter()
            .any(|m| m.contains("Contrat rompu.")),
        "the revocation is e-mailed with its reason"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn another_service_and_applicants_are_refused_every_action_and_nothing_changes() {
    let app = demo().await;
    let (number, applicant) = filed(&app, "awa.diop@example.org").await;
    let lyon = log_in(&app, DEMO_OTHER_INSTRUCTOR).await;
    let d = dossier_row(&app, &number).await;
    let before = (d.clone(), events(&app).await, app.outbox().await.len());

    // Not in the other service's queue, nor found by search, nor opened.
    let queue = call(
        &app.router,
        "instruction/file",
        &[("query[q]", &number)],
        Some(&lyon),
    )
    .await
    .json();
    assert_eq!(queue["total"], 0);
    assert!(
        queue["counts"].to_string().matches(",0]").count() == 4,
        "{queue}"
    );
    let open = call(
        &app.router,
        "instruction/dossier",
        &[("number", &number)],
        Some(&lyon),
    )
    .await;
    assert_eq!(refusal_kind(&open), "NotFound");
    let open = call(
        &app.router,
        "instruction/dossier",
        &[("number", &number)],
        Some(&applicant),
    )
    .await;
    assert_eq!(refusal_kind(&open), "NotSignedIn");
    // An applicant's session secret used as an agent's cookie is not an agent's session.
    let forged = applicant.replace("wif_session=", "wif_agent=");
    let open = call(
        &app.router,
        "instruction/dossier",
        &[("number", &number)],
        Some(&forged),
    )
    .await;
    assert_eq!(refusal_kind(&open), "NotSignedIn");

    let extra: &[(&str, &[(&str, &str)])] = &[
        ("take_in_review", &[]),
        (
            "request_changes",
            &[("message", "x"), ("documents[passport]", "on")],
        ),
        (
            "accept",
            &[("valid_from", "2030-01-01"), ("valid_until", "2030-02-01")],
        ),
        ("refuse", &[("message", "x")]),
        ("close", &[]),
        ("message", &[("message", "x")]),
        ("revoke", &[("message", "x")]),
    ];
    for (name, fields) in extra {
        let reply = act(&app, &lyon, &number, d.version, name, fields).await;
        assert_eq!(
            refusal_kind(&reply),
            "NotFound",
            "{name} by another service"
        );
        for cookie in [applicant.as_str(), forged.as_str(), ""] {
            let reply = act(&app, cookie, &number, d.version, name, fields).await;
            assert_eq!(refusal_kind(&reply), "NotSignedIn", "{name} by {cookie:?}");
        }
    }
    // Documents, authorisation and export routes.
    let file_id = server::infra::db::entities::stored_file::Entity::find()
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap()
        .id;
    assert_eq!(
        get_with(
            &app.router,
            &format!("/instruction/fichier/{file_id}"),
            &lyon
        )
        .await
        .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        get(&app.router, &format!("/instruction/fichier/{file_id}"))
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        get_with(
            &app.router,
            &format!("/instruction/autorisation/{number}"),
            &lyon
        )
        .await
        .status,
        StatusCode::NOT_FOUND
    );
    let csv = get_with(&app.router, "/instruction/export.csv", &lyon).await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(!csv.body.contains(&number));
    assert_eq!(
        get(&app.router, "/instruction/export.csv").await.status,
        StatusCode::UNAUTHORIZED
    );
    // An instructor is not an administrator.
    let admin = call(&app.router, "instruction/admin", &[], Some(&lyon)).await;
    assert_eq!(refusal_kind(&admin), "Forbidden");
    let admin = call(
        &app.router,
        "instruction/admin/departement",
        &[("code", "13"), ("service_code", "moe-lyon"), ("open", "on")],
        Some(&lyon),
    )
    .await;
    assert_eq!(refusal_kind(&admin), "Forbidden");
    assert!(
        server::infra::db::entities::departement::Entity::find_by_id("13".to_owned())
            .one(&app.state.db)
            .await
            .unwrap()
            .is_none()
    );

    assert_eq!(
        dossier_row(&app, &number).await,
        before.0,
        "the file did not change"
    );
    assert_eq!(events(&app).await, before.1, "nothing was recorded");
    assert_eq!(app.outbox().await.len(), before.2, "nothing was sent");

    // The Lyon instructor does see a Lyon file.
    let (lyon_number, _) = filed_in(&app, "lyon@example.org", "69001").await;
    let queue = call(&app.router, "instruction/file", &[], Some(&lyon))
        .await
        .json();
    assert_eq!(queue["rows"][0]["number"], lyon_number.as_str());
}

#[tokio::test(flavor = "multi_thread")]
async fn illegal_transitions_missing_reasons_and_stale_versions_are_refused() {
    let app = demo().await;
    let (number, _) = filed(&app, "awa.diop@example.org").await;
    let agent = log_in(&app, DEMO_INSTRUCTOR).await;
    let other = log_in(&app, DEMO_ADMIN).await;
    let d = dossier_row(&app, &number).await;
    let before = events(&app).await;

    let accept = act(
        &app,
        &agent,
        &number,
        d.version,
        "accept",
        &[("valid_from", &day(14)), ("valid_until", &day(100))],
    )
    .await;
    assert_eq!(refusal_kind(&accept), "IllegalTransition");
    assert!(accept.body.contains("submitted"), "{}", accept.body);
    let refuse = act(&app, &agent, &number, d.version, "refuse", &[]).await;
    assert_eq!(refusal_kind(&refuse), "Invalid", "a refusal needs a reason");
    let nonsense = act(&app, &agent, &number, d.version, "delete", &[]).await;
    assert_eq!(refusal_kind(&nonsense), "NotFound");
    assert_eq!(events(&app).await, before);

    // Two instructors take the same version: the second is told the file changed.
    let first = act(&app, &agent, &number, d.version, "take_in_review", &[]).await;
    assert!(first.status.is_success(), "{}", first.body);
    let second = act(&app, &other, &number, d.version, "close", &[]).await;
    assert_eq!(refusal_kind(&second), "Conflict");
    assert_eq!(dossier_row(&app, &number).await.state.code(), "in_review");

    // Concurrently, with the same version: exactly one wins.
    let d = dossier_row(&app, &number).await;
    let (a, b) = tokio::join!(
        act(
            &app,
            &agent,
            &number,
            d.version,
            "refuse",
            &[("message", "Pièces incohérentes.")]
        ),
        act(&app, &other, &number, d.version, "close", &[]),
    );
    assert_eq!(
        u8::from(a.status.is_success()) + u8::from(b.status.is_success()),
        1,
        "{} / {}",
        a.body,
        b.body
    );
    let d = dossier_row(&app, &number).await;
    assert!(d.state.code() == "refused" || d.state.code() == "closed");
    // A final state is final.
    let again = act(&app, &agent, &number, d.version, "take_in_review", &[]).await;
    assert_eq!(refusal_kind(&again), "IllegalTransition");
}

#[tokio::test(flavor = "multi_thread")]
async fn sign_in_is_limited_sessions_renew_and_end() {
    let app = demo().await;
    let wrong = |app: &TestApp| {
        let router = app.router.clone();
        async move {
            call(
                &router,
                "instruction/connexion",
                &[("email", DEMO_INSTRUCTOR), ("password", "not the password")],
                None,
            )
            .await
        }
    };
    for _ in 0..5 {
        assert_eq!(refusal_kind(&wrong(&app).await), "BadCredentials");
    }
    let locked = call(
        &app.router,
        "instruction/connexion",
        &[("email", DEMO_INSTRUCTOR), ("password", DEMO_PASSWORD)],
        None,
    )
    .await;
    // Locked even with the right password, and told like a wrong one: whether an address has
    // an account is not given away.
    assert_eq!(refusal_kind(&locked), "BadCredentials");
    app.advance(Duration::minutes(16));
    let first = log_in(&app, DEMO_INSTRUCTOR).await;
    assert!(call(&app.router, "instruction/moi", &[], Some(&first))
        .await
        .status
        .is_success());
    // Signing in again from this browser replaces its session.
    let reply = call(
        &app.router,
        "instruction/connexion",
        &[("email", DEMO_INSTRUCTOR), ("password", DEMO_PASSWORD)],
        Some(&first),
    )
    .await;
    let second = agent_cookie(&reply).expect("a new cookie");
    assert_ne!(first, second);
    assert_eq!(
        refusal_kind(&call(&app.router, "instruction/moi", &[], Some(&first)).await),
        "NotSignedIn"
    );
    let me = call(&app.router, "instruction/moi", &[], Some(&second))
        .await
        .json();
    assert_eq!(me["email"], DEMO_INSTRUCTOR);
    assert_eq!(me["services"][0]["code"], "moe-paris");
    // Sessions end after eight hours, and on sign-out.
    app.advance(Duration::hours(9));
    assert_eq!(
        refusal_kind(&call(&app.router, "instruction/moi", &[], Some(&second)).await),
        "NotSignedIn"
    );
    let third = log_in(&app, DEMO_INSTRUCTOR).await;
    call(&app.router, "instruction/deconnexion", &[], Some(&third)).await;
    assert_eq!(
        refusal_kind(&call(&app.router, "instruction/moi", &[], Some(&third)).await),
        "NotSignedIn"
    );
    // An unknown address is told the same as a wrong password.
    let unknown = call(
        &app.router,
        "instruction/connexion",
        &[
            ("email", "nobody@example.gouv.fr"),
            ("password", DEMO_PASSWORD),
        ],
        None,
    )
    .await;
    assert_eq!(refusal_kind(&unknown), "BadCredentials");
}

#[tokio::test(flavor = "multi_thread")]
async fn administrators_manage_services_departements_and_agents() {
    let app = demo().await;
    let admin = log_in(&app, DEMO_ADMIN).await;
    let ok = |r: Reply| assert!(r.status.is_success(), "{}", r.body);
    ok(call(
        &app.router,
        "instruction/admin/service",
        &[
            ("code", "moe-gironde"),
            ("name", "MOE de la Gironde"),
            ("email", "moe33@example.gouv.fr"),
        ],
        Some(&admin),
    )
    .await);
    ok(call(
        &app.router,
        "instruction/admin/departement",
        &[
            ("code", "33"),
            ("service_code", "moe-gironde"),
            ("open", "on"),
        ],
        Some(&admin),
    )
    .await);
    ok(call(
        &app.router,
        "instruction/admin/agent",
        &[
            ("email", "gironde@example.gouv.fr"),
            ("name", "Gabrielle Gironde"),
            ("role", "instructor"),
            ("services[moe-gironde]", "on"),
            ("password", "un mot de passe long"),
            ("active", "on"),
        ],
        Some(&admin),
    )
    .await);
    let view = call(&app.router, "instruction/admin", &[], Some(&admin))
        .await
        .json();
    let gironde = view["services"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["code"] == "moe-gironde")
        .expect("service")
        .clone();
    assert_eq!(gironde["departements"], serde_json::json!([["33", true]]));
    assert!(view["agents"]
        .to_string()
        .contains("gironde@example.gouv.fr"));
    let routed = get(&app.router, "/api/v1/routing/33000").await;
    assert!(
        routed.body.contains("moe-gironde") || routed.body.contains("Gironde"),
        "{}",
        routed.body
    );
    // The new instructor signs in; a short password and an unknown service are refused.
    let reply = call(
        &app.router,
        "instruction/connexion",
        &[
            ("email", "gironde@example.gouv.fr"),
            ("password", "un mot de passe long"),
        ],
        None,
    )
    .await;
    assert!(reply.status.is_success(), "{}", reply.body);
    let short = call(
        &app.router,
        "instruction/admin/agent",
        &[
            ("email", "x@example.gouv.fr"),
            ("name", "X"),
            ("role", "instructor"),
            ("password", "court"),
            ("active", "on"),
        ],
        Some(&admin),
    )
    .await;
    assert!(short.body.contains("password_length"), "{}", short.body);
    let unknown = call(
        &app.router,
        "instruction/admin/agent",
        &[
            ("email", "x@example.gouv.fr"),
            ("name", "X"),
            ("role", "instructor"),
            ("services[nope]", "on"),
            ("password", "un mot de passe long"),
        ],
        Some(&admin),
    )
    .await;
    assert_eq!(refusal_kind(&unknown), "Invalid");
    // Deactivating an agent ends their sessions; an administrator cannot deactivate themself.
    let gironde_cookie = agent_cookie(&reply).unwrap();
    ok(call(
        &app.router,
        "instruction/admin/agent",
        &[
            ("email", "gironde@example.gouv.fr"),
            ("name", "Gabrielle Gironde"),
            ("role", "instructor"),
            ("services[moe-gironde]", "on"),
        ],
        Some(&admin),
    )
    .await);
    assert_eq!(
        refusal_kind(&call(&app.router, "instruction/moi", &[], Some(&gironde_cookie)).await),
        "NotSignedIn"
    );
    let me = call(
        &app.router,
        "instruction/admin/agent",
        &[
            ("email", DEMO_ADMIN),
            ("name", "Alice"),
            ("role", "admin"),
            ("services[moe-paris]", "on"),
        ],
        Some(&admin),
    )
    .await;
    assert_eq!(refusal_kind(&me), "Forbidden");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_queue_orders_by_urgency_filters_paginates_and_exports() {
    use sea_orm::{ActiveModelTrait, Set};
    let app = demo().await;
    let (number, _) = filed(&app, "awa.diop@example.org").await;
    let template = dossier_row(&app, &number).await;
    // 60 more files of the same service, with varied dates, states and contracts.
    let today = chrono::Utc::now().date_naive();
    for i in 0..60i64 {
        let mut m: dossier::ActiveModel = template.clone().into();
        m.id = Set(format!("00000000-0000-0000-0000-{i:012}"));
        m.number = Set(Some(format!("APT-2026-75-T{i:05}")));
        m.student_name = Set(Some(format!("Étudiant {i:02}")));
        m.contract_start = Set(Some(today + Duration::days(60 - i)));
        m.permit_expires = Set(Some(today + Duration::days(100 + i % 7)));
        m.contract_type = Set(Some(if i % 3 == 0 {
            Contract::Cifre
        } else {
            Contract::Employment
        }));
        m.state = Set(if i % 4 == 0 {
            DossierState::InReview
        } else {
            DossierState::Submitted
        });
        m.insert(&app.state.db).await.unwrap();
    }
    let agent = log_in(&app, DEMO_INSTRUCTOR).await;
    let q = |pairs: Vec<(&'static str, String)>| {
        let router = app.router.clone();
        let agent = agent.clone();
        async move {
            let owned: Vec<(String, String)> = pairs
                .into_iter()
                .map(|(k, v)| (format!("query[{k}]"), v))
                .collect();
            let borrowed: Vec<(&str, &str)> = owned
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect();
            call(&router, "instruction/file", &borrowed, Some(&agent))
                .await
                .json()
        }
    };
    let first = q(vec![]).await;
    assert_eq!(
        first["total"], 46,
        "45 submitted + the real one: {}",
        first["counts"]
    );
    assert_eq!(
        first["counts"][1],
        serde_json::json!(["en-instruction", 15])
    );
    assert_eq!(first["previous"], serde_json::Value::Null, "the first page");
    let starts: Vec<String> = first["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["contract_start"].as_str().unwrap().to_owned())
        .collect();
    let mut sorted = starts.clone();
    sorted.sort();
    assert_eq!(starts, sorted, "most urgent first");
    assert_eq!(first["rows"].as_array().unwrap().len(), 25);
    // Pages by key: the next page starts after the last file shown, and leads back to this one.
    let numbers = |page: &serde_json::Value| -> Vec<String> {
        page["rows"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["number"].as_str().unwrap().to_owned())
            .collect()
    };
    let next = first["next"]["After"]
        .as_str()
        .expect("a next page")
        .to_owned();
    assert_eq!(next, numbers(&first)[24]);
    let second = q(vec![("after", next.clone())]).await;
    assert_eq!(second["rows"].as_array().unwrap().len(), 21);
    assert!(second["rows"][0]["contract_start"].as_str().unwrap() >= starts[24].as_str());
    assert_eq!(second["next"], serde_json::Value::Null, "the last page");
    assert!(numbers(&second)
        .iter()
        .all(|n| !numbers(&first).contains(n)));
    let previous = second["previous"]["Before"]
        .as_str()
        .expect("a page before");
    assert_eq!(previous, numbers(&second)[0]);
    let back = q(vec![("before", previous.to_owned())]).await;
    assert_eq!(numbers(&back), numbers(&first), "back to the first page");
    assert_eq!(back["previous"], serde_json::Value::Null);
    assert_eq!(back["next"]["After"], next.as_str());
    // The same pages as plain links, before any JavaScript: the server draws the next page
    // from the link's cursor, with a link back.
    let html = get_with(&app.router, &format!("/instruction?apres={next}"), &agent).await;
    assert_eq!(html.status, StatusCode::OK);
    assert!(
        html.body.contains(&numbers(&second)[0]),
        "the next page is drawn"
    );
    assert!(!html.body.contains(&format!(">{}<", numbers(&first)[0])));
    assert!(
        html.body.contains(&format!(
            "/instruction?onglet=a-traiter&amp;avant={previous}"
        )),
        "a link back"
    );
    // A cursor that names no file of the agent's starts at the beginning.
    let unknown = q(vec![("after", "APT-2026-13-ZZZZZZ".into())]).await;
    assert_eq!(numbers(&unknown), numbers(&first));
    // One state of a tab: its files only, counted from the kept counts.
    let reviewed = q(vec![
        ("tab", "en-instruction".into()),
        ("state", "in_review".into()),
    ])
    .await;
    assert_eq!(reviewed["total"], 15, "{}", reviewed["counts"]);
    assert_eq!(reviewed["rows"].as_array().unwrap().len(), 15);
    let cifre = q(vec![
        ("contract", "cifre".into()),
        ("tab", "en-instruction".into()),
    ])
    .await;
    assert_eq!(cifre["total"], 5, "i ≡ 0 mod 12 among 0..60");
    let window = q(vec![("from", day(10)), ("to", day(19))]).await;
    assert!(window["rows"].as_array().unwrap().iter().all(|r| {
        let s = r["contract_start"].as_str().unwrap();
        s >= day(10).as_str() && s <= day(19).as_str()
    }));
    assert_eq!(window["total"], 9, "8 generated and the real one: {window}");
    // The export has the same filters, every page, and defuses formulas.
    let csv = get_with(
        &app.router,
        "/instruction/export.csv?onglet=a-traiter&contrat=cifre",
        &agent,
    )
    .await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(csv.headers[header::CONTENT_TYPE]
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    let lines: Vec<&str> = csv.body.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(
        lines[0],
        "numero;etat;etudiant;siret;departement;contrat;debut_contrat;fin_titre;depose_le"
    );
    assert_eq!(lines.len(), 1 + 15, "i ≡ 0 mod 3 and not mod 4");
    assert!(lines[1..].iter().all(|l| l.contains(";cifre;")));
    // As a workbook, in English: the same files, the labels in the page's language.
    let xlsx = get_with(
        &app.router,
        "/instruction/export.xlsx?onglet=a-traiter&contrat=cifre&lang=en",
        &agent,
    )
    .await;
    assert_eq!(xlsx.status, StatusCode::OK, "{}", xlsx.body);
    let sheet = sheet_rows(&xlsx.bytes, "Files");
    assert_eq!(sheet[0][0], "Number");
    assert_eq!(sheet.len(), 1 + 15);
    let cifre = app::rules::eligibility::Contract::Cifre.label(app::i18n::Lang::En);
    assert!(sheet[1..].iter().all(|r| r[5] == cifre), "{sheet:?}");
    let numbers = |rows: &[Vec<String>]| rows.iter().map(|r| r[0].clone()).collect::<Vec<_>>();
    let csv_numbers: Vec<String> = lines[1..]
        .iter()
        .map(|l| l.split(';').next().unwrap().to_owned())
        .collect();
    assert_eq!(numbers(&sheet[1..]), csv_numbers);
}

/// What the security log says of the exports so far.
async fn exports_logged(app: &TestApp) -> Vec<String> {
    use server::infra::db::entities::security_event;
    security_event::Entity::find()
        .filter(security_event::Column::Kind.eq("export"))
        .all(&app.state.db)
        .await
        .unwrap()
        .into_iter()
        .filter_map(|e| e.detail)
        .collect()
}

/// The cells of a workbook's sheet, as text.
fn sheet_rows(xlsx: &[u8], name: &str) -> Vec<Vec<String>> {
    use calamine::Reader;
    let mut book = calamine::Xlsx::new(std::io::Cursor::new(xlsx.to_vec())).expect("an XLSX file");
    let range = book.worksheet_range(name).expect("the sheet");
    range
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect()
}

/// The export streams every row, in many pieces, in the queue's order, with one byte-order mark,
/// and is logged with its row count once the body is out; a third export at once waits its turn.
#[tokio::test(flavor = "multi_thread")]
async fn the_export_streams_every_row_and_logs_its_count() {
    use sea_orm::{ActiveModelTrait, Set};
    let app = demo().await;
    let (number, _) = filed(&app, "awa.diop@example.org").await;
    let template = dossier_row(&app, &number).await;
    let today = chrono::Utc::now().date_naive();
    // About 330 bytes a row: 1,500 rows are some 500 KB, more than the export's 64 KB pieces
    // and the four that may wait for a reader (256 KB): an export whose reader does not read
    // is still running, and holding its place, when the third one comes.
    let txn = sea_orm::TransactionTrait::begin(&app.state.db)
        .await
        .unwrap();
    for i in 0..1_500i64 {
        let mut m: dossier::ActiveModel = template.clone().into();
        m.id = Set(format!("00000000-0000-0000-0001-{i:012}"));
        m.number = Set(Some(format!("APT-2026-75-E{i:05}")));
        m.student_name = Set(Some(format!("Étudiant·e {i:04} {}", "Nom ".repeat(45))));
        m.contract_start = Set(Some(today + Duration::days(1 + i % 300)));
        m.insert(&txn).await.unwrap();
    }
    txn.commit().await.unwrap();
    let agent = log_in(&app, DEMO_INSTRUCTOR).await;
    let csv = get_with(&app.router, "/instruction/export.csv", &agent).await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(csv.bytes.starts_with(b"\xEF\xBB\xBF"));
    assert_eq!(csv.body.matches('\u{feff}').count(), 1);
    let lines: Vec<&str> = csv.body.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(lines.len(), 1 + 1_501, "every row, the real file too");
    assert!(
        lines[1..].iter().all(|l| l.split(';').count() == 9),
        "no row cut across pieces"
    );
    let starts: Vec<&str> = lines[1..]
        .iter()
        .map(|l| l.split(';').nth(6).unwrap())
        .collect();
    assert!(starts.windows(2).all(|w| w[0] <= w[1]), "the queue's order");
    let logged = exports_logged(&app).await;
    assert_eq!(logged.len(), 1, "{logged:?}");
    assert!(logged[0].ends_with(": 1501 rows"), "{logged:?}");

    // The same list as a workbook, read back as a spreadsheet reads it: every row, in the same
    // order, under a heading; logged the same way.
    let xlsx = get_with(&app.router, "/instruction/export.xlsx", &agent).await;
    assert_eq!(xlsx.status, StatusCode::OK, "{}", xlsx.body);
    assert_eq!(
        xlsx.headers[header::CONTENT_TYPE],
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    );
    assert!(xlsx.headers[header::CONTENT_DISPOSITION]
        .to_str()
        .unwrap()
        .contains(".xlsx"));
    let sheet = sheet_rows(&xlsx.bytes, "Dossiers");
    assert_eq!(sheet[0][0], "Numéro");
    let in_csv: Vec<&str> = lines[1..]
        .iter()
        .map(|l| l.split(';').next().unwrap())
        .collect();
    let in_sheet: Vec<&str> = sheet[1..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(in_sheet, in_csv);
    let logged = exports_logged(&app).await;
    assert_eq!(logged.len(), 2, "{logged:?}");
    assert!(
        logged.iter().any(|l| l.contains(".xlsx: 1501 rows")),
        "{logged:?}"
    );

    // As a browser asks for them, compressed: the CSV comes gzipped and whole (the compression
    // layer polls a body again after its end, which once cut the download); the workbook, a zip
    // already, as it is.
    for (uri, gzipped) in [
        ("/instruction/export.csv", true),
        ("/instruction/export.xlsx", false),
    ] {
        let request = axum::http::Request::get(uri)
            .header(header::COOKIE, &agent)
            .header(header::ACCEPT_ENCODING, "gzip")
            .body(axum::body::Body::empty())
            .unwrap();
        let reply = common::send(&app.router, request).await;
        assert_eq!(reply.status, StatusCode::OK, "{uri}");
        let encoding = reply.headers.get(header::CONTENT_ENCODING);
        if gzipped {
            assert_eq!(encoding.map(|v| v.as_bytes()), Some(&b"gzip"[..]));
            let mut body = Vec::new();
            std::io::Read::read_to_end(
                &mut flate2::read::GzDecoder::new(&reply.bytes[..]),
                &mut body,
            )
            .unwrap();
            assert_eq!(body, csv.bytes, "the same CSV, whole");
        } else {
            assert_eq!(encoding, None, "{uri}");
            assert_eq!(sheet_rows(&reply.bytes, "Dossiers").len(), 1 + 1_501);
        }
    }

    // Two exports held open by readers who do not read: a third is told to come back.
    use app::ssr::Instruction as _;
    let token = agent.split_once('=').unwrap().1;
    let session = app.state.services.agent(token).await.unwrap();
    let filters = app::instruction::QueueQuery::from_pairs(|_| None).filters();
    let held: Vec<_> = (0..server::instruction::queue::EXPORTS_AT_ONCE)
        .map(|_| {
            app.state
                .services
                .queue_export(
                    &session,
                    &filters,
                    server::instruction::queue::ExportFormat::Csv,
                    None,
                )
                .unwrap()
        })
        .collect();
    let busy = get_with(&app.router, "/instruction/export.csv", &agent).await;
    assert_eq!(busy.status, StatusCode::TOO_MANY_REQUESTS, "{}", busy.body);
    drop(held);
    // The held exports' tasks end when their readers are gone, and give their places back.
    let mut again = busy;
    for _ in 0..100 {
        again = get_with(&app.router, "/instruction/export.csv", &agent).await;
        if again.status == StatusCode::OK {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert_eq!(again.status, StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread")]
async fn public_statistics_count_decisions_and_their_median_time() {
    let app = demo().await;
    let mut numbers = Vec::new();
    for i in 0..3 {
        numbers.push(filed(&app, &format!("s{i}@example.org")).await.0);
    }
    for (i, number) in numbers.iter().enumerate().take(2) {
        let agent = log_in(&app, DEMO_INSTRUCTOR).await;
        let d = dossier_row(&app, number).await;
        assert!(act(&app, &agent, number, d.version, "take_in_review", &[])
            .await
            .status
            .is_success());
        app.advance(Duration::days(2 + 2 * i as i64));
        let agent = log_in(&app, DEMO_INSTRUCTOR).await;
        let d = dossier_row(&app, number).await;
        let reply = if i == 0 {
            act(
                &app,
                &agent,
                number,
                d.version,
                "accept",
                &[("valid_from", &day(16)), ("valid_until", &day(150))],
            )
            .await
        } else {
            act(
                &app,
                &agent,
                number,
                d.version,
                "refuse",
                &[("message", "Non.")],
            )
            .await
        };
        assert!(reply.status.is_success(), "{}", reply.body);
    }
    let stats = call(&app.router, "statistiques", &[], None).await.json();
    assert_eq!(stats["total"]["submitted"], 3);
    assert_eq!(stats["total"]["accepted"], 1);
    assert_eq!(stats["total"]["refused"], 1);
    // Decided after 2 and 6 days: median 4.
    let median = stats["total"]["median_days"].as_f64().unwrap();
    assert!((median - 4.0).abs() < 0.01, "{median}");
    assert_eq!(stats["by_departement"][0]["departement"], "75");
    assert_eq!(
        stats["by_month"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["submitted"].as_u64().unwrap())
            .sum::<u64>(),
        3
    );
    let page = get(&app.router, "/statistiques").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("data-testid=\"stats-chart\"") && page.body.contains("<svg"));
}

#[tokio::test(flavor = "multi_thread")]
async fn the_demo_files_are_valid_requests_in_every_state() {
    let app = demo().await;
    let added = server::demo::seed_demo_files(&app.state.services)
        .await
        .unwrap();
    assert_eq!(added, 36);
    assert_eq!(
        server::demo::seed_demo_files(&app.state.services)
            .await
            .unwrap(),
        0,
        "seeded once"
    );
    let agent = log_in(&app, DEMO_INSTRUCTOR).await;
    let mut states = std::collections::BTreeSet::new();
    for tab in ["a-traiter", "en-instruction", "en-attente", "decides"] {
        let queue = call(
            &app.router,
            "instruction/file",
            &[("query[tab]", tab)],
            Some(&agent),
        )
        .await
        .json();
        for row in queue["rows"].as_array().unwrap() {
            let number = row["number"].as_str().unwrap();
            let view = call(
                &app.router,
                "instruction/dossier",
                &[("number", number)],
                Some(&agent),
            )
            .await
            .json();
            assert_eq!(
                view["eligibility"]["outcome"], "required",
                "{number} reads as a valid request: {view}"
            );
            states.insert(view["state"].as_str().unwrap().to_owned());
        }
    }
    assert_eq!(states.len(), 7 - 1, "every filed state: {states:?}");
}

/// SQLite refuses at once ("database is locked") a deferred transaction that read before another
/// connection wrote, whatever the busy timeout: filings and decisions at the same moment must
/// all succeed (they take the write lock when they begin).
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn simultaneous_filings_and_decisions_all_succeed() {
    let app = demo().await;
    let mut cookies = Vec::new();
    for i in 0..6 {
        let cookie = common::journey::typed_draft(&app, &format!("parallel{i}@example.org")).await;
        common::journey::upload_all(&app, &cookie).await;
        cookies.push(cookie);
    }
    let (first, _) = filed(&app, "first@example.org").await;
    let agent = log_in(&app, DEMO_INSTRUCTOR).await;
    let d = dossier_row(&app, &first).await;
    let mut tasks = tokio::task::JoinSet::new();
    for cookie in cookies {
        let router = app.router.clone();
        tasks.spawn(async move { call(&router, "demande/deposer", &[], Some(&cookie)).await });
    }
    let router = app.router.clone();
    let version = d.version.to_string();
    tasks.spawn(async move {
        call(
            &router,
            "instruction/agir",
            &[
                ("number", first.as_str()),
                ("version", version.as_str()),
                ("act", "take_in_review"),
            ],
            Some(&agent),
        )
        .await
    });
    while let Some(reply) = tasks.join_next().await {
        let reply = reply.unwrap();
        assert!(reply.status.is_success(), "{}", reply.body);
    }
    let filed_now = dossier::Entity::find()
        .filter(dossier::Column::Number.is_not_null())
        .count(&app.state.db)
        .await
        .unwrap();
    assert_eq!(filed_now, 7);
}

/// A client asking for JSON is answered with the dossier as the act left it and is not sent
/// anywhere; a form posted by the page (a plain form: the dossier page has no island for acts)
/// is sent back to the dossier's history, with the act done in the address for the page's
/// status message.
#[tokio::test(flavor = "multi_thread")]
async fn an_act_answers_the_page_with_the_dossier_and_a_plain_form_with_a_redirect() {
    let app = demo().await;
    let (number, _) = filed(&app, "in-place@example.org").await;
    let agent = log_in(&app, DEMO_INSTRUCTOR).await;
    let version = dossier_row(&app, &number).await.version;

    let reply = act(&app, &agent, &number, version, "take_in_review", &[]).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert!(reply.headers.get("serverfnredirect").is_none());
    assert!(reply.headers.get(header::LOCATION).is_none());
    let view = reply.json();
    assert_eq!(view["number"], number.as_str());
    assert_eq!(view["state"], "in_review");
    assert_eq!(view["version"], version + 1);

    let seen = (version + 1).to_string();
    let reply = common::call_as_plain_form(
        &app.router,
        "instruction/agir",
        &[
            ("number", number.as_str()),
            ("version", seen.as_str()),
            ("act", "request_changes"),
            ("message", "Illisible"),
        ],
        Some(&agent),
    )
    .await;
    assert_eq!(
        reply.location(),
        format!("/instruction/dossier/{number}?fait=request_changes#historique")
    );
    assert_eq!(
        dossier_row(&app, &number).await.state,
        DossierState::ChangesRequested
    );
    // The page it is sent back to says so, in its status region; opened plainly it says nothing.
    let status = "Enregistré. État du dossier : compléments demandés";
    let back = reply
        .location()
        .split('#')
        .next()
        .unwrap_or_default()
        .to_owned();
    let done = get_with(&app.router, &back, &agent).await;
    assert_eq!(done.status, StatusCode::OK);
    assert!(done.body.contains(status), "{}", done.body);
    let plain = get_with(
        &app.router,
        &format!("/instruction/dossier/{number}"),
        &agent,
    )
    .await;
    assert!(!plain.body.contains(status), "{}", plain.body);
}
