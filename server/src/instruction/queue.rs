//! The queue: the files an agent may see (`visible`), filtered, counted per tab, paged, most
//! urgent first; one dossier as the instructor reads it; the CSV export.

use std::collections::BTreeMap;

use app::instruction::{
    AuthorisationView, Cursor, DossierView, Filters, HistoryEntry, QueuePage, QueueRow,
    XLSX_MAX_ROWS,
};
use app::model::AppError;
use app::rules::decision::{self, Tab};
use app::rules::dossier::DossierState;
use app::ssr::AgentSession;
use axum::body::Bytes;
use futures_util::StreamExt as _;
use sea_orm::{ColumnTrait, DbBackend, EntityTrait, QueryFilter, QuerySelect, Select};

use super::keyset::{self, SortKey};
use super::{visible, xlsx};
use crate::dossier::{form_of, timeline_entry};
use crate::error::Result;
use crate::infra::db::entities::{authorisation, dossier, queue_count};
use crate::infra::security::SecurityEvent;
use crate::services::Services;

impl Services {
    /// A filed file of the agent's services, or `NotFound` (another service's file is not told apart
    /// from one that does not exist).
    pub async fn dossier_of(&self, agent: &AgentSession, number: &str) -> Result<dossier::Model> {
        visible(agent)
            .filter(dossier::Column::Number.eq(number.trim().to_uppercase()))
            .one(&self.db)
            .await?
            .ok_or(AppError::NotFound.into())
    }

    /// The queue's query for these filters, without the tab's state (the counts vary it).
    fn queue_select(&self, agent: &AgentSession, filters: &Filters) -> Select<dossier::Entity> {
        let mut q = visible(agent);
        if let Some(c) = filters.contract {
            q = q.filter(dossier::Column::ContractType.eq(c));
        }
        if let Some(from) = filters.from {
            q = q.filter(dossier::Column::ContractStart.gte(from));
        }
        if let Some(to) = filters.to {
            q = q.filter(dossier::Column::ContractStart.lte(to));
        }
        if let Some(search) = &filters.search {
            let backend = self.db.get_database_backend();
            q = q.filter(super::search::Search::parse(search).condition(backend));
        }
        q
    }

    pub(crate) async fn queue_page(
        &self,
        agent: &AgentSession,
        filters: &Filters,
    ) -> Result<QueuePage> {
        let base = self.queue_select(agent, filters);
        // Files per state: read from the kept counts, or with a filter or a search counted in
        // one query (the filter's or the search's index read once). The tabs' counts and the
        // page's total are sums of them.
        let per_state = self.state_counts(agent, filters, &base).await?;
        let counts = Tab::ALL
            .iter()
            .map(|tab| (*tab, files_in(&per_state, tab.states())))
            .collect();
        let total = files_in(&per_state, &shown_states(filters));
        let (rows, previous, next) = self.keyset_page(agent, filters, &base).await?;
        Ok(QueuePage {
            rows: rows.iter().map(row).collect(),
            total,
            previous,
            next,
            counts,
        })
    }

    /// The files of `base` per state: read from the kept counts, or with a filter or a search
    /// counted in one query.
    async fn state_counts(
        &self,
        agent: &AgentSession,
        filters: &Filters,
        base: &Select<dossier::Entity>,
    ) -> Result<Vec<(DossierState, i64)>> {
        Ok(if filters.narrowed() {
            per_state(base, self.db.get_database_backend())
                .into_tuple()
                .all(&self.db)
                .await?
        } else {
            self.kept_counts(agent).await?
        })
    }

    /// Where the page starts: the cursor's file and whether the page follows it; none found
    /// (another service's, or a date of the order missing): the beginning.
    async fn page_start(
        &self,
        agent: &AgentSession,
        filters: &Filters,
    ) -> Result<(Option<SortKey>, bool)> {
        let Some(cursor) = &filters.cursor else {
            return Ok((None, true));
        };
        let forward = matches!(cursor, Cursor::After(_));
        let key = visible(agent)
            .filter(dossier::Column::Number.eq(cursor.number()))
            .one(&self.db)
            .await?
            .and_then(|d| SortKey::of(&d, filters.tab));
        Ok(match key {
            Some(key) => (Some(key), forward),
            None => (None, true),
        })
    }

