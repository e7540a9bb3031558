//! The instructor's side of the rules (rules.md §4): which files each queue tab holds, an
//! acceptance's validity period, a decision's reason, and what the public check answers.

use chrono::NaiveDate;

use crate::rules::documents::DocumentKind;
use crate::rules::dossier::{Action, Actor, DossierState};
use crate::rules::eligibility::{Eligibility, Outcome};
use crate::rules::request::{EmployerDetails, JobDetails, RawForm, StudentDetails};
use crate::rules::validation::{self, check_authorisation_validity, ContractTerms};
use crate::rules::{ErrorCode, FieldError};

/// Longest message, reason or change request.
pub const MAX_MESSAGE_CHARS: usize = 2000;
/// Shortest password an account may have.
pub const MIN_PASSWORD_CHARS: usize = 12;

code_enum! {
    /// The instructor's queue, by what the file waits for.
    pub enum Tab {
        ToProcess => "a-traiter",
        InReview => "en-instruction",
        Waiting => "en-attente",
        Decided => "decides",
    }
}

impl Tab {
    pub const fn states(self) -> &'static [DossierState] {
        match self {
            Tab::ToProcess => &[DossierState::Submitted],
            Tab::InReview => &[DossierState::InReview],
            Tab::Waiting => &[DossierState::ChangesRequested],
            Tab::Decided => &[
                DossierState::Accepted,
                DossierState::Refused,
                DossierState::Closed,
            ],
        }
    }
}

code_enum! {
    pub enum Role {
        Instructor => "instructor",
        Admin => "admin",
    }
}

code_enum! {
    /// What the public check says of an authorisation.
    pub enum VerifyStatus {
        Valid => "valid",
        NotYetValid => "not_yet_valid",
        Expired => "expired",
        Revoked => "revoked",
    }
}

/// The status of an authorisation on `today`: revocation first, then its dates.
pub fn verify_status(
    valid_from: NaiveDate,
    valid_until: NaiveDate,
    revoked: bool,
    today: NaiveDate,
) -> VerifyStatus {
    if revoked {
        VerifyStatus::Revoked
    } else if today < valid_from {
        VerifyStatus::NotYetValid
    } else if today > valid_until {
        VerifyStatus::Expired
    } else {
        VerifyStatus::Valid
    }
}

/// A verification code as printed: 12 letters and digits of Crockford's base 32 in three
/// groups (`7KQ2-M9XD-4TPA`). Typing is forgiving: case, spaces, dashes, O for 0, I/L for 1.
pub fn verification_code(input: &str) -> Result<String, ErrorCode> {
    let mut chars = String::with_capacity(12);
    for c in input.chars() {
        let c = match c.to_ascii_uppercase() {
            ' ' | '-' | '\u{a0}' => continue,
            'O' => '0',
            'I' | 'L' => '1',
            c @ ('0'..='9' | 'A'..='Z') if c != 'U' => c,
            _ => return Err(ErrorCode::VerificationCodeFormat),
        };
        chars.push(c);
    }
    if chars.len() != 12 {
        return Err(ErrorCode::VerificationCodeFormat);
    }
    Ok(format!(
        "{}-{}-{}",
        &chars[0..4],
        &chars[4..8],
        &chars[8..12]
    ))
}

/// A message, a change request or a reason: trimmed, 1 to 2,000 characters.
pub fn message(input: &str) -> Result<String, ErrorCode> {
    let text = input.trim();
    let n = text.chars().count();
    if n == 0 || n > MAX_MESSAGE_CHARS {
        return Err(ErrorCode::MessageLength);
    }
    Ok(text.to_owned())
}

/// A new password: long enough to resist guessing, short enough to hash.
pub fn password(input: &str) -> Result<&str, ErrorCode> {
    let n = input.chars().count();
    if !(MIN_PASSWORD_CHARS..=128).contains(&n) {
        return Err(ErrorCode::PasswordLength);
    }
    Ok(input)
}

