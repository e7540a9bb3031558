//! E-mail through the durable queue: a message exists exactly when its change does, it is sent
//! by the worker, its body blanked once sent, and an SMTP outage loses nothing — tried against a
//! real SMTP server (aiosmtpd, started here on a free port, stopped for the outage).

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use sea_orm::{EntityTrait, QueryOrder};
use server::infra::db::entities::mail_queue;

use crate::common::agent::log_in;
use crate::common::{call, call_from, client, code_in, free_port, TestApp};

async fn queue(app: &TestApp) -> Vec<mail_queue::Model> {
    mail_queue::Entity::find()
        .order_by_asc(mail_queue::Column::Id)
        .all(&app.state.db)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_message_is_queued_with_its_change_and_blanked_once_sent() {
    let app = TestApp::new().await;
    let email = "queue@example.org";
    let started = call(
        &app.router,
        "demande/commencer",
        &[("email", email), ("role", "student")],
        None,
    )
    .await;
    assert!(started.status.is_success(), "{}", started.body);
    let rows = queue(&app).await;
    assert_eq!(rows.len(), 1, "one message queued with the draft");
    let row = &rows[0];
    assert_eq!(row.kind, "access_code");
    assert_eq!(row.state, app::instruction::MailState::Queued);
    assert_eq!(row.recipients, format!("[\"{email}\"]"));
    let code = code_in(&row.body).expect("the code is in the queued body");

    // Delivered: the outbox has it with the same code; the queue keeps no readable code.
    let outbox = app.outbox().await;
    assert_eq!(outbox.len(), 1);
    assert_eq!(code_in(&outbox[0]).as_deref(), Some(code.as_str()));
    let rows = queue(&app).await;
    assert_eq!(rows[0].state, app::instruction::MailState::Sent);
    assert!(rows[0].sent_at.is_some());
    assert_eq!(rows[0].body, "", "the body is blanked once sent");
    assert_eq!(rows[0].attempts, 1);
    // Nothing is sent twice.
    assert_eq!(app.state.services.deliver_due_mail().await.unwrap(), 0);
    assert_eq!(app.outbox().await.len(), 1);
}

/// Each address starts a request from a client address of its own; every start is answered
/// at once, whatever the SMTP server does (its e-mail waits in the queue).
async fn start_each(app: &TestApp, people: &[String]) {
    for (i, email) in people.iter().enumerate() {
        let reply = call_from(
            &app.router,
            "demande/commencer",
            &[("email", email), ("role", "student")],
            None,
            Some(client(i as u32)),
        )
        .await;
        assert!(
            reply.status.is_success(),
            "a start must not fail for the SMTP server: {} {}",
            reply.status,
            reply.body
        );
    }
}

/// Two instances' workers on one queue: each message is sent once, by one of them.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_instances_send_each_message_once() {
    let app = TestApp::new().await;
    let other = app.another_instance().await;
    let people: Vec<String> = (0..24).map(|i| format!("twice{i}@example.org")).collect();
    start_each(&app, &people).await;
    let (a, b) = tokio::join!(
        tokio::spawn({
            let s = app.state.services.clone();
            async move { s.deliver_due_mail().await.unwrap() }
        }),
        tokio::spawn({
            let s = other.state.services.clone();
            async move { s.deliver_due_mail().await.unwrap() }
        }),
    );
    let (a, b) = (a.unwrap(), b.unwrap());
    assert_eq!(a + b, people.len(), "tried once in all: {a} + {b}");
    let outbox = app.outbox().await;
    for email in &people {
        let to_them = outbox
            .iter()
            .filter(|m| m.contains(&format!("To: {email}\r\n")))
            .count();
        assert_eq!(to_them, 1, "{email}");
    }
    assert_eq!(outbox.len(), people.len());
    assert!(queue(&app)
        .await
        .iter()
        .all(|r| r.state == app::instruction::MailState::Sent && r.attempts == 1));
}