    /// One page of `base` in the states shown, by key (see `keyset`), with the cursors of the
    /// pages around it.
    async fn keyset_page(
        &self,
        agent: &AgentSession,
        filters: &Filters,
        base: &Select<dossier::Entity>,
    ) -> Result<(Vec<dossier::Model>, Option<Cursor>, Option<Cursor>)> {
        let (from, forward) = self.page_start(agent, filters).await?;
        let mut rows = Vec::new();
        for q in keyset::page_queries(
            base,
            self.db.get_database_backend(),
            filters,
            &agent.service_ids,
            &shown_states(filters),
            from.as_ref(),
            forward,
        ) {
            rows.extend(q.all(&self.db).await?);
        }
        let (rows, before, after) = keyset::merge(rows, filters.tab, from.as_ref(), forward);
        let number = |d: Option<&dossier::Model>| d.and_then(|d| d.number.clone());
        let previous = number(rows.first()).filter(|_| before).map(Cursor::Before);
        let next = number(rows.last()).filter(|_| after).map(Cursor::After);
        Ok((rows, previous, next))
    }

    /// The queries of the dossier table a queue page makes, named, as the database receives
    /// them (the plan tests explain each): a count per tab, the page's ranges (from a cursor
    /// when the filters have one: `key`).
    pub fn queue_statements(
        &self,
        agent: &AgentSession,
        filters: &Filters,
        key: Option<&SortKey>,
    ) -> Vec<(String, sea_orm::Statement)> {
        use sea_orm::QueryTrait as _;
        let backend = self.db.get_database_backend();
        let base = self.queue_select(agent, filters);
        let mut out = vec![(
            "counts".to_owned(),
            per_state(&base, backend).build(backend),
        )];
        let states = shown_states(filters);
        for forward in [true, false] {
            let queries = keyset::page_queries(
                &base,
                backend,
                filters,
                &agent.service_ids,
                &states,
                key,
                forward,
            );
            for (i, q) in queries.into_iter().enumerate() {
                out.push((
                    format!("page range {i} (forward: {forward})"),
                    q.build(backend),
                ));
            }
        }
        out
    }

    /// The filed files of the agent's services per state, read from the counts the database
    /// keeps (`queue_count`, a few rows a service), not counted.
    async fn kept_counts(&self, agent: &AgentSession) -> Result<Vec<(DossierState, i64)>> {
        let rows = queue_count::Entity::find()
            .filter(queue_count::Column::ServiceId.is_in(agent.service_ids.clone()))
            .all(&self.db)
            .await?;
        Ok(rows
            .into_iter()
            .filter_map(|r| Some((DossierState::from_code(&r.state)?, r.n)))
            .collect())
    }

    pub(crate) async fn dossier_view(
        &self,
        agent: &AgentSession,
        number: &str,
    ) -> Result<DossierView> {
        let d = self.dossier_of(agent, number).await?;
        let parsed = self.parsed_as_filed(&d)?;
        let files = self.files(&d.id).await?;
        let history = self
            .history(&d.id)
            .await?
            .into_iter()
            .map(|e| HistoryEntry {
                entry: timeline_entry(&e),
                who: e.actor,
                action: e.action,
            })
            .collect();
        let issued = authorisation::Entity::find_by_id(d.id.clone())
            .one(&self.db)
            .await?;
        let mut forms = BTreeMap::new();
        for (key, json) in [
            ("student", &d.student_form),
            ("employer", &d.employer_form),
            ("job", &d.job_form),
        ] {
            forms.insert(key.to_owned(), form_of(json)?);
        }
        Ok(DossierView {
            number: d.number.clone().unwrap_or_default(),
            state: d.state,
            version: d.version,
            service_name: self.service_name(&d).await?,
            departement: d.departement.clone().unwrap_or_default(),
            submitted_at: d.submitted_at.map(|t| t.to_rfc3339()).unwrap_or_default(),
            student_email: d.student_email.clone().unwrap_or_default(),
            employer_email: d.employer_email.clone().unwrap_or_default(),
            forms,
            eligibility: parsed.summary(&d),
            documents: self.slots(&parsed, &files, &Self::requested(&d)?),
            history,
            proposed: match (&parsed.student, &parsed.job) {
                (Some(s), Some(j)) => Some(decision::proposed_validity(s, j)),
                _ => None,
            },
            authorisation: issued.map(|i| AuthorisationView {
                code: i.code,
                validity: decision::Validity {
                    from: i.valid_from,
                    until: i.valid_until,
                },
                max_annual_hours: i.max_annual_hours,
                revoked: i.revoked_at.is_some(),
            }),
        })
    }

