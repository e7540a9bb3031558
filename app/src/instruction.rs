//! What the instructor's pages show and send: the signed-in agent, the queue and its query,
//! one file, the administration, the public check and the statistics.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::i18n::Msg;
use crate::model::{DocumentSlot, EligibilitySummary, TimelineEntry};
use crate::rules::decision::{Act, Role, Tab, Validity, VerifyStatus};
use crate::rules::dossier::DossierState;
use crate::rules::eligibility::Contract;
use crate::rules::request::RawForm;
use crate::rules::validation::parse_date;

/// Files per page of the queue.
pub const PAGE_SIZE: u64 = 25;

/// The files an XLSX export holds at most: a sheet's 1,048,576 rows less the heading. A longer
/// list is offered as CSV only.
pub const XLSX_MAX_ROWS: u64 = 1_048_575;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceView {
    pub id: i32,
    pub code: String,
    pub name: String,
    pub email: String,
    /// Départements served, with whether each is open.
    pub departements: Vec<(String, bool)>,
}

/// The signed-in agent.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgentView {
    pub id: i32,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub services: Vec<ServiceView>,
}

/// The queue's filters as the URL carries them (`/instruction?onglet=…&q=…`): raw text, so a
/// hand-typed URL is read leniently, never refused.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueQuery {
    pub tab: Option<String>,
    pub state: Option<String>,
    pub contract: Option<String>,
    /// Contract start, from and to (inclusive), `YYYY-MM-DD`.
    pub from: Option<String>,
    pub to: Option<String>,
    pub q: Option<String>,
    /// The page after the file with this number (`apres`), or before it (`avant`).
    pub after: Option<String>,
    pub before: Option<String>,
}

/// Where a page of the queue starts: after a file (the next page) or before it (the previous),
/// the file named by its number.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Cursor {
    After(String),
    Before(String),
}

/// The filters, read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Filters {
    pub tab: Tab,
    /// One state of the tab (ignored when not in the tab).
    pub state: Option<DossierState>,
    pub contract: Option<Contract>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Trimmed, at most 100 characters.
    pub search: Option<String>,
    /// None: the first page.
    pub cursor: Option<Cursor>,
}

impl Filters {
    /// Whether a filter or a search narrows the tabs (their counts are then counted, not read).
    pub fn narrowed(&self) -> bool {
        self.contract.is_some() || self.from.is_some() || self.to.is_some() || self.search.is_some()
    }
}

impl Cursor {
    /// The number of the file the page starts from (read by `QueueQuery::filters`).
    pub fn number(&self) -> &str {
        match self {
            Cursor::After(n) | Cursor::Before(n) => n,
        }
    }
}

/// A file number as a cursor: trimmed, upper case, at most 40 characters.
fn cursor_number(n: &str) -> String {
    n.trim().chars().take(40).collect::<String>().to_uppercase()
}

