//! The online request (rules.md §3): its six steps, and the validation of the three steps the
//! applicant types. The browser runs the same functions as the server, field by field.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::config::RulesConfig;
use super::departement::Departement;
use super::eligibility::{
    self, Contract, EligibilityAnswers, EligibilityInput, FiledBy, Permit, RegulatedProfession,
};
use super::error::{ErrorCode, FieldError};
use super::validation::{self, ContractTerms, Email, Phone, Siret};
use super::CountryCode;

/// A step's fields as typed: name → text. Unknown names are ignored, missing ones are empty.
pub type RawForm = BTreeMap<String, String>;

code_enum! {
    /// The six steps, in order. The code is the step's address (`/demande/{code}`).
    pub enum Step {
        Student => "salarie",
        Employer => "employeur",
        Job => "emploi",
        Documents => "justificatifs",
        Summary => "recapitulatif",
        Confirmation => "confirmation",
    }
}

impl Step {
    /// 1 to 6.
    pub fn number(self) -> u8 {
        Step::ALL
            .iter()
            .position(|s| *s == self)
            .map_or(1, |i| i as u8 + 1)
    }

    pub fn from_number(number: u8) -> Option<Self> {
        number
            .checked_sub(1)
            .and_then(|i| Step::ALL.get(i as usize))
            .copied()
    }

    pub fn path(self) -> String {
        format!("/demande/{}", self.code())
    }

    /// The steps whose fields the applicant types (the others upload, read or confirm).
    pub const FORMS: [Step; 3] = [Step::Student, Step::Employer, Step::Job];

    /// The form fields of a typed step, in display order.
    pub fn fields(self) -> &'static [&'static str] {
        match self {
            Step::Student => &STUDENT_FIELDS,
            Step::Employer => &EMPLOYER_FIELDS,
            Step::Job => &JOB_FIELDS,
            _ => &[],
        }
    }
}

pub const STUDENT_FIELDS: [&str; 16] = [
    "family_name",
    "given_names",
    "birth_date",
    "nationality",
    "permit",
    "permit_number",
    "permit_issued",
    "permit_expires",
    "school",
    "diploma",
    "study_year",
    "address",
    "postcode",
    "city",
    "email",
    "phone",
];
pub const EMPLOYER_FIELDS: [&str; 8] = [
    "siret",
    "employer_name",
    "establishment_address",
    "establishment_postcode",
    "establishment_city",
    "contact_name",
    "contact_email",
    "contact_phone",
];
pub const JOB_FIELDS: [&str; 10] = [
    "contract",
    "contract_start",
    "contract_end",
    "weekly_hours",
    "hourly_wage",
    "job_title",
    "within_curriculum",
    "regulated_profession",
    "annual_hours",
    "renewal",
];

/// The student (step 1), valid.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StudentDetails {
    pub family_name: String,
    pub given_names: String,
    pub birth_date: NaiveDate,
    pub nationality: CountryCode,
    pub permit: Permit,
    pub permit_number: String,
    pub permit_issued: NaiveDate,
    pub permit_expires: NaiveDate,
    pub school: String,
    pub diploma: String,
    pub study_year: String,
    pub address: String,
    pub postcode: String,
    pub city: String,
    pub email: Email,
    pub phone: Phone,
}

/// The employer (step 2), valid; its establishment's département decides the competent service.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EmployerDetails {
    pub siret: Siret,
    pub employer_name: String,
    pub establishment_address: String,
    pub establishment_postcode: String,
    pub establishment_city: String,
    pub departement: Departement,
    pub contact_name: String,
    pub contact_email: Email,
    pub contact_phone: Phone,
}

/// The job and its contract (step 3), valid.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JobDetails {
    pub contract: Contract,
    pub contract_start: NaiveDate,
    pub contract_end: Option<NaiveDate>,
    pub weekly_hours: f64,
    pub hourly_wage: f64,
    pub job_title: String,
    pub within_curriculum: bool,
    pub regulated_profession: Option<RegulatedProfession>,
    pub annual_hours: f64,
    pub renewal: bool,
}