code_enum! {
    /// What an instructor does to a file: the state machine's actions, and two that keep the
    /// state (a message to the applicant, revoking an issued authorisation).
    pub enum Act {
        TakeInReview => "take_in_review",
        RequestChanges => "request_changes",
        Accept => "accept",
        Refuse => "refuse",
        Close => "close",
        Message => "message",
        Revoke => "revoke",
    }
}

impl Act {
    /// The state machine's action, for those that change the state.
    pub fn transition(self) -> Option<Action> {
        match self {
            Act::TakeInReview => Some(Action::TakeInReview),
            Act::RequestChanges => Some(Action::RequestChanges),
            Act::Accept => Some(Action::Accept),
            Act::Refuse => Some(Action::Refuse),
            Act::Close => Some(Action::Close),
            Act::Message | Act::Revoke => None,
        }
    }

    pub fn needs_message(self) -> bool {
        matches!(self, Act::Message | Act::Revoke)
            || self.transition().is_some_and(Action::needs_reason)
    }
}

/// The period an authorisation covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Validity {
    pub from: NaiveDate,
    pub until: NaiveDate,
}

fn terms(student: &StudentDetails, job: &JobDetails) -> ContractTerms {
    ContractTerms {
        contract: job.contract,
        start: job.contract_start,
        end: job.contract_end,
        weekly_hours: job.weekly_hours,
        hourly_wage_gross: job.hourly_wage,
        permit_issued: student.permit_issued,
        permit_expires: student.permit_expires,
    }
}

/// What the instructor is offered: the contract's period, cut to the permit's validity.
pub fn proposed_validity(student: &StudentDetails, job: &JobDetails) -> Validity {
    let from = job.contract_start.max(student.permit_issued);
    let until = job.contract_end.map_or(student.permit_expires, |end| {
        end.min(student.permit_expires)
    });
    Validity { from, until }
}

/// The validity typed by the instructor (`valid_from`, `valid_until`), within the contract's
/// dates and the permit's validity.
pub fn validity(
    form: &RawForm,
    student: &StudentDetails,
    job: &JobDetails,
) -> Result<Validity, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut date = |field: &str| {
        let raw = form.get(field).map(|v| v.trim()).unwrap_or("");
        if raw.is_empty() {
            errors.push(FieldError::new(field, ErrorCode::Required));
            return None;
        }
        validation::parse_date(raw)
            .map_err(|code| errors.push(FieldError::new(field, code)))
            .ok()
    };
    let from = date("valid_from");
    let until = date("valid_until");
    let (Some(from), Some(until)) = (from, until) else {
        return Err(errors);
    };
    let t = terms(student, job);
    check_authorisation_validity(from, until, &t).map_err(|code| {
        // The field to correct: the start when it is the one outside, else the end.
        let start_wrong = match code {
            ErrorCode::AuthorisationOutsideContract => from < t.start,
            ErrorCode::AuthorisationOutsidePermit => from < t.permit_issued,
            _ => false,
        };
        let field = if start_wrong {
            "valid_from"
        } else {
            "valid_until"
        };
        vec![FieldError::new(field, code)]
    })?;
    Ok(Validity { from, until })
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

/// What an instructor asks and what the dossier is when they ask it: the input of [`plan`].
#[derive(Clone, Debug)]
pub struct ActInput<'a> {
    pub act: Act,
    pub message: &'a str,
    /// Document codes, for a change request.
    pub documents: &'a [String],
    /// The validity typed, for an acceptance.
    pub validity: &'a RawForm,
    /// The dossier's version the instructor saw, and its version now.
    pub seen_version: i32,
    pub version: i32,
    pub state: DossierState,
    /// The dossier's steps as filed, for an acceptance.
    pub filed: Option<Filed<'a>>,
    /// Whether an authorisation is issued and not revoked, for a revocation.
    pub in_force: bool,
}

/// A filed dossier's validated steps.
#[derive(Clone, Copy, Debug)]
pub struct Filed<'a> {
    pub student: &'a StudentDetails,
    pub employer: &'a EmployerDetails,
    pub job: &'a JobDetails,
    pub eligibility: &'a Eligibility,
}

