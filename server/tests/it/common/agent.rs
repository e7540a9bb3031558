//! The instructor's side as the tests drive it: demo accounts, sign-in, a dossier's row, an act.

use server::infra::db::entities::dossier;
use server::instruction::accounts::DEMO_PASSWORD;

use super::{call, Reply, TestApp};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

/// An app with the demo services and agents.
pub async fn demo() -> TestApp {
    let app = TestApp::new().await;
    server::instruction::accounts::seed_demo(&app.state.db)
        .await
        .expect("demo seeded");
    app
}

/// The demo instructor's sign-in with this password, from the client address `client(from)`.
pub async fn agent_sign_in(app: &TestApp, password: &str, from: u32) -> Reply {
    super::call_from(
        &app.router,
        "instruction/connexion",
        &[
            ("email", server::instruction::accounts::DEMO_INSTRUCTOR),
            ("password", password),
        ],
        None,
        Some(super::client(from)),
    )
    .await
}

/// The agent's session cookie set by an answer.
pub fn agent_cookie(reply: &Reply) -> Option<String> {
    reply.cookie("wif_agent")
}

/// Signs in with this password; the session cookie, or a panic with the answer.
pub async fn log_in_with(app: &TestApp, email: &str, password: &str) -> String {
    let reply = call(
        &app.router,
        "instruction/connexion",
        &[("email", email), ("password", password)],
        None,
    )
    .await;
    assert!(
        reply.status.is_success(),
        "log in {email}: {} {}",
        reply.status,
        reply.body
    );
    agent_cookie(&reply).expect("an agent cookie")
}

/// Signs in a demo agent.
pub async fn log_in(app: &TestApp, email: &str) -> String {
    log_in_with(app, email, DEMO_PASSWORD).await
}

/// A filed dossier's row, by its number.
pub async fn dossier_row(app: &TestApp, number: &str) -> dossier::Model {
    dossier::Entity::find()
        .filter(dossier::Column::Number.eq(number))
        .one(&app.state.db)
        .await
        .unwrap()
        .expect("the dossier")
}

/// An act on a dossier, as seen at `version`, with the act's own fields.
pub async fn act(
    app: &TestApp,
    cookie: &str,
    number: &str,
    version: i32,
    act: &str,
    extra: &[(&str, &str)],
) -> Reply {
    let version = version.to_string();
    let mut pairs = vec![
        ("number", number),
        ("version", version.as_str()),
        ("act", act),
    ];
    pairs.extend_from_slice(extra);
    call(&app.router, "instruction/agir", &pairs, Some(cookie)).await
}

/// An act on the dossier as it is now, which must succeed.
pub async fn act_now(app: &TestApp, cookie: &str, number: &str, name: &str, message: &str) {
    let version = dossier_row(app, number).await.version;
    let reply = act(app, cookie, number, version, name, &[("message", message)]).await;
    assert!(reply.status.is_success(), "{name}: {}", reply.body);
}

/// The kind of error an answer carries (`"NotFound"`, `"Invalid"`…).
pub fn error_kind(reply: &Reply) -> String {
    match reply.json() {
        serde_json::Value::String(s) => s,
        serde_json::Value::Object(o) => o.keys().next().cloned().unwrap_or_default(),
        other => other.to_string(),
    }
}
