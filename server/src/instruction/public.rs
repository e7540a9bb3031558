//! The public side of instruction: the check of an authorisation by its code and the holder's
//! birth date (guesses counted per code and per client), and the statistics.

use std::collections::BTreeMap;

use app::instruction::{Stats, StatsRow, VerifyAnswer};
use app::model::AppError;
use app::rules::decision::{self};
use app::rules::dossier::DossierState;
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QuerySelect};

use super::{CHECK_CEILING, CHECK_GUESSES, LOGIN_LOCK_MINUTES, MAX_CHECK_ATTEMPTS};
use crate::error::Result;
use crate::infra::db::entities::{authorisation, dossier};
use crate::infra::limiter::minutes_until;
use crate::infra::security::SecurityEvent;
use crate::infra::throttle::{self, Key};
use crate::services::Services;

impl Services {
    pub(crate) async fn check_authorisation(
        &self,
        code: &str,
        birth: NaiveDate,
        client: &str,
    ) -> Result<VerifyAnswer> {
        let now = self.now();
        self.verify_limiter
            .attempt(&self.db, client, now)
            .await?
            .map_err(|r| AppError::RateLimited { minutes: r.minutes })?;
        let found = authorisation::Entity::find()
            .filter(authorisation::Column::Code.eq(code))
            .one(&self.db)
            .await?;
        let Some(issued) = found else {
            return Err(AppError::NoMatch.into());
        };
        // Reserved before the birth date is compared, in one statement (see `sign_in_agent`),
        // for this code *from this client*: someone guessing wrong on purpose locks themselves
        // out of the code, not the employer checking it. Past the code's ceiling (every
        // client's guesses), the checks wait their turn.
        let guesses = Key::new(CHECK_GUESSES, issued.dossier_id.clone(), client);
        let lock_for = Duration::minutes(LOGIN_LOCK_MINUTES);
        if !throttle::reserve_guess(&self.db, &guesses, MAX_CHECK_ATTEMPTS, lock_for, now).await? {
            let until = throttle::read(&self.db, &guesses)
                .await?
                .and_then(|t| t.locked_until)
                .unwrap_or(now);
            return Err(AppError::RateLimited {
                minutes: minutes_until(until, now),
            }
            .into());
        }
        if CHECK_CEILING
            .count(&self.db, &issued.dossier_id, now)
            .await?
            && !CHECK_CEILING
                .wait_turn(&self.db, &issued.dossier_id, now)
                .await?
        {
            return Err(AppError::RateLimited { minutes: 1 }.into());
        }
        if issued.birth_date != birth {
            self.security(SecurityEvent::CheckFailed, &issued.dossier_id, client, None)
                .await;
            return Err(AppError::NoMatch.into());
        }
        throttle::clear(&self.db, &guesses).await?;
        // A right answer is not a guess: the address gets its attempt back.
        self.verify_limiter.forgive(&self.db, client).await?;
        let d = self.dossier(&issued.dossier_id).await?;
        Ok(VerifyAnswer {
            status: decision::verify_status(
                issued.valid_from,
                issued.valid_until,
                issued.revoked_at.is_some(),
                self.today(),
            ),
            initials: issued.initials,
            employer_name: issued.employer_name,
            valid_from: issued.valid_from,
            valid_until: issued.valid_until,
            number: d.number.unwrap_or_default(),
        })
    }

    pub(crate) async fn public_stats(&self) -> Result<Stats> {
        // Public and read often: computed at most once a minute.
        let cached = self
            .stats_cache
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone();
        if let Some((at, stats)) = cached {
            if at.elapsed() < std::time::Duration::from_secs(60) {
                return Ok(stats);
            }
        }
        let stats = self.stats_rows().await?;
        *self.stats_cache.lock().unwrap_or_else(|e| e.into_inner()) =
            Some((std::time::Instant::now(), stats.clone()));
        Ok(stats)
    }

    async fn stats_rows(&self) -> Result<Stats> {
        /// Département, filed, decided, state.
        type Row = (
            Option<String>,
            Option<DateTime<Utc>>,
            Option<DateTime<Utc>>,
            DossierState,
        );
        let rows: Vec<Row> = dossier::Entity::find()
            .select_only()
            .column(dossier::Column::Departement)
            .column(dossier::Column::SubmittedAt)
            .column(dossier::Column::DecidedAt)
            .column(dossier::Column::State)
            .filter(dossier::Column::SubmittedAt.is_not_null())
            .into_tuple()
            .all(&self.db)
            .await?;
        #[derive(Default)]
        struct Acc {
            submitted: u64,
            accepted: u64,
            refused: u64,
            days: Vec<f64>,
        }
        let mut months: BTreeMap<String, Acc> = BTreeMap::new();
        let mut deps: BTreeMap<String, Acc> = BTreeMap::new();
        let mut total = Acc::default();
        for (dep, submitted, decided, state) in rows {
            let Some(submitted) = submitted else { continue };
            let month = format!("{:04}-{:02}", submitted.year(), submitted.month());
            let days = match (state, decided) {
                (DossierState::Accepted | DossierState::Refused, Some(d)) => {
                    Some((d - submitted).num_seconds() as f64 / 86_400.0)
                }
                _ => None,
            };
            for acc in [
                months.entry(month).or_default(),
                deps.entry(dep.unwrap_or_default()).or_default(),
                &mut total,
            ] {
                acc.submitted += 1;
                acc.accepted += u64::from(state == DossierState::Accepted);
                acc.refused += u64::from(state == DossierState::Refused);
                acc.days.extend(days);
            }
        }
        let row = |month: String, departement: String, mut acc: Acc| StatsRow {
            month,
            departement,
            submitted: acc.submitted,
            accepted: acc.accepted,
            refused: acc.refused,
            median_days: app::instruction::median(&mut acc.days),
        };
        // The chart and table show the last twelve months with files.
        let skip = months.len().saturating_sub(12);
        Ok(Stats {
            by_month: months
                .into_iter()
                .skip(skip)
                .map(|(m, a)| row(m, String::new(), a))
                .collect(),
            by_departement: deps
                .into_iter()
                .map(|(d, a)| row(String::new(), d, a))
                .collect(),
            total: row(String::new(), String::new(), total),
        })
    }
}
