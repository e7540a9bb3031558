//! Who needs a work authorisation (rules.md §1): the questionnaire's answers in, a decision out.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::config::RulesConfig;
use super::country::CountryCode;
use super::documents::{self, DocumentKind};
use super::error::{ErrorCode, FieldError};

code_enum! {
    /// The residence document the student holds.
    pub enum Permit {
        /// Carte de séjour or VLS-TS « étudiant ».
        Student => "student",
        /// « Étudiant – programme de mobilité ».
        StudentMobility => "student_mobility",
        /// Visa de long séjour temporaire « étudiant » (≤ 6 months).
        TemporaryStudentVisa => "temporary_student_visa",
        /// Certificat de résidence algérien « étudiant ».
        AlgerianStudentCertificate => "algerian_student_certificate",
        Other => "other",
    }
}

code_enum! {
    pub enum Contract {
        /// Ordinary private-law contract: CDI, CDD, interim.
        Employment => "employment",
        Apprenticeship => "apprenticeship",
        Professionalisation => "professionalisation",
        Cifre => "cifre",
        Ater => "ater",
        MedicalIntern => "medical_intern",
        DoctoralContract => "doctoral_contract",
        /// Stage under a convention: not employment.
        Internship => "internship",
    }
}

impl Contract {
    /// Contracts that are part of the course of study by nature.
    pub const fn is_curricular_by_nature(self) -> bool {
        matches!(
            self,
            Contract::Cifre
                | Contract::Ater
                | Contract::MedicalIntern
                | Contract::DoctoralContract
                | Contract::Apprenticeship
                | Contract::Professionalisation
        )
    }

    /// Apprentices and professionalisation contracts are paid a legal percentage of the SMIC.
    pub const fn is_paid_below_smic_by_law(self) -> bool {
        matches!(
            self,
            Contract::Apprenticeship | Contract::Professionalisation
        )
    }
}

code_enum! {
    pub enum RegulatedProfession {
        AccountantTrainee => "accountant_trainee",
        SecurityAgent => "security_agent",
        StatutoryAuditor => "statutory_auditor",
        LawyerTrainee => "lawyer_trainee",
        Notary => "notary",
        Architect => "architect",
        Medical => "medical",
        Model => "model",
        LivePerformer => "live_performer",
    }
}

code_enum! {
    pub enum FiledBy {
        Employer => "employer",
        /// The student files for the employer, with the employer's mandate.
        Student => "student",
    }
}

code_enum! {
    pub enum Outcome {
        NotRequired => "not_required",
        Required => "required",
        NotEligible => "not_eligible",
    }
}

code_enum! {
    /// Why the outcome is what it is; each has its legal basis (see `Reason::article`).
    pub enum Reason {
        FreeMovement => "free_movement",
        Internship => "internship",
        PermitNotStudent => "permit_not_student",
        AlgerianFirstHour => "algerian_first_hour",
        OverThresholdInCurriculum => "over_threshold_in_curriculum",
        AlgerianCapExceeded => "algerian_cap_exceeded",
        TemporaryVisaFirstHour => "temporary_visa_first_hour",
        TemporaryVisaCapExceeded => "temporary_visa_cap_exceeded",
        ApprenticeshipValidatedByOpco => "apprenticeship_validated_by_opco",
        UnderThreshold => "under_threshold",
        OverThresholdOutsideCurriculum => "over_threshold_outside_curriculum",
    }
}

code_enum! {
    /// What the employer must do whatever the outcome.
    pub enum Obligation {
        /// Declare the hire to the prefect ≥ 2 working days before it starts (L.5221-9, R.5221-27).
        NominativeDeclaration => "nominative_declaration",
    }
}

/// Answers to the eligibility question, valid by construction (see [`parse`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct EligibilityInput {
    /// ISO 3166-1 alpha-2 code, upper case.
    #[cfg_attr(
        feature = "ssr",
        schema(value_type = String, example = "SN", pattern = r"^\s*[A-Za-z]{2}\s*$")
    )]
    pub nationality: CountryCode,
    pub permit: Permit,
    pub contract: Contract,
    /// Hours worked in the 12 months from the permit's issue date, all jobs together.
    #[cfg_attr(feature = "ssr", schema(minimum = 0, maximum = 8784, example = 500))]
    pub annual_hours: f64,
    /// The job is part of the course of study (true by nature for some contracts). Absent or
    /// null: false.
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(nullable))]
    pub within_curriculum: bool,
    #[serde(default)]
    pub regulated_profession: Option<RegulatedProfession>,
    /// Absent or null: the employer.
    #[serde(default = "default_filed_by")]
    #[cfg_attr(feature = "ssr", schema(nullable))]
    pub filed_by: FiledBy,
    /// A previous authorisation exists for the same job. Absent or null: false.
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(nullable))]
    pub renewal: bool,
}

