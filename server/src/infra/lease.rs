//! Leases of the periodic jobs: the instance that holds a job's lease runs it, the others skip
//! that period. A lease is taken in one statement (an upsert whose update only happens when the
//! lease is free or already ours), so two instances never both get it.

use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::{Expr, ExprTrait as _, OnConflict, Query};
use sea_orm::{ConnectionTrait, DbErr};

use crate::infra::db::entities::job_lease;

/// Takes (or keeps) the lease `name` for `holder` until `now + hold`; returns whether `holder`
/// has it now.
pub async fn take(
    db: &impl ConnectionTrait,
    name: &str,
    holder: &str,
    hold: Duration,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    use job_lease::Column as L;
    let until = now + hold;
    let stored = |c: L| Expr::col((job_lease::Entity, c));
    let statement = Query::insert()
        .into_table(job_lease::Entity)
        .columns([L::Name, L::Holder, L::Until])
        .values_panic([name.into(), holder.into(), until.into()])
        .on_conflict(
            OnConflict::column(L::Name)
                .value(L::Holder, Expr::value(holder))
                .value(L::Until, Expr::value(until))
                .action_and_where(stored(L::Until).lte(now).or(stored(L::Holder).eq(holder)))
                .to_owned(),
        )
        .to_owned();
    Ok(db.execute(&statement).await?.rows_affected() == 1)
}