/// Reads a raw form field by field, gathering every refusal.
struct Reader<'a> {
    form: &'a RawForm,
    errors: Vec<FieldError>,
}

impl<'a> Reader<'a> {
    fn new(form: &'a RawForm) -> Self {
        Self {
            form,
            errors: Vec::new(),
        }
    }

    fn raw(&self, field: &str) -> &'a str {
        self.form.get(field).map(|v| v.trim()).unwrap_or("")
    }

    fn fail<T>(&mut self, field: &str, code: ErrorCode) -> Option<T> {
        self.errors.push(FieldError::new(field, code));
        None
    }

    /// A required field parsed by `parse`.
    fn required<T>(
        &mut self,
        field: &str,
        parse: impl FnOnce(&str) -> Result<T, ErrorCode>,
    ) -> Option<T> {
        let raw = self.raw(field);
        if raw.is_empty() {
            return self.fail(field, ErrorCode::Required);
        }
        match parse(raw) {
            Ok(value) => Some(value),
            Err(code) => self.fail(field, code),
        }
    }

    fn text(&mut self, field: &str) -> Option<String> {
        self.required(field, text)
    }

    fn choice<T>(&mut self, field: &str, from_code: impl FnOnce(&str) -> Option<T>) -> Option<T> {
        self.required(field, |raw| from_code(raw).ok_or(ErrorCode::InvalidChoice))
    }

    fn finish<T>(self, value: Option<T>) -> Result<T, Vec<FieldError>> {
        match value {
            Some(value) if self.errors.is_empty() => Ok(value),
            _ => Err(self.errors),
        }
    }
}

/// Free text of 1 to 200 characters, without control characters.
pub fn text(input: &str) -> Result<String, ErrorCode> {
    let value = input.trim();
    let length = value.chars().count();
    if (1..=200).contains(&length) && !value.chars().any(char::is_control) {
        Ok(value.to_owned())
    } else {
        Err(ErrorCode::TextLength)
    }
}

/// A residence permit's number: 6 to 20 letters and digits (spaces ignored), upper case.
pub fn permit_number(input: &str) -> Result<String, ErrorCode> {
    let compact: String = input
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_uppercase();
    if (6..=20).contains(&compact.len()) && compact.chars().all(|c| c.is_ascii_alphanumeric()) {
        Ok(compact)
    } else {
        Err(ErrorCode::PermitNumberFormat)
    }
}

fn postcode(input: &str) -> Result<String, ErrorCode> {
    Departement::from_postcode(input).map(|_| input.trim().to_owned())
}

