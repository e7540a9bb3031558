//! E-mail that is never lost. A message is written to `mail_queue` in the transaction of the
//! change that causes it (`Services::queue_mail`), so it exists exactly when the change does;
//! the worker (`spawn_mail_worker`) sends it afterwards, again and again with a growing delay
//! while the SMTP server refuses or is away, and blanks its body once it is sent.
//!
//! One sender per message across instances: a message is claimed before it is sent, with a
//! lease (`lease_until`, `lease_owner`) that another instance waits out. On PostgreSQL the
//! candidates are read `FOR UPDATE SKIP LOCKED`, so two instances never wait on each other's
//! rows; on SQLite (one instance) the claim is a conditional `UPDATE`. A sender that dies while
//! holding a message leaves it to be taken again once the lease ends: a message can go twice
//! in that case, never zero times. The lease is renewed just before each message of a batch is
//! sent, so a slow batch never outlives it.
//!
//! A long outage puts messages far apart (the delay doubles up to an hour); when the server
//! comes back they do not wait out their delays: while the last try failed, the worker asks the
//! server every `probe` whether it answers, and when it does, every failing message is due at
//! once. A refusal the server calls permanent (5xx: an address that does not exist) is not
//! retried: the message is given up at once, with the server's answer for administrators.

use std::sync::Arc;
use std::time::Duration as StdDuration;

use app::instruction::{MailRow, MailState};
use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::{Expr, LockBehavior, LockType};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DbBackend, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set, TransactionTrait,
};

use crate::error::Result;
use crate::infra::db::entities::{authorisation, mail_queue};
use crate::infra::mail::{Attachment, Mail, MailAttachment};
use crate::services::Services;

use mail_queue::Column as Q;

/// How the worker retries: the first retry after `base`, then twice as long each time up to
/// `max`, and the message given up (`failed`) after `attempts` tries (`MAIL_RETRY_SECONDS`,
/// default 30; `MAIL_RETRY_MAX_SECONDS`, default 3600; `MAIL_ATTEMPTS`, default 60: about two
/// days and a half of trying). `poll` is how often an idle worker looks for due messages;
/// `probe`, how often it asks a server that failed its last try whether it is back
/// (`MAIL_PROBE_SECONDS`, default 30).
#[derive(Clone, Copy, Debug)]
pub struct MailRetry {
    pub base: StdDuration,
    pub max: StdDuration,
    pub attempts: i32,
    pub poll: StdDuration,
    pub probe: StdDuration,
}

impl Default for MailRetry {
    fn default() -> Self {
        Self {
            base: StdDuration::from_secs(30),
            max: StdDuration::from_secs(3600),
            attempts: 60,
            poll: StdDuration::from_secs(2),
            probe: StdDuration::from_secs(30),
        }
    }
}

/// What this instance's worker knows of the mail server: whether its last try failed (true at
/// start: messages left failing by a previous run are probed for at once), and when it last
/// asked whether the server is back.
pub struct MailHealth {
    down: std::sync::atomic::AtomicBool,
    last_probe: std::sync::Mutex<Option<std::time::Instant>>,
}

impl Default for MailHealth {
    fn default() -> Self {
        Self {
            down: std::sync::atomic::AtomicBool::new(true),
            last_probe: Default::default(),
        }
    }
}

impl MailRetry {
    /// The wait before the try after `failures` failed ones.
    pub fn delay(&self, failures: i32) -> StdDuration {
        let doublings = failures.saturating_sub(1).clamp(0, 30) as u32;
        self.base
            .saturating_mul(2u32.saturating_pow(doublings))
            .min(self.max)
    }
}

/// How long a claimed message is held by its sender from its claim, then again from just before
/// it is sent: longer than an SMTP try may take (20 s) with its documents rendered.
const LEASE_SECONDS: i64 = 120;
/// Messages one pass of the worker claims at once.
const BATCH: u64 = 8;

/// What a failed try leaves in `last_error`: enough to diagnose, never a whole server dialogue.
fn short(error: &str) -> String {
    error.chars().take(500).collect()
}

