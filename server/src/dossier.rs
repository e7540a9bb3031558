//! What both sides read and write of a dossier: the row, its documents and history, its steps
//! parsed with the rules, its followers, its service, the version check that lets two writers
//! not both win, and the audit line every change leaves.

use app::model::{AppError, DocumentSlot, EligibilitySummary, StoredFile, TimelineEntry};
use app::rules::dossier::{Action, Actor, DossierState};
use app::rules::eligibility::Outcome;
use app::rules::request::{self, EmployerDetails, JobDetails, RawForm, Step, StudentDetails};
use app::rules::{decide, DocumentKind, Eligibility, RulesConfig};
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};

use crate::error::Result;
use crate::infra::db::entities::{
    departement, dossier, dossier_event, instruction_service, stored_file,
};
use crate::services::Services;

/// How long a draft (and an access code) lives after its last save.
pub const DRAFT_LIFETIME_DAYS: i64 = 14;

/// A stored step's form; none stored is an empty form. A stored one that does not parse is the
/// server's fault, said as such: never read back as an empty step the person would retype.
pub(crate) fn form_of(json: &Option<String>) -> Result<RawForm> {
    match json.as_deref() {
        None => Ok(RawForm::default()),
        Some(j) => serde_json::from_str(j).map_err(|e| {
            crate::error::Error::internal(format!("a stored step does not parse: {e}"))
        }),
    }
}

/// One line of a request's history as the pages show it.
pub(crate) fn timeline_entry(event: &dossier_event::Model) -> TimelineEntry {
    TimelineEntry {
        at: event.at.to_rfc3339(),
        actor: event.actor_kind,
        state: event.to_state,
        message: event.message.clone(),
    }
}