/// Step 1. `today` decides whether the birth date is past and the permit still valid.
pub fn validate_student(
    form: &RawForm,
    today: NaiveDate,
    config: &RulesConfig,
) -> Result<StudentDetails, Vec<FieldError>> {
    let mut r = Reader::new(form);
    let family_name = r.required("family_name", validation::person_name);
    let given_names = r.required("given_names", validation::person_name);
    let birth_date = r.required("birth_date", |raw| {
        let birth = validation::parse_date(raw)?;
        // The minimum age is judged on the contract's start date, at step 3; too old today is too old then.
        if birth >= today {
            Err(ErrorCode::BirthDateNotPast)
        } else if validation::age_on(birth, today).is_none_or(|age| age > config.max_age) {
            Err(ErrorCode::AgeOutOfRange)
        } else {
            Ok(birth)
        }
    });
    let nationality = r.required("nationality", |raw| {
        CountryCode::parse(raw).ok_or(ErrorCode::UnknownCountry)
    });
    let permit = r.choice("permit", Permit::from_code);
    if let (Some(Permit::AlgerianStudentCertificate), Some(n)) = (permit, nationality) {
        if n != CountryCode::algeria() {
            r.fail::<()>("permit", ErrorCode::AlgerianCertificateRequiresDz);
        }
    }
    let permit_number = r.required("permit_number", permit_number);
    let permit_issued = r.required("permit_issued", |raw| {
        validation::parse_date(raw).and_then(|d| {
            if d <= today {
                Ok(d)
            } else {
                Err(ErrorCode::PermitIssuedInFuture)
            }
        })
    });
    let permit_expires = r.required("permit_expires", validation::parse_date);
    if let (Some(issued), Some(expires)) = (permit_issued, permit_expires) {
        if expires <= issued {
            r.fail::<()>("permit_expires", ErrorCode::PermitDatesOrder);
        } else if expires < today {
            r.fail::<()>("permit_expires", ErrorCode::PermitExpired);
        }
    }
    let school = r.text("school");
    let diploma = r.text("diploma");
    let study_year = r.text("study_year");
    let address = r.text("address");
    let postcode = r.required("postcode", postcode);
    let city = r.text("city");
    let email = r.required("email", Email::parse);
    let phone = r.required("phone", Phone::parse);
    let value = (|| {
        Some(StudentDetails {
            family_name: family_name?,
            given_names: given_names?,
            birth_date: birth_date?,
            nationality: nationality?,
            permit: permit?,
            permit_number: permit_number?,
            permit_issued: permit_issued?,
            permit_expires: permit_expires?,
            school: school?,
            diploma: diploma?,
            study_year: study_year?,
            address: address?,
            postcode: postcode?,
            city: city?,
            email: email?,
            phone: phone?,
        })
    })();
    r.finish(value)
}

/// Step 2.
pub fn validate_employer(form: &RawForm) -> Result<EmployerDetails, Vec<FieldError>> {
    let mut r = Reader::new(form);
    let siret = r.required("siret", Siret::parse);
    let employer_name = r.text("employer_name");
    let establishment_address = r.text("establishment_address");
    let departement = r.required("establishment_postcode", Departement::from_postcode);
    let establishment_city = r.text("establishment_city");
    let contact_name = r.text("contact_name");
    let contact_email = r.required("contact_email", Email::parse);
    let contact_phone = r.required("contact_phone", Phone::parse);
    let value = (|| {
        Some(EmployerDetails {
            siret: siret?,
            employer_name: employer_name?,
            establishment_address: establishment_address?,
            establishment_postcode: form.get("establishment_postcode")?.trim().to_owned(),
            establishment_city: establishment_city?,
            departement: departement?,
            contact_name: contact_name?,
            contact_email: contact_email?,
            contact_phone: contact_phone?,
        })
    })();
    r.finish(value)
}