impl Services {
    /// Writes a message to the queue, in the caller's transaction. Call `wake_mailer` after
    /// the commit so it goes at once.
    pub async fn queue_mail(&self, db: &impl ConnectionTrait, mail: &Mail) -> Result<()> {
        if mail.to.is_empty() {
            return Ok(());
        }
        let now = self.now();
        mail_queue::Entity::insert(mail_queue::ActiveModel {
            created_at: Set(now),
            kind: Set(mail.kind.to_owned()),
            recipients: Set(serde_json::to_string(&mail.to)?),
            subject: Set(mail.subject.clone()),
            body: Set(mail.body.clone()),
            attachments: Set(serde_json::to_string(&mail.attachments)?),
            state: Set(MailState::Queued),
            attempts: Set(0),
            next_attempt_at: Set(now),
            lease_until: Set(None),
            lease_owner: Set(None),
            last_error: Set(None),
            sent_at: Set(None),
            ..Default::default()
        })
        .exec_without_returning(db)
        .await?;
        Ok(())
    }

    /// Tells this instance's worker that a message was committed.
    pub fn wake_mailer(&self) {
        self.mail_wake.notify_one();
    }

    /// Sends every message due now, batch after batch, until none is left; returns how many
    /// were tried. What the worker runs on each wake, and what tests call to wait for the
    /// queue to drain.
    pub async fn deliver_due_mail(&self) -> Result<usize> {
        self.probe_if_down().await?;
        let mut tried = 0;
        loop {
            let claimed = self.claim_due_mail().await?;
            if claimed.is_empty() {
                return Ok(tried);
            }
            // One after the other, in the order they were queued: a person gets a request's
            // messages in the order they happened.
            for m in claimed {
                if self.renew_lease(&m).await? {
                    tried += 1;
                    self.deliver(m).await;
                }
            }
        }
    }

    /// While the last try failed, at most once a `probe`: if the server answers now, every
    /// failing message is due at once instead of at the end of its delay.
    async fn probe_if_down(&self) -> Result<()> {
        use std::sync::atomic::Ordering;
        let health = &self.mail_health;
        if !health.down.load(Ordering::SeqCst) {
            return Ok(());
        }
        {
            let mut last = health.last_probe.lock().unwrap_or_else(|e| e.into_inner());
            if last.is_some_and(|at| at.elapsed() < self.mail_retry.probe) {
                return Ok(());
            }
            *last = Some(std::time::Instant::now());
        }
        if let Err(e) = self.mailer.reachable().await {
            tracing::debug!("mail server still away: {e:#}");
            return Ok(());
        }
        health.down.store(false, Ordering::SeqCst);
        let now = self.now();
        let due = mail_queue::Entity::update_many()
            .col_expr(Q::NextAttemptAt, Expr::value(now))
            .filter(Q::State.eq(MailState::Failing))
            .filter(Q::NextAttemptAt.gt(now))
            .exec(&self.db)
            .await?;
        if due.rows_affected > 0 {
            tracing::info!(
                "mail server back: {} waiting messages due now",
                due.rows_affected
            );
        }
        Ok(())
    }

    /// Extends the lease of a claimed message just before it is sent; false if the message is
    /// no longer this sender's (its lease ran out and another took it).
    async fn renew_lease(&self, row: &mail_queue::Model) -> Result<bool> {
        let renewed = mail_queue::Entity::update_many()
            .col_expr(
                Q::LeaseUntil,
                Expr::value(Some(self.now() + Duration::seconds(LEASE_SECONDS))),
            )
            .filter(Q::Id.eq(row.id))
            .filter(Q::LeaseOwner.eq(row.lease_owner.clone()))
            .exec(&self.db)
            .await?;
        Ok(renewed.rows_affected == 1)
    }