/// What an act does, decided before anything is written: the server applies it in one
/// transaction, then sends what it tells.
#[derive(Clone, Debug, PartialEq)]
pub struct ActPlan {
    pub from: DossierState,
    /// The new state, for the acts of the state machine.
    pub to: Option<DossierState>,
    /// The message, reason or change request, checked.
    pub message: Option<String>,
    /// The documents asked for again.
    pub requested: Option<Vec<DocumentKind>>,
    /// The authorisation an acceptance issues.
    pub issue: Option<Issue>,
    /// A revocation withdraws the authorisation in force.
    pub revoke: bool,
}

impl ActPlan {
    /// Accepted, refused or closed: the dossier's decision date is set.
    pub fn decides(&self) -> bool {
        self.to.is_some_and(DossierState::is_final)
    }
}

/// What an acceptance issues, fixed at issue (the PDF and the public check show it).
#[derive(Clone, Debug, PartialEq)]
pub struct Issue {
    pub validity: Validity,
    pub max_annual_hours: Option<f64>,
    pub birth_date: NaiveDate,
    pub initials: String,
    pub employer_name: String,
}

/// Why an act cannot be done.
#[derive(Clone, Debug, PartialEq)]
pub enum ActRefusal {
    Invalid(Vec<FieldError>),
    /// The dossier changed since the instructor saw it.
    Stale,
    IllegalTransition {
        from: DossierState,
        action: Action,
    },
    /// Nothing to act on in this state (a revocation without an authorisation in force).
    NotEditable(DossierState),
    /// The dossier no longer needs an authorisation under the rules (it cannot be accepted).
    Stopped(Outcome),
    /// An accepted dossier's steps did not validate: a fault, not the instructor's.
    Unparsed,
}

/// Decides what an instructor's act does to a dossier (rules.md §4), or why it cannot: the
/// message checked, the version the instructor saw, the state machine, and for an acceptance
/// the validity within the contract and permit.
pub fn plan(input: &ActInput<'_>) -> Result<ActPlan, ActRefusal> {
    let act = input.act;
    let from = input.state;
    // Required for some acts; optional for the others, but checked when given.
    let message = if act.needs_message() || !input.message.trim().is_empty() {
        Some(
            message(input.message)
                .map_err(|c| ActRefusal::Invalid(vec![FieldError::new("message", c)]))?,
        )
    } else {
        None
    };
    let mut plan = ActPlan {
        from,
        to: None,
        message,
        requested: None,
        issue: None,
        revoke: false,
    };
    if act == Act::Message {
        return Ok(plan);
    }
    if input.seen_version != input.version {
        return Err(ActRefusal::Stale);
    }
    if let Some(action) = act.transition() {
        plan.to = Some(
            from.apply(action, Actor::Instructor)
                .map_err(|_| ActRefusal::IllegalTransition { from, action })?,
        );
    }
    match act {
        Act::RequestChanges => {
            plan.requested = Some(
                input
                    .documents
                    .iter()
                    .filter_map(|c| DocumentKind::from_code(c))
                    .collect(),
            );
        }
        Act::Accept => {
            let filed = input.filed.ok_or(ActRefusal::Unparsed)?;
            if filed.eligibility.outcome != Outcome::Required {
                return Err(ActRefusal::Stopped(filed.eligibility.outcome));
            }
            let validity =
                validity(input.validity, filed.student, filed.job).map_err(ActRefusal::Invalid)?;
            plan.issue = Some(Issue {
                validity,
                max_annual_hours: filed.eligibility.max_annual_hours,
                birth_date: filed.student.birth_date,
                initials: initials(&filed.student.given_names, &filed.student.family_name),
                employer_name: filed.employer.employer_name.clone(),
            });
        }
        Act::Revoke if !input.in_force => return Err(ActRefusal::NotEditable(from)),
        Act::Revoke => plan.revoke = true,
        _ => {}
    }
    Ok(plan)
}

#[cfg(test)]
#[path = "decision_tests.rs"]
mod tests;
