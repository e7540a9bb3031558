//! Helpers shared by the integration tests: a database of its own per test (SQLite file, or a
//! new PostgreSQL database when `TEST_DATABASE_URL` names a server), the real router, a clock the
//! test moves, and the outbox read back.
#![allow(dead_code)]

pub mod agent;
pub mod journey;

use std::path::PathBuf;
use std::sync::atomic::{AtomicI64, AtomicU32, Ordering};
use std::sync::Arc;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use sea_orm::{ConnectionTrait, Database};
use tower::ServiceExt;

static COUNTER: AtomicU32 = AtomicU32::new(0);

fn unique() -> String {
    let n = COUNTER.fetch_add(1, Ordering::SeqCst);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .subsec_nanos();
    format!("{}_{nanos}_{n}", std::process::id())
}

/// A database of its own for each test: a temporary SQLite file, or a new PostgreSQL database.
pub async fn database_url() -> String {
    let unique = unique();
    match std::env::var("TEST_DATABASE_URL") {
        Ok(url) if url.starts_with("postgres") => {
            let admin = Database::connect(url.as_str())
                .await
                .expect("PostgreSQL reachable");
            let name = format!("wif_test_{unique}");
            admin
                .execute_unprepared(&format!("CREATE DATABASE {name}"))
                .await
                .expect("create test database");
            let base = url.rsplit_once('/').expect("URL with a database").0;
            format!("{base}/{name}")
        }
        _ => {
            let dir = std::env::temp_dir().join("wif-tests");
            std::fs::create_dir_all(&dir).unwrap();
            format!("sqlite://{}/test_{unique}.sqlite?mode=rwc", dir.display())
        }
    }
}

pub struct TestApp {
    pub router: Router,
    pub state: server::AppState,
    pub data_dir: PathBuf,
    /// Seconds added to the real clock.
    pub offset: Arc<AtomicI64>,
    pub config: server::Config,
}

impl TestApp {
    pub async fn new() -> Self {
        Self::with(|_| {}).await
    }

    /// An app whose configuration the test changes first.
    pub async fn with(change: impl FnOnce(&mut server::Config)) -> Self {
        let _ = tracing_subscriber::fmt()
            .with_test_writer()
            .with_env_filter("warn")
            .try_init();
        let data_dir = std::env::temp_dir()
            .join("wif-tests")
            .join(format!("data_{}", unique()));
        let mut config = server::Config::for_paths(database_url().await, &data_dir);
        change(&mut config);
        Self::start(config, data_dir, Arc::new(AtomicI64::new(0))).await
    }

    async fn start(config: server::Config, data_dir: PathBuf, offset: Arc<AtomicI64>) -> Self {
        let clock_offset = offset.clone();
        let clock: server::services::Clock = Arc::new(move || {
            chrono::Utc::now() + chrono::Duration::seconds(clock_offset.load(Ordering::SeqCst))
        });
        let state = server::state_with_clock(&config, clock)
            .await
            .expect("database up and migrated");
        Self {
            router: server::router(state.clone()),
            state,
            data_dir,
            offset,
            config,
        }
    }

    /// A second instance of the service: its own process state (limiters, workers, instance
    /// id) on the same database and folders, and the same clock.
    pub async fn another_instance(&self) -> Self {
        self.another_instance_with(|_| {}).await
    }

    /// The same, with its configuration changed first.
    pub async fn another_instance_with(&self, change: impl FnOnce(&mut server::Config)) -> Self {
        let mut config = self.config.clone();
        change(&mut config);
        Self::start(config, self.data_dir.clone(), self.offset.clone()).await
    }

    pub fn advance(&self, duration: chrono::Duration) {
        self.offset
            .fetch_add(duration.num_seconds(), Ordering::SeqCst);
    }

    /// Every message of the outbox, oldest first, as text, once the mail queue has sent every
    /// message due (what the worker does at once in a running server).
    pub async fn outbox(&self) -> Vec<String> {
        self.state
            .services
            .deliver_due_mail()
            .await
            .expect("the mail queue drains");
        let dir = self.data_dir.join("outbox");
        let mut entries: Vec<_> = std::fs::read_dir(&dir)
            .map(|d| d.flatten().collect())
            .unwrap_or_default();
        // The outbox names files in sending order (`infra::mail`).
        entries.retain(|e| e.file_name().to_string_lossy().ends_with(".eml"));
        entries.sort_by_key(|e| e.file_name());
        entries
            .into_iter()
            .filter_map(|e| std::fs::read_to_string(e.path()).ok())
            .collect()
    }

