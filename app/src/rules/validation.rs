//! Field validation shared by the browser and the server (rules.md §3). Each value type can only
//! be built valid ("parse, don't validate"), and every refusal carries an [`ErrorCode`].

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::config::RulesConfig;
use super::eligibility::Contract;
use super::error::{ErrorCode, FieldError};

/// A first or last name: 1 to 100 characters once trimmed.
pub fn person_name(input: &str) -> Result<String, ErrorCode> {
    let name = input.trim();
    let length = name.chars().count();
    if (1..=100).contains(&length) && !name.chars().any(char::is_control) {
        Ok(name.to_owned())
    } else {
        Err(ErrorCode::NameLength)
    }
}

/// A date as an HTML date input sends it (2026-09-01) or as people type it (01/09/2026).
pub fn parse_date(input: &str) -> Result<NaiveDate, ErrorCode> {
    let input = input.trim();
    NaiveDate::parse_from_str(input, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(input, "%d/%m/%Y"))
        .map_err(|_| ErrorCode::InvalidDate)
        .and_then(|d| {
            if (1900..=2200).contains(&chrono::Datelike::year(&d)) {
                Ok(d)
            } else {
                Err(ErrorCode::InvalidDate)
            }
        })
}

/// Age in whole years on `on`.
pub fn age_on(birth: NaiveDate, on: NaiveDate) -> Option<u32> {
    on.years_since(birth)
}

/// The birth date lies in the past and the person is 16 to 80 on the contract's start date.
pub fn birth_date(
    birth: NaiveDate,
    contract_start: NaiveDate,
    today: NaiveDate,
    config: &RulesConfig,
) -> Result<(), ErrorCode> {
    if birth >= today {
        return Err(ErrorCode::BirthDateNotPast);
    }
    match age_on(birth, contract_start) {
        Some(age) if (config.min_age..=config.max_age).contains(&age) => Ok(()),
        _ => Err(ErrorCode::AgeOutOfRange),
    }
}

/// A syntactically valid e-mail address, normalised to lower case.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Email(String);