fn non_empty(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

impl QueueQuery {
    pub fn from_pairs(mut get: impl FnMut(&str) -> Option<String>) -> Self {
        Self {
            tab: get("onglet"),
            state: get("etat"),
            contract: get("contrat"),
            from: get("du"),
            to: get("au"),
            q: get("q"),
            after: get("apres"),
            before: get("avant"),
        }
    }

    pub fn filters(&self) -> Filters {
        let tab = non_empty(&self.tab)
            .and_then(Tab::from_code)
            .unwrap_or(Tab::ToProcess);
        Filters {
            tab,
            state: non_empty(&self.state)
                .and_then(DossierState::from_code)
                .filter(|s| tab.states().contains(s)),
            contract: non_empty(&self.contract).and_then(Contract::from_code),
            from: non_empty(&self.from).and_then(|d| parse_date(d).ok()),
            to: non_empty(&self.to).and_then(|d| parse_date(d).ok()),
            search: non_empty(&self.q).map(|q| q.chars().take(100).collect()),
            cursor: match (non_empty(&self.after), non_empty(&self.before)) {
                (Some(n), _) => Some(Cursor::After(cursor_number(n))),
                (None, Some(n)) => Some(Cursor::Before(cursor_number(n))),
                (None, None) => None,
            },
        }
    }

    /// The query string of these filters (without `?`), with the tab changed or a page's
    /// cursor.
    pub fn to_query(&self, tab: Option<Tab>, cursor: Option<&Cursor>) -> String {
        let f = self.filters();
        let tab = tab.unwrap_or(f.tab);
        let mut parts = vec![format!("onglet={}", tab.code())];
        let same_tab = tab == f.tab;
        let mut push = |key: &str, value: Option<String>| {
            if let Some(v) = value.filter(|v| !v.is_empty()) {
                parts.push(format!("{key}={}", crate::url::encode(&v)));
            }
        };
        push(
            "etat",
            f.state.filter(|_| same_tab).map(|s| s.code().to_owned()),
        );
        push("contrat", f.contract.map(|c| c.code().to_owned()));
        push("du", f.from.map(|d| d.to_string()));
        push("au", f.to.map(|d| d.to_string()));
        push("q", f.search.clone());
        match cursor {
            Some(Cursor::After(n)) => push("apres", Some(n.clone())),
            Some(Cursor::Before(n)) => push("avant", Some(n.clone())),
            None => {}
        }
        parts.join("&")
    }
}

/// One line of the queue.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QueueRow {
    pub number: String,
    pub state: DossierState,
    pub student_name: String,
    pub siret: String,
    pub departement: String,
    pub contract: Option<Contract>,
    pub contract_start: Option<NaiveDate>,
    pub permit_expires: Option<NaiveDate>,
    /// RFC 3339.
    pub submitted_at: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QueuePage {
    pub rows: Vec<QueueRow>,
    /// Files matching the filters, all pages.
    pub total: u64,
    /// The cursors of the pages before and after this one, if any.
    pub previous: Option<Cursor>,
    pub next: Option<Cursor>,
    /// Files in each tab (filters other than the tab's applied).
    pub counts: Vec<(Tab, u64)>,
}

/// The authorisation issued for a file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AuthorisationView {
    pub code: String,
    pub validity: Validity,
    pub max_annual_hours: Option<f64>,
    pub revoked: bool,
}

/// One file as the instructor sees it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DossierView {
    pub number: String,
    pub state: DossierState,
    /// Sent back with every action: a file changed since is not acted on.
    pub version: i32,
    pub service_name: String,
    pub departement: String,
    pub submitted_at: String,
    pub student_email: String,
    pub employer_email: String,
    pub forms: BTreeMap<String, RawForm>,
    pub eligibility: Option<EligibilitySummary>,
    pub documents: Vec<DocumentSlot>,
    pub history: Vec<HistoryEntry>,
    /// Offered when accepting.
    pub proposed: Option<Validity>,
    pub authorisation: Option<AuthorisationView>,
}

/// One line of a file's history, with who acted (the applicant's page does not show names).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HistoryEntry {
    pub entry: TimelineEntry,
    pub who: String,
    pub action: String,
}

/// The administration page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminView {
    pub services: Vec<ServiceView>,
    pub agents: Vec<AgentRow>,
    /// The e-mail queue: how many messages are in each state, and the latest ones.
    pub mail_counts: Vec<(MailState, u64)>,
    pub mails: Vec<MailRow>,
}

/// Where an e-mail of the queue is: waiting for its first try, sent, failing (it will be tried
/// again) or failed (given up after every retry).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sea_orm::DeriveActiveEnum, sea_orm::EnumIter))]
#[cfg_attr(feature = "ssr", sea_orm(rs_type = "String", db_type = "Text"))]
#[serde(rename_all = "snake_case")]
pub enum MailState {
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "queued"))]
    Queued,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "sent"))]
    Sent,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "failing"))]
    Failing,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "failed"))]
    Failed,
}