    /// The last message e-mailed to `to`, once the queue has sent it.
    pub async fn last_mail(&self, to: &str) -> String {
        self.outbox()
            .await
            .into_iter()
            .rev()
            .find(|m| m.contains(&format!("To: {to}")))
            .expect("a mail to this address")
    }

    /// The last access code e-mailed to `to`.
    pub async fn last_code(&self, to: &str) -> String {
        let mail = self.last_mail(to).await;
        code_in(&mail).unwrap_or_else(|| panic!("a six-digit code in the mail:\n{mail}"))
    }

    pub fn stored_files(&self) -> usize {
        std::fs::read_dir(self.data_dir.join("files"))
            .map(|d| {
                d.flatten()
                    .filter(|e| e.file_name() != ".incoming")
                    .map(|e| std::fs::read_dir(e.path()).map(|f| f.count()).unwrap_or(0))
                    .sum()
            })
            .unwrap_or(0)
    }
}

/// A free TCP port on loopback (nothing listens there once this returns).
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

pub fn code_in(mail: &str) -> Option<String> {
    let at = mail.find("code").unwrap_or(0);
    let rest = &mail[at..];
    let bytes = rest.as_bytes();
    (0..bytes.len().saturating_sub(6)).find_map(|i| {
        let window = &bytes[i..i + 6];
        let boundary = |j: usize| bytes.get(j).is_none_or(|b| !b.is_ascii_digit());
        (window.iter().all(|b| b.is_ascii_digit())
            && (i == 0 || boundary(i - 1))
            && boundary(i + 6))
        .then(|| String::from_utf8_lossy(window).into_owned())
    })
}

pub async fn app() -> Router {
    TestApp::new().await.router
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub body: String,
    pub bytes: Vec<u8>,
}

impl Reply {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }

    /// Where this redirect sends the browser; fails the test, with the status and the body, when
    /// the reply is no redirect.
    pub fn location(&self) -> &str {
        assert!(
            self.status.is_redirection(),
            "not a redirect: {} {}",
            self.status,
            self.body
        );
        self.headers[header::LOCATION].to_str().unwrap()
    }

    /// The session cookie this reply sets, as a `Cookie` header value.
    pub fn session_cookie(&self) -> Option<String> {
        self.cookie("wif_session")
    }

    /// A cookie this reply sets (not one it removes), as a `Cookie` header value.
    pub fn cookie(&self, name: &str) -> Option<String> {
        let set = format!("{name}=");
        let removed = format!("{name}=;");
        self.headers
            .get_all(header::SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|c| c.starts_with(&set) && !c.starts_with(&removed))
            .map(|c| c.split(';').next().unwrap_or("").to_owned())
    }
}

pub async fn send(app: &Router, request: Request<Body>) -> Reply {
    let response = app.clone().oneshot(request).await.expect("router answers");
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes()
        .to_vec();
    Reply {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
        bytes,
    }
}

pub async fn get(app: &Router, uri: &str) -> Reply {
    send(app, Request::get(uri).body(Body::empty()).unwrap()).await
}

pub async fn get_with(app: &Router, uri: &str, cookie: &str) -> Reply {
    send(
        app,
        Request::get(uri)
            .header(header::COOKIE, cookie)
            .body(Body::empty())
            .unwrap(),
    )
    .await
}

pub async fn post_json(app: &Router, uri: &str, body: &str) -> Reply {
    let request = Request::post(uri)
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(body.to_owned()))
        .unwrap();
    send(app, request).await
}

/// Calls a server function as the browser's script does (URL-encoded form, JSON answer).
pub async fn call(
    app: &Router,
    function: &str,
    pairs: &[(&str, &str)],
    cookie: Option<&str>,
) -> Reply {
    call_from(app, function, pairs, cookie, None).await
}

/// A server function's form posted by a browser without JavaScript (it accepts HTML).
pub async fn call_as_plain_form(
    app: &Router,
    function: &str,
    pairs: &[(&str, &str)],
    cookie: Option<&str>,
) -> Reply {
    let accept = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8";
    send(app, function_request(function, pairs, cookie, accept)).await
}

fn function_request(
    function: &str,
    pairs: &[(&str, &str)],
    cookie: Option<&str>,
    accept: &str,
) -> Request<Body> {
    let body = pairs
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect::<Vec<_>>()
        .join("&");
    let mut request = Request::post(format!("/api/{function}"))
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, accept);
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    request.body(Body::from(body)).unwrap()
}