    /// Whether an agent may see a file (for the document routes).
    pub async fn agent_may_see(&self, agent: &AgentSession, dossier_id: &str) -> Result<bool> {
        Ok(visible(agent)
            .filter(dossier::Column::Id.eq(dossier_id))
            .one(&self.db)
            .await?
            .is_some())
    }

    /// The queue as CSV or XLSX, every row of every page, with no cap: the rows come from one
    /// database cursor and leave in pieces of about `CSV_CHUNK` bytes through a channel of
    /// `CSV_CHUNKS_AHEAD`, so the memory an export holds does not grow with its rows, and a slow
    /// reader slows the cursor rather than filling memory. A CSV starts with the byte-order mark
    /// French spreadsheets need; a workbook is written on a blocking thread (`xlsx`). When the
    /// last row is out, or the reader went away, the export goes to the security log with its
    /// row count (`audit`), before the body ends. At most `EXPORTS_AT_ONCE` run at once per
    /// instance (each holds a database connection while it runs): past them, `RateLimited`.
    pub fn queue_export(
        &self,
        agent: &AgentSession,
        filters: &Filters,
        format: ExportFormat,
        audit: Option<ExportAudit>,
    ) -> Result<impl futures_util::Stream<Item = std::io::Result<Bytes>> + Send + 'static> {
        let permit = self
            .exports
            .clone()
            .try_acquire_owned()
            .map_err(|_| AppError::RateLimited { minutes: 1 })?;
        let select = keyset::ordered(
            in_states(&self.queue_select(agent, filters), &shown_states(filters)),
            filters.tab,
            true,
        );
        let (tx, rx) = tokio::sync::mpsc::channel(CSV_CHUNKS_AHEAD);
        let services = self.clone();
        tokio::spawn(async move {
            // Written in a task of its own: should it panic, the reader gets an error, not a
            // body that ends as if it were whole.
            let writing = tokio::spawn({
                let (services, tx) = (services.clone(), tx.clone());
                async move {
                    match format {
                        ExportFormat::Csv => services.write_csv(select, &tx).await,
                        ExportFormat::Xlsx(lang) => services.write_xlsx(select, &tx, lang).await,
                    }
                }
            });
            let (rows, end) = match writing.await {
                Ok(written) => written,
                Err(e) => {
                    let _ = tx.send(export_failed("export task failed", e)).await;
                    (0, ExportEnd::Interrupted)
                }
            };
            if let Some(audit) = audit {
                let end = match end {
                    ExportEnd::Complete => "",
                    ExportEnd::Interrupted => ", interrupted",
                    ExportEnd::TooManyRows => ", stopped: more rows than a sheet holds",
                };
                services
                    .security(
                        SecurityEvent::Export,
                        &audit.agent_email,
                        &audit.client,
                        Some(format!("{}: {rows} rows{end}", audit.name)),
                    )
                    .await;
            }
            drop(permit);
            // `tx` goes last: the body ends once the export is logged.
            drop(tx);
        });
        // A stream that may be polled again after its end: the compression layer's reader
        // does so (an `unfold` panicked there, and the browser's download was cut).
        let mut rx = rx;
        Ok(futures_util::stream::poll_fn(move |cx| rx.poll_recv(cx)))
    }

    /// The files these filters show, all pages: what an export would hold.
    pub async fn queue_total(&self, agent: &AgentSession, filters: &Filters) -> Result<u64> {
        let per_state = self
            .state_counts(agent, filters, &self.queue_select(agent, filters))
            .await?;
        Ok(files_in(&per_state, &shown_states(filters)))
    }

    /// Writes the rows of `select` to `tx`; the rows written and how the export ended.
    async fn write_csv(
        &self,
        select: Select<dossier::Entity>,
        tx: &tokio::sync::mpsc::Sender<std::io::Result<Bytes>>,
    ) -> (u64, ExportEnd) {
        let mut out = String::with_capacity(CSV_CHUNK + 1024);
        out.push('\u{feff}');
        out.push_str(CSV_HEADER);
        let mut rows = 0;
        let mut cursor = match select.stream(&self.db).await {
            Ok(cursor) => cursor,
            Err(e) => {
                let _ = tx
                    .send(export_failed("export stopped by the database", e))
                    .await;
                return (0, ExportEnd::Interrupted);
            }
        };
        while let Some(next) = cursor.next().await {
            match next {
                Ok(d) => {
                    csv_line(&mut out, &row(&d));
                    rows += 1;
                }
                Err(e) => {
                    let _ = tx
                        .send(export_failed("export stopped by the database", e))
                        .await;
                    return (rows, ExportEnd::Interrupted);
                }
            }
            if out.len() >= CSV_CHUNK {
                let chunk = std::mem::replace(&mut out, String::with_capacity(CSV_CHUNK + 1024));
                if tx.send(Ok(Bytes::from(chunk))).await.is_err() {
                    return (rows, ExportEnd::Interrupted);
                }
            }
        }
        match tx.send(Ok(Bytes::from(out))).await {
            Ok(()) => (rows, ExportEnd::Complete),
            Err(_) => (rows, ExportEnd::Interrupted),
        }
    }

    /// Feeds the rows of `select` to a workbook written on a blocking thread, which sends the
    /// file to `tx` once the last row is in; the rows written and how the export ended.
    async fn write_xlsx(
        &self,
        select: Select<dossier::Entity>,
        tx: &tokio::sync::mpsc::Sender<std::io::Result<Bytes>>,
        lang: app::i18n::Lang,
    ) -> (u64, ExportEnd) {
        let (feed, mut rows_in) = tokio::sync::mpsc::channel(XLSX_ROWS_AHEAD);
        let out = tx.clone();
        let sheet = tokio::task::spawn_blocking(move || {
            let mut out = xlsx::ChunkWriter::new(out, CSV_CHUNK);
            let written = xlsx::write(&mut rows_in, &mut out, lang, XLSX_MAX_ROWS);
            // The workbook's last piece, sent from this thread (it may wait for the reader).
            let delivered = written.is_ok() && out.finish();
            (written, delivered)
        });
        let fed = async {
            let mut cursor = select.stream(&self.db).await?;
            while let Some(d) = cursor.next().await {
                if tx.is_closed() || feed.send(Some(row(&d?))).await.is_err() {
                    // The reader left, or the sheet stopped (too many rows): so do the rows.
                    return Ok(());
                }
            }
            let _ = feed.send(None).await;
            Ok::<(), sea_orm::DbErr>(())
        }
        .await;
        drop(feed);
        let failed = fed.err();
        let (written, delivered) = match sheet.await {
            Ok(done) => done,
            Err(e) => {
                let _ = tx
                    .send(export_failed("XLSX export's thread failed", e))
                    .await;
                return (0, ExportEnd::Interrupted);
            }
        };
        match (written, failed) {
            (_, Some(e)) => {
                let _ = tx
                    .send(export_failed("export stopped by the database", e))
                    .await;
                (0, ExportEnd::Interrupted)
            }
            (Ok(rows), None) if delivered => (rows, ExportEnd::Complete),
            (Ok(rows), None) => (rows, ExportEnd::Interrupted),
            (Err(xlsx::XlsxFailure::TooManyRows(n)), None) => {
                let _ = tx.send(Err(std::io::Error::other("too many rows"))).await;
                (n, ExportEnd::TooManyRows)
            }
            // The reader went away: nothing to tell anyone but the security log.
            _ if tx.is_closed() => (0, ExportEnd::Interrupted),
            (Err(e), None) => {
                let _ = tx.send(export_failed("XLSX export stopped", e)).await;
                (0, ExportEnd::Interrupted)
            }
        }
    }
}

