//! The instructor's side of the rules (rules.md §4): which files each queue tab holds, an
//! acceptance's validity period, a decision's reason, and what the public check answers.

use chrono::NaiveDate;

use crate::rules::dossier::{Action, DossierState};
use crate::rules::request::{JobDetails, RawForm, StudentDetails};
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

#[cfg(test)]
#[path = "decision_tests.rs"]
mod tests;
