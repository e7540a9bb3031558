//! The applicant's side of a request, over the database, the storage and the mail: start with an
//! e-mailed code, save steps, file, follow. Every input is validated again with `app::rules`.

use std::collections::BTreeMap;
use std::sync::Arc;

use app::i18n::Lang;
use app::model::{
    AppError, DocumentSlot, DraftView, EligibilitySummary, FollowUp, StoredFile, TimelineEntry,
};
use app::rules::dossier::{Action, Actor, DossierState};
use app::rules::eligibility::{FiledBy, Outcome};
use app::rules::request::{self, EmployerDetails, JobDetails, RawForm, Step, StudentDetails};
use app::rules::validation::Email;
use app::rules::{decide, DocumentKind, Eligibility, RulesConfig};
use app::ssr::{ApplicantSession, Applicants, SignedIn};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, Set,
};

use crate::db::entities::{
    access_grant, departement, dossier, dossier_event, instruction_service, session, stored_file,
};
use crate::mail::Mailer;
use crate::storage::Storage;
use crate::{notify, receipt, secret};

/// How long a draft (and an access code) lives after its last save.
pub const DRAFT_LIFETIME_DAYS: i64 = 14;
pub const SESSION_HOURS: i64 = 12;

pub type Clock = Arc<dyn Fn() -> DateTime<Utc> + Send + Sync>;

/// Everything the applicant's requests need.
#[derive(Clone)]
pub struct Services {
    pub db: DatabaseConnection,
    pub rules: Arc<RulesConfig>,
    pub mailer: Arc<Mailer>,
    pub storage: Arc<dyn Storage>,
    pub clock: Clock,
    /// The address people type, for links in e-mails.
    pub public_url: String,
    /// Wrong passwords per client address.
    pub login_limiter: Arc<crate::limiter::Limiter>,
    /// Access-code guesses per client address.
    pub applicant_limiter: Arc<crate::limiter::Limiter>,
    /// Starts and new-code requests per client address.
    pub code_limiter: Arc<crate::limiter::Limiter>,
    /// Wrong guesses on the public check per client address.
    pub verify_limiter: Arc<crate::limiter::Limiter>,
    /// Uploads at once and how long one may take.
    pub uploads: Arc<UploadLimits>,
    /// How long personal data is kept (`retention.rs`).
    pub retention: crate::retention::Retention,
    /// The public statistics and when they were computed.
    pub stats_cache: Arc<std::sync::Mutex<Option<(std::time::Instant, app::instruction::Stats)>>>,
}

/// Uploads at once (`UPLOAD_CONCURRENCY`, default 16) and the time one may take
/// (`UPLOAD_TIMEOUT_SECONDS`, default 120): a slow or stalled sender cannot hold the server.
pub struct UploadLimits {
    pub slots: Arc<tokio::sync::Semaphore>,
    pub timeout: std::time::Duration,
}

pub(crate) fn db_err(e: impl std::fmt::Display) -> AppError {
    tracing::error!("database: {e}");
    AppError::Server("database".into())
}

pub(crate) fn internal(e: impl std::fmt::Display) -> AppError {
    tracing::error!("internal: {e}");
    AppError::Server("internal".into())
}

pub(crate) fn form_of(json: &Option<String>) -> RawForm {
    json.as_deref()
        .and_then(|j| serde_json::from_str(j).ok())
        .unwrap_or_default()
}

/// Deletes the rows of one table that belong to a request.
async fn delete_of_dossier<E: EntityTrait>(
    db: &impl ConnectionTrait,
    column: E::Column,
    dossier_id: &str,
) -> Result<(), AppError> {
    E::delete_many()
        .filter(column.eq(dossier_id))
        .exec(db)
        .await
        .map_err(db_err)?;
    Ok(())
}

/// One line of a request's history as the pages show it.
pub(crate) fn timeline_entry(e: &dossier_event::Model) -> TimelineEntry {
    TimelineEntry {
        at: e.at.to_rfc3339(),
        actor: e.actor_kind,
        state: e.to_state,
        message: e.message.clone(),
    }
}

