//! Attempts counted in the database (`throttle`), by scope, subject and client: every instance
//! sees the same counts, and a restart forgets nothing. Each operation is one conditional
//! statement (or a compare-and-swap on the row's count), so parallel attempts are counted one
//! after the other.

use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::{Expr, ExprTrait as _};
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set};

use crate::infra::db::entities::throttle;
use crate::infra::limiter::{client_key, reserve_attempt};

/// The scopes of the per-client-address limiters (`infra::limiter::Limiter`): agents' sign-in
/// guesses, access-code guesses, starts and new-code requests, public-check guesses.
pub const LOGIN_CLIENTS: &str = "login-client";
pub const CODE_GUESS_CLIENTS: &str = "code-guess-client";
pub const CODE_REQUEST_CLIENTS: &str = "code-request-client";
pub const CHECK_CLIENTS: &str = "check-client";

/// Each scope, and the days its keys are kept after their window started (the longest window
/// counted in it): guesses and code e-mails count over a day at most, known clients 90 days.
pub const KEPT_DAYS: &[(&str, i64)] = &[
    (crate::instruction::sign_in::AGENT_GUESSES, 1),
    (crate::instruction::sign_in::AGENT_ACCOUNT, 1),
    (crate::instruction::sign_in::AGENT_TURNS, 1),
    (
        crate::instruction::sign_in::AGENT_KNOWN,
        crate::instruction::sign_in::AGENT_KNOWN_DAYS,
    ),
    (crate::applicant::access::CODE_MAILS, 1),
    (crate::instruction::CHECK_GUESSES, 1),
    (crate::instruction::CHECK_ALL, 1),
    (crate::instruction::CHECK_TURNS, 1),
    (LOGIN_CLIENTS, 1),
    (CODE_GUESS_CLIENTS, 1),
    (CODE_REQUEST_CLIENTS, 1),
    (CHECK_CLIENTS, 1),
];

/// What is counted: a scope (`agent`, `code-mail`…), whose account or address, from which
/// client (its address, or IPv6 /64; empty for the subject as a whole).
#[derive(Clone, Debug)]
pub struct Key {
    scope: &'static str,
    subject: String,
    client: String,
}

impl Key {
    pub fn new(scope: &'static str, subject: impl Into<String>, client: &str) -> Self {
        Self {
            scope,
            subject: subject.into(),
            client: if client.is_empty() {
                String::new()
            } else {
                client_key(client)
            },
        }
    }

    /// The subject as a whole, whoever the client.
    pub fn whole(scope: &'static str, subject: impl Into<String>) -> Self {
        Self::new(scope, subject, "")
    }

    fn this(&self) -> Condition {
        Condition::all()
            .add(throttle::Column::Scope.eq(self.scope))
            .add(throttle::Column::Subject.eq(self.subject.clone()))
            .add(throttle::Column::Client.eq(self.client.clone()))
    }
}

/// The key's row, created (empty) on first use.
async fn ensure(db: &impl ConnectionTrait, key: &Key, now: DateTime<Utc>) -> Result<(), DbErr> {
    throttle::Entity::insert(throttle::ActiveModel {
        scope: Set(key.scope.to_owned()),
        subject: Set(key.subject.clone()),
        client: Set(key.client.clone()),
        count: Set(0),
        since: Set(now),
        locked_until: Set(None),
    })
    .on_conflict_do_nothing_on([
        throttle::Column::Scope,
        throttle::Column::Subject,
        throttle::Column::Client,
    ])
    .exec_without_returning(db)
    .await?;
    Ok(())
}

pub async fn read(db: &impl ConnectionTrait, key: &Key) -> Result<Option<throttle::Model>, DbErr> {
    throttle::Entity::find().filter(key.this()).one(db).await
}

pub async fn clear(db: &impl ConnectionTrait, key: &Key) -> Result<(), DbErr> {
    throttle::Entity::delete_many()
        .filter(key.this())
        .exec(db)
        .await?;
    Ok(())
}

