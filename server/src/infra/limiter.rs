//! Guesses per client address (sign-in, public check) and per account or code: past a number of
//! failures, the guesser waits. Every count is in the database: the address's in `throttle`
//! (`Limiter`), the account's and the code's on their own rows (`reserve_attempt`).

use crate::infra::throttle::{self, Key};
use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{Condition, ConnectionTrait, DbErr, EntityTrait, QueryFilter};

/// Whole minutes from `now` until `until`, at least one (what a waiting person is told).
pub fn minutes_until(until: DateTime<Utc>, now: DateTime<Utc>) -> u32 {
    ((until - now).num_seconds() as f64 / 60.0).ceil().max(1.0) as u32
}

/// Attempts per client address in a window, counted in the database (`throttle`, under its own
/// scope): every instance counts the same attempts, and a restart forgets none.
pub struct Limiter {
    scope: &'static str,
    max_attempts: u32,
    window: Duration,
}

/// An attempt refused: the minutes to wait, and whether it is the window's first refusal (the
/// one worth a line in the security log; the others write nothing).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Refused {
    pub minutes: u32,
    pub first: bool,
}

impl Limiter {
    pub fn new(scope: &'static str, max_attempts: u32, window: Duration) -> Self {
        Self {
            scope,
            max_attempts,
            window,
        }
    }

    fn key(&self, client: &str) -> Key {
        Key::new(self.scope, "", client)
    }

    /// Counts one attempt of this address before it is checked, in one statement, so that a
    /// burst of parallel guesses cannot all pass; refused (with the minutes to wait) past the
    /// limit. A success gives its attempt back with `forgive`, or clears the count with `clear`.
    pub async fn attempt(
        &self,
        db: &impl ConnectionTrait,
        client: &str,
        now: DateTime<Utc>,
    ) -> Result<Result<(), Refused>, DbErr> {
        let key = self.key(client);
        let max = i32::try_from(self.max_attempts).unwrap_or(i32::MAX);
        if throttle::count_in_window(db, &key, max, self.window, now)
            .await?
            .is_some()
        {
            return Ok(Ok(()));
        }
        let ends = throttle::read(db, &key)
            .await?
            .map_or(now + self.window, |row| row.since + self.window);
        let first = throttle::mark_once(db, &key, ends).await?;
        Ok(Err(Refused {
            minutes: minutes_until(ends, now),
            first,
        }))
    }

    pub async fn forgive(&self, db: &impl ConnectionTrait, client: &str) -> Result<(), DbErr> {
        throttle::give_back(db, &self.key(client)).await
    }

    pub async fn clear(&self, db: &impl ConnectionTrait, client: &str) -> Result<(), DbErr> {
        throttle::clear(db, &self.key(client)).await
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

    /// A database of its own, in memory, on one connection.
    async fn db() -> sea_orm::DatabaseConnection {
        use sea_orm_migration::MigratorTrait as _;
        let mut options = sea_orm::ConnectOptions::new("sqlite::memory:");
        options.max_connections(1).sqlx_logging(false);
        let db = sea_orm::Database::connect(options).await.unwrap();
        crate::infra::migration::Migrator::up(&db, None)
            .await
            .unwrap();
        db
    }

    #[tokio::test]
    async fn refuses_past_the_limit_until_the_window_ends() {
        let db = db().await;
        let l = Limiter::new("test", 3, Duration::minutes(15));
        let t0 = DateTime::<Utc>::from_timestamp(1_800_000_000, 0).unwrap();
        let attempt = |client: &'static str, t| {
            let (l, db) = (&l, &db);
            async move { l.attempt(db, client, t).await.unwrap() }
        };
        for i in 0..3 {
            assert_eq!(attempt("a", t0).await, Ok(()), "attempt {i}");
        }
        assert_eq!(
            attempt("a", t0).await,
            Err(Refused {
                minutes: 15,
                first: true
            })
        );
        assert_eq!(
            attempt("a", t0).await,
            Err(Refused {
                minutes: 15,
                first: false
            }),
            "only the first refusal of a window is worth logging"
        );
        assert_eq!(
            attempt("b", t0).await,
            Ok(()),
            "another address is not held back"
        );
        assert_eq!(
            attempt("a", t0 + Duration::minutes(14))
                .await
                .map_err(|r| r.minutes),
            Err(1)
        );
        assert_eq!(attempt("a", t0 + Duration::minutes(15)).await, Ok(()));
        l.clear(&db, "a").await.unwrap();
        for _ in 0..3 {
            assert_eq!(attempt("a", t0 + Duration::minutes(16)).await, Ok(()));
        }
        l.forgive(&db, "a").await.unwrap();
        assert_eq!(
            attempt("a", t0 + Duration::minutes(16)).await,
            Ok(()),
            "a success gives its attempt back"
        );
        let refused = attempt("a", t0 + Duration::minutes(16)).await;
        assert_eq!(
            refused.map_err(|r| r.first),
            Err(true),
            "a new window's first"
        );
        let other = Limiter::new("other", 3, Duration::minutes(15));
        assert_eq!(
            other
                .attempt(&db, "a", t0 + Duration::minutes(16))
                .await
                .unwrap(),
            Ok(()),
            "each limiter counts under its own scope"
        );
    }

    #[tokio::test]
    async fn clients_are_counted_by_address_and_ipv6_by_64() {
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
        let db = db().await;
        let l = Limiter::new("test", 1, Duration::minutes(15));
        let t0 = DateTime::<Utc>::from_timestamp(1_800_000_000, 0).unwrap();
        assert_eq!(l.attempt(&db, "2001:db8::1", t0).await.unwrap(), Ok(()));
        assert!(
            l.attempt(&db, "2001:db8::2", t0).await.unwrap().is_err(),
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
        #![proptest_config(ProptestConfig::with_cases(24))]
        /// However the attempts are spread in time, no more than the limit pass in one window.
        #[test]
        fn never_more_than_the_limit_per_window(gaps in prop::collection::vec(0i64..120, 1..60)) {
            let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
            let passed = rt.block_on(async {
                let db = db().await;
                let l = Limiter::new("test", 5, Duration::minutes(15));
                let mut t = DateTime::<Utc>::from_timestamp(1_800_000_000, 0).unwrap();
                let mut passed = Vec::new();
                for gap in gaps {
                    t += Duration::seconds(gap);
                    if l.attempt(&db, "k", t).await.unwrap().is_ok() {
                        passed.push(t);
                    }
                }
                passed
            });
            for (i, start) in passed.iter().enumerate() {
                let within = passed[i..].iter().filter(|p| **p < *start + Duration::minutes(15)).count();
                prop_assert!(within <= 5 * 2, "{within} passed within 15 minutes");
            }
        }
    }
}