/// A stored file as the pages show it.
pub(crate) fn stored(f: &stored_file::Model) -> StoredFile {
    StoredFile {
        id: f.id.clone(),
        file_name: f.file_name.clone(),
        content_type: f.content_type.clone(),
        size: f.size_bytes.max(0) as u64,
    }
}

/// The request's steps, validated in order.
pub struct Parsed {
    pub student: Option<StudentDetails>,
    pub employer: Option<EmployerDetails>,
    pub job: Option<JobDetails>,
    pub eligibility: Option<Eligibility>,
}

impl Parsed {
    pub fn of(d: &dossier::Model, today: NaiveDate, rules: &RulesConfig) -> Self {
        let student = request::validate_student(&form_of(&d.student_form), today, rules).ok();
        let employer = request::validate_employer(&form_of(&d.employer_form)).ok();
        let job = student
            .as_ref()
            .and_then(|s| request::validate_job(&form_of(&d.job_form), s, today, rules).ok());
        let filed_by = d.filed_by;
        let eligibility = match (&student, &job) {
            (Some(s), Some(j)) => Some(decide(
                &request::eligibility_input(s, j, filed_by),
                rules,
                j.contract_start,
            )),
            _ => None,
        };
        Self {
            student,
            employer,
            job,
            eligibility,
        }
    }

    /// The eligibility as the pages show it, with the link to its public explanation.
    pub fn summary(&self, d: &dossier::Model) -> Option<EligibilitySummary> {
        let filed_by = d.filed_by;
        match (&self.student, &self.job, &self.eligibility) {
            (Some(st), Some(job), Some(e)) => Some(EligibilitySummary {
                outcome: e.outcome,
                reasons: e.reasons.clone(),
                max_annual_hours: e.max_annual_hours,
                explanation_query: app::url::build_query(
                    request::eligibility_answers(st, job, filed_by)
                        .to_pairs()
                        .iter()
                        .map(|(k, v)| (*k, v.as_str()))
                        .chain([("verifier", "1")]),
                ),
            }),
            _ => None,
        }
    }

    /// The first step that is not complete: where the applicant resumes.
    pub fn first_open_step(&self, files: &[stored_file::Model]) -> Step {
        if self.student.is_none() {
            Step::Student
        } else if self.employer.is_none() {
            Step::Employer
        } else if self
            .eligibility
            .as_ref()
            .is_none_or(|e| e.outcome != Outcome::Required)
        {
            Step::Job
        } else if !self.missing_documents(files).is_empty() {
            Step::Documents
        } else {
            Step::Summary
        }
    }

    pub fn missing_documents(&self, files: &[stored_file::Model]) -> Vec<DocumentKind> {
        self.eligibility
            .as_ref()
            .map(|e| {
                e.required_documents
                    .iter()
                    .copied()
                    .filter(|k| !files.iter().any(|f| f.kind == *k))
                    .collect()
            })
            .unwrap_or_default()
    }
}

impl Services {
    pub(crate) fn now(&self) -> DateTime<Utc> {
        (self.clock)()
    }

    pub(crate) fn today(&self) -> NaiveDate {
        // Dates are French civil dates; the clock's UTC date differs at most around midnight.
        (self.now() + Duration::hours(1)).date_naive()
    }

    pub async fn dossier(&self, id: &str) -> Result<dossier::Model, AppError> {
        dossier::Entity::find_by_id(id.to_owned())
            .one(&self.db)
            .await
            .map_err(db_err)?
            .ok_or(AppError::NotFound)
    }

    /// A request's history, oldest first, without its creation.
    pub(crate) async fn history(
        &self,
        dossier_id: &str,
    ) -> Result<Vec<dossier_event::Model>, AppError> {
        dossier_event::Entity::find()
            .filter(dossier_event::Column::DossierId.eq(dossier_id))
            .filter(dossier_event::Column::Action.ne("create"))
            .order_by_asc(dossier_event::Column::Id)
            .all(&self.db)
            .await
            .map_err(db_err)
    }