impl MailState {
    pub const ALL: [MailState; 4] = [Self::Queued, Self::Sent, Self::Failing, Self::Failed];

    pub fn label(self, lang: crate::i18n::Lang) -> &'static str {
        lang.t(match self {
            Self::Queued => Msg::InstructionQueued,
            Self::Sent => Msg::InstructionSent,
            Self::Failing => Msg::InstructionFailingWillRetry,
            Self::Failed => Msg::InstructionGivenUp,
        })
    }
}

/// One message of the queue as administrators see it (never its body).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MailRow {
    pub id: i64,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub kind: String,
    pub recipients: Vec<String>,
    pub subject: String,
    pub state: MailState,
    pub attempts: i32,
    pub last_error: Option<String>,
    pub sent_at: Option<chrono::DateTime<chrono::Utc>>,
    pub next_attempt_at: chrono::DateTime<chrono::Utc>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgentRow {
    pub id: i32,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub active: bool,
    pub service_codes: Vec<String>,
}

/// What the public check answers: the status and minimal data.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VerifyAnswer {
    pub status: VerifyStatus,
    pub initials: String,
    pub employer_name: String,
    pub valid_from: NaiveDate,
    pub valid_until: NaiveDate,
    pub number: String,
}

/// One month (or the total) of one département (or all), in the public statistics.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct StatsRow {
    /// `YYYY-MM`, or empty for every month.
    pub month: String,
    /// Empty for every département.
    pub departement: String,
    pub submitted: u64,
    pub accepted: u64,
    pub refused: u64,
    /// Median days from submission to decision, of the files decided.
    pub median_days: Option<f64>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Stats {
    /// Every département together, month by month (oldest first).
    pub by_month: Vec<StatsRow>,
    /// Each département, all months together.
    pub by_departement: Vec<StatsRow>,
    pub total: StatsRow,
}

/// The median of some values (none for none).
pub fn median(values: &mut [f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(|a, b| a.total_cmp(b));
    let n = values.len();
    Some(if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / 2.0
    })
}

