//! The server's configuration: one typed struct, read once at start from the environment, with
//! defaults that run on a fresh machine.

use std::net::SocketAddr;
use std::path::PathBuf;

#[derive(Clone, Debug)]
pub struct Config {
    /// `sqlite://…` (the default, embedded) or `postgres://…`.
    pub database_url: String,
    pub addr: SocketAddr,
    /// Where cargo-leptos put the compiled site (wasm, js, css, public assets).
    pub site_root: PathBuf,
    /// Uploaded files (`STORAGE_DIR`).
    pub storage_dir: PathBuf,
    /// An S3-compatible bucket for the files instead of `storage_dir`
    /// (`STORAGE_URL=s3://BUCKET[/prefix]`, configured by the standard `AWS_*` variables).
    pub storage_url: Option<String>,
    /// Where e-mails are written as `.eml` files when no SMTP server is configured (`MAIL_OUTBOX`).
    pub outbox_dir: PathBuf,
    /// `SMTP_URL`, e.g. `smtps://user:password@smtp.example.org`; none writes to the outbox.
    pub smtp_url: Option<String>,
    pub mail_from: String,
    /// The address people type, for links in e-mails (`PUBLIC_URL`). When it is https, the
    /// cookies are `Secure` with `__Host-` names and pages send `Strict-Transport-Security`.
    pub public_url: String,
    /// Reverse proxies whose `X-Forwarded-For` is believed (`TRUSTED_PROXIES`: addresses or
    /// CIDR blocks, comma-separated). Anyone else's is ignored: the client is the peer.
    pub trusted_proxies: Vec<crate::infra::net::Cidr>,
    /// Per client address: access-code guesses per 15 minutes
    /// (`LIMIT_SIGN_IN_PER_CLIENT`, default 20) and starts or new-code requests per hour
    /// (`LIMIT_CODE_REQUESTS_PER_CLIENT`, default 20).
    pub sign_in_per_client: u32,
    pub code_requests_per_client: u32,
    /// Days a decided file's personal data is kept after the decision (`RETENTION_DAYS`,
    /// default 730) and days of security log (`SECURITY_LOG_DAYS`, default 365).
    pub retention: crate::retention::Retention,
    /// Uploads at once (`UPLOAD_CONCURRENCY`, default 16) and the time one may take
    /// (`UPLOAD_TIMEOUT_SECONDS`, default 120).
    pub upload_concurrency: usize,
    /// Uploads at once from one client address (`UPLOAD_CONCURRENCY_PER_CLIENT`, default 4).
    pub upload_concurrency_per_client: usize,
    pub upload_timeout: std::time::Duration,
    /// Megabytes of files one client address may keep in requests not yet filed
    /// (`UPLOAD_QUOTA_PER_CLIENT_MB`, default 500, about eight full requests), and of stored
    /// files in all (`STORAGE_QUOTA_MB`, default 51200: set it to what the storage holds).
    pub upload_quota_per_client_mb: u64,
    pub storage_quota_mb: u64,
    /// How the e-mail queue retries (`MAIL_RETRY_SECONDS`, `MAIL_RETRY_MAX_SECONDS`,
    /// `MAIL_ATTEMPTS`, `MAIL_POLL_MILLISECONDS`).
    pub mail_retry: crate::mail_queue::MailRetry,
    /// The key of the access codes' HMAC (`ACCESS_CODE_KEY`, 32 bytes or more, the same on
    /// every instance; required when `PUBLIC_URL` is https). Without it a development server
    /// draws one at start, and its codes end with the process.
    pub access_code_key: Option<crate::infra::secret::CodeKey>,
    /// Header-read timeout, open connections, drain at stop (`crate::http::serve`).
    pub serve: crate::http::serve::ServeLimits,
    /// The bearer token a scraper sends to `GET /metrics` (`METRICS_TOKEN`, 16 characters or
    /// more); without it the route is not served.
    pub metrics_token: Option<String>,
}

impl Config {
    pub const DEFAULT_DATABASE_URL: &'static str = "sqlite://data/wif.sqlite?mode=rwc";
    pub const DEFAULT_MAIL_FROM: &'static str =
        "Work in France <ne-pas-repondre@workinfrance.beta.gouv.fr>";

