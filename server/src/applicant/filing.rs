//! Filing: the first deposit and the deposit again after changes. Both go through the state
//! machine (`DossierState::apply`); their e-mails (the receipt attached) are queued in the
//! same transaction.

use app::model::AppError;
use app::rules::dossier::{Action, Actor, DossierState};
use app::rules::eligibility::Outcome;
use app::rules::request::Step;
use app::rules::DocumentKind;
use app::ssr::ApplicantSession;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, Set};

use crate::documents::notify;
use crate::dossier::Parsed;
use crate::error::{Error, Result};
use crate::infra::db::entities::dossier;
use crate::infra::secret;
use crate::services::Services;

impl Services {
    pub(crate) async fn file_request(&self, session: &ApplicantSession) -> Result<String> {
        let d = self.dossier(&session.dossier_id).await?;
        let state = d.state;
        let next = match state.apply(Action::Submit, Actor::Applicant) {
            Ok(next) => next,
            // Filed already (a second click, or a reload): the same answer.
            Err(_) => return d.number.clone().ok_or(AppError::NotEditable(state).into()),
        };
        if state == DossierState::ChangesRequested {
            return self.resubmit(session, d, next).await;
        }
        let files = self.files(&d.id).await?;
        let parsed = Parsed::of(&d, self.today(), &self.rules)?;
        let open = parsed.first_open_step(&files);
        if open != Step::Summary {
            return Err(Error::from(match open {
                Step::Documents => AppError::DocumentsMissing(parsed.missing_documents(&files)),
                Step::Job if parsed.eligibility.is_some() => AppError::Stopped(
                    parsed
                        .eligibility
                        .as_ref()
                        .map_or(Outcome::NotEligible, |e| e.outcome),
                ),
                other => AppError::StepNotReached(other),
            }));
        }
        let employer = parsed
            .employer
            .as_ref()
            .ok_or(AppError::StepNotReached(Step::Employer))?;
        let service = self.service_for(employer.departement.as_str()).await?;
        let now = self.now();
        let txn = crate::infra::db::write_txn(&self.db).await?;
        let mut number = String::new();
        for attempt in 0..5 {
            number = secret::new_file_number(
                chrono::Datelike::year(&self.today()),
                employer.departement.as_str(),
            );
            let taken = dossier::Entity::find()
                .filter(dossier::Column::Number.eq(number.clone()))
                .one(&txn)
                .await?;
            if taken.is_none() {
                break;
            }
            if attempt == 4 {
                return Err(Error::internal("no free file number"));
            }
        }
        let update = dossier::ActiveModel {
            number: Set(Some(number.clone())),
            state: Set(next),
            service_id: Set(Some(service.id)),
            submitted_at: Set(Some(now)),
            ..Default::default()
        };
        match self.bump(&txn, &d, update).await {
            Ok(()) => {}
            Err(Error::App(AppError::Conflict)) => {
                txn.rollback().await?;
                // Two clicks at once: the first filed it; the second gets its number.
                let again = self.dossier(&d.id).await?;
                return again.number.ok_or(AppError::Conflict.into());
            }
            Err(e) => return Err(e),
        }
        self.record(
            &txn,
            &d.id,
            Actor::Applicant,
            &session.email,
            Action::Submit.code(),
            Some(state),
            Some(next),
            None,
        )
        .await?;
        // The e-mails go with the filing or not at all: queued in its transaction.
        for to in Self::followers(&d) {
            // Whoever did not start the request gets a code to follow it.
            let grant = if to == d.creator_email {
                None
            } else {
                Some(self.new_grant(&txn, &d.id, &to).await?)
            };
            let mail = notify::submitted(
                &to,
                &number,
                &service.name,
                grant.as_ref(),
                &d.id,
                &self.public_url,
                d.lang,
            );
            self.queue_mail(&txn, &mail).await?;
        }
        txn.commit().await?;
        self.wake_mailer();
        Ok(number)
    }

    /// Files again after changes: the requested documents must each have a new file.
    async fn resubmit(
        &self,
        session: &ApplicantSession,
        dossier: dossier::Model,
        next: DossierState,
    ) -> Result<String> {
        let since = Self::last_change_request(&self.db, &dossier.id).await?;
        let files = self.files(&dossier.id).await?;
        let missing: Vec<DocumentKind> = Self::requested(&dossier)?
            .into_iter()
            .filter(|k| {
                !files
                    .iter()
                    .any(|f| f.kind == *k && since.is_some_and(|t| f.created_at > t))
            })
            .collect();
        if !missing.is_empty() {
            return Err(AppError::DocumentsMissing(missing).into());
        }
        let txn = crate::infra::db::write_txn(&self.db).await?;
        let update = dossier::ActiveModel {
            state: Set(next),
            requested_documents: Set(None),
            ..Default::default()
        };
        self.bump(&txn, &dossier, update).await?;
        self.record(
            &txn,
            &dossier.id,
            Actor::Applicant,
            &session.email,
            Action::Submit.code(),
            Some(DossierState::ChangesRequested),
            Some(next),
            None,
        )
        .await?;
        let number = dossier.number.clone().unwrap_or_default();
        let mail = notify::state_changed(
            &Self::followers(&dossier),
            &number,
            next,
            None,
            &self.public_url,
            dossier.lang,
        );
        self.queue_mail(&txn, &mail).await?;
        txn.commit().await?;
        self.wake_mailer();
        Ok(number)
    }
}