/// The same, from a client address of the test's choice (as the TCP connection gives it).
pub async fn call_from(
    app: &Router,
    function: &str,
    pairs: &[(&str, &str)],
    cookie: Option<&str>,
    client: Option<std::net::IpAddr>,
) -> Reply {
    let mut request = function_request(function, pairs, cookie, "application/json");
    if let Some(ip) = client {
        request
            .extensions_mut()
            .insert(axum::extract::ConnectInfo(std::net::SocketAddr::new(
                ip, 40000,
            )));
    }
    send(app, request).await
}

/// The `n`-th of many client addresses (a botnet's), all different.
pub fn client(n: u32) -> std::net::IpAddr {
    std::net::IpAddr::V4(std::net::Ipv4Addr::from(0x0a00_0000 + n + 1))
}

/// Percent-encodes everything but unreserved characters, as browsers do (brackets included).
pub fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// One multipart upload of `bytes` as field `file`.
pub async fn upload(app: &Router, kind: &str, name: &str, bytes: Vec<u8>, cookie: &str) -> Reply {
    send(app, upload_request(kind, name, bytes, cookie)).await
}

/// The same upload, sent from the client address `client(from)`.
pub async fn upload_from(
    app: &Router,
    kind: &str,
    bytes: Vec<u8>,
    cookie: &str,
    from: u32,
) -> Reply {
    let mut request = upload_request(kind, "document.pdf", bytes, cookie);
    request
        .extensions_mut()
        .insert(axum::extract::ConnectInfo(std::net::SocketAddr::new(
            client(from),
            40000,
        )));
    send(app, request).await
}

fn upload_request(kind: &str, name: &str, bytes: Vec<u8>, cookie: &str) -> Request<Body> {
    let boundary = "wifboundary7MA4YWxkTrZu0gW";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
    )
    .into_bytes();
    body.extend(bytes);
    body.extend(format!("\r\n--{boundary}--\r\n").into_bytes());
    Request::post(format!("/demande/fichiers/{kind}"))
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={boundary}"),
        )
        .header(header::ACCEPT, "application/json")
        .header(header::COOKIE, cookie)
        .body(Body::from(body))
        .unwrap()
}

pub fn pdf_bytes(size: usize) -> Vec<u8> {
    let mut bytes = b"%PDF-1.7\n".to_vec();
    bytes.resize(size.max(16), b'x');
    bytes
}

pub fn png_bytes() -> Vec<u8> {
    let mut bytes = vec![0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];
    bytes.extend([0u8; 64]);
    bytes
}

pub fn jpeg_bytes() -> Vec<u8> {
    let mut bytes = vec![0xFF, 0xD8, 0xFF, 0xE0];
    bytes.extend([0u8; 64]);
    bytes
}

/// The text of a PDF, as a reader gets it back (lopdf decodes the fonts' Unicode maps).
pub fn pdf_text(bytes: &[u8]) -> String {
    let doc = lopdf::Document::load_mem(bytes).expect("a readable PDF");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    doc.extract_text(&pages).expect("its text")
}

/// The start of a multipart upload whose body the test feeds (and may stall or drop).
pub fn stalled_upload(
    kind: &str,
    cookie: &str,
) -> (
    axum::http::Request<axum::body::Body>,
    tokio::sync::mpsc::Sender<Result<Vec<u8>, std::io::Error>>,
) {
    use axum::http::header;
    let (tx, rx) = tokio::sync::mpsc::channel::<Result<Vec<u8>, std::io::Error>>(4);
    let stream = futures_util::stream::unfold(rx, |mut rx| async move {
        rx.recv().await.map(|chunk| (chunk, rx))
    });
    let request = axum::http::Request::post(format!("/demande/fichiers/{kind}"))
        .header(
            header::CONTENT_TYPE,
            "multipart/form-data; boundary=b0undary",
        )
        .header(header::ACCEPT, "application/json")
        .header(header::COOKIE, cookie)
        .body(axum::body::Body::from_stream(stream))
        .unwrap();
    (request, tx)
}

pub fn first_part() -> Vec<u8> {
    let mut part = b"--b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"p.pdf\"\r\nContent-Type: application/pdf\r\n\r\n".to_vec();
    part.extend(pdf_bytes(256 * 1024));
    part
}

/// Puts the app's files in the S3 bucket the scripts started (`TEST_STORAGE_URL`, under a prefix
/// of the app's own), or leaves them in its folder when no bucket was started.
pub fn on_test_storage(config: &mut server::Config) {
    if let Ok(url) = std::env::var("TEST_STORAGE_URL") {
        config.storage_url = Some(format!("{}/{}", url.trim_end_matches('/'), unique()));
    }
}