    /// Reads `DATABASE_URL`, `LEPTOS_SITE_ADDR` (or `ADDR`) and `LEPTOS_SITE_ROOT`.
    pub fn from_env() -> anyhow::Result<Self> {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
        let addr = var("ADDR")
            .or_else(|| var("LEPTOS_SITE_ADDR"))
            .unwrap_or_else(|| "127.0.0.1:3000".into());
        let addr: SocketAddr = addr
            .parse()
            .map_err(|e| anyhow::anyhow!("invalid listen address {addr:?}: {e}"))?;
        let public_url = var("PUBLIC_URL")
            .unwrap_or_else(|| format!("http://{addr}"))
            .trim_end_matches('/')
            .to_owned();
        let access_code_key = match var("ACCESS_CODE_KEY") {
            Some(key) => Some(crate::infra::secret::CodeKey::new(key.into_bytes())?),
            None if public_url.starts_with("https://") => anyhow::bail!(
                "ACCESS_CODE_KEY is required when PUBLIC_URL is https: the same secret of 32 \
                 bytes or more on every instance, kept outside the database \
                 (e.g. `openssl rand -hex 32`)"
            ),
            None => None,
        };
        let serve = {
            let d = crate::http::serve::ServeLimits::default();
            crate::http::serve::ServeLimits {
                header_read_timeout: std::time::Duration::from_secs(
                    number(
                        var("HEADER_READ_TIMEOUT_SECONDS"),
                        d.header_read_timeout.as_secs() as u32,
                    )?
                    .max(1)
                    .into(),
                ),
                max_connections: number(var("MAX_CONNECTIONS"), d.max_connections as u32)?.max(1)
                    as usize,
                drain: std::time::Duration::from_secs(
                    number(var("SHUTDOWN_DRAIN_SECONDS"), d.drain.as_secs() as u32)?.into(),
                ),
            }
        };
        let metrics_token = match var("METRICS_TOKEN") {
            Some(token) if token.trim().len() < 16 => {
                anyhow::bail!("METRICS_TOKEN: 16 characters or more (e.g. `openssl rand -hex 32`)")
            }
            token => token.map(|t| t.trim().to_owned()),
        };
        Ok(Self {
            serve,
            metrics_token,
            access_code_key,
            database_url: var("DATABASE_URL").unwrap_or_else(|| Self::DEFAULT_DATABASE_URL.into()),
            addr,
            site_root: var("LEPTOS_SITE_ROOT")
                .unwrap_or_else(|| "target/site".into())
                .into(),
            storage_dir: var("STORAGE_DIR")
                .unwrap_or_else(|| "data/files".into())
                .into(),
            storage_url: var("STORAGE_URL").filter(|u| !u.trim().is_empty()),
            outbox_dir: var("MAIL_OUTBOX")
                .unwrap_or_else(|| "data/outbox".into())
                .into(),
            smtp_url: var("SMTP_URL"),
            mail_from: var("MAIL_FROM").unwrap_or_else(|| Self::DEFAULT_MAIL_FROM.into()),
            public_url,
            trusted_proxies: match var("TRUSTED_PROXIES") {
                Some(list) => crate::infra::net::Cidr::parse_list(&list)
                    .map_err(|e| anyhow::anyhow!("TRUSTED_PROXIES: {e}"))?,
                None => Vec::new(),
            },
            sign_in_per_client: number(var("LIMIT_SIGN_IN_PER_CLIENT"), 20)?,
            code_requests_per_client: number(var("LIMIT_CODE_REQUESTS_PER_CLIENT"), 20)?,
            retention: crate::retention::Retention {
                decided_days: number(var("RETENTION_DAYS"), 730)?.into(),
                security_log_days: number(var("SECURITY_LOG_DAYS"), 365)?.into(),
            },
            upload_concurrency: number(var("UPLOAD_CONCURRENCY"), 16)? as usize,
            upload_concurrency_per_client: number(var("UPLOAD_CONCURRENCY_PER_CLIENT"), 4)?.max(1)
                as usize,
            upload_timeout: std::time::Duration::from_secs(
                number(var("UPLOAD_TIMEOUT_SECONDS"), 120)?.into(),
            ),
            upload_quota_per_client_mb: number(var("UPLOAD_QUOTA_PER_CLIENT_MB"), 500)?.into(),
            storage_quota_mb: number(var("STORAGE_QUOTA_MB"), 51_200)?.into(),
            mail_retry: {
                let d = crate::mail_queue::MailRetry::default();
                let seconds = |name: &str, default: std::time::Duration| {
                    number(var(name), default.as_secs() as u32)
                        .map(|n| std::time::Duration::from_secs(n.max(1).into()))
                };
                crate::mail_queue::MailRetry {
                    base: seconds("MAIL_RETRY_SECONDS", d.base)?,
                    max: seconds("MAIL_RETRY_MAX_SECONDS", d.max)?,
                    attempts: number(var("MAIL_ATTEMPTS"), d.attempts as u32)?.max(1) as i32,
                    poll: std::time::Duration::from_millis(
                        number(var("MAIL_POLL_MILLISECONDS"), d.poll.as_millis() as u32)?
                            .max(50)
                            .into(),
                    ),
                    probe: seconds("MAIL_PROBE_SECONDS", d.probe)?,
                }
            },
        })
    }