    pub async fn files(&self, dossier_id: &str) -> Result<Vec<stored_file::Model>, AppError> {
        stored_file::Entity::find()
            .filter(stored_file::Column::DossierId.eq(dossier_id))
            .order_by_asc(stored_file::Column::CreatedAt)
            .all(&self.db)
            .await
            .map_err(db_err)
    }

    pub async fn send(&self, mail: &crate::mail::Mail) {
        if let Err(e) = self.mailer.send(mail).await {
            tracing::error!("mail to {:?} not sent: {e}", mail.to);
        }
    }

    /// One line of the file's history (the audit log), in the caller's transaction.
    #[allow(clippy::too_many_arguments)] // each argument is one column of the line
    pub async fn record(
        &self,
        db: &impl ConnectionTrait,
        dossier_id: &str,
        actor: Actor,
        who: &str,
        action: &str,
        from: Option<DossierState>,
        to: Option<DossierState>,
        message: Option<String>,
    ) -> Result<(), AppError> {
        dossier_event::ActiveModel {
            dossier_id: Set(dossier_id.to_owned()),
            at: Set(self.now()),
            actor_kind: Set(actor),
            actor: Set(who.to_owned()),
            action: Set(action.to_owned()),
            from_state: Set(from),
            to_state: Set(to),
            message: Set(message),
            ..Default::default()
        }
        .insert(db)
        .await
        .map_err(db_err)?;
        Ok(())
    }

    /// The open département's instruction service, or where to apply instead.
    pub async fn service_for(
        &self,
        departement: &str,
    ) -> Result<instruction_service::Model, AppError> {
        let closed = || AppError::DepartementClosed {
            departement: departement.to_owned(),
        };
        let row = departement::Entity::find_by_id(departement.to_owned())
            .one(&self.db)
            .await
            .map_err(db_err)?;
        let service_id = row
            .filter(|d| d.open)
            .and_then(|d| d.service_id)
            .ok_or_else(closed)?;
        instruction_service::Entity::find_by_id(service_id)
            .one(&self.db)
            .await
            .map_err(db_err)?
            .ok_or_else(closed)
    }

    /// Requested documents of a file whose changes are asked for.
    pub fn requested(d: &dossier::Model) -> Vec<DocumentKind> {
        d.requested_documents
            .as_deref()
            .and_then(|j| serde_json::from_str::<Vec<String>>(j).ok())
            .unwrap_or_default()
            .iter()
            .filter_map(|c| DocumentKind::from_code(c))
            .collect()
    }

    /// When the last change request was made (files after it answer it).
    pub(crate) async fn last_change_request(
        &self,
        dossier_id: &str,
    ) -> Result<Option<DateTime<Utc>>, AppError> {
        Ok(dossier_event::Entity::find()
            .filter(dossier_event::Column::DossierId.eq(dossier_id))
            .filter(dossier_event::Column::Action.eq(Action::RequestChanges.code()))
            .order_by_desc(dossier_event::Column::Id)
            .one(&self.db)
            .await
            .map_err(db_err)?
            .map(|e| e.at))
    }

    /// Which document kinds may take a new file now, and whether the request is editable.
    pub async fn uploadable(&self, d: &dossier::Model) -> Result<Vec<DocumentKind>, AppError> {
        match d.state {
            DossierState::Draft => {
                let parsed = Parsed::of(d, self.today(), &self.rules);
                Ok(parsed
                    .eligibility
                    .filter(|e| e.outcome == Outcome::Required)
                    .map(|e| {
                        e.required_documents
                            .into_iter()
                            .chain(e.optional_documents)
                            .collect()
                    })
                    .ok_or(AppError::StepNotReached(Step::Job))?)
            }
            DossierState::ChangesRequested => Ok(Self::requested(d)),
            other => Err(AppError::NotEditable(other)),
        }
    }