/// A recipient the server refuses for good is not retried for days: the message is given up
/// at once, its code blanked, the server's answer kept for administrators; the others go.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_permanent_refusal_is_given_up_at_once() {
    let port = free_port();
    let maildir = std::env::temp_dir().join(format!("wif-maildir-{port}"));
    let _ = std::fs::remove_dir_all(&maildir);
    let smtp = SmtpServer::start(port, &maildir).await;
    let app = TestApp::with(|c| c.smtp_url = Some(format!("smtp://127.0.0.1:{port}"))).await;
    start_each(
        &app,
        &["nobody@example.org".into(), "somebody@example.org".into()],
    )
    .await;
    assert_eq!(app.state.services.deliver_due_mail().await.unwrap(), 2);
    let rows = queue(&app).await;
    let refused = rows
        .iter()
        .find(|r| r.recipients.contains("nobody"))
        .unwrap();
    assert_eq!(refused.state, app::instruction::MailState::Failed);
    assert_eq!(refused.attempts, 1);
    assert_eq!(refused.body, "", "a given-up message keeps no code");
    assert!(
        refused
            .last_error
            .as_deref()
            .is_some_and(|e| e.contains("550")),
        "{:?}",
        refused.last_error
    );
    let sent = rows
        .iter()
        .find(|r| r.recipients.contains("somebody"))
        .unwrap();
    assert_eq!(sent.state, app::instruction::MailState::Sent);
    // Nothing is due any more.
    assert_eq!(app.state.services.deliver_due_mail().await.unwrap(), 0);
    let messages = delivered(&maildir);
    assert_eq!(messages.len(), 1);
    assert!(messages[0].contains("somebody@example.org"));
    drop(smtp);
    let _ = std::fs::remove_dir_all(&maildir);
}

/// The Python that has aiosmtpd: `WIF_AIOSMTPD_PYTHON`, set by `scripts/test.sh` after
/// `scripts/setup.sh smtp`, or the venv that step makes.
fn aiosmtpd_python() -> PathBuf {
    let path = std::env::var_os("WIF_AIOSMTPD_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            let home = std::env::var_os("HOME").unwrap_or_default();
            Path::new(&home).join(".cache/work-in-france/aiosmtpd-venv/bin/python")
        });
    assert!(
        path.exists(),
        "aiosmtpd not installed at {}: run scripts/setup.sh smtp (make test does)",
        path.display()
    );
    path
}

/// aiosmtpd's maildir handler, refusing for good (550) any recipient whose address begins with
/// `nobody`, as a server does for an address that does not exist.
const HANDLER: &str = "\
import aiosmtpd.handlers

class Refusing(aiosmtpd.handlers.Mailbox):
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith('nobody'):
            return '550 5.1.1 no such mailbox'
        envelope.rcpt_tos.append(address)
        return '250 OK'
";

/// A real SMTP server: aiosmtpd writing each message it accepts to a maildir.
struct SmtpServer {
    child: Child,
}

