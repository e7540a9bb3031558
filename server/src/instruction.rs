//! The instructor's side over the database, the storage and the mail: sign-in, the queue, a
//! file, the actions of the state machine (rules.md §4), the administration, the public check
//! and the statistics. Every call checks the agent's role and territory here, whatever the page.

use std::collections::{BTreeMap, HashMap};

use app::instruction::{
    ActRequest, AdminChange, AdminView, AgentRow, AgentView, AuthorisationView, FileView, Filters,
    HistoryEntry, QueuePage, QueueRow, ServiceView, Stats, StatsRow, VerifyAnswer, PAGE_SIZE,
};
use app::model::AppError;
use app::rules::decision::{self, Act, Role, Tab};
use app::rules::dossier::{Actor, DossierState};
use app::rules::eligibility::Outcome;
use app::rules::{DocumentKind, ErrorCode, FieldError};
use app::ssr::{AgentSession, Instruction};
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use sea_orm::sea_query::{Expr, Func};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, Select, Set,
};

use crate::accounts::{self, AccountError, NewAgent};
use crate::applicants::{db_err, form_of, internal, timeline_entry, Parsed, Services};
use crate::db::entities::{
    agent, agent_service, agent_session, authorisation, departement, dossier, instruction_service,
};
use crate::limiter::{forgive_attempts, minutes_until, reserve_attempt};
use crate::security::SecurityEvent;
use crate::{authorisation as pdf, notify, secret};

pub const AGENT_SESSION_HOURS: i64 = app::api::instruction::AGENT_SESSION_HOURS;
pub const MAX_LOGIN_ATTEMPTS: i32 = 5;
pub const LOGIN_LOCK_MINUTES: i64 = 15;
/// Wrong birth dates for one verification code before it is locked for a while.
pub const MAX_CHECK_ATTEMPTS: i32 = 5;

impl From<AccountError> for AppError {
    fn from(e: AccountError) -> Self {
        match e {
            AccountError::Invalid(f) => AppError::Invalid(vec![f]),
            AccountError::UnknownService(_) => {
                AppError::Invalid(vec![FieldError::new("services", ErrorCode::InvalidChoice)])
            }
            AccountError::Other(e) => internal(e),
        }
    }
}

/// Initials as the public check shows them: "A. D." for Awa Diop.
pub fn initials(given: &str, family: &str) -> String {
    [given, family]
        .iter()
        .filter_map(|s| s.trim().chars().next())
        .map(|c| format!("{}.", c.to_uppercase()))
        .collect::<Vec<_>>()
        .join(" ")
}

impl Services {
    /// A filed file of the agent's services, or `NotFound` (another service's file is not told apart
    /// from one that does not exist).
    pub async fn file_of(
        &self,
        a: &AgentSession,
        number: &str,
    ) -> Result<dossier::Model, AppError> {
        visible(a)
            .filter(dossier::Column::Number.eq(number.trim().to_uppercase()))
            .one(&self.db)
            .await
            .map_err(db_err)?
            .ok_or(AppError::NotFound)
    }

    /// The queue's query for these filters, without the tab's state (the counts vary it).
    fn queue_select(&self, a: &AgentSession, f: &Filters) -> Select<dossier::Entity> {
        let mut q = visible(a);
        if let Some(c) = f.contract {
            q = q.filter(dossier::Column::ContractType.eq(c));
        }
        if let Some(from) = f.from {
            q = q.filter(dossier::Column::ContractStart.gte(from));
        }
        if let Some(to) = f.to {
            q = q.filter(dossier::Column::ContractStart.lte(to));
        }
        if let Some(search) = &f.search {
            let compact: String = search.chars().filter(|c| !c.is_whitespace()).collect();
            q = if compact.len() == 14 && compact.bytes().all(|b| b.is_ascii_digit()) {
                q.filter(dossier::Column::Siret.eq(compact))
            } else if compact.to_uppercase().starts_with("APT-") {
                // A whole number (APT-year-département-suffix) is found through its unique
                // index; a beginning, by prefix.
                let upper = compact.to_uppercase();
                let parts: Vec<&str> = upper.split('-').collect();
                if parts.len() == 4 && parts[3].len() == 6 {
                    q.filter(dossier::Column::Number.eq(upper))
                } else {
                    q.filter(dossier::Column::Number.starts_with(upper))
                }
            } else {
                use sea_orm::sea_query::ExprTrait as _;
                let pattern = format!("%{}%", search.to_lowercase().replace(['\\', '%', '_'], ""));
                q.filter(
                    Condition::any()
                        .add(
                            Expr::expr(Func::lower(Expr::col(dossier::Column::StudentName)))
                                .like(pattern),
                        )
                        .add(dossier::Column::Number.eq(search.to_uppercase())),
                )
            };
        }
        q
    }

