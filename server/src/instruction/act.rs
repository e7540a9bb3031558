//! The instructor's acts on a dossier (rules.md §4): take in review, ask for changes, accept
//! (which issues the authorisation), refuse, close, revoke, write to the applicant.
//!
//! Each act is split in three: the plan (`app::rules::decision::plan`, pure and tested without
//! a database) decides what the act does or why it cannot; one transaction writes it (the
//! dossier's row under its version check, the authorisation, the history line, and the e-mail
//! to the applicant, queued with the authorisation PDF attached when one was issued).

use app::instruction::ActRequest;
use app::rules::decision::{self, Act, ActInput, ActPlan, Filed};
use app::rules::dossier::Actor;
use app::ssr::AgentSession;
use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, Set};

use crate::documents::notify;
use crate::dossier::Parsed;
use crate::error::Result;
use crate::infra::db::entities::{authorisation, dossier};
use crate::infra::mail::{Attachment, Mail};
use crate::infra::secret;
use crate::services::Services;

impl Services {
    pub(crate) async fn act_on(&self, agent: &AgentSession, request: ActRequest) -> Result<()> {
        let d = self.dossier_of(agent, &request.number).await?;
        // Only an acceptance reads the steps, only a revocation the authorisation in force.
        let parsed = match request.act {
            Act::Accept => Some(self.parsed_as_filed(&d)?),
            _ => None,
        };
        let issued = match request.act {
            Act::Revoke => self.issued(&d).await?,
            _ => None,
        };
        let plan = decision::plan(&ActInput {
            act: request.act,
            message: &request.message,
            documents: &request.documents,
            validity: &request.validity,
            seen_version: request.version,
            version: d.version,
            state: d.state,
            filed: parsed.as_ref().and_then(filed),
            in_force: issued.as_ref().is_some_and(|i| i.revoked_at.is_none()),
        })?;
        if request.act == Act::Message {
            return self
                .instructor_message(agent, &d, plan.message.unwrap_or_default())
                .await;
        }
        let now = self.now();
        self.write_act(agent, &d, request.act, &plan, issued, now)
            .await?;
        self.wake_mailer();
        Ok(())
    }

    /// The plan, in one transaction: the dossier's row (refused if anybody changed it since it
    /// was read), the authorisation issued or withdrawn, the history line, the e-mail.
    async fn write_act(
        &self,
        agent: &AgentSession,
        dossier: &dossier::Model,
        act: Act,
        plan: &ActPlan,
        current: Option<authorisation::Model>,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let mut update = <dossier::ActiveModel as Default>::default();
        if let Some(to) = plan.to {
            update.state = Set(to);
        }
        if plan.decides() {
            update.decided_at = Set(Some(now));
        }
        if let Some(kinds) = &plan.requested {
            let codes: Vec<&str> = kinds.iter().map(|k| k.code()).collect();
            update.requested_documents = Set(Some(serde_json::to_string(&codes)?));
        }
        let txn = crate::infra::db::write_txn(&self.db).await?;
        self.bump(&txn, dossier, update).await?;
        let issued = match &plan.issue {
            Some(issue) => Some(
                authorisation::ActiveModel {
                    dossier_id: Set(dossier.id.clone()),
                    code: Set(secret::new_verification_code()),
                    valid_from: Set(issue.validity.from),
                    valid_until: Set(issue.validity.until),
                    max_annual_hours: Set(issue.max_annual_hours),
                    issued_at: Set(now),
                    issued_by: Set(agent.email.clone()),
                    revoked_at: Set(None),
                    birth_date: Set(issue.birth_date),
                    initials: Set(issue.initials.clone()),
                    employer_name: Set(issue.employer_name.clone()),
                    failed_checks: Set(0),
                    locked_until: Set(None),
                }
                .insert(&txn)
                .await?,
            ),
            None => None,
        };
        if let (true, Some(current)) = (plan.revoke, current) {
            let mut withdrawn: authorisation::ActiveModel = current.into();
            withdrawn.revoked_at = Set(Some(now));
            withdrawn.update(&txn).await?;
        }
        self.record(
            &txn,
            &dossier.id,
            Actor::Instructor,
            &agent.email,
            act.code(),
            Some(plan.from),
            plan.to,
            plan.message.clone(),
        )
        .await?;
        let mail = self.act_mail(dossier, act, plan, issued.as_ref());
        self.queue_mail(&txn, &mail).await?;
        txn.commit().await?;
        Ok(())
    }

    /// What the applicant is told of an act: the new state (or the revocation), the message,
    /// the authorisation when one was issued.
    fn act_mail(
        &self,
        dossier: &dossier::Model,
        act: Act,
        plan: &ActPlan,
        issued: Option<&authorisation::Model>,
    ) -> Mail {
        let lang = dossier.lang;
        let number = dossier.number.clone().unwrap_or_default();
        let followers = Self::followers(dossier);
        let message = plan.message.as_deref();
        let mut mail = if act == Act::Revoke {
            notify::revoked(&followers, &number, message, &self.public_url, lang)
        } else {
            notify::state_changed(
                &followers,
                &number,
                plan.to.unwrap_or(plan.from),
                message,
                &self.public_url,
                lang,
            )
        };
        if issued.is_some() {
            mail.attachments.push(Attachment::Authorisation {
                dossier_id: dossier.id.clone(),
            });
        }
        mail
    }

    async fn instructor_message(
        &self,
        agent: &AgentSession,
        dossier: &dossier::Model,
        message: String,
    ) -> Result<()> {
        let txn = crate::infra::db::write_txn(&self.db).await?;
        self.record(
            &txn,
            &dossier.id,
            Actor::Instructor,
            &agent.email,
            Act::Message.code(),
            None,
            None,
            Some(message.clone()),
        )
        .await?;
        let mail = notify::message(
            &Self::followers(dossier),
            dossier.number.as_deref().unwrap_or_default(),
            &message,
            &self.public_url,
            dossier.lang,
        );
        self.queue_mail(&txn, &mail).await?;
        txn.commit().await?;
        self.wake_mailer();
        Ok(())
    }
}

/// The filed steps the rules need for an acceptance, when they all validate.
fn filed(parsed: &Parsed) -> Option<Filed<'_>> {
    Some(Filed {
        student: parsed.student.as_ref()?,
        employer: parsed.employer.as_ref()?,
        job: parsed.job.as_ref()?,
        eligibility: parsed.eligibility.as_ref()?,
    })
}
