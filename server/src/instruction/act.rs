//! The instructor's acts on a dossier (rules.md §4): take in review, ask for changes, accept
//! (which issues the authorisation), refuse, close, revoke, write to the applicant.

use app::instruction::ActRequest;
use app::model::AppError;
use app::rules::decision::{self, Act};
use app::rules::dossier::Actor;
use app::rules::eligibility::Outcome;
use app::rules::{DocumentKind, FieldError};
use app::ssr::AgentSession;
use sea_orm::{ActiveModelTrait, EntityTrait, Set};

use crate::documents::notify;
use crate::error::{Error, Result};
use crate::infra::db::entities::{authorisation, dossier};
use crate::infra::secret;
use crate::services::Services;

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
    pub(crate) async fn act_on(&self, a: &AgentSession, r: ActRequest) -> Result<()> {
        let d = self.dossier_of(a, &r.number).await?;
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
            return Err(AppError::Conflict.into());
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
                update.requested_documents = Set(Some(
                    serde_json::to_string(&kinds).map_err(Error::internal)?,
                ));
            }
            Act::Accept => {
                let parsed = self.parsed_as_filed(&d);
                let (Some(student), Some(job), Some(employer), Some(eligibility)) = (
                    &parsed.student,
                    &parsed.job,
                    &parsed.employer,
                    &parsed.eligibility,
                ) else {
                    return Err(Error::internal("an accepted file must parse"));
                };
                if eligibility.outcome != Outcome::Required {
                    return Err(AppError::Stopped(eligibility.outcome).into());
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
                    .await?
                    .filter(|i| i.revoked_at.is_none())
                    .ok_or(AppError::NotEditable(from))?;
                let mut withdrawn: authorisation::ActiveModel = current.into();
                withdrawn.revoked_at = Set(Some(now));
                revoke = Some(withdrawn);
            }
            _ => {}
        }
        let txn = crate::infra::db::write_txn(&self.db).await?;
        self.bump(&txn, &d, update).await?;
        let issued = match issue {
            Some((model, parsed)) => Some((model.insert(&txn).await?, parsed)),
            None => None,
        };
        if let Some(withdrawn) = revoke {
            withdrawn.update(&txn).await?;
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
        txn.commit().await?;

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
                Ok(service) => mail.attachments.push(crate::infra::mail::MailAttachment {
                    file_name: format!("autorisation-{number}.pdf"),
                    content_type: "application/pdf".into(),
                    bytes: crate::documents::authorisation::authorisation_pdf(
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

    async fn instructor_message(
        &self,
        a: &AgentSession,
        d: &dossier::Model,
        message: String,
    ) -> Result<()> {
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
}