    /// Files that answer the current change request (or every file of a draft).
    pub async fn removable(
        &self,
        d: &dossier::Model,
        file: &stored_file::Model,
    ) -> Result<bool, AppError> {
        Ok(match d.state {
            DossierState::Draft => true,
            DossierState::ChangesRequested => {
                let since = self.last_change_request(&d.id).await?;
                Self::requested(d).contains(&file.kind)
                    && since.is_some_and(|t| file.created_at > t)
            }
            _ => false,
        })
    }

    pub(crate) fn slots(
        &self,
        parsed: &Parsed,
        files: &[stored_file::Model],
        requested: &[DocumentKind],
    ) -> Vec<DocumentSlot> {
        let Some(e) = parsed
            .eligibility
            .as_ref()
            .filter(|e| e.outcome == Outcome::Required)
        else {
            return Vec::new();
        };
        let kinds = e
            .required_documents
            .iter()
            .map(|k| (*k, true))
            .chain(e.optional_documents.iter().map(|k| (*k, false)));
        kinds
            .map(|(kind, required)| DocumentSlot {
                kind,
                required,
                requested: requested.contains(&kind),
                files: files
                    .iter()
                    .filter(|f| f.kind == kind)
                    .map(stored)
                    .collect(),
            })
            .collect()
    }

    /// Bumps the version only if nobody else did: the second of two writers is told.
    pub(crate) async fn bump(
        &self,
        db: &impl ConnectionTrait,
        d: &dossier::Model,
        mut update: dossier::ActiveModel,
    ) -> Result<(), AppError> {
        update.version = Set(d.version + 1);
        update.updated_at = Set(self.now());
        let result = dossier::Entity::update_many()
            .set(update)
            .filter(dossier::Column::Id.eq(d.id.clone()))
            .filter(dossier::Column::Version.eq(d.version))
            .exec(db)
            .await
            .map_err(db_err)?;
        if result.rows_affected == 1 {
            Ok(())
        } else {
            Err(AppError::Conflict)
        }
    }

    /// The e-mail addresses that follow a file: the student's and the employer's (and whoever started it).
    pub fn followers(d: &dossier::Model) -> Vec<String> {
        let mut to = vec![d.creator_email.clone()];
        for e in [&d.student_email, &d.employer_email].into_iter().flatten() {
            if !to.contains(e) {
                to.push(e.clone());
            }
        }
        to
    }

    pub async fn service_name(&self, d: &dossier::Model) -> Result<String, AppError> {
        Ok(match d.service_id {
            Some(id) => instruction_service::Entity::find_by_id(id)
                .one(&self.db)
                .await
                .map_err(db_err)?
                .map(|s| s.name),
            None => None,
        }
        .unwrap_or_default())
    }

    /// Whether the file's authorisation is issued and not revoked (then the applicant may download it).
    pub async fn authorisation_in_force(&self, d: &dossier::Model) -> Result<bool, AppError> {
        Ok(self
            .issued(d)
            .await?
            .is_some_and(|a| a.revoked_at.is_none()))
    }

    /// The authorisation issued for an accepted file (revoked or not); none for any other state.
    pub async fn issued(
        &self,
        d: &dossier::Model,
    ) -> Result<Option<crate::db::entities::authorisation::Model>, AppError> {
        if d.state != DossierState::Accepted {
            return Ok(None);
        }
        crate::db::entities::authorisation::Entity::find_by_id(d.id.clone())
            .one(&self.db)
            .await
            .map_err(db_err)
    }

