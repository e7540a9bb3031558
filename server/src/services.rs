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
    /// This process among the instances (a random id drawn at start): the holder of the
    /// periodic jobs' leases.
    pub instance: Arc<str>,
    pub rules: Arc<RulesConfig>,
    /// Only the mail worker sends (`crate::mail_queue`); everyone else queues.
    pub mailer: Arc<Mailer>,
    /// Wakes this instance's mail worker when a message is committed.
    pub mail_wake: Arc<tokio::sync::Notify>,
    pub mail_retry: crate::mail_queue::MailRetry,
    pub mail_health: Arc<crate::mail_queue::MailHealth>,
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
    /// What `/metrics` shows of this instance.
    pub metrics: Arc<crate::http::metrics::Metrics>,
    /// The public statistics and when they were computed.
    pub stats_cache: Arc<std::sync::Mutex<Option<(std::time::Instant, app::instruction::Stats)>>>,
    /// The CSV exports running in this instance (`crate::instruction::queue::EXPORTS_AT_ONCE`).
    pub exports: Arc<tokio::sync::Semaphore>,
}

/// Uploads at once (`UPLOAD_CONCURRENCY`, default 16), from one client address
/// (`UPLOAD_CONCURRENCY_PER_CLIENT`, default 4), and the time one may take
/// (`UPLOAD_TIMEOUT_SECONDS`, default 120): a slow or stalled sender cannot hold the server, and
/// one client holding its uploads open leaves the rest of the slots to everyone else. The
/// slots in use are rows of `upload_slot`, counted across every instance.
pub struct UploadLimits {
    pub total: usize,
    pub per_client: usize,
    pub timeout: std::time::Duration,
    /// Bytes one client address may keep in unfiled drafts, and stored in all.
    pub client_quota_bytes: u64,
    pub total_quota_bytes: u64,
}

/// An upload slot taken in the database: given back by `release`, or, when the upload is
/// dropped half-way, by a task its drop starts. A crashed instance's slots expire by
/// themselves (`expires_at`: the upload's time limit and a minute).
pub struct UploadSlot {
    db: sea_orm::DatabaseConnection,
    id: Option<String>,
}

/// Why no slot was given: every slot of the service, or this client's, is in use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoSlot {
    Busy,
    BusyHere,
}

/// Serialises the slot counts on PostgreSQL (SQLite's write transaction already does).
const UPLOAD_SLOTS_LOCK: i64 = 0x5749_4601;

impl Services {
    /// A slot for one upload from this client address (IPv6 per /64), if one is left for it
    /// and for the service: counted and taken in one write transaction.
    pub async fn upload_slot(
        &self,
        client: &str,
    ) -> std::result::Result<std::result::Result<UploadSlot, NoSlot>, sea_orm::DbErr> {
        use crate::infra::db::entities::upload_slot;
        use sea_orm::{
            ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait,
            QueryFilter, Set,
        };
        let now = self.now();
        let key = crate::infra::limiter::client_key(client);
        let txn = crate::infra::db::write_txn(&self.db).await?;
        if txn.get_database_backend() == sea_orm::DbBackend::Postgres {
            txn.execute_unprepared(&format!(
                "SELECT pg_advisory_xact_lock({UPLOAD_SLOTS_LOCK})"
            ))
            .await?;
        }
        upload_slot::Entity::delete_many()
            .filter(upload_slot::Column::ExpiresAt.lt(now))
            .exec(&txn)
            .await?;
        let mine = upload_slot::Entity::find()
            .filter(upload_slot::Column::Client.eq(key.clone()))
            .count(&txn)
            .await?;
        if mine >= self.uploads.per_client as u64 {
            return Ok(Err(NoSlot::BusyHere));
        }
        if upload_slot::Entity::find().count(&txn).await? >= self.uploads.total as u64 {
            return Ok(Err(NoSlot::Busy));
        }
        let id = uuid::Uuid::new_v4().to_string();
        let lasts = Duration::from_std(self.uploads.timeout).unwrap_or(Duration::hours(1))
            + Duration::minutes(1);
        upload_slot::ActiveModel {
            id: Set(id.clone()),
            client: Set(key),
            expires_at: Set(now + lasts),
        }
        .insert(&txn)
        .await?;
        txn.commit().await?;
        Ok(Ok(UploadSlot {
            db: self.db.clone(),
            id: Some(id),
        }))
    }
}

impl UploadSlot {
    async fn give_back(db: &sea_orm::DatabaseConnection, id: String) {
        use crate::infra::db::entities::upload_slot;
        use sea_orm::EntityTrait;
        if let Err(e) = upload_slot::Entity::delete_by_id(id).exec(db).await {
            tracing::warn!("upload slot not given back (it expires by itself): {e}");
        }
    }

    pub async fn release(mut self) {
        if let Some(id) = self.id.take() {
            Self::give_back(&self.db, id).await;
        }
    }
}

impl Drop for UploadSlot {
    fn drop(&mut self) {
        if let Some(id) = self.id.take() {
            let db = self.db.clone();
            if let Ok(runtime) = tokio::runtime::Handle::try_current() {
                runtime.spawn(async move { Self::give_back(&db, id).await });
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