/// The median of values given as a histogram of (value, how many), sorted by value: the value
/// in the middle, or the mean of the two in the middle (none for none).
pub fn median_of_histogram(histogram: &[(i32, u64)]) -> Option<f64> {
    let n: u64 = histogram.iter().map(|(_, k)| k).sum();
    if n == 0 {
        return None;
    }
    // The value at 0-based rank `i` of the sorted values.
    let at = |i: u64| {
        let mut seen = 0;
        histogram.iter().find_map(|&(v, k)| {
            seen += k;
            (i < seen).then_some(f64::from(v))
        })
    };
    Some(if n % 2 == 1 {
        at(n / 2)?
    } else {
        (at(n / 2 - 1)? + at(n / 2)?) / 2.0
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn q(pairs: &[(&str, &str)]) -> QueueQuery {
        QueueQuery::from_pairs(|k| {
            pairs
                .iter()
                .find(|(key, _)| *key == k)
                .map(|(_, v)| (*v).to_owned())
        })
    }

    #[test]
    fn filters_read_leniently() {
        let f = q(&[]).filters();
        assert_eq!((f.tab, f.cursor, f.search), (Tab::ToProcess, None, None));
        let f = q(&[
            ("onglet", "decides"),
            ("etat", "refused"),
            ("contrat", "cifre"),
            ("du", "2027-01-01"),
            ("au", "pas une date"),
            ("q", "  Diop "),
            ("apres", " apt-2026-75-k7q4m2 "),
            ("avant", "APT-2026-75-AAAAAA"),
        ])
        .filters();
        assert_eq!(f.tab, Tab::Decided);
        assert_eq!(f.state, Some(DossierState::Refused));
        assert_eq!(f.contract, Some(Contract::Cifre));
        assert_eq!(f.from, NaiveDate::from_ymd_opt(2027, 1, 1));
        assert_eq!(f.to, None);
        assert_eq!(f.search.as_deref(), Some("Diop"));
        assert_eq!(
            f.cursor,
            Some(Cursor::After("APT-2026-75-K7Q4M2".into())),
            "after wins"
        );
        // A state outside the tab is dropped; a nonsense tab is the first one; an old page
        // number is the first page.
        let f = q(&[
            ("onglet", "x"),
            ("etat", "refused"),
            ("page", "3"),
            ("avant", " "),
        ])
        .filters();
        assert_eq!((f.tab, f.state, f.cursor), (Tab::ToProcess, None, None));
    }

    #[test]
    fn query_strings_round_trip() {
        let query = q(&[
            ("onglet", "decides"),
            ("etat", "accepted"),
            ("q", "Awa Diop"),
            ("apres", "APT-2026-75-K7Q4M2"),
        ]);
        assert_eq!(
            query.to_query(None, Some(&Cursor::Before("APT-2026-75-AAAAAA".into()))),
            "onglet=decides&etat=accepted&q=Awa%20Diop&avant=APT-2026-75-AAAAAA"
        );
        // Another tab drops the state and the page.
        assert_eq!(
            query.to_query(Some(Tab::InReview), None),
            "onglet=en-instruction&q=Awa%20Diop"
        );
    }

    #[test]
    fn medians() {
        assert_eq!(median(&mut []), None);
        assert_eq!(median(&mut [3.0]), Some(3.0));
        assert_eq!(median(&mut [9.0, 1.0, 4.0]), Some(4.0));
        assert_eq!(median(&mut [1.0, 2.0, 10.0, 4.0]), Some(3.0));
    }

    proptest! {
        /// A histogram's median is the median of the values it counts.
        #[test]
        fn a_histograms_median_is_its_values_median(counts in proptest::collection::btree_map(0i32..400, 1u64..6, 0..30)) {
            let histogram: Vec<(i32, u64)> = counts.into_iter().collect();
            let mut values: Vec<f64> = histogram
                .iter()
                .flat_map(|&(v, k)| std::iter::repeat_n(f64::from(v), k as usize))
                .collect();
            prop_assert_eq!(median_of_histogram(&histogram), median(&mut values));
        }

        /// Filters written to a URL and read back are the same filters.
        #[test]
        fn filters_survive_the_url(tab in 0usize..4, state in 0usize..7, after in proptest::option::of("APT-2026-[0-9]{2}-[A-Z0-9]{6}"), search in "[a-zA-Zé0-9 ]{0,20}") {
            let tab = Tab::ALL[tab];
            let state = DossierState::ALL[state];
            let query = QueueQuery {
                tab: Some(tab.code().into()),
                state: Some(state.code().into()),
                q: Some(search),
                after,
                ..Default::default()
            };
            let url = query.to_query(None, query.filters().cursor.as_ref());
            let pairs: Vec<(String, String)> = url.split('&').filter_map(|p| p.split_once('=')).map(|(k, v)| (k.to_owned(), crate::url::decode(v))).collect();
            let back = QueueQuery::from_pairs(|k| pairs.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone()));
            prop_assert_eq!(back.filters(), query.filters());
        }
    }
}

/// An action on a file, as the file page's forms send it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ActRequest {
    pub number: String,
    /// The version the instructor saw.
    pub version: i32,
    pub act: Act,
    pub message: String,
    /// Document codes asked for (change requests).
    pub documents: Vec<String>,
    /// `valid_from`, `valid_until` (acceptance).
    pub validity: RawForm,
}

/// A change on the administration page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum AdminChange {
    /// Creates a service, or renames it (by code).
    Service {
        code: String,
        name: String,
        email: String,
    },
    /// Which service serves a département, and whether it is open.
    Departement {
        code: String,
        service_code: Option<String>,
        open: bool,
    },
    /// Creates an agent (a password is needed) or updates one (by e-mail).
    Agent {
        email: String,
        name: String,
        role: Role,
        service_codes: Vec<String>,
        password: Option<String>,
        active: bool,
    },
}