    /// Deletes drafts not saved for 14 days, with their files. Returns how many.
    pub async fn purge_expired_drafts(&self) -> Result<usize, AppError> {
        let cutoff = self.now() - Duration::days(DRAFT_LIFETIME_DAYS);
        let expired = dossier::Entity::find()
            .filter(dossier::Column::State.eq(DossierState::Draft))
            .filter(dossier::Column::UpdatedAt.lt(cutoff))
            .all(&self.db)
            .await
            .map_err(db_err)?;
        for d in &expired {
            let files = self.files(&d.id).await?;
            let txn = crate::db::write_txn(&self.db).await.map_err(db_err)?;
            delete_of_dossier::<stored_file::Entity>(&txn, stored_file::Column::DossierId, &d.id)
                .await?;
            delete_of_dossier::<access_grant::Entity>(&txn, access_grant::Column::DossierId, &d.id)
                .await?;
            delete_of_dossier::<session::Entity>(&txn, session::Column::DossierId, &d.id).await?;
            delete_of_dossier::<dossier_event::Entity>(
                &txn,
                dossier_event::Column::DossierId,
                &d.id,
            )
            .await?;
            // Only if still an untouched draft: a save during the purge wins.
            let gone = dossier::Entity::delete_many()
                .filter(dossier::Column::Id.eq(d.id.clone()))
                .filter(dossier::Column::Version.eq(d.version))
                .exec(&txn)
                .await
                .map_err(db_err)?;
            if gone.rows_affected == 1 {
                txn.commit().await.map_err(db_err)?;
                for f in files {
                    if let Err(e) = self.storage.delete(&f.storage_key).await {
                        tracing::warn!("expired file {} not deleted: {e}", f.storage_key);
                    }
                }
            } else {
                txn.rollback().await.map_err(db_err)?;
            }
        }
        Ok(expired.len())
    }

    /// The deposit receipt of a filed request.
    pub async fn receipt(&self, d: &dossier::Model) -> Result<Vec<u8>, AppError> {
        if d.state == DossierState::Draft {
            return Err(AppError::StepNotReached(Step::Summary));
        }
        let parsed = Parsed::of(
            d,
            d.submitted_at
                .map(|t| t.date_naive())
                .unwrap_or(self.today()),
            &self.rules,
        );
        let files = self.files(&d.id).await?;
        let service = self.service_name(d).await?;
        Ok(receipt::deposit_receipt(
            d, &parsed, &files, &service, d.lang,
        ))
    }
}

#[async_trait::async_trait]
impl Applicants for Services {
    async fn start(
        &self,
        email: Email,
        role: FiledBy,
        lang: Lang,
        client: &str,
    ) -> Result<(), AppError> {
        self.start_request(email, role, lang, client).await
    }

    async fn resend_code(&self, email: Email, lang: Lang, client: &str) -> Result<(), AppError> {
        self.resend_codes(email, lang, client).await
    }

    async fn sign_in(&self, email: Email, code: &str, client: &str) -> Result<SignedIn, AppError> {
        self.sign_in_with_code(email, code, client).await
    }

    async fn session(&self, token: &str) -> Result<ApplicantSession, AppError> {
        let row = session::Entity::find_by_id(secret::token_hash(token))
            .one(&self.db)
            .await
            .map_err(db_err)?
            .filter(|s| s.expires_at > self.now())
            .ok_or(AppError::NotSignedIn)?;
        let dossier_id = row.dossier_id.ok_or(AppError::NotSignedIn)?;
        Ok(ApplicantSession {
            dossier_id,
            email: row.email,
        })
    }

    async fn sign_out(&self, token: &str) -> Result<(), AppError> {
        session::Entity::delete_by_id(secret::token_hash(token))
            .exec(&self.db)
            .await
            .map_err(db_err)?;
        Ok(())
    }

    async fn draft(&self, s: &ApplicantSession) -> Result<DraftView, AppError> {
        let d = self.dossier(&s.dossier_id).await?;
        let files = self.files(&d.id).await?;
        let parsed = Parsed::of(&d, self.today(), &self.rules);
        let filed_by = d.filed_by;
        let eligibility = parsed.summary(&d);
        let mut forms = BTreeMap::new();
        for (step, json) in [
            (Step::Student, &d.student_form),
            (Step::Employer, &d.employer_form),
            (Step::Job, &d.job_form),
        ] {
            if json.is_some() {
                forms.insert(step.code().to_owned(), form_of(json));
            }
        }
        let state = d.state;
        Ok(DraftView {
            state,
            number: d.number.clone(),
            filed_by,
            email: s.email.clone(),
            reachable: if state == DossierState::Draft {
                parsed.first_open_step(&files)
            } else {
                Step::Confirmation
            },
            forms,
            documents: self.slots(&parsed, &files, &Self::requested(&d)),
            eligibility,
            expires_at: (d.updated_at + Duration::days(DRAFT_LIFETIME_DAYS)).to_rfc3339(),
            submitted_at: d.submitted_at.map(|t| t.to_rfc3339()),
        })
    }

