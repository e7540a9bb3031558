//! The queue's pages by key, not by `OFFSET`: a page starts after (or ends before) a file, named
//! in the link by its number (`?apres=APT-…`, `?avant=APT-…`: shareable, no JavaScript needed),
//! and is read from where that file sits in the queue's order, so the thousandth page costs what
//! the first does.
//!
//! The order: most urgent first (contract start, permit expiry, filing, id); decided files,
//! latest decision first (decision, id, both descending). With several services or states in
//! view, an `IN` list would make the database sort every file after the cursor; instead each
//! (service, state) is read as one range of the queue's index, a page and one more, and the
//! ranges are merged here. A search reads one query (its matches are few).

use app::instruction::{Filters, PAGE_SIZE};
use app::rules::decision::Tab;
use app::rules::dossier::DossierState;
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::{Expr, ExprTrait as _, SimpleExpr};
use sea_orm::{ColumnTrait, DbBackend, IdenStatic, QueryFilter, QueryOrder, QuerySelect, Select};

use crate::infra::db::entities::dossier;

use dossier::Column as D;

/// Where a file sits in its tab's order.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum SortKey {
    Urgent(NaiveDate, NaiveDate, DateTime<Utc>, String),
    /// Compared reversed: the latest decision first.
    Decided(std::cmp::Reverse<(DateTime<Utc>, String)>),
}

impl SortKey {
    /// The file's key in `tab`'s order; none if a date of the order is missing (the file can
    /// then not be a cursor: the page starts at the beginning).
    pub fn of(d: &dossier::Model, tab: Tab) -> Option<Self> {
        Some(match tab {
            Tab::Decided => SortKey::Decided(std::cmp::Reverse((d.decided_at?, d.id.clone()))),
            _ => SortKey::Urgent(
                d.contract_start?,
                d.permit_expires?,
                d.submitted_at?,
                d.id.clone(),
            ),
        })
    }

    /// The files after this one in the order (`forward`), or before it.
    fn beyond(&self, forward: bool) -> SimpleExpr {
        let col = |c: D| Expr::col((dossier::Entity, c));
        let (columns, values, after_is_greater) = match self {
            SortKey::Urgent(start, expires, filed, id) => (
                vec![
                    col(D::ContractStart),
                    col(D::PermitExpires),
                    col(D::SubmittedAt),
                    col(D::Id),
                ],
                vec![
                    Expr::val(*start),
                    Expr::val(*expires),
                    Expr::val(*filed),
                    Expr::val(id.clone()),
                ],
                true,
            ),
            SortKey::Decided(std::cmp::Reverse((decided, id))) => (
                vec![col(D::DecidedAt), col(D::Id)],
                vec![Expr::val(*decided), Expr::val(id.clone())],
                false,
            ),
        };
        let (left, right) = (Expr::tuple(columns), Expr::tuple(values));
        if forward == after_is_greater {
            left.gt(right)
        } else {
            left.lt(right)
        }
    }
}

/// `q` in the tab's order, or its reverse (reading backwards from a cursor).
pub fn ordered(q: Select<dossier::Entity>, tab: Tab, forward: bool) -> Select<dossier::Entity> {
    in_order(q, tab, forward, true)
}

/// A column of `dossier` written `+column`: the same value, which SQLite's planner cannot
/// serve from an index (to make it read a filter's index and sort or group its few matches,
/// where it would rather walk a whole tab along an index in that column's order).
pub(crate) fn unindexed(column: D) -> SimpleExpr {
    Expr::cust(format!("+\"dossier\".\"{}\"", column.as_str()))
}

/// The tab's order, or its reverse; by the columns themselves (`by_index`), or `unindexed`.
fn in_order(
    q: Select<dossier::Entity>,
    tab: Tab,
    forward: bool,
    by_index: bool,
) -> Select<dossier::Entity> {
    use sea_orm::Order::{Asc, Desc};
    let (first, then) = if forward { (Asc, Desc) } else { (Desc, Asc) };
    let col = |c: D| {
        if by_index {
            Expr::col((dossier::Entity, c))
        } else {
            unindexed(c)
        }
    };
    match tab {
        Tab::Decided => q
            .order_by(col(D::DecidedAt), then.clone())
            .order_by(col(D::Id), then),
        _ => q
            .order_by(col(D::ContractStart), first.clone())
            .order_by(col(D::PermitExpires), first.clone())
            .order_by(col(D::SubmittedAt), first.clone())
            .order_by(col(D::Id), first),
    }
}

/// At most this many (service, state) ranges are read and merged; past them, one query.
const RANGES_AT_MOST: usize = 8;

/// The queries that read one page of `base` in `states` from `from` (none: the beginning),
/// each a page and one more in the direction of reading.
pub fn page_queries(
    base: &Select<dossier::Entity>,
    backend: DbBackend,
    filters: &Filters,
    services: &[i32],
    states: &[DossierState],
    from: Option<&SortKey>,
    forward: bool,
) -> Vec<Select<dossier::Entity>> {
    let mut from_here = base.clone();
    if let Some(key) = from {
        from_here = from_here.filter(key.beyond(forward));
    }
    let by_ranges = filters.search.is_none() && services.len() * states.len() <= RANGES_AT_MOST;
    // Each range is one service and one state, and nothing more: an `IN` list of states beside
    // them would make the database read the states one after the other and sort them.
    let ranges: Vec<Select<dossier::Entity>> = if by_ranges {
        services
            .iter()
            .flat_map(|s| states.iter().map(move |st| (*s, *st)))
            .map(|(service, state)| {
                from_here
                    .clone()
                    .filter(D::ServiceId.eq(service))
                    .filter(D::State.eq(state))
            })
            .collect()
    } else {
        vec![from_here.filter(D::State.is_in(states.to_vec()))]
    };
    ranges
        .into_iter()
        .map(|q| {
            // A search on SQLite sorts its few matches rather than follow the queue's index
            // along the whole tab looking for them.
            let by_index = by_ranges || backend != DbBackend::Sqlite;
            in_order(q, filters.tab, forward, by_index).limit(PAGE_SIZE + 1)
        })
        .collect()
}