    async fn stats_rows(&self) -> Result<Stats, AppError> {
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
            .await
            .map_err(db_err)?;
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

    async fn services_view(&self, ids: Option<&[i32]>) -> Result<Vec<ServiceView>, AppError> {
        let mut q =
            instruction_service::Entity::find().order_by_asc(instruction_service::Column::Code);
        if let Some(ids) = ids {
            q = q.filter(instruction_service::Column::Id.is_in(ids.to_vec()));
        }
        let services = q.all(&self.db).await.map_err(db_err)?;
        let deps = departement::Entity::find()
            .order_by_asc(departement::Column::Code)
            .all(&self.db)
            .await
            .map_err(db_err)?;
        Ok(services
            .into_iter()
            .map(|s| ServiceView {
                departements: deps
                    .iter()
                    .filter(|d| d.service_id == Some(s.id))
                    .map(|d| (d.code.clone(), d.open))
                    .collect(),
                id: s.id,
                code: s.code,
                name: s.name,
                email: s.email,
            })
            .collect())
    }

    /// The authorisation PDF of an accepted file.
    pub async fn authorisation_pdf(
        &self,
        d: &dossier::Model,
        a: &authorisation::Model,
    ) -> Result<Vec<u8>, AppError> {
        let parsed = self.parsed_as_filed(d);
        let service = self.service_name(d).await?;
        Ok(pdf::authorisation_pdf(
            d,
            a,
            &parsed,
            &service,
            &self.public_url,
            d.lang,
        ))
    }

    /// The steps read as on the day the file was filed (dates in the past are not errors then).
    pub fn parsed_as_filed(&self, d: &dossier::Model) -> Parsed {
        let day = d
            .submitted_at
            .map(|t| t.date_naive())
            .unwrap_or_else(|| self.today());
        Parsed::of(d, day, &self.rules)
    }

    /// Whether an agent may see a file (for the document routes).
    pub async fn agent_may_see(
        &self,
        a: &AgentSession,
        dossier_id: &str,
    ) -> Result<bool, AppError> {
        Ok(visible(a)
            .filter(dossier::Column::Id.eq(dossier_id))
            .one(&self.db)
            .await
            .map_err(db_err)?
            .is_some())
    }

    /// The queue as CSV rows (every page), for the export.
    pub async fn queue_csv(&self, a: &AgentSession, f: &Filters) -> Result<String, AppError> {
        let states: Vec<DossierState> = match f.state {
            Some(s) => vec![s],
            None => f.tab.states().to_vec(),
        };
        let rows = order(
            self.queue_select(a, f)
                .filter(dossier::Column::State.is_in(states)),
            f.tab,
        )
        .limit(100_000)
        .all(&self.db)
        .await
        .map_err(db_err)?;
        let mut out = String::from(
            "numero;etat;etudiant;siret;departement;contrat;debut_contrat;fin_titre;depose_le\r\n",
        );
        for d in rows {
            let r = row(&d);
            let cells = [
                r.number,
                r.state.code().to_owned(),
                r.student_name,
                r.siret,
                r.departement,
                r.contract.map(|c| c.code().to_owned()).unwrap_or_default(),
                r.contract_start.map(|d| d.to_string()).unwrap_or_default(),
                r.permit_expires.map(|d| d.to_string()).unwrap_or_default(),
                r.submitted_at,
            ];
            out.push_str(
                &cells
                    .iter()
                    .map(|c| csv_cell(c))
                    .collect::<Vec<_>>()
                    .join(";"),
            );
            out.push_str("\r\n");
        }
        Ok(out)
    }
}

/// The files an agent may see, find and act on: filed files of the agent's services. Every read
/// of the instructor's side starts here.
fn visible(a: &AgentSession) -> Select<dossier::Entity> {
    dossier::Entity::find()
        .filter(dossier::Column::ServiceId.is_in(a.service_ids.clone()))
        .filter(dossier::Column::State.ne(DossierState::Draft))
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

/// Most urgent first: the contract's start, then the permit's expiry; decided files, latest first.
fn order(q: Select<dossier::Entity>, tab: Tab) -> Select<dossier::Entity> {
    match tab {
        Tab::Decided => q
            .order_by_desc(dossier::Column::DecidedAt)
            .order_by_asc(dossier::Column::Id),
        _ => q
            .order_by_asc(dossier::Column::ContractStart)
            .order_by_asc(dossier::Column::PermitExpires)
            .order_by_asc(dossier::Column::SubmittedAt)
            .order_by_asc(dossier::Column::Id),
    }
}

fn row(d: &dossier::Model) -> QueueRow {
    QueueRow {
        number: d.number.clone().unwrap_or_default(),
        state: d.state,
        student_name: d.student_name.clone().unwrap_or_default(),
        siret: d.siret.clone().unwrap_or_default(),
        departement: d.departement.clone().unwrap_or_default(),
        contract: d.contract_type,
        contract_start: d.contract_start,
        permit_expires: d.permit_expires,
        submitted_at: d.submitted_at.map(|t| t.to_rfc3339()).unwrap_or_default(),
    }
}

#[async_trait::async_trait]
impl Instruction for Services {
    async fn log_in(
        &self,
        email: &str,
        password: &str,
        previous: Option<&str>,
        client: &str,
    ) -> Result<String, AppError> {
        let now = self.now();
        self.login_limiter
            .attempt(client, now)
            .map_err(|minutes| AppError::RateLimited { minutes })?;
        let found = agent::Entity::find()
            .filter(agent::Column::Email.eq(email.trim().to_lowercase()))
            .one(&self.db)
            .await
            .map_err(db_err)?;
        // The guess is reserved before the password is checked, in one statement: however many
        // arrive at once, at most MAX_LOGIN_ATTEMPTS are checked before the account locks.
        let reserved = match &found {
            Some(a) => reserve_attempt::<agent::Entity>(
                &self.db,
                agent::Column::FailedLogins,
                agent::Column::LockedUntil,
                Condition::all().add(agent::Column::Id.eq(a.id)),
                MAX_LOGIN_ATTEMPTS,
                Duration::minutes(LOGIN_LOCK_MINUTES),
                now,
                &[],
            )
            .await
            .map_err(db_err)?,
            None => false,
        };
        // The same work and the same answer whether the address exists, is locked or not:
        // neither the message nor the time tells which addresses have accounts.
        let hash = found
            .as_ref()
            .filter(|_| reserved)
            .map(|a| a.password_hash.clone())
            .unwrap_or_else(|| secret::DUMMY_HASH.clone());
        let typed = password.to_owned();
        let ok = secret::slow(move || secret::verify_code(&typed, &hash))
            .await
            .map_err(internal)?;
        let agent = match found {
            Some(a) if ok && reserved && a.active => a,
            Some(a) => {
                let event = if !reserved {
                    SecurityEvent::SignInWhileLocked
                } else if self.agent_locked(a.id, now).await? {
                    SecurityEvent::Lockout
                } else {
                    SecurityEvent::SignInFailed
                };
                self.security(event, &a.email, client, None).await;
                return Err(AppError::BadCredentials);
            }
            None => {
                self.security(SecurityEvent::SignInFailed, email.trim(), client, None)
                    .await;
                return Err(AppError::BadCredentials);
            }
        };
        let agent_email = agent.email.clone();
        let token = secret::new_token();
        let txn = crate::db::write_txn(&self.db).await.map_err(db_err)?;
        // A new session on every sign-in; the browser's previous one ends, and stale ones go.
        if let Some(previous) = previous {
            agent_session::Entity::delete_by_id(secret::token_hash(previous))
                .exec(&txn)
                .await
                .map_err(db_err)?;
        }
        agent_session::Entity::delete_many()
            .filter(agent_session::Column::AgentId.eq(agent.id))
            .filter(agent_session::Column::ExpiresAt.lt(now))
            .exec(&txn)
            .await
            .map_err(db_err)?;
        agent_session::ActiveModel {
            token_hash: Set(secret::token_hash(&token)),
            agent_id: Set(agent.id),
            expires_at: Set(now + Duration::hours(AGENT_SESSION_HOURS)),
            created_at: Set(now),
        }
        .insert(&txn)
        .await
        .map_err(db_err)?;
        let mut update: agent::ActiveModel = agent.into();
        update.failed_logins = Set(0);
        update.locked_until = Set(None);
        update.update(&txn).await.map_err(db_err)?;
        txn.commit().await.map_err(db_err)?;
        self.login_limiter.clear(client);
        self.security(SecurityEvent::SignInSucceeded, &agent_email, client, None)
            .await;
        Ok(token)
    }

    async fn agent(&self, token: &str) -> Result<AgentSession, AppError> {
        let session = agent_session::Entity::find_by_id(secret::token_hash(token))
            .one(&self.db)
            .await
            .map_err(db_err)?
            .filter(|s| s.expires_at > self.now())
            .ok_or(AppError::NotSignedIn)?;
        let agent = agent::Entity::find_by_id(session.agent_id)
            .one(&self.db)
            .await
            .map_err(db_err)?
            .filter(|a| a.active)
            .ok_or(AppError::NotSignedIn)?;
        let service_ids = agent_service::Entity::find()
            .filter(agent_service::Column::AgentId.eq(agent.id))
            .all(&self.db)
            .await
            .map_err(db_err)?
            .into_iter()
            .map(|s| s.service_id)
            .collect();
        Ok(AgentSession {
            agent_id: agent.id,
            email: agent.email,
            role: agent.role,
            service_ids,
        })
    }

    async fn log_out(&self, token: &str) -> Result<(), AppError> {
        agent_session::Entity::delete_by_id(secret::token_hash(token))
            .exec(&self.db)
            .await
            .map_err(db_err)?;
        Ok(())
    }

    async fn me(&self, a: &AgentSession) -> Result<AgentView, AppError> {
        let agent = agent::Entity::find_by_id(a.agent_id)
            .one(&self.db)
            .await
            .map_err(db_err)?
            .ok_or(AppError::NotSignedIn)?;
        Ok(AgentView {
            id: agent.id,
            email: agent.email,
            name: agent.name,
            role: a.role,
            services: self.services_view(Some(&a.service_ids)).await?,
        })
    }

    async fn queue(&self, a: &AgentSession, f: &Filters) -> Result<QueuePage, AppError> {
        let base = self.queue_select(a, f);
        // Each count is a range of the (service, state, contract start) index.
        let mut counts = Vec::new();
        for tab in Tab::ALL {
            let codes = tab.states().to_vec();
            let n = base
                .clone()
                .filter(dossier::Column::State.is_in(codes))
                .count(&self.db)
                .await
                .map_err(db_err)?;
            counts.push((*tab, n));
        }
        let codes: Vec<DossierState> = match f.state {
            Some(s) => vec![s],
            None => f.tab.states().to_vec(),
        };
        let selected = base.filter(dossier::Column::State.is_in(codes));
        let total = match f.state {
            None => counts
                .iter()
                .find(|(t, _)| *t == f.tab)
                .map_or(0, |(_, n)| *n),
            Some(_) => selected.clone().count(&self.db).await.map_err(db_err)?,
        };
        let pages = total.div_ceil(PAGE_SIZE).max(1) as u32;
        let page = f.page.min(pages);
        let rows = order(selected, f.tab)
            .offset(u64::from(page - 1) * PAGE_SIZE)
            .limit(PAGE_SIZE)
            .all(&self.db)
            .await
            .map_err(db_err)?;
        Ok(QueuePage {
            rows: rows.iter().map(row).collect(),
            total,
            page,
            pages,
            counts,
        })
    }

    async fn file(&self, a: &AgentSession, number: &str) -> Result<FileView, AppError> {
        let d = self.file_of(a, number).await?;
        let parsed = self.parsed_as_filed(&d);
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
            .await
            .map_err(db_err)?;
        let mut forms = BTreeMap::new();
        for (key, json) in [
            ("student", &d.student_form),
            ("employer", &d.employer_form),
            ("job", &d.job_form),
        ] {
            forms.insert(key.to_owned(), form_of(json));
        }
        Ok(FileView {
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
            documents: self.slots(&parsed, &files, &Self::requested(&d)),
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

    async fn act(&self, a: &AgentSession, r: ActRequest) -> Result<(), AppError> {
        let d = self.file_of(a, &r.number).await?;
        let from = d.state;
        // Required for some actions; optional for the others, but checked when given.
        let message = if r.act.needs_message() || !r.message.trim().is_empty() {
            Some(
                decision::message(&r.message)
                    .map_err(|c| AppError::Invalid(vec![FieldError::new("message", c)]))?,
            )
        } else {
            None
        };
        if r.act == Act::Message {
            return self
                .instructor_message(a, &d, message.unwrap_or_default())
                .await;
        }
        // What the instructor saw is what is acted on: a file changed since is refused.
        if r.version != d.version {
            return Err(AppError::Conflict);
        }
        let now = self.now();
        let mut update = <dossier::ActiveModel as Default>::default();
        // Beside the file's row: an acceptance issues the authorisation, a revocation withdraws it.
        let mut issue = None;
        let mut revoke = None;
        let to = match r.act.transition() {
            Some(action) => {
                let to = from
                    .apply(action, Actor::Instructor)
                    .map_err(|_| AppError::IllegalTransition { from, action })?;
                update.state = Set(to);
                if to.is_final() {
                    update.decided_at = Set(Some(now));
                }
                Some(to)
            }
            None => None,
        };
        match r.act {
            Act::RequestChanges => {
                let kinds: Vec<String> = r
                    .documents
                    .iter()
                    .filter_map(|c| DocumentKind::from_code(c))
                    .map(|k| k.code().to_owned())
                    .collect();
                update.requested_documents =
                    Set(Some(serde_json::to_string(&kinds).map_err(internal)?));
            }
            Act::Accept => {
                let parsed = self.parsed_as_filed(&d);
                let (Some(student), Some(job), Some(employer), Some(eligibility)) = (
                    &parsed.student,
                    &parsed.job,
                    &parsed.employer,
                    &parsed.eligibility,
                ) else {
                    return Err(internal("an accepted file must parse"));
                };
                if eligibility.outcome != Outcome::Required {
                    return Err(AppError::Stopped(eligibility.outcome));
                }
                let validity =
                    decision::validity(&r.validity, student, job).map_err(AppError::Invalid)?;
                let issued = authorisation::ActiveModel {
                    dossier_id: Set(d.id.clone()),
                    code: Set(secret::new_verification_code()),
                    valid_from: Set(validity.from),
                    valid_until: Set(validity.until),
                    max_annual_hours: Set(eligibility.max_annual_hours),
                    issued_at: Set(now),
                    issued_by: Set(a.email.clone()),
                    revoked_at: Set(None),
                    birth_date: Set(student.birth_date),
                    initials: Set(initials(&student.given_names, &student.family_name)),
                    employer_name: Set(employer.employer_name.clone()),
                    failed_checks: Set(0),
                    locked_until: Set(None),
                };
                issue = Some((issued, parsed));
            }
            Act::Revoke => {
                let current = authorisation::Entity::find_by_id(d.id.clone())
                    .one(&self.db)
                    .await
                    .map_err(db_err)?
                    .filter(|i| i.revoked_at.is_none())
                    .ok_or(AppError::NotEditable(from))?;
                let mut withdrawn: authorisation::ActiveModel = current.into();
                withdrawn.revoked_at = Set(Some(now));
                revoke = Some(withdrawn);
            }
            _ => {}
        }
        let txn = crate::db::write_txn(&self.db).await.map_err(db_err)?;
        self.bump(&txn, &d, update).await?;
        let issued = match issue {
            Some((model, parsed)) => Some((model.insert(&txn).await.map_err(db_err)?, parsed)),
            None => None,
        };
        if let Some(withdrawn) = revoke {
            withdrawn.update(&txn).await.map_err(db_err)?;
        }
        self.record(
            &txn,
            &d.id,
            Actor::Instructor,
            &a.email,
            r.act.code(),
            Some(from),
            to,
            message.clone(),
        )
        .await?;
        txn.commit().await.map_err(db_err)?;

        // The decision stands from here: the e-mail goes out whatever happens to its attachment.
        let lang = d.lang;
        let number = d.number.clone().unwrap_or_default();
        let followers = Self::followers(&d);
        let mut mail = if r.act == Act::Revoke {
            notify::revoked(
                &followers,
                &number,
                message.as_deref(),
                &self.public_url,
                lang,
            )
        } else {
            notify::state_changed(
                &followers,
                &number,
                to.unwrap_or(from),
                message.as_deref(),
                &self.public_url,
                lang,
            )
        };
        if let Some((issued, parsed)) = &issued {
            match self.service_name(&d).await {
                Ok(service) => mail.attachments.push(crate::mail::MailAttachment {
                    file_name: format!("autorisation-{number}.pdf"),
                    content_type: "application/pdf".into(),
                    bytes: pdf::authorisation_pdf(
                        &d,
                        issued,
                        parsed,
                        &service,
                        &self.public_url,
                        lang,
                    ),
                }),
                Err(e) => tracing::error!("authorisation of {number} not attached: {e}"),
            }
        }
        self.send(&mail).await;
        Ok(())
    }

    async fn admin(&self, a: &AgentSession) -> Result<AdminView, AppError> {
        if a.role != Role::Admin {
            return Err(AppError::Forbidden);
        }
        let agents = agent::Entity::find()
            .order_by_asc(agent::Column::Email)
            .all(&self.db)
            .await
            .map_err(db_err)?;
        let links = agent_service::Entity::find()
            .all(&self.db)
            .await
            .map_err(db_err)?;
        let services = self.services_view(None).await?;
        let code_of: HashMap<i32, String> =
            services.iter().map(|s| (s.id, s.code.clone())).collect();
        Ok(AdminView {
            agents: agents
                .into_iter()
                .map(|g| AgentRow {
                    service_codes: links
                        .iter()
                        .filter(|l| l.agent_id == g.id)
                        .filter_map(|l| code_of.get(&l.service_id).cloned())
                        .collect(),
                    id: g.id,
                    email: g.email,
                    name: g.name,
                    role: g.role,
                    active: g.active,
                })
                .collect(),
            services,
        })
    }

    async fn administer(
        &self,
        a: &AgentSession,
        change: AdminChange,
        client: &str,
    ) -> Result<(), AppError> {
        if a.role != Role::Admin {
            return Err(AppError::Forbidden);
        }
        match change {
            AdminChange::Service { code, name, email } => {
                accounts::save_service(&self.db, &code, &name, &email).await?;
            }
            AdminChange::Departement {
                code,
                service_code,
                open,
            } => {
                let service_id = match service_code {
                    Some(code) => Some(
                        instruction_service::Entity::find()
                            .filter(instruction_service::Column::Code.eq(code))
                            .one(&self.db)
                            .await
                            .map_err(db_err)?
                            .ok_or_else(|| {
                                AppError::Invalid(vec![FieldError::new(
                                    "service_code",
                                    ErrorCode::InvalidChoice,
                                )])
                            })?
                            .id,
                    ),
                    None => None,
                };
                accounts::save_departement(&self.db, &code, service_id, open).await?;
            }
            AdminChange::Agent {
                email,
                name,
                role,
                service_codes,
                password,
                active,
            } => {
                // An administrator cannot lock themself out.
                if email.trim().eq_ignore_ascii_case(&a.email) && (!active || role != Role::Admin) {
                    return Err(AppError::Forbidden);
                }
                let saved = accounts::save_agent(
                    &self.db,
                    NewAgent {
                        email: &email,
                        name: &name,
                        role,
                        service_codes: &service_codes,
                        password: password.as_deref(),
                        active,
                    },
                )
                .await?;
                let by = Some(format!("by {}", a.email));
                let subject = email.trim().to_lowercase();
                for (happened, event) in [
                    (true, SecurityEvent::AccountSaved),
                    (saved.password_changed, SecurityEvent::PasswordChanged),
                    (saved.role_changed, SecurityEvent::RoleChanged),
                    (saved.deactivated, SecurityEvent::AccountDeactivated),
                ] {
                    if happened {
                        self.security(event, &subject, client, by.clone()).await;
                    }
                }
            }
        }
        Ok(())
    }

    async fn verify(
        &self,
        code: &str,
        birth: NaiveDate,
        client: &str,
    ) -> Result<VerifyAnswer, AppError> {
        let now = self.now();
        self.verify_limiter
            .attempt(client, now)
            .map_err(|minutes| AppError::RateLimited { minutes })?;
        let found = authorisation::Entity::find()
            .filter(authorisation::Column::Code.eq(code))
            .one(&self.db)
            .await
            .map_err(db_err)?;
        let Some(issued) = found else {
            return Err(AppError::NoMatch);
        };
        // Reserved before the birth date is compared, in one statement (see `log_in`).
        let which =
            Condition::all().add(authorisation::Column::DossierId.eq(issued.dossier_id.clone()));
        let reserved = reserve_attempt::<authorisation::Entity>(
            &self.db,
            authorisation::Column::FailedChecks,
            authorisation::Column::LockedUntil,
            which.clone(),
            MAX_CHECK_ATTEMPTS,
            Duration::minutes(LOGIN_LOCK_MINUTES),
            now,
            &[],
        )
        .await
        .map_err(db_err)?;
        if !reserved {
            let until = authorisation::Entity::find_by_id(issued.dossier_id.clone())
                .one(&self.db)
                .await
                .map_err(db_err)?
                .and_then(|a| a.locked_until)
                .unwrap_or(now);
            return Err(AppError::RateLimited {
                minutes: minutes_until(until, now),
            });
        }
        if issued.birth_date != birth {
            self.security(SecurityEvent::CheckFailed, &issued.dossier_id, client, None)
                .await;
            return Err(AppError::NoMatch);
        }
        forgive_attempts::<authorisation::Entity>(
            &self.db,
            authorisation::Column::FailedChecks,
            authorisation::Column::LockedUntil,
            which,
        )
        .await
        .map_err(db_err)?;
        // A right answer is not a guess: the address gets its attempt back.
        self.verify_limiter.forgive(client);
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

    async fn stats(&self) -> Result<Stats, AppError> {
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
}

impl Services {
    /// Whether the agent's account is locked now (read after a failure, for the log).
    async fn agent_locked(&self, id: i32, now: DateTime<Utc>) -> Result<bool, AppError> {
        Ok(agent::Entity::find_by_id(id)
            .one(&self.db)
            .await
            .map_err(db_err)?
            .and_then(|a| a.locked_until)
            .is_some_and(|u| u > now))
    }

    async fn instructor_message(
        &self,
        a: &AgentSession,
        d: &dossier::Model,
        message: String,
    ) -> Result<(), AppError> {
        self.record(
            &self.db,
            &d.id,
            Actor::Instructor,
            &a.email,
            Act::Message.code(),
            None,
            None,
            Some(message.clone()),
        )
        .await?;
        let lang = d.lang;
        self.send(&notify::message(
            &Self::followers(d),
            d.number.as_deref().unwrap_or_default(),
            &message,
            &self.public_url,
            lang,
        ))
        .await;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_of_names() {
        assert_eq!(initials("Awa", "Diop"), "A. D.");
        assert_eq!(initials("élodie marie", "N'Guessan"), "É. N.");
        assert_eq!(initials("", "Diop"), "D.");
    }

    #[test]
    fn csv_cells_are_quoted_and_defused() {
        assert_eq!(csv_cell("Diop Awa"), "Diop Awa");
        assert_eq!(csv_cell("a;b"), "\"a;b\"");
        assert_eq!(csv_cell("dit \"Awa\""), "\"dit \"\"Awa\"\"\"");
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_cell("+33"), "'+33");
    }
}