    async fn save_step(
        &self,
        s: &ApplicantSession,
        step: Step,
        form: RawForm,
    ) -> Result<Step, AppError> {
        let d = self.dossier(&s.dossier_id).await?;
        let state = d.state;
        if state != DossierState::Draft {
            return Err(AppError::NotEditable(state));
        }
        if !Step::FORMS.contains(&step) {
            return Err(AppError::NotFound);
        }
        let files = self.files(&d.id).await?;
        let parsed = Parsed::of(&d, self.today(), &self.rules);
        let open = parsed.first_open_step(&files);
        if step.number() > open.number() {
            return Err(AppError::StepNotReached(open));
        }
        // Keep only this step's fields, trimmed: nothing else reaches the database.
        let form: RawForm = step
            .fields()
            .iter()
            .map(|f| {
                (
                    (*f).to_owned(),
                    form.get(*f)
                        .map(|v| v.trim().to_owned())
                        .unwrap_or_default(),
                )
            })
            .collect();
        let json = serde_json::to_string(&form).map_err(internal)?;
        let today = self.today();
        let mut update: dossier::ActiveModel = Default::default();
        let mut stop = None;
        match step {
            Step::Student => {
                let student = request::validate_student(&form, today, &self.rules)
                    .map_err(AppError::Invalid)?;
                update.student_form = Set(Some(json));
                update.student_email = Set(Some(student.email.as_str().to_owned()));
                update.student_name = Set(Some(format!(
                    "{} {}",
                    student.family_name, student.given_names
                )));
                update.permit_expires = Set(Some(student.permit_expires));
            }
            Step::Employer => {
                let employer = request::validate_employer(&form).map_err(AppError::Invalid)?;
                // A département not open yet is told where to apply, before any more typing.
                self.service_for(employer.departement.as_str()).await?;
                update.employer_form = Set(Some(json));
                update.employer_email = Set(Some(employer.contact_email.as_str().to_owned()));
                update.siret = Set(Some(employer.siret.as_str().to_owned()));
                update.departement = Set(Some(employer.departement.as_str().to_owned()));
            }
            _ => {
                let student = parsed
                    .student
                    .as_ref()
                    .ok_or(AppError::StepNotReached(Step::Student))?;
                let job = request::validate_job(&form, student, today, &self.rules)
                    .map_err(AppError::Invalid)?;
                let filed_by = d.filed_by;
                let outcome = decide(
                    &request::eligibility_input(student, &job, filed_by),
                    &self.rules,
                    job.contract_start,
                )
                .outcome;
                // The answer is kept (it may be corrected), but the request goes no further.
                if outcome != Outcome::Required {
                    stop = Some(outcome);
                }
                update.job_form = Set(Some(json));
                update.contract_start = Set(Some(job.contract_start));
                update.contract_type = Set(Some(job.contract));
            }
        }
        self.bump(&self.db, &d, update).await?;
        let saved = self.dossier(&d.id).await?;
        let next = Parsed::of(&saved, today, &self.rules).first_open_step(&files);
        if let Some(outcome) = stop {
            return Err(AppError::Stopped(outcome));
        }
        // Forward to the next step, or back to the first one an earlier change reopened.
        Ok(Step::from_number(step.number() + 1)
            .filter(|s| s.number() <= next.number())
            .unwrap_or(next))
    }