/// A page from the rows the queries read: merged in the tab's order, with whether files come
/// before and after it.
pub fn merge(
    mut rows: Vec<dossier::Model>,
    tab: Tab,
    from: Option<&SortKey>,
    forward: bool,
) -> (Vec<dossier::Model>, bool, bool) {
    rows.sort_by_cached_key(|d| SortKey::of(d, tab));
    let size = PAGE_SIZE as usize;
    let more = rows.len() > size;
    if forward {
        rows.truncate(size);
        (rows, from.is_some(), more)
    } else {
        let skip = rows.len().saturating_sub(size);
        rows.drain(..skip);
        (rows, more, true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(id: &str, start: u32, decided: Option<i64>) -> dossier::Model {
        let day = |d: u32| NaiveDate::from_ymd_opt(2027, 1, d).unwrap();
        let at = |s: i64| DateTime::<Utc>::from_timestamp(1_800_000_000 + s, 0).unwrap();
        dossier::Model {
            id: id.into(),
            number: Some(format!("APT-2026-75-{id}")),
            state: DossierState::Submitted,
            filed_by: app::rules::eligibility::FiledBy::Student,
            lang: app::i18n::Lang::Fr,
            creator_email: String::new(),
            student_email: None,
            employer_email: None,
            student_form: None,
            employer_form: None,
            job_form: None,
            departement: None,
            service_id: Some(1),
            student_name: None,
            search_name: None,
            siret: None,
            contract_start: Some(day(start)),
            permit_expires: Some(day(20)),
            contract_type: None,
            requested_documents: None,
            version: 1,
            created_at: at(0),
            updated_at: at(0),
            submitted_at: Some(at(0)),
            decided_at: decided.map(at),
        }
    }

    #[test]
    fn a_search_on_sqlite_sorts_without_the_index_and_ranges_follow_it() {
        use sea_orm::{EntityTrait, QueryTrait};
        let query = |q: Option<&str>| {
            app::instruction::QueueQuery {
                q: q.map(str::to_owned),
                ..Default::default()
            }
            .filters()
        };
        let sql = |filters: &Filters, backend| {
            page_queries(
                &dossier::Entity::find(),
                backend,
                filters,
                &[1],
                &[DossierState::Submitted],
                None,
                true,
            )
            .iter()
            .map(|q| q.build(backend).to_string())
            .collect::<Vec<_>>()
            .join("\n")
        };
        let search = sql(&query(Some("diop")), DbBackend::Sqlite);
        assert!(
            search.contains("ORDER BY +\"dossier\".\"contract_start\" ASC"),
            "{search}"
        );
        let pg = sql(&query(Some("diop")), DbBackend::Postgres);
        assert!(
            pg.contains("ORDER BY \"dossier\".\"contract_start\" ASC"),
            "{pg}"
        );
        let ranges = sql(&query(None), DbBackend::Sqlite);
        assert!(
            ranges.contains("ORDER BY \"dossier\".\"contract_start\" ASC"),
            "{ranges}"
        );
    }

    #[test]
    fn keys_follow_the_tabs_orders() {
        let (a, b) = (file("A", 3, Some(10)), file("B", 2, Some(20)));
        let urgent = |d| SortKey::of(d, Tab::ToProcess);
        assert!(urgent(&b) < urgent(&a), "the earlier contract first");
        let decided = |d| SortKey::of(d, Tab::Decided);
        assert!(decided(&b) < decided(&a), "the later decision first");
        assert_eq!(SortKey::of(&file("C", 1, None), Tab::Decided), None);
    }

    #[test]
    fn a_merged_page_says_what_lies_around_it() {
        let rows: Vec<_> = (1..=(PAGE_SIZE as u32 + 1))
            .rev()
            .map(|i| file(&format!("{i:03}"), 1 + i % 28, None))
            .collect();
        let key = SortKey::of(&rows[0], Tab::ToProcess);
        let (page, before, after) = merge(rows.clone(), Tab::ToProcess, None, true);
        assert_eq!(page.len(), PAGE_SIZE as usize);
        assert!(!before && after);
        let keys: Vec<_> = page
            .iter()
            .map(|d| SortKey::of(d, Tab::ToProcess))
            .collect();
        assert!(keys.windows(2).all(|w| w[0] <= w[1]), "in order");
        // Read backwards from a file: the page is the last ones before it, still in order;
        // the first of all is left for the page before.
        let first = rows
            .iter()
            .min_by_key(|d| SortKey::of(d, Tab::ToProcess))
            .unwrap()
            .id
            .clone();
        let (page, before, after) = merge(rows, Tab::ToProcess, key.as_ref(), false);
        assert_eq!(page.len(), PAGE_SIZE as usize);
        assert!(before && after);
        assert!(page.iter().all(|d| d.id != first));
        let keys: Vec<_> = page
            .iter()
            .map(|d| SortKey::of(d, Tab::ToProcess))
            .collect();
        assert!(keys.windows(2).all(|w| w[0] <= w[1]), "in order");
    }
}
