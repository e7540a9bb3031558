//! The applicant's request while it is open: the draft's view, each step saved after the rules
//! validate it again, which documents may be added or removed, the follow-up once filed, the
//! replies and removals.

use std::collections::BTreeMap;

use app::model::{AppError, DocumentSlot, DraftView, FollowUp};
use app::rules::dossier::{Actor, DossierState};
use app::rules::eligibility::Outcome;
use app::rules::request::{self, RawForm, Step};
use app::rules::{decide, DocumentKind};
use app::ssr::ApplicantSession;
use chrono::Duration;
use sea_orm::{EntityTrait, Set};

use crate::documents::notify;
use crate::dossier::DRAFT_LIFETIME_DAYS;
use crate::dossier::{form_of, stored, timeline_entry, Parsed};
use crate::error::{Error, Result};
use crate::infra::db::entities::{dossier, instruction_service, stored_file};
use crate::services::Services;

impl Services {
    /// Which document kinds may take a new file now, and whether the request is editable.
    pub async fn uploadable(&self, dossier: &dossier::Model) -> Result<Vec<DocumentKind>> {
        match dossier.state {
            DossierState::Draft => {
                let parsed = Parsed::of(dossier, self.today(), &self.rules)?;
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
            DossierState::ChangesRequested => Self::requested(dossier),
            other => Err(AppError::NotEditable(other).into()),
        }
    }

    /// Files that answer the current change request (or every file of a draft).
    pub async fn removable(
        &self,
        dossier: &dossier::Model,
        file: &stored_file::Model,
    ) -> Result<bool> {
        Ok(match dossier.state {
            DossierState::Draft => true,
            DossierState::ChangesRequested => {
                let since = Self::last_change_request(&self.db, &dossier.id).await?;
                Self::requested(dossier)?.contains(&file.kind)
                    && since.is_some_and(|t| file.created_at > t)
            }
            _ => false,
        })
    }

    pub(crate) async fn draft_view(&self, session: &ApplicantSession) -> Result<DraftView> {
        let d = self.dossier(&session.dossier_id).await?;
        let files = self.files(&d.id).await?;
        let parsed = Parsed::of(&d, self.today(), &self.rules)?;
        let filed_by = d.filed_by;
        let eligibility = parsed.summary(&d);
        let mut forms = BTreeMap::new();
        for (step, json) in [
            (Step::Student, &d.student_form),
            (Step::Employer, &d.employer_form),
            (Step::Job, &d.job_form),
        ] {
            if json.is_some() {
                forms.insert(step.code().to_owned(), form_of(json)?);
            }
        }
        let state = d.state;
        Ok(DraftView {
            state,
            number: d.number.clone(),
            filed_by,
            email: session.email.clone(),
            reachable: if state == DossierState::Draft {
                parsed.first_open_step(&files)
            } else {
                Step::Confirmation
            },
            forms,
            documents: self.slots(&parsed, &files, &Self::requested(&d)?),
            eligibility,
            expires_at: (d.updated_at + Duration::days(DRAFT_LIFETIME_DAYS)).to_rfc3339(),
            submitted_at: d.submitted_at.map(|t| t.to_rfc3339()),
        })
    }

    pub(crate) async fn save_form_step(
        &self,
        session: &ApplicantSession,
        step: Step,
        form: RawForm,
    ) -> Result<Step> {
        let d = self.dossier(&session.dossier_id).await?;
        let state = d.state;
        if state != DossierState::Draft {
            return Err(AppError::NotEditable(state).into());
        }
        if !Step::FORMS.contains(&step) {
            return Err(AppError::NotFound.into());
        }
        let files = self.files(&d.id).await?;
        let parsed = Parsed::of(&d, self.today(), &self.rules)?;
        let open = parsed.first_open_step(&files);
        if step.number() > open.number() {
            return Err(AppError::StepNotReached(open).into());
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
        let json = serde_json::to_string(&form).map_err(Error::internal)?;
        let today = self.today();
        let mut update: dossier::ActiveModel = Default::default();
        let mut stop = None;
        match step {
            Step::Student => {
                let student = request::validate_student(&form, today, &self.rules)
                    .map_err(AppError::Invalid)?;
                update.student_form = Set(Some(json));
                update.student_email = Set(Some(student.email.as_str().to_owned()));
                let name = format!("{} {}", student.family_name, student.given_names);
                update.search_name = Set(Some(crate::instruction::search::fold(&name)));
                update.student_name = Set(Some(name));
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
        let next = Parsed::of(&saved, today, &self.rules)?.first_open_step(&files);
        if let Some(outcome) = stop {
            return Err(AppError::Stopped(outcome).into());
        }
        // Forward to the next step, or back to the first one an earlier change reopened.
        Ok(Step::from_number(step.number() + 1)
            .filter(|s| s.number() <= next.number())
            .unwrap_or(next))
    }

    pub(crate) async fn follow_up_view(&self, session: &ApplicantSession) -> Result<FollowUp> {
        let d = self.dossier(&session.dossier_id).await?;
        let state = d.state;
        if state == DossierState::Draft {
            return Err(AppError::StepNotReached(Step::Summary).into());
        }
        let timeline = self
            .history(&d.id)
            .await?
            .iter()
            .map(timeline_entry)
            .collect();
        let files = self.files(&d.id).await?;
        let parsed = self.parsed_as_filed(&d)?;
        let requested = Self::requested(&d)?;
        let documents = if state == DossierState::ChangesRequested {
            let since = Self::last_change_request(&self.db, &d.id).await?;
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

    pub(crate) async fn add_reply(
        &self,
        session: &ApplicantSession,
        message: String,
    ) -> Result<()> {
        let d = self.dossier(&session.dossier_id).await?;
        let state = d.state;
        if state == DossierState::Draft || state.is_final() {
            return Err(AppError::NotEditable(state).into());
        }
        let message = app::rules::decision::message(&message)
            .map_err(|c| AppError::Invalid(vec![app::rules::FieldError::new("message", c)]))?;
        // The service hears of it without watching the queue.
        let service = match d.service_id {
            Some(id) => {
                instruction_service::Entity::find_by_id(id)
                    .one(&self.db)
                    .await?
            }
            None => None,
        };
        let txn = crate::infra::db::write_txn(&self.db).await?;
        self.record(
            &txn,
            &d.id,
            Actor::Applicant,
            &session.email,
            "message",
            None,
            None,
            Some(message.clone()),
        )
        .await?;
        if let Some(service) = service {
            let mail = notify::applicant_message(
                &service.email,
                d.number.as_deref().unwrap_or_default(),
                &session.email,
                &message,
                &self.public_url,
            );
            self.queue_mail(&txn, &mail).await?;
        }
        txn.commit().await?;
        self.wake_mailer();
        Ok(())
    }

    pub(crate) async fn remove_document(
        &self,
        session: &ApplicantSession,
        file_id: &str,
    ) -> Result<()> {
        let d = self.dossier(&session.dossier_id).await?;
        let file = stored_file::Entity::find_by_id(file_id.to_owned())
            .one(&self.db)
            .await?
            .filter(|f| f.dossier_id == d.id)
            .ok_or(AppError::NotFound)?;
        if !self.removable(&d, &file).await? {
            return Err(AppError::NotEditable(d.state).into());
        }
        let txn = crate::infra::db::write_txn(&self.db).await?;
        stored_file::Entity::delete_by_id(file.id.clone())
            .exec(&txn)
            .await?;
        // Keeps the draft alive and tells a concurrent writer.
        self.bump(&txn, &d, Default::default()).await?;
        txn.commit().await?;
        if let Err(e) = self.storage.delete(&file.storage_key).await {
            tracing::warn!("removed file {} left in storage: {e}", file.storage_key);
        }
        Ok(())
    }
}