    /// Claims up to `BATCH` due messages for this instance.
    async fn claim_due_mail(&self) -> Result<Vec<mail_queue::Model>> {
        let now = self.now();
        let due = Condition::all()
            .add(Q::State.is_in([MailState::Queued, MailState::Failing]))
            .add(Q::NextAttemptAt.lte(now))
            .add(
                Condition::any()
                    .add(Q::LeaseUntil.is_null())
                    .add(Q::LeaseUntil.lte(now)),
            );
        let owner = uuid::Uuid::new_v4().to_string();
        let lease = now + Duration::seconds(LEASE_SECONDS);
        let claim = |ids: Vec<i64>| {
            mail_queue::Entity::update_many()
                .col_expr(Q::LeaseUntil, Expr::value(Some(lease)))
                .col_expr(Q::LeaseOwner, Expr::value(Some(owner.clone())))
                .filter(Q::Id.is_in(ids))
                .filter(due.clone())
        };
        let due_ids = mail_queue::Entity::find()
            .select_only()
            .column(Q::Id)
            .filter(due.clone())
            .order_by_asc(Q::Id)
            .limit(BATCH);
        if self.db.get_database_backend() == DbBackend::Postgres {
            let txn = self.db.begin().await?;
            let ids: Vec<i64> = due_ids
                .lock_with_behavior(LockType::Update, LockBehavior::SkipLocked)
                .into_tuple()
                .all(&txn)
                .await?;
            if ids.is_empty() {
                return Ok(Vec::new());
            }
            claim(ids).exec(&txn).await?;
            txn.commit().await?;
        } else {
            let ids: Vec<i64> = due_ids.into_tuple().all(&self.db).await?;
            if ids.is_empty() {
                return Ok(Vec::new());
            }
            // The same condition again in the UPDATE: a row another sender took in between
            // is left out.
            claim(ids).exec(&self.db).await?;
        }
        Ok(mail_queue::Entity::find()
            .filter(Q::LeaseOwner.eq(owner))
            .order_by_asc(Q::Id)
            .all(&self.db)
            .await?)
    }

    /// One try of one claimed message, and its outcome written back under the lease.
    async fn deliver(&self, row: mail_queue::Model) {
        let outcome = self.try_send(&row).await;
        let now = self.now();
        let owner = row.lease_owner.clone();
        let update = mail_queue::Entity::update_many()
            .col_expr(Q::LeaseUntil, Expr::value(Option::<DateTime<Utc>>::None))
            .col_expr(Q::LeaseOwner, Expr::value(Option::<String>::None))
            .filter(Q::Id.eq(row.id))
            .filter(Q::LeaseOwner.eq(owner));
        let update = match &outcome {
            Ok(()) => {
                self.mail_health
                    .down
                    .store(false, std::sync::atomic::Ordering::SeqCst);
                self.metrics.mails_sent.inc();
                update
                    .col_expr(Q::State, Expr::value(MailState::Sent))
                    .col_expr(Q::SentAt, Expr::value(Some(now)))
                    .col_expr(Q::Attempts, Expr::value(row.attempts + 1))
                    // Codes and links do not stay readable in the database once delivered.
                    .col_expr(Q::Body, Expr::value(""))
                    .col_expr(Q::Attachments, Expr::value("[]"))
                    .col_expr(Q::LastError, Expr::value(Option::<String>::None))
            }
            Err(e) => {
                self.metrics.mail_failures.inc();
                let attempts = row.attempts + 1;
                let permanent = e
                    .downcast_ref::<lettre::transport::smtp::Error>()
                    .is_some_and(|e| e.is_permanent());
                if !permanent {
                    self.mail_health
                        .down
                        .store(true, std::sync::atomic::Ordering::SeqCst);
                }
                let state = if permanent || attempts >= self.mail_retry.attempts {
                    MailState::Failed
                } else {
                    MailState::Failing
                };
                let wait = Duration::from_std(self.mail_retry.delay(attempts))
                    .unwrap_or(Duration::hours(1));
                tracing::warn!(
                    "mail {} ({}) not sent, try {attempts}: {e}",
                    row.id,
                    row.kind
                );
                let update = if state == MailState::Failed {
                    // Given up: its code or link is not kept readable either.
                    update.col_expr(Q::Body, Expr::value(""))
                } else {
                    update
                };
                update
                    .col_expr(Q::State, Expr::value(state))
                    .col_expr(Q::Attempts, Expr::value(attempts))
                    .col_expr(Q::NextAttemptAt, Expr::value(now + wait))
                    .col_expr(Q::LastError, Expr::value(Some(short(&format!("{e:#}")))))
            }
        };
        if let Err(e) = update.exec(&self.db).await {
            // The lease runs out and the message is tried again: sent twice at worst.
            tracing::error!("mail {}: outcome not recorded: {e}", row.id);
        }
    }