/// An error, not an end: the download fails instead of looking complete. The cause goes to the
/// log, not to the reader.
fn export_failed(what: &str, e: impl std::fmt::Display) -> std::io::Result<Bytes> {
    tracing::error!(error = %e, "{what}");
    Err(std::io::Error::other("the export stopped"))
}

/// What an export is written as; a workbook's headings and labels are in a language.
#[derive(Clone, Copy, Debug)]
pub enum ExportFormat {
    Csv,
    Xlsx(app::i18n::Lang),
}

/// How an export ended.
enum ExportEnd {
    Complete,
    /// The database failed, or the reader went away.
    Interrupted,
    /// The rows grew past a sheet's between the count and the export.
    TooManyRows,
}

/// Who exported what, for the security log.
#[derive(Clone, Debug)]
pub struct ExportAudit {
    pub agent_email: String,
    pub client: String,
    /// The file's name.
    pub name: String,
}

/// About the size of each piece of an export's body, and how many may wait for a slow reader.
const CSV_CHUNK: usize = 64 * 1024;
const CSV_CHUNKS_AHEAD: usize = 4;
/// Rows that may wait for the workbook's thread.
const XLSX_ROWS_AHEAD: usize = 256;
/// Exports running at once in one instance.
pub const EXPORTS_AT_ONCE: usize = 2;
const CSV_HEADER: &str =
    "numero;etat;etudiant;siret;departement;contrat;debut_contrat;fin_titre;depose_le\r\n";