    async fn submit(&self, s: &ApplicantSession) -> Result<String, AppError> {
        let d = self.dossier(&s.dossier_id).await?;
        let state = d.state;
        match state {
            DossierState::Draft => {}
            DossierState::ChangesRequested => return self.resubmit(s, d).await,
            // Filed already (a second click, or a reload): the same answer.
            _ => return d.number.clone().ok_or(AppError::NotEditable(state)),
        }
        let files = self.files(&d.id).await?;
        let parsed = Parsed::of(&d, self.today(), &self.rules);
        let open = parsed.first_open_step(&files);
        if open != Step::Summary {
            return Err(match open {
                Step::Documents => AppError::DocumentsMissing(parsed.missing_documents(&files)),
                Step::Job if parsed.eligibility.is_some() => AppError::Stopped(
                    parsed
                        .eligibility
                        .as_ref()
                        .map_or(Outcome::NotEligible, |e| e.outcome),
                ),
                other => AppError::StepNotReached(other),
            });
        }
        let employer = parsed
            .employer
            .as_ref()
            .ok_or(AppError::StepNotReached(Step::Employer))?;
        let service = self.service_for(employer.departement.as_str()).await?;
        let now = self.now();
        let txn = crate::db::write_txn(&self.db).await.map_err(db_err)?;
        let mut number = String::new();
        for attempt in 0..5 {
            number = secret::new_file_number(
                chrono::Datelike::year(&self.today()),
                employer.departement.as_str(),
            );
            let taken = dossier::Entity::find()
                .filter(dossier::Column::Number.eq(number.clone()))
                .one(&txn)
                .await
                .map_err(db_err)?;
            if taken.is_none() {
                break;
            }
            if attempt == 4 {
                return Err(internal("no free file number"));
            }
        }
        let update = dossier::ActiveModel {
            number: Set(Some(number.clone())),
            state: Set(DossierState::Submitted),
            service_id: Set(Some(service.id)),
            submitted_at: Set(Some(now)),
            ..Default::default()
        };
        match self.bump(&txn, &d, update).await {
            Ok(()) => {}
            Err(AppError::Conflict) => {
                txn.rollback().await.map_err(db_err)?;
                // Two clicks at once: the first filed it; the second gets its number.
                let again = self.dossier(&d.id).await?;
                return again.number.ok_or(AppError::Conflict);
            }
            Err(e) => return Err(e),
        }
        self.record(
            &txn,
            &d.id,
            Actor::Applicant,
            &s.email,
            Action::Submit.code(),
            Some(state),
            Some(DossierState::Submitted),
            None,
        )
        .await?;
        txn.commit().await.map_err(db_err)?;

        let filed = self.dossier(&d.id).await?;
        let receipt = self.receipt(&filed).await?;
        let lang = filed.lang;
        for to in Self::followers(&filed) {
            // Whoever did not start the request gets a code to follow it.
            let code = if to == filed.creator_email {
                None
            } else {
                Some(self.new_grant(&self.db, &filed.id, &to).await?)
            };
            self.send(&notify::submitted(
                &to,
                &number,
                &service.name,
                code.as_deref(),
                &receipt,
                &self.public_url,
                lang,
            ))
            .await;
        }
        Ok(number)
    }

    async fn follow_up(&self, s: &ApplicantSession) -> Result<FollowUp, AppError> {
        let d = self.dossier(&s.dossier_id).await?;
        let state = d.state;
        if state == DossierState::Draft {
            return Err(AppError::StepNotReached(Step::Summary));
        }
        let timeline = self
            .history(&d.id)
            .await?
            .iter()
            .map(timeline_entry)
            .collect();
        let files = self.files(&d.id).await?;
        let parsed = Parsed::of(
            &d,
            d.submitted_at
                .map(|t| t.date_naive())
                .unwrap_or(self.today()),
            &self.rules,
        );
        let requested = Self::requested(&d);
        let documents = if state == DossierState::ChangesRequested {
            let since = self.last_change_request(&d.id).await?;
            let fresh: Vec<stored_file::Model> = files
                .into_iter()
                .filter(|f| since.is_some_and(|t| f.created_at > t))
                .collect();
            requested
                .iter()
                .map(|kind| DocumentSlot {
                    kind: *kind,
                    required: true,
                    requested: true,
                    files: fresh
                        .iter()
                        .filter(|f| f.kind == *kind)
                        .map(stored)
                        .collect(),
                })
                .collect()
        } else {
            self.slots(&parsed, &files, &[])
        };
        Ok(FollowUp {
            number: d.number.clone().unwrap_or_default(),
            state,
            submitted_at: d.submitted_at.map(|t| t.to_rfc3339()).unwrap_or_default(),
            timeline,
            documents,
            service_name: self.service_name(&d).await?,
            authorisation: self.authorisation_in_force(&d).await?,
        })
    }