/// A stored file as the pages show it.
pub(crate) fn stored(file: &stored_file::Model) -> StoredFile {
    StoredFile {
        id: file.id.clone(),
        file_name: file.file_name.clone(),
        content_type: file.content_type.clone(),
        size: file.size_bytes.max(0) as u64,
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
    pub fn of(dossier: &dossier::Model, today: NaiveDate, rules: &RulesConfig) -> Result<Self> {
        let student =
            request::validate_student(&form_of(&dossier.student_form)?, today, rules).ok();
        let employer = request::validate_employer(&form_of(&dossier.employer_form)?).ok();
        let job_form = form_of(&dossier.job_form)?;
        let job = student
            .as_ref()
            .and_then(|s| request::validate_job(&job_form, s, today, rules).ok());
        let filed_by = dossier.filed_by;
        let eligibility = match (&student, &job) {
            (Some(s), Some(j)) => Some(decide(
                &request::eligibility_input(s, j, filed_by),
                rules,
                j.contract_start,
            )),
            _ => None,
        };
        Ok(Self {
            student,
            employer,
            job,
            eligibility,
        })
    }

    /// The eligibility as the pages show it, with the link to its public explanation.
    pub fn summary(&self, dossier: &dossier::Model) -> Option<EligibilitySummary> {
        let filed_by = dossier.filed_by;
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
    /// The steps read as on the day the dossier was filed (dates in the past are not errors then).
    pub fn parsed_as_filed(&self, dossier: &dossier::Model) -> Result<Parsed> {
        let day = dossier
            .submitted_at
            .map(|t| t.date_naive())
            .unwrap_or_else(|| self.today());
        Parsed::of(dossier, day, &self.rules)
    }

    pub async fn dossier(&self, id: &str) -> Result<dossier::Model> {
        dossier::Entity::find_by_id(id.to_owned())
            .one(&self.db)
            .await?
            .ok_or(AppError::NotFound.into())
    }

    /// A request's history, oldest first, without its creation.
    pub(crate) async fn history(&self, dossier_id: &str) -> Result<Vec<dossier_event::Model>> {
        Ok(dossier_event::Entity::find()
            .filter(dossier_event::Column::DossierId.eq(dossier_id))
            .filter(dossier_event::Column::Action.ne("create"))
            .order_by_asc(dossier_event::Column::Id)
            .all(&self.db)
            .await?)
    }

    pub async fn files(&self, dossier_id: &str) -> Result<Vec<stored_file::Model>> {
        Ok(stored_file::Entity::find()
            .filter(stored_file::Column::DossierId.eq(dossier_id))
            .order_by_asc(stored_file::Column::CreatedAt)
            .all(&self.db)
            .await?)
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
    ) -> Result<()> {
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
        .await?;
        Ok(())
    }

    /// The open département's instruction service, or where to apply instead.
    pub async fn service_for(&self, departement: &str) -> Result<instruction_service::Model> {
        let closed = || AppError::DepartementClosed {
            departement: departement.to_owned(),
        };
        let row = departement::Entity::find_by_id(departement.to_owned())
            .one(&self.db)
            .await?;
        let service_id = row
            .filter(|d| d.open)
            .and_then(|d| d.service_id)
            .ok_or_else(closed)?;
        Ok(instruction_service::Entity::find_by_id(service_id)
            .one(&self.db)
            .await?
            .ok_or_else(closed)?)
    }

    /// Requested documents of a file whose changes are asked for. A stored list that does not
    /// parse, or names an unknown kind, is an error: read as "nothing asked", it would let the
    /// file be sent back without the documents the instructor wants.
    pub fn requested(dossier: &dossier::Model) -> Result<Vec<DocumentKind>> {
        let Some(json) = dossier.requested_documents.as_deref() else {
            return Ok(Vec::new());
        };
        let codes: Vec<String> = serde_json::from_str(json).map_err(|e| {
            crate::error::Error::internal(format!("requested documents do not parse: {e}"))
        })?;
        codes
            .iter()
            .map(|c| {
                DocumentKind::from_code(c).ok_or_else(|| {
                    crate::error::Error::internal(format!("unknown requested document {c:?}"))
                })
            })
            .collect()
    }

    /// When the last change request was made (files after it answer it).
    /// Read through `db`: the pool, or the transaction the caller holds.
    pub(crate) async fn last_change_request(
        db: &impl ConnectionTrait,
        dossier_id: &str,
    ) -> Result<Option<DateTime<Utc>>> {
        Ok(dossier_event::Entity::find()
            .filter(dossier_event::Column::DossierId.eq(dossier_id))
            .filter(dossier_event::Column::Action.eq(Action::RequestChanges.code()))
            .order_by_desc(dossier_event::Column::Id)
            .one(db)
            .await?
            .map(|e| e.at))
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
        dossier: &dossier::Model,
        mut update: dossier::ActiveModel,
    ) -> Result<()> {
        update.version = Set(dossier.version + 1);
        update.updated_at = Set(self.now());
        let result = dossier::Entity::update_many()
            .set(update)
            .filter(dossier::Column::Id.eq(dossier.id.clone()))
            .filter(dossier::Column::Version.eq(dossier.version))
            .exec(db)
            .await?;
        if result.rows_affected == 1 {
            Ok(())
        } else {
            Err(AppError::Conflict.into())
        }
    }

    /// The e-mail addresses that follow a file: the student's and the employer's (and whoever started it).
    pub fn followers(dossier: &dossier::Model) -> Vec<String> {
        let mut to = vec![dossier.creator_email.clone()];
        for e in [&dossier.student_email, &dossier.employer_email]
            .into_iter()
            .flatten()
        {
            if !to.contains(e) {
                to.push(e.clone());
            }
        }
        to
    }

    pub async fn service_name(&self, dossier: &dossier::Model) -> Result<String> {
        Ok(match dossier.service_id {
            Some(id) => instruction_service::Entity::find_by_id(id)
                .one(&self.db)
                .await?
                .map(|s| s.name),
            None => None,
        }
        .unwrap_or_default())
    }

    /// Whether the file's authorisation is issued and not revoked (then the applicant may download it).
    pub async fn authorisation_in_force(&self, dossier: &dossier::Model) -> Result<bool> {
        Ok(self
            .issued(dossier)
            .await?
            .is_some_and(|a| a.revoked_at.is_none()))
    }

    /// The authorisation issued for an accepted file (revoked or not); none for any other state.
    pub async fn issued(
        &self,
        dossier: &dossier::Model,
    ) -> Result<Option<crate::infra::db::entities::authorisation::Model>> {
        if dossier.state != DossierState::Accepted {
            return Ok(None);
        }
        Ok(
            crate::infra::db::entities::authorisation::Entity::find_by_id(dossier.id.clone())
                .one(&self.db)
                .await?,
        )
    }
}
