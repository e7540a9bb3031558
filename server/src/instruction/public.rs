//! The public side of instruction: the check of an authorisation by its code and the holder's
//! birth date (guesses counted per code and per client), and the statistics.

use app::instruction::{Stats, StatsRow, VerifyAnswer};
use app::model::AppError;
use app::rules::decision::{self};
use chrono::{Duration, NaiveDate};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

use super::{CHECK_CEILING, CHECK_GUESSES, LOGIN_LOCK_MINUTES, MAX_CHECK_ATTEMPTS};
use crate::error::Result;
use crate::infra::db::entities::{authorisation, stats_cell, stats_delay};
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

    /// The statistics from the counts the database keeps (`stats_cell`, `stats_delay`: a few
    /// thousand rows whatever the number of files), never from the files themselves.
    pub async fn stats_rows(&self) -> Result<Stats> {
        let cells = stats_cell::Entity::find().all(&self.db).await?;
        let delays = stats_delay::Entity::find()
            .order_by_asc(stats_delay::Column::Days)
            .all(&self.db)
            .await?;
        // Each bucket's histogram, in days' order, gathered once (not searched for each bucket).
        let mut histograms: std::collections::HashMap<(&str, &str), Vec<(i32, u64)>> =
            Default::default();
        for d in delays.iter().filter(|d| d.n > 0) {
            histograms
                .entry((d.scope.as_str(), d.bucket.as_str()))
                .or_default()
                .push((d.days, d.n as u64));
        }
        let row = |cell: &stats_cell::Model| {
            let histogram = histograms
                .get(&(cell.scope.as_str(), cell.bucket.as_str()))
                .map_or(&[][..], Vec::as_slice);
            let (month, departement) = match cell.scope.as_str() {
                "m" => (cell.bucket.clone(), String::new()),
                "d" => (String::new(), cell.bucket.clone()),
                _ => (String::new(), String::new()),
            };
            StatsRow {
                month,
                departement,
                submitted: cell.submitted.max(0) as u64,
                accepted: cell.accepted.max(0) as u64,
                refused: cell.refused.max(0) as u64,
                median_days: app::instruction::median_of_histogram(histogram),
            }
        };
        // A bucket whose files are all gone (retention) is not shown.
        let shown = |scope: &'static str| {
            let mut rows: Vec<StatsRow> = cells
                .iter()
                .filter(|c| c.scope == scope && c.submitted > 0)
                .map(row)
                .collect();
            rows.sort_by(|a, b| (&a.month, &a.departement).cmp(&(&b.month, &b.departement)));
            rows
        };
        let mut by_month = shown("m");
        // The chart and table show the last twelve months with files.
        by_month.drain(..by_month.len().saturating_sub(12));
        Ok(Stats {
            by_month,
            by_departement: shown("d"),
            total: shown("t").pop().unwrap_or_default(),
        })
    }
}