/// One row of the export, its cells separated by semicolons.
fn csv_line(out: &mut String, r: &QueueRow) {
    let cells = [
        r.number.as_str(),
        r.state.code(),
        &r.student_name,
        &r.siret,
        &r.departement,
        r.contract.map(|c| c.code()).unwrap_or_default(),
        &r.contract_start.map(|d| d.to_string()).unwrap_or_default(),
        &r.permit_expires.map(|d| d.to_string()).unwrap_or_default(),
        &r.submitted_at,
    ];
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push(';');
        }
        out.push_str(&csv_cell(cell));
    }
    out.push_str("\r\n");
}

/// A CSV cell: quoted when needed; a leading formula sign is neutralised for spreadsheets.
pub fn csv_cell(value: &str) -> String {
    let value = if value.starts_with(['=', '+', '-', '@']) {
        format!("'{value}")
    } else {
        value.to_owned()
    };
    if value.contains([';', '"', '\n', '\r', ',']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

/// The files of `base` counted per state, in one query (`state`, `n`). On SQLite the grouping
/// is written so that it cannot follow an index in state order: SQLite would walk the whole
/// service by state to save grouping a few matches, instead of reading the filter's index.
/// The states listed (every tab's, which is every state but a draft) let a date filter be a
/// range of the queue's index within each state.
fn per_state(base: &Select<dossier::Entity>, backend: DbBackend) -> Select<dossier::Entity> {
    let states: Vec<DossierState> = Tab::ALL.iter().flat_map(|t| t.states()).copied().collect();
    let q = in_states(base, &states)
        .select_only()
        .column(dossier::Column::State)
        .column_as(dossier::Column::Id.count(), "n");
    match backend {
        DbBackend::Sqlite => q.group_by(keyset::unindexed(dossier::Column::State)),
        _ => q.group_by(dossier::Column::State),
    }
}

/// The files counted in these states.
fn files_in(per_state: &[(DossierState, i64)], states: &[DossierState]) -> u64 {
    per_state
        .iter()
        .filter(|(s, _)| states.contains(s))
        .map(|(_, n)| (*n).max(0) as u64)
        .sum()
}

/// The states a page shows: the chosen one, or the tab's.
fn shown_states(filters: &Filters) -> Vec<DossierState> {
    match filters.state {
        Some(s) => vec![s],
        None => filters.tab.states().to_vec(),
    }
}

fn in_states(base: &Select<dossier::Entity>, states: &[DossierState]) -> Select<dossier::Entity> {
    base.clone()
        .filter(dossier::Column::State.is_in(states.to_vec()))
}

fn row(dossier: &dossier::Model) -> QueueRow {
    QueueRow {
        number: dossier.number.clone().unwrap_or_default(),
        state: dossier.state,
        student_name: dossier.student_name.clone().unwrap_or_default(),
        siret: dossier.siret.clone().unwrap_or_default(),
        departement: dossier.departement.clone().unwrap_or_default(),
        contract: dossier.contract_type,
        contract_start: dossier.contract_start,
        permit_expires: dossier.permit_expires,
        submitted_at: dossier
            .submitted_at
            .map(|t| t.to_rfc3339())
            .unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_are_quoted_and_defused() {
        assert_eq!(csv_cell("Diop Awa"), "Diop Awa");
        assert_eq!(csv_cell("a;b"), "\"a;b\"");
        assert_eq!(csv_cell("dit \"Awa\""), "\"dit \"\"Awa\"\"\"");
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_cell("+33"), "'+33");
    }
}
