//! Guesses per client address (sign-in, public check) and per account or code: past a number of
//! failures, the guesser waits. The address count is in memory (a restart forgets, which a window
//! of minutes allows); the account's and the code's are in the database (`count_failure`).

use std::collections::HashMap;
use std::sync::Mutex;

use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::{Expr, Func};
use sea_orm::{Condition, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QuerySelect};

/// Whole minutes from `now` until `until`, at least one (what a waiting person is told).
pub fn minutes_until(until: DateTime<Utc>, now: DateTime<Utc>) -> u32 {
    ((until - now).num_seconds() as f64 / 60.0).ceil().max(1.0) as u32
}

pub struct Limiter {
    max_attempts: u32,
    window: Duration,
    attempts: Mutex<HashMap<String, (u32, DateTime<Utc>)>>,
}

impl Limiter {
    pub fn new(max_attempts: u32, window: Duration) -> Self {
        Self {
            max_attempts,
            window,
            attempts: Mutex::new(HashMap::new()),
        }
    }

    /// Counts one attempt of this address before it is checked, so that a burst of parallel
    /// guesses cannot all pass; refused (with the minutes to wait) past the limit. A success
    /// gives its attempt back with `forgive`, or clears the count with `clear`.
    pub fn attempt(&self, key: &str, now: DateTime<Utc>) -> Result<(), u32> {
        let mut map = self.attempts.lock().unwrap_or_else(|e| e.into_inner());
        // Forget windows that are over (the map does not grow without bound).
        if map.len() > 10_000 {
            let window = self.window;
            map.retain(|_, (_, since)| now < *since + window);
        }
        let entry = map.entry(key.to_owned()).or_insert((0, now));
        if now >= entry.1 + self.window {
            *entry = (0, now);
        }
        if entry.0 >= self.max_attempts {
            return Err(minutes_until(entry.1 + self.window, now));
        }
        entry.0 += 1;
        Ok(())
    }

    pub fn forgive(&self, key: &str) {
        if let Some(entry) = self
            .attempts
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get_mut(key)
        {
            entry.0 = entry.0.saturating_sub(1);
        }
    }

    pub fn clear(&self, key: &str) {
        self.attempts
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(key);
    }
}

/// Counts one failure on the rows `which` selects (an account, a code, an address's codes) in
/// one statement, so that parallel failures all count; at `max`, resets the count and locks the
/// rows until `now + lock_for`. Returns the failures counted and whether this one locked.
#[allow(clippy::too_many_arguments)]
pub async fn count_failure<E: EntityTrait>(
    db: &impl ConnectionTrait,
    failures: E::Column,
    locked_until: E::Column,
    which: Condition,
    max: i32,
    lock_for: Duration,
    now: DateTime<Utc>,
) -> Result<(i32, bool), DbErr> {
    use sea_orm::sea_query::ExprTrait as _;
    E::update_many()
        .col_expr(failures, Expr::col(failures).add(1))
        .filter(which.clone())
        .exec(db)
        .await?;
    let counted: Option<Option<i32>> = E::find()
        .select_only()
        .column_as(Expr::expr(Func::max(Expr::col(failures))), "n")
        .filter(which.clone())
        .into_tuple()
        .one(db)
        .await?;
    let counted = counted.flatten().unwrap_or(0);
    let lock = counted >= max;
    if lock {
        E::update_many()
            .col_expr(failures, Expr::value(0))
            .col_expr(locked_until, Expr::value(Some(now + lock_for)))
            .filter(which)
            .exec(db)
            .await?;
    }
    Ok((counted, lock))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn refuses_past_the_limit_until_the_window_ends() {
        let l = Limiter::new(3, Duration::minutes(15));
        let t0 = DateTime::<Utc>::from_timestamp(1_800_000_000, 0).unwrap();
        for i in 0..3 {
            assert_eq!(l.attempt("a", t0), Ok(()), "attempt {i}");
        }
        assert_eq!(l.attempt("a", t0), Err(15));
        assert_eq!(
            l.attempt("b", t0),
            Ok(()),
            "another address is not held back"
        );
        assert_eq!(l.attempt("a", t0 + Duration::minutes(14)), Err(1));
        assert_eq!(l.attempt("a", t0 + Duration::minutes(15)), Ok(()));
        l.clear("a");
        for _ in 0..3 {
            assert_eq!(l.attempt("a", t0 + Duration::minutes(16)), Ok(()));
        }
        l.forgive("a");
        assert_eq!(
            l.attempt("a", t0 + Duration::minutes(16)),
            Ok(()),
            "a success gives its attempt back"
        );
        assert!(l.attempt("a", t0 + Duration::minutes(16)).is_err());
    }

    #[test]
    fn minutes_are_rounded_up() {
        let t0 = DateTime::<Utc>::from_timestamp(1_800_000_000, 0).unwrap();
        assert_eq!(minutes_until(t0 + Duration::seconds(61), t0), 2);
        assert_eq!(minutes_until(t0 + Duration::seconds(60), t0), 1);
        assert_eq!(minutes_until(t0, t0), 1);
    }

    proptest! {
        /// However the attempts are spread in time, no more than the limit pass in one window.
        #[test]
        fn never_more_than_the_limit_per_window(gaps in prop::collection::vec(0i64..120, 1..60)) {
            let l = Limiter::new(5, Duration::minutes(15));
            let t0 = DateTime::<Utc>::from_timestamp(1_800_000_000, 0).unwrap();
            let mut t = t0;
            let mut passed = Vec::new();
            for gap in gaps {
                t += Duration::seconds(gap);
                if l.attempt("k", t).is_ok() {
                    passed.push(t);
                }
            }
            for (i, start) in passed.iter().enumerate() {
                let within = passed[i..].iter().filter(|p| **p < *start + Duration::minutes(15)).count();
                prop_assert!(within <= 5 * 2, "{within} passed within 15 minutes");
            }
        }
    }
}