/// The employer files unless the student says otherwise (with the employer's mandate).
pub fn default_filed_by() -> FiledBy {
    FiledBy::Employer
}

/// The decision, with everything the applicant must know.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Eligibility {
    pub outcome: Outcome,
    pub reasons: Vec<Reason>,
    /// The yearly hour cap that applies; null where no cap applies.
    pub max_annual_hours: Option<f64>,
    /// Documents to join to the request (only when an authorisation is required).
    pub required_documents: Vec<DocumentKind>,
    /// Documents that help the instructor but are not mandatory (renewal).
    pub optional_documents: Vec<DocumentKind>,
    pub obligations: Vec<Obligation>,
}

/// A year has at most 366 × 24 hours: more is a typing error, not a case to judge.
pub const MAX_ANNUAL_HOURS: f64 = 8784.0;

/// The questionnaire's raw answers, as a form or a JSON body gives them: every field optional
/// text, so one parser serves the browser, the HTML form and the API.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EligibilityAnswers {
    pub nationality: Option<String>,
    pub permit: Option<String>,
    pub contract: Option<String>,
    pub annual_hours: Option<String>,
    pub within_curriculum: Option<String>,
    pub regulated_profession: Option<String>,
    pub filed_by: Option<String>,
    pub renewal: Option<String>,
}

impl EligibilityAnswers {
    /// The field names, as the public API and the HTML form spell them.
    pub const FIELDS: [&'static str; 8] = [
        "nationality",
        "permit",
        "contract",
        "annual_hours",
        "within_curriculum",
        "regulated_profession",
        "filed_by",
        "renewal",
    ];

    pub fn get(&self, field: &str) -> Option<&str> {
        match field {
            "nationality" => self.nationality.as_deref(),
            "permit" => self.permit.as_deref(),
            "contract" => self.contract.as_deref(),
            "annual_hours" => self.annual_hours.as_deref(),
            "within_curriculum" => self.within_curriculum.as_deref(),
            "regulated_profession" => self.regulated_profession.as_deref(),
            "filed_by" => self.filed_by.as_deref(),
            "renewal" => self.renewal.as_deref(),
            _ => None,
        }
    }

    /// Every answered field with its value, in the order of [`Self::FIELDS`].
    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        Self::FIELDS
            .iter()
            .filter_map(|f| self.get(f).map(|v| (*f, v.to_owned())))
            .collect()
    }

    /// Sets a field by name; unknown names are ignored (a form may carry other fields, like `lang`).
    pub fn set(&mut self, field: &str, value: Option<String>) {
        let slot = match field {
            "nationality" => &mut self.nationality,
            "permit" => &mut self.permit,
            "contract" => &mut self.contract,
            "annual_hours" => &mut self.annual_hours,
            "within_curriculum" => &mut self.within_curriculum,
            "regulated_profession" => &mut self.regulated_profession,
            "filed_by" => &mut self.filed_by,
            "renewal" => &mut self.renewal,
            _ => return,
        };
        *slot = value;
    }
}