/// Every key of a subject in a scope, whatever the client (an administrator's unlock).
pub async fn clear_subject(
    db: &impl ConnectionTrait,
    scope: &'static str,
    subject: &str,
) -> Result<(), DbErr> {
    throttle::Entity::delete_many()
        .filter(throttle::Column::Scope.eq(scope))
        .filter(throttle::Column::Subject.eq(subject))
        .exec(db)
        .await?;
    Ok(())
}

/// Reserves one guess before it is checked: the `max`-th in a row locks the key for `lock_for`
/// (see `reserve_attempt`). Returns whether a guess was reserved.
pub async fn reserve_guess(
    db: &impl ConnectionTrait,
    key: &Key,
    max: i32,
    lock_for: Duration,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    ensure(db, key, now).await?;
    reserve_attempt::<throttle::Entity>(
        db,
        throttle::Column::Count,
        throttle::Column::LockedUntil,
        key.this(),
        max,
        lock_for,
        now,
        &[],
    )
    .await
}

/// Counts one event in a window of `window` that starts at the first one; refused (nothing
/// counted) when `max` were already counted in the window. Returns the event's rank in its
/// window (the count it made, read back by the same statement), or `None` when refused. One
/// statement, an upsert: the row is created by the first event, and a new window clears the
/// previous one's mark (`locked_until`).
pub async fn count_in_window(
    db: &impl ConnectionTrait,
    key: &Key,
    max: i32,
    window: Duration,
    now: DateTime<Utc>,
) -> Result<Option<i32>, DbErr> {
    use sea_orm::sea_query::{OnConflict, Query};
    use throttle::Column as T;
    // In the upsert's update the columns are the stored row's, named with their table.
    let stored = |c: T| Expr::col((throttle::Entity, c));
    let new_window = stored(T::Since).lte(now - window);
    let no_time = Option::<DateTime<Utc>>::None;
    let statement = Query::insert()
        .into_table(throttle::Entity)
        .columns([
            T::Scope,
            T::Subject,
            T::Client,
            T::Count,
            T::Since,
            T::LockedUntil,
        ])
        .values_panic([
            key.scope.into(),
            key.subject.clone().into(),
            key.client.clone().into(),
            1.into(),
            now.into(),
            no_time.into(),
        ])
        .on_conflict(
            OnConflict::columns([T::Scope, T::Subject, T::Client])
                .value(
                    T::Count,
                    Expr::case(new_window.clone(), 1).finally(stored(T::Count).add(1)),
                )
                .value(
                    T::Since,
                    Expr::case(new_window.clone(), Expr::value(now)).finally(stored(T::Since)),
                )
                .value(
                    T::LockedUntil,
                    Expr::case(new_window.clone(), Expr::value(no_time))
                        .finally(stored(T::LockedUntil)),
                )
                .action_and_where(new_window.or(stored(T::Count).lt(max)))
                .to_owned(),
        )
        .returning_col(T::Count)
        .to_owned();
    match db.query_one(&statement).await? {
        Some(row) => Ok(Some(row.try_get::<i32>("", "count")?)),
        None => Ok(None),
    }
}

/// Marks the key's current window, once: true for the first caller only (the refusal worth a
/// line in the security log). The mark is cleared when a new window starts.
pub async fn mark_once(
    db: &impl ConnectionTrait,
    key: &Key,
    until: DateTime<Utc>,
) -> Result<bool, DbErr> {
    use throttle::Column as T;
    let marked = throttle::Entity::update_many()
        .col_expr(T::LockedUntil, Expr::value(Some(until)))
        .filter(key.this())
        .filter(T::LockedUntil.is_null())
        .exec(db)
        .await?;
    Ok(marked.rows_affected == 1)
}

/// Gives one counted event back (a success that should not count against the limit).
pub async fn give_back(db: &impl ConnectionTrait, key: &Key) -> Result<(), DbErr> {
    use throttle::Column as T;
    throttle::Entity::update_many()
        .col_expr(T::Count, Expr::col(T::Count).sub(1))
        .filter(key.this())
        .filter(T::Count.gt(0))
        .exec(db)
        .await?;
    Ok(())
}

