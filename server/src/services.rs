//! `Services`: the one object behind both sides of the product. The applicant's and the
//! instructor's ports (`app::ssr::Applicants`, `app::ssr::Instruction`) are implemented on it in
//! `applicant` and `instruction`; what both read of a dossier is in `dossier`.

use std::sync::Arc;

use app::rules::RulesConfig;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use sea_orm::DatabaseConnection;

use crate::infra::mail::Mailer;
use crate::infra::storage::Storage;

pub type Clock = Arc<dyn Fn() -> DateTime<Utc> + Send + Sync>;

/// The database, storage, mail, clock and limits every operation works with.
#[derive(Clone)]
pub struct Services {
    pub db: DatabaseConnection,
    pub rules: Arc<RulesConfig>,
    /// Only the mail worker sends (`crate::mail_queue`); everyone else queues.
    pub mailer: Arc<Mailer>,
    /// Wakes this instance's mail worker when a message is committed.
    pub mail_wake: Arc<tokio::sync::Notify>,
    pub mail_retry: crate::mail_queue::MailRetry,
    /// The access codes' HMAC key.
    pub code_key: Arc<crate::infra::secret::CodeKey>,
    pub storage: Arc<dyn Storage>,
    pub clock: Clock,
    /// The address people type, for links in e-mails.
    pub public_url: String,
    /// Wrong passwords per client address.
    pub login_limiter: Arc<crate::infra::limiter::Limiter>,
    /// Access-code guesses per client address.
    pub applicant_limiter: Arc<crate::infra::limiter::Limiter>,
    /// Starts and new-code requests per client address.
    pub code_limiter: Arc<crate::infra::limiter::Limiter>,
    /// Wrong guesses on the public check per client address.
    pub verify_limiter: Arc<crate::infra::limiter::Limiter>,
    /// Uploads at once and how long one may take.
    pub uploads: Arc<UploadLimits>,
    /// How long personal data is kept (`crate::retention`).
    pub retention: crate::retention::Retention,
    /// The public statistics and when they were computed.
    pub stats_cache: Arc<std::sync::Mutex<Option<(std::time::Instant, app::instruction::Stats)>>>,
}

/// Uploads at once (`UPLOAD_CONCURRENCY`, default 16), from one client address
/// (`UPLOAD_CONCURRENCY_PER_CLIENT`, default 4), and the time one may take
/// (`UPLOAD_TIMEOUT_SECONDS`, default 120): a slow or stalled sender cannot hold the server, and
/// one client holding its uploads open leaves the rest of the slots to everyone else.
pub struct UploadLimits {
    pub slots: Arc<tokio::sync::Semaphore>,
    pub per_client: usize,
    pub in_flight: std::sync::Mutex<std::collections::HashMap<String, usize>>,
    pub timeout: std::time::Duration,
    /// Bytes one client address may keep in unfiled drafts, and stored in all.
    pub client_quota_bytes: u64,
    pub total_quota_bytes: u64,
}

/// One of a client's upload slots, given back when dropped.
pub struct ClientSlot {
    limits: Arc<UploadLimits>,
    key: String,
}

impl UploadLimits {
    /// A slot for this client address (IPv6 per /64), if it has one left.
    pub fn client_slot(self: &Arc<Self>, client: &str) -> Option<ClientSlot> {
        let key = crate::infra::limiter::client_key(client);
        let mut map = self.in_flight.lock().unwrap_or_else(|e| e.into_inner());
        let n = map.entry(key.clone()).or_insert(0);
        if *n >= self.per_client {
            return None;
        }
        *n += 1;
        Some(ClientSlot {
            limits: self.clone(),
            key,
        })
    }
}

impl Drop for ClientSlot {
    fn drop(&mut self) {
        let mut map = self
            .limits
            .in_flight
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        if let Some(n) = map.get_mut(&self.key) {
            *n = n.saturating_sub(1);
            if *n == 0 {
                map.remove(&self.key);
            }
        }
    }
}

impl Services {
    pub(crate) fn now(&self) -> DateTime<Utc> {
        (self.clock)()
    }

    pub(crate) fn today(&self) -> NaiveDate {
        // Dates are French civil dates; the clock's UTC date differs at most around midnight.
        (self.now() + Duration::hours(1)).date_naive()
    }
}