    async fn reply(&self, s: &ApplicantSession, message: String) -> Result<(), AppError> {
        let d = self.dossier(&s.dossier_id).await?;
        let state = d.state;
        if state == DossierState::Draft || state.is_final() {
            return Err(AppError::NotEditable(state));
        }
        let message = app::rules::decision::message(&message)
            .map_err(|c| AppError::Invalid(vec![app::rules::FieldError::new("message", c)]))?;
        self.record(
            &self.db,
            &d.id,
            Actor::Applicant,
            &s.email,
            "message",
            None,
            None,
            Some(message.clone()),
        )
        .await?;
        // The service hears of it without watching the queue.
        if let Some(service) = match d.service_id {
            Some(id) => instruction_service::Entity::find_by_id(id)
                .one(&self.db)
                .await
                .map_err(db_err)?,
            None => None,
        } {
            self.send(&notify::applicant_message(
                &service.email,
                d.number.as_deref().unwrap_or_default(),
                &s.email,
                &message,
                &self.public_url,
            ))
            .await;
        }
        Ok(())
    }

    async fn remove_file(&self, s: &ApplicantSession, file_id: &str) -> Result<(), AppError> {
        let d = self.dossier(&s.dossier_id).await?;
        let file = stored_file::Entity::find_by_id(file_id.to_owned())
            .one(&self.db)
            .await
            .map_err(db_err)?
            .filter(|f| f.dossier_id == d.id)
            .ok_or(AppError::NotFound)?;
        if !self.removable(&d, &file).await? {
            return Err(AppError::NotEditable(d.state));
        }
        let txn = crate::db::write_txn(&self.db).await.map_err(db_err)?;
        stored_file::Entity::delete_by_id(file.id.clone())
            .exec(&txn)
            .await
            .map_err(db_err)?;
        // Keeps the draft alive and tells a concurrent writer.
        self.bump(&txn, &d, Default::default()).await?;
        txn.commit().await.map_err(db_err)?;
        if let Err(e) = self.storage.delete(&file.storage_key).await {
            tracing::warn!("removed file {} left in storage: {e}", file.storage_key);
        }
        Ok(())
    }
}

impl Services {
    /// Files again after changes: the requested documents must each have a new file.
    async fn resubmit(&self, s: &ApplicantSession, d: dossier::Model) -> Result<String, AppError> {
        let since = self.last_change_request(&d.id).await?;
        let files = self.files(&d.id).await?;
        let missing: Vec<DocumentKind> = Self::requested(&d)
            .into_iter()
            .filter(|k| {
                !files
                    .iter()
                    .any(|f| f.kind == *k && since.is_some_and(|t| f.created_at > t))
            })
            .collect();
        if !missing.is_empty() {
            return Err(AppError::DocumentsMissing(missing));
        }
        let next = DossierState::ChangesRequested
            .apply(Action::Submit, Actor::Applicant)
            .map_err(|_| AppError::Conflict)?;
        let txn = crate::db::write_txn(&self.db).await.map_err(db_err)?;
        let update = dossier::ActiveModel {
            state: Set(next),
            requested_documents: Set(None),
            ..Default::default()
        };
        self.bump(&txn, &d, update).await?;
        self.record(
            &txn,
            &d.id,
            Actor::Applicant,
            &s.email,
            Action::Submit.code(),
            Some(DossierState::ChangesRequested),
            Some(next),
            None,
        )
        .await?;
        txn.commit().await.map_err(db_err)?;
        let number = d.number.clone().unwrap_or_default();
        let lang = d.lang;
        self.send(&notify::state_changed(
            &Self::followers(&d),
            &number,
            next,
            None,
            &self.public_url,
            lang,
        ))
        .await;
        Ok(number)
    }
}