/// Step 3, checked against the student of step 1 (permit valid on the start date, age on it).
pub fn validate_job(
    form: &RawForm,
    student: &StudentDetails,
    today: NaiveDate,
    config: &RulesConfig,
) -> Result<JobDetails, Vec<FieldError>> {
    let mut r = Reader::new(form);
    let contract = r.choice("contract", Contract::from_code);
    let contract_start = r.required("contract_start", |raw| {
        // The authorisation precedes the hire: a contract already started is not for this service.
        validation::parse_date(raw).and_then(|d| {
            if d >= today {
                Ok(d)
            } else {
                Err(ErrorCode::StartInPast)
            }
        })
    });
    let contract_end = match r.raw("contract_end") {
        "" if contract == Some(Contract::Employment) => None,
        "" => r.fail("contract_end", ErrorCode::ContractEndRequired),
        raw => match validation::parse_date(raw) {
            Ok(end) => Some(end),
            Err(code) => r.fail("contract_end", code),
        },
    };
    let weekly_hours = r.required("weekly_hours", |raw| {
        eligibility::parse_decimal(raw).ok_or(ErrorCode::WeeklyHoursInvalid)
    });
    let hourly_wage = r.required("hourly_wage", |raw| {
        eligibility::parse_decimal(raw).ok_or(ErrorCode::WageInvalid)
    });
    let job_title = r.text("job_title");
    let within_curriculum = r.required("within_curriculum", |raw| {
        eligibility::parse_bool(raw).ok_or(ErrorCode::NotABoolean)
    });
    let regulated_profession = match r.raw("regulated_profession") {
        "" | "none" => Some(None),
        raw => RegulatedProfession::from_code(raw)
            .map(Some)
            .or_else(|| r.fail("regulated_profession", ErrorCode::InvalidChoice)),
    };
    let annual_hours = r.required("annual_hours", |raw| {
        match eligibility::parse_decimal(raw) {
            None => Err(ErrorCode::NotANumber),
            Some(h) if h < 0.0 => Err(ErrorCode::NegativeHours),
            Some(h) if h > eligibility::MAX_ANNUAL_HOURS => Err(ErrorCode::HoursOutOfRange),
            Some(h) => Ok(h),
        }
    });
    let renewal = match r.raw("renewal") {
        "" => Some(false),
        raw => eligibility::parse_bool(raw).or_else(|| r.fail("renewal", ErrorCode::NotABoolean)),
    };
    if let (Some(contract), Some(start), Some(weekly_hours), Some(wage)) =
        (contract, contract_start, weekly_hours, hourly_wage)
    {
        let terms = ContractTerms {
            contract,
            start,
            end: contract_end,
            weekly_hours,
            hourly_wage_gross: wage,
            permit_issued: student.permit_issued,
            permit_expires: student.permit_expires,
        };
        for error in validation::check_contract(&terms, config) {
            // The permit's own dates were checked at step 1; here only what the contract changes.
            if error.code != ErrorCode::PermitDatesOrder {
                r.errors.push(error);
            }
        }
        if validation::birth_date(student.birth_date, start, today, config).is_err() {
            r.fail::<()>("contract_start", ErrorCode::AgeOutOfRange);
        }
    }
    let value = (|| {
        Some(JobDetails {
            contract: contract?,
            contract_start: contract_start?,
            contract_end,
            weekly_hours: weekly_hours?,
            hourly_wage: hourly_wage?,
            job_title: job_title?,
            within_curriculum: within_curriculum?,
            regulated_profession: regulated_profession?,
            annual_hours: annual_hours?,
            renewal: renewal?,
        })
    })();
    r.finish(value)
}

/// The eligibility question as the request answers it.
pub fn eligibility_input(
    student: &StudentDetails,
    job: &JobDetails,
    filed_by: FiledBy,
) -> EligibilityInput {
    EligibilityInput {
        nationality: student.nationality,
        permit: student.permit,
        contract: job.contract,
        annual_hours: job.annual_hours,
        within_curriculum: job.within_curriculum,
        regulated_profession: job.regulated_profession,
        filed_by,
        renewal: job.renewal,
    }
}

/// The raw answers of the eligibility page, for a link from the request to its explanation.
pub fn eligibility_answers(
    student: &StudentDetails,
    job: &JobDetails,
    filed_by: FiledBy,
) -> EligibilityAnswers {
    eligibility_input(student, job, filed_by).to_answers()
}

/// The errors of one step, keyed by field, as a form shows them. A step without a form has none.
pub fn errors_by_field(errors: &[FieldError]) -> BTreeMap<String, ErrorCode> {
    let mut map = BTreeMap::new();
    for e in errors {
        map.entry(e.field.clone()).or_insert(e.code);
    }
    map
}

/// A six-digit access code is exactly six ASCII digits once spaces are removed.
pub fn access_code(input: &str) -> Result<String, ErrorCode> {
    let digits: String = input.chars().filter(|c| !c.is_whitespace()).collect();
    if digits.len() == 6 && digits.bytes().all(|b| b.is_ascii_digit()) {
        Ok(digits)
    } else {
        Err(ErrorCode::AccessCodeFormat)
    }
}

#[cfg(test)]
#[path = "request_tests.rs"]
pub(crate) mod tests;