impl SmtpServer {
    async fn start(port: u16, maildir: &Path) -> Self {
        let module = std::env::temp_dir().join(format!("wif-smtp-handler-{port}"));
        std::fs::create_dir_all(&module).unwrap();
        std::fs::write(module.join("wif_refusing.py"), HANDLER).unwrap();
        let child = Command::new(aiosmtpd_python())
            .env("PYTHONPATH", &module)
            .args(["-m", "aiosmtpd", "-n", "-l"])
            .arg(format!("127.0.0.1:{port}"))
            .args(["-c", "wif_refusing.Refusing"])
            .arg(maildir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("aiosmtpd starts");
        let deadline = Instant::now() + Duration::from_secs(30);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "aiosmtpd did not listen");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        Self { child }
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn delivered(maildir: &Path) -> Vec<String> {
    std::fs::read_dir(maildir.join("new"))
        .map(|d| {
            d.flatten()
                .filter_map(|e| std::fs::read_to_string(e.path()).ok())
                .collect()
        })
        .unwrap_or_default()
}

/// Waits (without a fixed sleep) until `done` holds, or fails after `within`.
async fn until<F: std::future::Future<Output = bool>>(
    within: Duration,
    what: &str,
    mut done: impl FnMut() -> F,
) -> Duration {
    let start = Instant::now();
    while !done().await {
        assert!(start.elapsed() < within, "{what}: not within {within:?}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    start.elapsed()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_smtp_outage_loses_nothing_and_sends_each_message_once() {
    let port = free_port();
    // The demo services and agents, the mail through SMTP on a port where nothing listens yet.
    let app = {
        let app = TestApp::with(|c| {
            c.smtp_url = Some(format!("smtp://127.0.0.1:{port}"));
            // The shipped delays in small (1 s doubling up to an hour), and a probe every
            // second instead of every 30.
            c.mail_retry = server::mail_queue::MailRetry {
                base: Duration::from_secs(1),
                max: Duration::from_secs(3600),
                attempts: 1000,
                poll: Duration::from_millis(200),
                probe: Duration::from_secs(1),
            };
        })
        .await;
        server::instruction::accounts::seed_demo(&app.state.db)
            .await
            .unwrap();
        app
    };
    let stop = Arc::new(tokio::sync::Notify::new());
    let worker = server::mail_queue::spawn_mail_worker(app.state.services.clone(), stop.clone());

    // Twelve people start a request while the SMTP server is down: each is answered at once.
    let people: Vec<String> = (0..12).map(|i| format!("outage{i}@example.org")).collect();
    start_each(&app, &people).await;

    // The worker keeps trying; administrators see the messages failing, with the error.
    until(
        Duration::from_secs(60),
        "two tries of every message",
        || async {
            let rows = queue(&app).await;
            rows.len() == people.len() && rows.iter().all(|r| r.attempts >= 2)
        },
    )
    .await;
    let admin = log_in(&app, server::instruction::accounts::DEMO_ADMIN).await;
    let view = call(&app.router, "instruction/admin", &[], Some(&admin)).await;
    assert!(view.status.is_success(), "{}", view.body);
    let view = view.json();
    let mails = view["mails"]
        .as_array()
        .expect("the admin view lists mails");
    assert_eq!(mails.len(), people.len());
    assert!(
        mails
            .iter()
            .all(|m| m["state"] == "failing"
                && m["last_error"].as_str().is_some_and(|e| !e.is_empty())),
        "{mails:?}"
    );
    assert!(
        view["mail_counts"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c[0] == "failing" && c[1] == people.len()),
        "{}",
        view["mail_counts"]
    );

    // A long outage: every message now waits an hour before its next try.
    mail_queue::Entity::update_many()
        .col_expr(
            mail_queue::Column::NextAttemptAt,
            sea_orm::sea_query::Expr::value(chrono::Utc::now() + chrono::Duration::hours(1)),
        )
        .exec(&app.state.db)
        .await
        .unwrap();

    // The server comes back: the worker's probe finds it, and every message arrives, once,
    // without waiting out its hour.
    let maildir = std::env::temp_dir().join(format!("wif-maildir-{port}"));
    let _ = std::fs::remove_dir_all(&maildir);
    let smtp = SmtpServer::start(port, &maildir).await;
    let back = Instant::now();
    let took = until(Duration::from_secs(120), "every message sent", || async {
        queue(&app)
            .await
            .iter()
            .all(|r| r.state == app::instruction::MailState::Sent)
    })
    .await;
    eprintln!(
        "smtp outage: {} messages queued while down, all delivered {:.1} s after the server came back",
        people.len(),
        took.as_secs_f64()
    );
    assert!(back.elapsed() < Duration::from_secs(120));
    let messages = delivered(&maildir);
    assert_eq!(messages.len(), people.len(), "each message once");
    for email in &people {
        let to_them: Vec<&String> = messages
            .iter()
            .filter(|m| m.contains(&format!("To: {email}")))
            .collect();
        assert_eq!(to_them.len(), 1, "{email} gets one message");
        assert!(code_in(to_them[0]).is_some(), "with its code");
    }
    // The code that arrived opens the request.
    let code = code_in(
        messages
            .iter()
            .find(|m| m.contains(&format!("To: {}", people[0])))
            .unwrap(),
    )
    .unwrap();
    let signed_in = call(
        &app.router,
        "demande/acces",
        &[("email", &people[0]), ("code", &code)],
        None,
    )
    .await;
    assert!(signed_in.status.is_success(), "{}", signed_in.body);
    assert!(queue(&app).await.iter().all(|r| r.body.is_empty()));

    stop.notify_one();
    worker.await.unwrap();
    drop(smtp);
    let _ = std::fs::remove_dir_all(&maildir);
}