    /// The defaults, on a database and directories of the caller's choice (tests).
    pub fn for_paths(database_url: String, data_dir: &std::path::Path) -> Self {
        Self {
            database_url,
            addr: "127.0.0.1:0".parse().expect("address"),
            site_root: "target/site".into(),
            storage_dir: data_dir.join("files"),
            storage_url: None,
            outbox_dir: data_dir.join("outbox"),
            smtp_url: None,
            mail_from: Self::DEFAULT_MAIL_FROM.into(),
            public_url: "http://127.0.0.1:3000".into(),
            trusted_proxies: Vec::new(),
            sign_in_per_client: 20,
            code_requests_per_client: 20,
            retention: Default::default(),
            upload_concurrency: 16,
            upload_concurrency_per_client: 4,
            upload_timeout: std::time::Duration::from_secs(120),
            upload_quota_per_client_mb: 500,
            storage_quota_mb: 51_200,
            mail_retry: Default::default(),
            access_code_key: Some(crate::infra::secret::CodeKey::random()),
            serve: Default::default(),
            metrics_token: None,
        }
    }

    /// Whether the public address is https (then cookies are `Secure` and `__Host-`).
    pub fn https(&self) -> bool {
        self.public_url.starts_with("https://")
    }
}

fn number(value: Option<String>, default: u32) -> anyhow::Result<u32> {
    match value {
        Some(v) => v
            .trim()
            .parse()
            .map_err(|e| anyhow::anyhow!("{v:?} is not a number: {e}")),
        None => Ok(default),
    }
}

/// A connection URL fit for a log: its password replaced by `***`.
pub fn redacted(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let (authority, path) = match rest.find('/') {
        Some(i) => rest.split_at(i),
        None => (rest, ""),
    };
    match authority.rsplit_once('@') {
        Some((credentials, host)) => {
            let user = credentials.split(':').next().unwrap_or("");
            let hidden = if credentials.contains(':') {
                ":***"
            } else {
                ""
            };
            format!("{scheme}://{user}{hidden}@{host}{path}")
        }
        None => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_never_reach_the_log() {
        for (url, shown) in [
            (
                "postgres://wif:s3cr%40t@db.internal:5432/wif",
                "postgres://wif:***@db.internal:5432/wif",
            ),
            ("postgres://wif:p@ss@db/wif", "postgres://wif:***@db/wif"),
            ("postgres://wif@db/wif", "postgres://wif@db/wif"),
            (
                "smtps://user:pw@smtp.example.org",
                "smtps://user:***@smtp.example.org",
            ),
            (
                "sqlite://data/wif.sqlite?mode=rwc",
                "sqlite://data/wif.sqlite?mode=rwc",
            ),
            ("not a url", "not a url"),
        ] {
            assert_eq!(redacted(url), shown);
            assert!(!redacted(url).contains("s3cr") && !redacted(url).contains(":pw@"));
        }
    }
}
