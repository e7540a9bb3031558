//! Guesses per client address (sign-in, public check) and per account or code: past a number of
//! failures, the guesser waits. The address count is in memory (a restart forgets, which a window
//! of minutes allows); the account's and the code's are in the database (`count_failure`).

use std::collections::HashMap;
use std::sync::Mutex;

use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{Condition, ConnectionTrait, DbErr, EntityTrait, QueryFilter};

/// Whole minutes from `now` until `until`, at least one (what a waiting person is told).
pub fn minutes_until(until: DateTime<Utc>, now: DateTime<Utc>) -> u32 {
    ((until - now).num_seconds() as f64 / 60.0).ceil().max(1.0) as u32
}

pub struct Limiter {
    max_attempts: u32,
    window: Duration,
    attempts: Mutex<HashMap<String, (u32, DateTime<Utc>)>>,
}

/// An attempt refused: the minutes to wait, and whether it is the window's first refusal (the
/// one worth a line in the security log; the others write nothing).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Refused {
    pub minutes: u32,
    pub first: bool,
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
    pub fn attempt(&self, client: &str, now: DateTime<Utc>) -> Result<(), Refused> {
        let key = client_key(client);
        let mut map = self.attempts.lock().unwrap_or_else(|e| e.into_inner());
        // Forget windows that are over (the map does not grow without bound).
        if map.len() > 10_000 {
            let window = self.window;
            map.retain(|_, (_, since)| now < *since + window);
        }
        let entry = map.entry(key).or_insert((0, now));
        if now >= entry.1 + self.window {
            *entry = (0, now);
        }
        if entry.0 >= self.max_attempts {
            let first = entry.0 == self.max_attempts;
            // Counted past the limit only to tell the first refusal from the next ones.
            entry.0 = entry.0.saturating_add(1).min(self.max_attempts + 1);
            return Err(Refused {
                minutes: minutes_until(entry.1 + self.window, now),
                first,
            });
        }
        entry.0 += 1;
        Ok(())
    }

    pub fn forgive(&self, client: &str) {
        if let Some(entry) = self
            .attempts
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get_mut(&client_key(client))
        {
            entry.0 = entry.0.min(self.max_attempts).saturating_sub(1);
        }
    }

    pub fn clear(&self, client: &str) {
        self.attempts
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(&client_key(client));
    }
}

/// Reserves one guess on the rows `which` selects *before* the guess is checked, in one
/// statement: no reservation passes while the rows are locked, and the `max`-th in a row locks
/// them until `now + lock_for` (and starts the count again). However many guesses arrive at once,
/// at most `max` are checked per lock period. The `also` columns count every reservation too.
/// A right guess gives its reservation back with `forgive_attempts`. Returns whether a guess
/// was reserved; if not, the rows are locked (or `which` selects none).
#[allow(clippy::too_many_arguments)]
pub async fn reserve_attempt<E: EntityTrait>(
    db: &impl ConnectionTrait,
    failures: E::Column,
    locked_until: E::Column,
    which: Condition,
    max: i32,
    lock_for: Duration,
    now: DateTime<Utc>,
    also: &[E::Column],
) -> Result<bool, DbErr> {
    use sea_orm::sea_query::ExprTrait as _;
    use sea_orm::ColumnTrait as _;
    let locks = Expr::col(failures).add(1).gte(max);
    let mut update = E::update_many()
        .col_expr(
            failures,
            Expr::case(locks.clone(), 0)
                .finally(Expr::col(failures).add(1))
                .into(),
        )
        .col_expr(
            locked_until,
            Expr::case(locks, Expr::value(Some(now + lock_for)))
                .finally(Expr::value(Option::<DateTime<Utc>>::None))
                .into(),
        );
    for column in also {
        update = update.col_expr(*column, Expr::col(*column).add(1));
    }
    let reserved = update
        .filter(which)
        .filter(
            Condition::any()
                .add(locked_until.is_null())
                .add(locked_until.lte(now)),
        )
        .exec(db)
        .await?;
    Ok(reserved.rows_affected > 0)
}

/// After a right guess: the count starts again and a lock set by its own reservation is lifted.
pub async fn forgive_attempts<E: EntityTrait>(
    db: &impl ConnectionTrait,
    failures: E::Column,
    locked_until: E::Column,
    which: Condition,
) -> Result<(), DbErr> {
    E::update_many()
        .col_expr(failures, Expr::value(0))
        .col_expr(locked_until, Expr::value(Option::<DateTime<Utc>>::None))
        .filter(which)
        .exec(db)
        .await?;
    Ok(())
}

/// The key a client address is counted under: the address itself, or its /64 for IPv6 (one
/// subscriber usually holds a whole /64, and could otherwise change address at every guess).
pub fn client_key(client: &str) -> String {
    use std::net::IpAddr;
    match client.parse::<IpAddr>() {
        Ok(IpAddr::V6(v6)) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => {
                let s = v6.segments();
                format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
            }
        },
        Ok(ip) => ip.to_string(),
        Err(_) => client.to_owned(),
    }
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
        assert_eq!(
            l.attempt("a", t0),
            Err(Refused {
                minutes: 15,
                first: true
            })
        );
        assert_eq!(
            l.attempt("a", t0),
            Err(Refused {
                minutes: 15,
                first: false
            }),
            "only the first refusal of a window is worth logging"
        );
        assert_eq!(
            l.attempt("b", t0),
            Ok(()),
            "another address is not held back"
        );
        assert_eq!(
            l.attempt("a", t0 + Duration::minutes(14))
                .map_err(|r| r.minutes),
            Err(1)
        );
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
    fn clients_are_counted_by_address_and_ipv6_by_64() {
        for (client, key) in [
            ("192.0.2.7", "192.0.2.7"),
            ("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"),
            ("2001:db8:1:2:ffff::1", "2001:db8:1:2::/64"),
            ("2001:db8:1:3::1", "2001:db8:1:3::/64"),
            ("::ffff:192.0.2.7", "192.0.2.7"),
            ("", ""),
        ] {
            assert_eq!(client_key(client), key, "{client}");
        }
        let l = Limiter::new(1, Duration::minutes(15));
        let t0 = DateTime::<Utc>::from_timestamp(1_800_000_000, 0).unwrap();
        assert_eq!(l.attempt("2001:db8::1", t0), Ok(()));
        assert!(
            l.attempt("2001:db8::2", t0).is_err(),
            "another address of the same /64 shares the count"
        );
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