impl Email {
    pub fn parse(input: &str) -> Result<Self, ErrorCode> {
        let address = input.trim().to_lowercase();
        let (local, domain) = address.rsplit_once('@').ok_or(ErrorCode::InvalidEmail)?;
        let local_ok = (1..=64).contains(&local.len())
            && !local.starts_with('.')
            && !local.ends_with('.')
            && !local.contains("..")
            && local
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "!#$%&'*+/=?^_`{|}~.-".contains(c));
        let labels: Vec<&str> = domain.split('.').collect();
        let domain_ok = domain.len() <= 253
            && labels.len() >= 2
            && labels.iter().all(|l| {
                (1..=63).contains(&l.len())
                    && !l.starts_with('-')
                    && !l.ends_with('-')
                    && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            })
            && labels.last().is_some_and(|tld| {
                tld.len() >= 2
                    && (tld.chars().all(|c| c.is_ascii_alphabetic()) || tld.starts_with("xn--"))
            });
        if local_ok && domain_ok && address.len() <= 254 {
            Ok(Self(address))
        } else {
            Err(ErrorCode::InvalidEmail)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Email {
    type Error = &'static str;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value).map_err(|_| "invalid e-mail address")
    }
}

impl From<Email> for String {
    fn from(value: Email) -> Self {
        value.0
    }
}

/// A phone number, French (06 12 34 56 78) or international, kept in E.164 (+33612345678).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Phone(String);

impl Phone {
    pub fn parse(input: &str) -> Result<Self, ErrorCode> {
        let compact: String = input
            .trim()
            .chars()
            .filter(|c| !matches!(c, ' ' | '.' | '-' | '(' | ')' | '\u{a0}'))
            .collect();
        // Ten digits starting with 0 is a French number, even "00 12…" (then invalid), before
        // the 00 international prefix is considered.
        let international = if let Some(rest) = compact.strip_prefix('+') {
            rest.to_owned()
        } else if compact.len() == 10 && compact.starts_with('0') {
            format!("33{}", &compact[1..])
        } else if let Some(rest) = compact.strip_prefix("00") {
            rest.to_owned()
        } else {
            return Err(ErrorCode::InvalidPhone);
        };
        let digits_only = international.bytes().all(|b| b.is_ascii_digit());
        let valid = digits_only
            && (8..=15).contains(&international.len())
            && !international.starts_with('0')
            && match international.strip_prefix("33") {
                // A French number has 9 digits after +33, the first not 0.
                Some(national) => national.len() == 9 && !national.starts_with('0'),
                None => true,
            };
        if valid {
            Ok(Self(format!("+{international}")))
        } else {
            Err(ErrorCode::InvalidPhone)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// An establishment's SIRET: 14 digits whose checksum is valid.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Siret(String);

/// La Poste's establishments share one SIREN whose SIRETs do not follow Luhn.
const LA_POSTE_SIREN: &str = "356000000";

pub fn luhn_valid(digits: &str) -> bool {
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0');
            if i % 2 == 1 {
                let doubled = d * 2;
                if doubled > 9 {
                    doubled - 9
                } else {
                    doubled
                }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

impl Siret {
    pub fn parse(input: &str) -> Result<Self, ErrorCode> {
        let digits: String = input
            .chars()
            .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
            .collect();
        if digits.len() != 14 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(ErrorCode::SiretFormat);
        }
        let valid = if digits.starts_with(LA_POSTE_SIREN) {
            digits.bytes().map(|b| u32::from(b - b'0')).sum::<u32>() % 5 == 0
        } else {
            luhn_valid(&digits)
        };
        if valid {
            Ok(Self(digits))
        } else {
            Err(ErrorCode::SiretChecksum)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The company's SIREN: the first nine digits.
    pub fn siren(&self) -> &str {
        &self.0[..9]
    }
}

/// The terms of a contract as the wizard's "emploi et contrat" step and the permit give them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ContractTerms {
    pub contract: Contract,
    pub start: NaiveDate,
    /// None for an open-ended contract (CDI).
    pub end: Option<NaiveDate>,
    pub weekly_hours: f64,
    pub hourly_wage_gross: f64,
    pub permit_issued: NaiveDate,
    pub permit_expires: NaiveDate,
}

/// Checks the contract against the permit and the labour code; lists every refused field.
pub fn check_contract(terms: &ContractTerms, config: &RulesConfig) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if terms.end.is_some_and(|end| end <= terms.start) {
        errors.push(FieldError::new(
            "contract_end",
            ErrorCode::ContractDatesOrder,
        ));
    }
    if terms.permit_expires <= terms.permit_issued {
        errors.push(FieldError::new(
            "permit_expires",
            ErrorCode::PermitDatesOrder,
        ));
    } else if !(terms.permit_issued..=terms.permit_expires).contains(&terms.start) {
        errors.push(FieldError::new(
            "contract_start",
            ErrorCode::PermitNotValidOnStart,
        ));
    }
    if !terms.weekly_hours.is_finite() || terms.weekly_hours <= 0.0 {
        errors.push(FieldError::new(
            "weekly_hours",
            ErrorCode::WeeklyHoursInvalid,
        ));
    } else if terms.weekly_hours > config.max_weekly_hours {
        errors.push(FieldError::new(
            "weekly_hours",
            ErrorCode::WeeklyHoursOverMax,
        ));
    }
    if !terms.hourly_wage_gross.is_finite() || terms.hourly_wage_gross <= 0.0 {
        errors.push(FieldError::new("hourly_wage", ErrorCode::WageInvalid));
    } else if !terms.contract.is_paid_below_smic_by_law()
        && terms.hourly_wage_gross + 1e-9 < config.smic_on(terms.start)
    {
        errors.push(FieldError::new("hourly_wage", ErrorCode::WageBelowSmic));
    }
    errors
}

/// An authorisation's validity lies within the contract's dates and the permit's validity.
pub fn check_authorisation_validity(
    valid_from: NaiveDate,
    valid_until: NaiveDate,
    terms: &ContractTerms,
) -> Result<(), ErrorCode> {
    if valid_until < valid_from {
        return Err(ErrorCode::AuthorisationDatesOrder);
    }
    if valid_from < terms.start || terms.end.is_some_and(|end| valid_until > end) {
        return Err(ErrorCode::AuthorisationOutsideContract);
    }
    if valid_from < terms.permit_issued || valid_until > terms.permit_expires {
        return Err(ErrorCode::AuthorisationOutsidePermit);
    }
    Ok(())
}

#[cfg(test)]
#[path = "validation_tests.rs"]
mod tests;