fn present(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// Parses a decimal written the French way ("803,5") or the English way, with spaces as
/// thousands separators; refuses NaN and infinities.
pub fn parse_decimal(input: &str) -> Option<f64> {
    let cleaned: String = input
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    if cleaned.is_empty()
        || !cleaned
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+'))
    {
        return None;
    }
    cleaned.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// Yes/no answers as forms send them ("on" for a ticked box) or as JSON booleans are stringified.
pub fn parse_bool(input: &str) -> Option<bool> {
    match input.trim().to_ascii_lowercase().as_str() {
        "true" | "on" | "yes" | "oui" | "1" => Some(true),
        "false" | "off" | "no" | "non" | "0" => Some(false),
        _ => None,
    }
}

fn required_code<T>(
    answers: &Option<String>,
    field: &str,
    parse: impl Fn(&str) -> Option<T>,
    invalid: ErrorCode,
    errors: &mut Vec<FieldError>,
) -> Option<T> {
    match present(answers) {
        None => {
            errors.push(FieldError::new(field, ErrorCode::Required));
            None
        }
        Some(text) => {
            let parsed = parse(text);
            if parsed.is_none() {
                errors.push(FieldError::new(field, invalid));
            }
            parsed
        }
    }
}

fn optional_bool(answer: &Option<String>, field: &str, errors: &mut Vec<FieldError>) -> bool {
    match present(answer) {
        None => false,
        Some(text) => parse_bool(text).unwrap_or_else(|| {
            errors.push(FieldError::new(field, ErrorCode::NotABoolean));
            false
        }),
    }
}

/// Turns raw answers into a valid input, or lists every refused field.
pub fn parse(answers: &EligibilityAnswers) -> Result<EligibilityInput, Vec<FieldError>> {
    let mut errors = Vec::new();
    let nationality = required_code(
        &answers.nationality,
        "nationality",
        CountryCode::parse,
        ErrorCode::UnknownCountry,
        &mut errors,
    );
    let permit = required_code(
        &answers.permit,
        "permit",
        Permit::from_code,
        ErrorCode::InvalidChoice,
        &mut errors,
    );
    let contract = required_code(
        &answers.contract,
        "contract",
        Contract::from_code,
        ErrorCode::InvalidChoice,
        &mut errors,
    );
    let annual_hours = match present(&answers.annual_hours) {
        None => {
            errors.push(FieldError::new("annual_hours", ErrorCode::Required));
            None
        }
        Some(text) => match parse_decimal(text) {
            None => {
                errors.push(FieldError::new("annual_hours", ErrorCode::NotANumber));
                None
            }
            Some(h) if h < 0.0 => {
                errors.push(FieldError::new("annual_hours", ErrorCode::NegativeHours));
                None
            }
            Some(h) if h > MAX_ANNUAL_HOURS => {
                errors.push(FieldError::new("annual_hours", ErrorCode::HoursOutOfRange));
                None
            }
            Some(h) => Some(h),
        },
    };
    let within_curriculum =
        optional_bool(&answers.within_curriculum, "within_curriculum", &mut errors);
    let renewal = optional_bool(&answers.renewal, "renewal", &mut errors);
    let regulated_profession = match present(&answers.regulated_profession) {
        None | Some("none") => None,
        Some(text) => {
            let parsed = RegulatedProfession::from_code(text);
            if parsed.is_none() {
                errors.push(FieldError::new(
                    "regulated_profession",
                    ErrorCode::InvalidChoice,
                ));
            }
            parsed
        }
    };
    let filed_by = match present(&answers.filed_by) {
        None => default_filed_by(),
        Some(text) => FiledBy::from_code(text).unwrap_or_else(|| {
            errors.push(FieldError::new("filed_by", ErrorCode::InvalidChoice));
            FiledBy::Employer
        }),
    };
    // Rule 4: the Algerian certificate exists only for Algerian nationals.
    if let (Some(Permit::AlgerianStudentCertificate), Some(n)) = (permit, nationality) {
        if n != CountryCode::algeria() {
            errors.push(FieldError::new(
                "permit",
                ErrorCode::AlgerianCertificateRequiresDz,
            ));
        }
    }
    match (nationality, permit, contract, annual_hours) {
        (Some(nationality), Some(permit), Some(contract), Some(annual_hours))
            if errors.is_empty() =>
        {
            Ok(EligibilityInput {
                nationality,
                permit,
                contract,
                annual_hours,
                within_curriculum,
                regulated_profession,
                filed_by,
                renewal,
            })
        }
        _ => Err(errors),
    }
}

impl EligibilityInput {
    /// The raw answers that parse back to this input (for links and forms).
    pub fn to_answers(&self) -> EligibilityAnswers {
        EligibilityAnswers {
            nationality: Some(self.nationality.to_string()),
            permit: Some(self.permit.code().into()),
            contract: Some(self.contract.code().into()),
            annual_hours: Some(self.annual_hours.to_string()),
            within_curriculum: Some(self.within_curriculum.to_string()),
            regulated_profession: self.regulated_profession.map(|p| p.code().into()),
            filed_by: Some(self.filed_by.code().into()),
            renewal: Some(self.renewal.to_string()),
        }
    }

    fn within_curriculum_in_effect(&self) -> bool {
        self.within_curriculum || self.contract.is_curricular_by_nature()
    }
}

fn outcome(outcome: Outcome, reason: Reason, max_annual_hours: Option<f64>) -> Eligibility {
    Eligibility {
        outcome,
        reasons: vec![reason],
        max_annual_hours,
        required_documents: Vec::new(),
        optional_documents: Vec::new(),
        obligations: Vec::new(),
    }
}

/// Applies rules.md §1, in its order, with the figures in force on `on` (the contract's start
/// date when known, else today).
pub fn decide(input: &EligibilityInput, config: &RulesConfig, on: NaiveDate) -> Eligibility {
    use Outcome::*;
    let caps = config.caps_on(on);
    let hours = input.annual_hours;
    let in_curriculum = input.within_curriculum_in_effect();

    let mut decision = if input.nationality.has_free_movement() {
        outcome(NotRequired, Reason::FreeMovement, None)
    } else if input.contract == Contract::Internship {
        outcome(NotRequired, Reason::Internship, None)
    } else {
        match input.permit {
            Permit::Other => outcome(NotEligible, Reason::PermitNotStudent, None),
            Permit::AlgerianStudentCertificate => {
                if hours <= caps.algerian {
                    outcome(Required, Reason::AlgerianFirstHour, Some(caps.algerian))
                } else if in_curriculum {
                    outcome(Required, Reason::OverThresholdInCurriculum, None)
                } else {
                    outcome(
                        NotEligible,
                        Reason::AlgerianCapExceeded,
                        Some(caps.algerian),
                    )
                }
            }
            Permit::TemporaryStudentVisa => {
                if hours <= caps.temporary_visa {
                    outcome(
                        Required,
                        Reason::TemporaryVisaFirstHour,
                        Some(caps.temporary_visa),
                    )
                } else {
                    outcome(
                        NotEligible,
                        Reason::TemporaryVisaCapExceeded,
                        Some(caps.temporary_visa),
                    )
                }
            }
            Permit::Student | Permit::StudentMobility => {
                let mut d = if input.contract == Contract::Apprenticeship {
                    outcome(NotRequired, Reason::ApprenticeshipValidatedByOpco, None)
                } else if hours <= caps.student {
                    outcome(NotRequired, Reason::UnderThreshold, Some(caps.student))
                } else if in_curriculum {
                    outcome(Required, Reason::OverThresholdInCurriculum, None)
                } else {
                    outcome(
                        NotEligible,
                        Reason::OverThresholdOutsideCurriculum,
                        Some(caps.student),
                    )
                };
                // L.5221-9: the employer of a student-card holder declares the hire, even when
                // no authorisation is needed.
                if d.outcome != NotEligible {
                    d.obligations.push(Obligation::NominativeDeclaration);
                }
                d
            }
        }
    };

    if decision.outcome == Required {
        let docs = documents::for_case(input);
        decision.required_documents = docs.required;
        decision.optional_documents = docs.optional;
    }
    decision
}

impl Reason {
    /// The article the reason rests on, cited to the user.
    pub const fn article(self) -> &'static str {
        use Reason::*;
        match self {
            FreeMovement => "Code du travail, art. R.5221-2 1°",
            Internship => "Code de l'éducation, art. L.124-1 ; Code du travail, art. R.5221-1",
            PermitNotStudent => "Code du travail, art. R.5221-1 et R.5221-3",
            AlgerianFirstHour | AlgerianCapExceeded => {
                "Accord franco-algérien du 27 décembre 1968, protocole, titre III"
            }
            OverThresholdInCurriculum => "Code du travail, art. R.5221-3 II 1°",
            TemporaryVisaFirstHour | TemporaryVisaCapExceeded => {
                "CESEDA, art. L.422-1 ; Code du travail, art. R.5221-1"
            }
            ApprenticeshipValidatedByOpco => "Code du travail, art. R.5221-2 12°",
            UnderThreshold | OverThresholdOutsideCurriculum => {
                "Code du travail, art. R.5221-26 ; CESEDA, art. L.422-1"
            }
        }
    }
}

impl Obligation {
    pub const fn article(self) -> &'static str {
        match self {
            Obligation::NominativeDeclaration => "Code du travail, art. L.5221-9 et R.5221-27",
        }
    }
}

#[cfg(test)]
#[path = "eligibility_tests.rs"]
mod tests;
