//! How long personal data is kept (GDPR art. 5(1)(e)), and the hourly job that removes it.
//!
//! | what | kept | then |
//! |---|---|---|
//! | a draft | 14 days after its last save | deleted, with its documents |
//! | a decided or closed file | `RETENTION_DAYS` (default 730) after the decision, and until its authorisation has expired | documents deleted; names, addresses, forms and messages emptied; the number, state, dates, département and service stay (statistics) |
//! | an access code, a session | until it expires | deleted |
//! | an address's guess counter | a day after its last use, unless locked | deleted |
//! | the security log | `SECURITY_LOG_DAYS` (default 365) | deleted |
//! | an unfinished upload | an hour (a dropped request removes its own at once) | deleted |

use app::rules::dossier::{Actor, DossierState};
use chrono::Duration;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter};

use crate::dossier::DRAFT_LIFETIME_DAYS;
use crate::error::Result;
use crate::infra::db::entities::{
    access_grant, access_guard, agent_session, authorisation, dossier, dossier_event,
    security_event, session, stored_file,
};
use crate::services::Services;
use sea_orm::ConnectionTrait;

/// The periods of the schedule above.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Retention {
    pub decided_days: i64,
    pub security_log_days: i64,
}

impl Default for Retention {
    fn default() -> Self {
        Self {
            decided_days: 730,
            security_log_days: 365,
        }
    }
}

/// What one pass removed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Removed {
    pub drafts: usize,
    pub anonymised: usize,
    pub documents: usize,
    pub rows: u64,
}

/// The mark of an anonymised file (its creator's address is gone).
const GONE: &str = "";

/// The lease of the hourly pass, and how long one instance keeps it: less than the hour, so
/// that the next period's pass is free to whichever instance ticks first.
pub const HOURLY_JOB: &str = "hourly";
pub const HOURLY_LEASE_MINUTES: i64 = 50;

impl Services {
    /// What `spawn_purge` runs every hour on every instance: the retention pass and the
    /// planner's statistics, by the one instance that takes the period's lease (`None` on the
    /// others).
    pub async fn hourly_pass(&self) -> Result<Option<Removed>> {
        let leased = crate::infra::lease::take(
            &self.db,
            HOURLY_JOB,
            &self.instance,
            Duration::minutes(HOURLY_LEASE_MINUTES),
            self.now(),
        )
        .await?;
        if !leased {
            return Ok(None);
        }
        let removed = self.apply_retention().await?;
        if let Err(e) = crate::infra::db::analyze(&self.db).await {
            tracing::warn!("planner statistics not refreshed: {e}");
        }
        Ok(Some(removed))
    }

    /// One pass of the schedule (see `hourly_pass`).
    pub async fn apply_retention(&self) -> Result<Removed> {
        let now = self.now();
        let mut removed = Removed {
            drafts: self.purge_expired_drafts().await?,
            ..Default::default()
        };
        let cutoff = now - Duration::days(self.retention.decided_days);
        let finals = [
            DossierState::Accepted,
            DossierState::Refused,
            DossierState::Closed,
        ];
        let old = dossier::Entity::find()
            .filter(dossier::Column::State.is_in(finals))
            .filter(dossier::Column::CreatorEmail.ne(GONE))
            .filter(
                Condition::any()
                    .add(dossier::Column::DecidedAt.lt(cutoff))
                    .add(
                        Condition::all()
                            .add(dossier::Column::DecidedAt.is_null())
                            .add(dossier::Column::UpdatedAt.lt(cutoff)),
                    ),
            )
            .all(&self.db)
            .await?;
        for d in old {
            let issued = authorisation::Entity::find_by_id(d.id.clone())
                .one(&self.db)
                .await?;
            // An authorisation still in force is still checked by employers: kept until it ends.
            if issued
                .as_ref()
                .is_some_and(|a| a.revoked_at.is_none() && a.valid_until >= self.today())
            {
                continue;
            }
            removed.documents += self.anonymise(&d).await?;
            removed.anonymised += 1;
        }
        let mut expired = |n: u64| removed.rows += n;
        expired(
            access_grant::Entity::delete_many()
                .filter(access_grant::Column::ExpiresAt.lt(now))
                .exec(&self.db)
                .await?
                .rows_affected,
        );
        expired(
            session::Entity::delete_many()
                .filter(session::Column::ExpiresAt.lt(now))
                .exec(&self.db)
                .await?
                .rows_affected,
        );
        expired(
            agent_session::Entity::delete_many()
                .filter(agent_session::Column::ExpiresAt.lt(now))
                .exec(&self.db)
                .await?
                .rows_affected,
        );
        expired(
            access_guard::Entity::delete_many()
                .filter(access_guard::Column::UpdatedAt.lt(now - Duration::days(1)))
                .filter(
                    Condition::any()
                        .add(access_guard::Column::LockedUntil.is_null())
                        .add(access_guard::Column::LockedUntil.lt(now)),
                )
                .exec(&self.db)
                .await?
                .rows_affected,
        );
        for (scope, days) in crate::infra::throttle::KEPT_DAYS {
            expired(
                crate::infra::throttle::sweep(&self.db, scope, now - Duration::days(*days)).await?,
            );
        }
        expired(
            security_event::Entity::delete_many()
                .filter(
                    security_event::Column::At
                        .lt(now - Duration::days(self.retention.security_log_days)),
                )
                .exec(&self.db)
                .await?
                .rows_affected,
        );
        // Uploads a crash left half-written (a dropped request removes its own at once).
        match self
            .storage
            .sweep(std::time::Duration::from_secs(3600))
            .await
        {
            Ok(n) => removed.documents += n,
            Err(e) => tracing::warn!("unfinished uploads not swept: {e}"),
        }
        Ok(removed)
    }