    async fn try_send(&self, row: &mail_queue::Model) -> anyhow::Result<()> {
        let attachments: Vec<Attachment> = serde_json::from_str(&row.attachments)?;
        let mail = Mail {
            kind: "queued",
            to: serde_json::from_str(&row.recipients)?,
            subject: row.subject.clone(),
            body: row.body.clone(),
            attachments: attachments.clone(),
        };
        let mut files = Vec::new();
        for a in &attachments {
            // The message goes whatever happens to a document: the applicant can download it.
            match self.render(a).await {
                Ok(file) => files.push(file),
                Err(e) => tracing::error!("mail {}: {a:?} not attached: {e}", row.id),
            }
        }
        self.mailer.send(&mail, &files).await
    }

    /// A referenced document, as it is now.
    async fn render(&self, attachment: &Attachment) -> Result<MailAttachment> {
        match attachment {
            Attachment::Receipt { dossier_id } => {
                let d = self.dossier(dossier_id).await?;
                let number = d.number.clone().unwrap_or_default();
                Ok(MailAttachment {
                    file_name: format!("recepisse-{number}.pdf"),
                    content_type: "application/pdf".into(),
                    bytes: self.receipt(&d).await?,
                })
            }
            Attachment::Authorisation { dossier_id } => {
                let d = self.dossier(dossier_id).await?;
                let issued = authorisation::Entity::find_by_id(dossier_id.clone())
                    .one(&self.db)
                    .await?
                    .ok_or(app::model::AppError::NotFound)?;
                let number = d.number.clone().unwrap_or_default();
                Ok(MailAttachment {
                    file_name: format!("autorisation-{number}.pdf"),
                    content_type: "application/pdf".into(),
                    bytes: self.authorisation_pdf(&d, &issued).await?,
                })
            }
        }
    }

    /// How many messages are in each of `states`.
    async fn mail_counts(&self, states: &[MailState]) -> Result<Vec<(MailState, u64)>> {
        let mut counts = Vec::new();
        for &state in states {
            let n = mail_queue::Entity::find()
                .filter(Q::State.eq(state))
                .count(&self.db)
                .await?;
            counts.push((state, n));
        }
        Ok(counts)
    }

    /// The messages not sent: waiting, being retried, given up (`/metrics`).
    pub(crate) async fn mail_waiting(&self) -> Result<Vec<(MailState, u64)>> {
        self.mail_counts(&[MailState::Queued, MailState::Failing, MailState::Failed])
            .await
    }

    /// The queue as administrators see it: counts per state and the latest messages.
    pub(crate) async fn mail_overview(&self) -> Result<(Vec<(MailState, u64)>, Vec<MailRow>)> {
        let counts = self.mail_counts(&MailState::ALL).await?;
        let rows = mail_queue::Entity::find()
            .order_by_desc(Q::Id)
            .limit(50)
            .all(&self.db)
            .await?;
        let rows = rows
            .into_iter()
            .map(|m| {
                Ok(MailRow {
                    id: m.id,
                    created_at: m.created_at,
                    kind: m.kind,
                    recipients: serde_json::from_str(&m.recipients)?,
                    subject: m.subject,
                    state: m.state,
                    attempts: m.attempts,
                    last_error: m.last_error,
                    sent_at: m.sent_at,
                    next_attempt_at: m.next_attempt_at,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        Ok((counts, rows))
    }
}

/// The worker: a pass at once, then one whenever a message is committed here or `poll` has
/// passed (a message another instance queued, or a retry that fell due). Stops when `stop`
/// is notified, after the pass under way.
pub fn spawn_mail_worker(
    services: Services,
    stop: Arc<tokio::sync::Notify>,
) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        loop {
            if let Err(e) = services.deliver_due_mail().await {
                tracing::error!("mail queue pass failed: {e}");
            }
            tokio::select! {
                _ = services.mail_wake.notified() => {}
                _ = tokio::time::sleep(services.mail_retry.poll) => {}
                _ = stop.notified() => return,
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_delay_doubles_up_to_the_ceiling() {
        let retry = MailRetry {
            base: StdDuration::from_secs(30),
            max: StdDuration::from_secs(3600),
            attempts: 60,
            poll: StdDuration::from_secs(2),
            probe: StdDuration::from_secs(30),
        };
        let seconds: Vec<u64> = (1..=9).map(|n| retry.delay(n).as_secs()).collect();
        assert_eq!(seconds, [30, 60, 120, 240, 480, 960, 1920, 3600, 3600]);
        assert_eq!(retry.delay(1000).as_secs(), 3600);
        assert_eq!(retry.delay(0).as_secs(), 30);
    }
}