/// How many events the key counts in its current window (0 once the window is over).
pub async fn counted(
    db: &impl ConnectionTrait,
    key: &Key,
    window: Duration,
    now: DateTime<Utc>,
) -> Result<i32, DbErr> {
    Ok(read(db, key)
        .await?
        .filter(|row| row.since > now - window)
        .map_or(0, |row| row.count))
}

/// Takes the key's next slot, `spacing` after the previous one: returns when it starts (now, or
/// later: the caller waits until then), or `None` when the next free slot is more than
/// `max_wait` away. A compare-and-swap on the row's count: two takers never get one slot.
pub async fn next_slot(
    db: &impl ConnectionTrait,
    key: &Key,
    spacing: Duration,
    max_wait: Duration,
    now: DateTime<Utc>,
) -> Result<Option<DateTime<Utc>>, DbErr> {
    use throttle::Column as T;
    ensure(db, key, now).await?;
    for _ in 0..16 {
        let Some(row) = read(db, key).await? else {
            continue;
        };
        let start = row.locked_until.filter(|t| *t > now).unwrap_or(now);
        if start > now + max_wait {
            return Ok(None);
        }
        let taken = throttle::Entity::update_many()
            .col_expr(T::Count, Expr::col(T::Count).add(1))
            .col_expr(T::LockedUntil, Expr::value(Some(start + spacing)))
            .filter(key.this())
            .filter(T::Count.eq(row.count))
            .exec(db)
            .await?;
        if taken.rows_affected == 1 {
            return Ok(Some(start));
        }
    }
    // Sixteen takers in a row won the race: as busy as a full queue.
    Ok(None)
}

/// A ceiling on the attempts on one subject (an account, a code) from every client: past `max`
/// in `window`, its attempts are spaced out, one every `spacing`, each waiting its turn for
/// `max_wait` at most. A botnet, whose every address keeps under the per-client lock, is
/// slowed to a trickle; the owner still gets in, more slowly: nobody is locked out.
pub struct Ceiling {
    /// The scope counting the subject's attempts, and the scope of its turns.
    pub counted: &'static str,
    pub turns: &'static str,
    pub max: i32,
    pub window: Duration,
    pub spacing: Duration,
    pub max_wait: Duration,
}

impl Ceiling {
    /// Counts one attempt on the subject, before it is checked; whether it is past the ceiling
    /// (its rank, read back by the counting statement, is above `max`).
    pub async fn count(
        &self,
        db: &impl ConnectionTrait,
        subject: &str,
        now: DateTime<Utc>,
    ) -> Result<bool, DbErr> {
        let key = Key::whole(self.counted, subject);
        let rank = count_in_window(db, &key, i32::MAX, self.window, now).await?;
        Ok(rank.is_none_or(|rank| rank > self.max))
    }

    /// Waits for the subject's next turn; false (nothing waited) when the turns already taken
    /// reach `max_wait` ahead: the caller is told to come back in a minute.
    pub async fn wait_turn(
        &self,
        db: &impl ConnectionTrait,
        subject: &str,
        now: DateTime<Utc>,
    ) -> Result<bool, DbErr> {
        let key = Key::whole(self.turns, subject);
        let Some(turn) = next_slot(db, &key, self.spacing, self.max_wait, now).await? else {
            return Ok(false);
        };
        if let Ok(wait) = (turn - now).to_std() {
            tokio::time::sleep(wait).await;
        }
        Ok(true)
    }
}

/// Forgets a scope's keys whose window and lock ended before `before` (the hourly sweep).
pub async fn sweep(
    db: &impl ConnectionTrait,
    scope: &'static str,
    before: DateTime<Utc>,
) -> Result<u64, DbErr> {
    use throttle::Column as T;
    let gone = throttle::Entity::delete_many()
        .filter(T::Scope.eq(scope))
        .filter(T::Since.lt(before))
        .filter(
            Condition::any()
                .add(T::LockedUntil.is_null())
                .add(T::LockedUntil.lt(before)),
        )
        .exec(db)
        .await?;
    Ok(gone.rows_affected)
}