    /// Empties a decided file of everything personal; returns how many documents went.
    async fn anonymise(&self, dossier: &dossier::Model) -> Result<usize> {
        let txn = crate::infra::db::write_txn(&self.db).await?;
        let files = stored_file::Entity::find()
            .filter(stored_file::Column::DossierId.eq(dossier.id.clone()))
            .all(&txn)
            .await?;
        stored_file::Entity::delete_many()
            .filter(stored_file::Column::DossierId.eq(dossier.id.clone()))
            .exec(&txn)
            .await?;
        for table_rows in [
            access_grant::Entity::delete_many()
                .filter(access_grant::Column::DossierId.eq(dossier.id.clone()))
                .exec(&txn)
                .await,
            session::Entity::delete_many()
                .filter(session::Column::DossierId.eq(dossier.id.clone()))
                .exec(&txn)
                .await,
            authorisation::Entity::delete_many()
                .filter(authorisation::Column::DossierId.eq(dossier.id.clone()))
                .exec(&txn)
                .await,
        ] {
            table_rows?;
        }
        dossier_event::Entity::update_many()
            .col_expr(
                dossier_event::Column::Message,
                Expr::value(Option::<String>::None),
            )
            .filter(dossier_event::Column::DossierId.eq(dossier.id.clone()))
            .exec(&txn)
            .await?;
        dossier_event::Entity::update_many()
            .col_expr(dossier_event::Column::Actor, Expr::value(GONE))
            .filter(dossier_event::Column::DossierId.eq(dossier.id.clone()))
            .filter(dossier_event::Column::ActorKind.eq(Actor::Applicant))
            .exec(&txn)
            .await?;
        let none = || Expr::value(Option::<String>::None);
        dossier::Entity::update_many()
            .col_expr(dossier::Column::CreatorEmail, Expr::value(GONE))
            .col_expr(dossier::Column::StudentEmail, none())
            .col_expr(dossier::Column::EmployerEmail, none())
            .col_expr(dossier::Column::StudentForm, none())
            .col_expr(dossier::Column::EmployerForm, none())
            .col_expr(dossier::Column::JobForm, none())
            .col_expr(dossier::Column::StudentName, none())
            .col_expr(dossier::Column::SearchName, none())
            .col_expr(dossier::Column::Siret, none())
            .col_expr(dossier::Column::RequestedDocuments, none())
            .col_expr(
                dossier::Column::PermitExpires,
                Expr::value(Option::<chrono::NaiveDate>::None),
            )
            .col_expr(dossier::Column::Version, Expr::value(dossier.version + 1))
            .filter(dossier::Column::Id.eq(dossier.id.clone()))
            .exec(&txn)
            .await?;
        txn.commit().await?;
        for f in &files {
            if let Err(e) = self.storage.delete(&f.storage_key).await {
                tracing::warn!(
                    "document {} of an anonymised file not deleted: {e}",
                    f.storage_key
                );
            }
        }
        Ok(files.len())
    }
}

/// Deletes the rows of one table that belong to a request.
async fn delete_of_dossier<E: EntityTrait>(
    db: &impl ConnectionTrait,
    column: E::Column,
    dossier_id: &str,
) -> Result<()> {
    E::delete_many()
        .filter(column.eq(dossier_id))
        .exec(db)
        .await?;
    Ok(())
}

impl Services {
    /// Deletes drafts not saved for 14 days, with their files. Returns how many.
    pub async fn purge_expired_drafts(&self) -> Result<usize> {
        let cutoff = self.now() - Duration::days(DRAFT_LIFETIME_DAYS);
        let expired = dossier::Entity::find()
            .filter(dossier::Column::State.eq(DossierState::Draft))
            .filter(dossier::Column::UpdatedAt.lt(cutoff))
            .all(&self.db)
            .await?;
        for d in &expired {
            // The files are read in the transaction that deletes their rows: an upload recorded
            // a moment before is deleted with the others, one recorded after finds no draft and
            // removes its own file. None is left in storage without a row, or lost with one.
            let txn = crate::infra::db::write_txn(&self.db).await?;
            let files = stored_file::Entity::find()
                .filter(stored_file::Column::DossierId.eq(d.id.clone()))
                .all(&txn)
                .await?;
            delete_of_dossier::<stored_file::Entity>(&txn, stored_file::Column::DossierId, &d.id)
                .await?;
            delete_of_dossier::<access_grant::Entity>(&txn, access_grant::Column::DossierId, &d.id)
                .await?;
            delete_of_dossier::<session::Entity>(&txn, session::Column::DossierId, &d.id).await?;
            delete_of_dossier::<dossier_event::Entity>(
                &txn,
                dossier_event::Column::DossierId,
                &d.id,
            )
            .await?;
            // Only if still an untouched draft: a save or an upload during the purge wins.
            let gone = dossier::Entity::delete_many()
                .filter(dossier::Column::Id.eq(d.id.clone()))
                .filter(dossier::Column::Version.eq(d.version))
                .filter(dossier::Column::UpdatedAt.lt(cutoff))
                .exec(&txn)
                .await?;
            if gone.rows_affected == 1 {
                txn.commit().await?;
                for f in files {
                    if let Err(e) = self.storage.delete(&f.storage_key).await {
                        tracing::warn!("expired file {} not deleted: {e}", f.storage_key);
                    }
                }
            } else {
                txn.rollback().await?;
            }
        }
        Ok(expired.len())
    }
}
