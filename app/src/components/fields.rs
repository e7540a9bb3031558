//! The wizard's fields: label, hint and input kind of each, in French and English.

use crate::i18n::{Lang, Msg};
use crate::pages::eligibility::choices;
use crate::rules::eligibility::{Contract, Permit, RegulatedProfession};
use crate::rules::CountryCode;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Text,
    Date,
    Email,
    Tel,
    Decimal,
    Country,
    Permit,
    Contract,
    Profession,
    YesNo,
}

pub struct Spec {
    pub label: Msg,
    pub hint: Option<Msg>,
    pub kind: Kind,
    pub autocomplete: &'static str,
}

const fn spec(label: Msg, kind: Kind) -> Spec {
    Spec {
        label,
        hint: None,
        kind,
        autocomplete: "off",
    }
}

const fn hinted(label: Msg, hint: Msg, kind: Kind) -> Spec {
    Spec {
        label,
        hint: Some(hint),
        kind,
        autocomplete: "off",
    }
}

const DATE_HINT: Msg = Msg::FieldsFormatDdMmYyyy;

pub fn spec_of(name: &str) -> Spec {
    use Kind::*;
    let mut s = match name {
        "family_name" => spec(Msg::FieldsFamilyName, Text),
        "given_names" => spec(Msg::FieldsGivenNames, Text),
        "birth_date" => hinted(Msg::FieldsDateBirth, DATE_HINT, Date),
        "nationality" => spec(Msg::FieldsNationality, Country),
        "permit" => hinted(
            Msg::FieldsResidencePermit,
            Msg::FieldsWrittenPermitVisa,
            Permit,
        ),
        "permit_number" => hinted(Msg::FieldsPermitNumber, Msg::Fields620LettersDigits, Text),
        "permit_issued" => hinted(Msg::FieldsPermitIssueDate, DATE_HINT, Date),
        "permit_expires" => hinted(Msg::FieldsPermitExpiryDate, DATE_HINT, Date),
        "school" => spec(Msg::FieldsSchoolUniversity, Text),
        "diploma" => spec(Msg::FieldsDegreeStudied, Text),
        "study_year" => hinted(Msg::FieldsYearStudy, Msg::FieldsExampleL3M12nd, Text),
        "address" => spec(Msg::FieldsAddressFrance, Text),
        "postcode" => spec(Msg::FieldsPostcode, Text),
        "city" => spec(Msg::FieldsTown, Text),
        "email" => hinted(
            Msg::FieldsStudentSEMail,
            Msg::FieldsWillReceiveEachStep,
            Email,
        ),
        "phone" => hinted(Msg::FieldsStudentSPhone, Msg::Fields06123456, Tel),
        "siret" => hinted(
            Msg::FieldsSiretEmployingEstablishment,
            Msg::Fields14DigitsInseeNotice,
            Text,
        ),
        "employer_name" => spec(Msg::FieldsCompanyName, Text),
        "establishment_address" => spec(Msg::FieldsEstablishmentSAddress, Text),
        "establishment_postcode" => hinted(
            Msg::FieldsEstablishmentSPostcode,
            Msg::FieldsDepartementDecidesCompetentService,
            Text,
        ),
        "establishment_city" => spec(Msg::FieldsEstablishmentSTown, Text),
        "contact_name" => spec(Msg::FieldsContactPerson, Text),
        "contact_email" => hinted(
            Msg::FieldsEmployerSEMail,
            Msg::FieldsWillReceiveEachStep,
            Email,
        ),
        "contact_phone" => spec(Msg::FieldsEmployerSPhone, Tel),
        "contract" => spec(Msg::FieldsTypeContract, Contract),
        "contract_start" => hinted(Msg::FieldsContractStart, DATE_HINT, Date),
        "contract_end" => hinted(
            Msg::FieldsContractEnd,
            Msg::FieldsEmptyOpenEndedContract,
            Date,
        ),
        "weekly_hours" => hinted(Msg::FieldsWeeklyHours, Msg::Fields48HoursMost, Decimal),
        "hourly_wage" => hinted(
            Msg::FieldsGrossHourlyWage,
            Msg::FieldsLeastMinimumWageForce,
            Decimal,
        ),
        "job_title" => spec(Msg::FieldsJobTitle, Text),
        "within_curriculum" => hinted(
            Msg::FieldsJobPartCourseStudy,
            Msg::FieldsExampleJobCourseRequires,
            YesNo,
        ),
        "regulated_profession" => spec(Msg::FieldsRegulatedProfession, Profession),
        "annual_hours" => hinted(
            Msg::FieldsHoursWorkedOver12,
            Msg::FieldsAllJobsTogetherOne,
            Decimal,
        ),
        "renewal" => hinted(
            Msg::FieldsRenewal,
            Msg::FieldsAuthorisationWasAlreadyIssued,
            YesNo,
        ),
        _ => spec(Msg::FieldsUnknown, Text),
    };
    s.autocomplete = match name {
        "family_name" => "family-name",
        "given_names" => "given-name",
        "birth_date" => "bday",
        "address" => "street-address",
        "postcode" => "postal-code",
        "city" => "address-level2",
        "email" => "email",
        "phone" => "tel",
        "employer_name" => "organization",
        _ => "off",
    };
    s
}

/// The choices of a select or radio field, `(code, label)`.
pub fn options(kind: Kind, lang: Lang) -> Vec<(String, &'static str)> {
    match kind {
        Kind::Country => CountryCode::all_sorted(lang)
            .iter()
            .map(|(c, name)| (c.to_string(), *name))
            .collect(),
        Kind::Permit => choices(Permit::ALL, Permit::code, Permit::label, lang),
        Kind::Contract => choices(Contract::ALL, Contract::code, Contract::label, lang),
        Kind::Profession => {
            let mut list = vec![("none".to_owned(), lang.t(Msg::NoRegulatedProfession))];
            list.extend(choices(
                RegulatedProfession::ALL,
                RegulatedProfession::code,
                RegulatedProfession::label,
                lang,
            ));
            list
        }
        Kind::YesNo => vec![
            ("true".to_owned(), lang.t(Msg::Yes)),
            ("false".to_owned(), lang.t(Msg::No)),
        ],
        _ => Vec::new(),
    }
}

/// How a saved value reads in the summary.
pub fn display(name: &str, value: &str, lang: Lang) -> String {
    let kind = spec_of(name).kind;
    if value.is_empty() {
        return "—".to_owned();
    }
    match kind {
        Kind::Date => crate::rules::validation::parse_date(value)
            .map(|d| lang.date(d))
            .unwrap_or_else(|_| value.to_owned()),
        Kind::Country | Kind::Permit | Kind::Contract | Kind::Profession | Kind::YesNo => {
            options(kind, lang)
                .into_iter()
                .find(|(code, _)| code.eq_ignore_ascii_case(value))
                .map(|(_, label)| label.to_owned())
                .unwrap_or_else(|| value.to_owned())
        }
        _ => value.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::request::Step;

    #[test]
    fn every_field_has_its_own_label() {
        for step in Step::FORMS {
            for name in step.fields() {
                let s = spec_of(name);
                assert_ne!(s.label, Msg::FieldsUnknown, "{name}");
            }
        }
    }

    #[test]
    fn values_read_as_words() {
        assert_eq!(display("nationality", "SN", Lang::Fr), "Sénégal");
        assert_eq!(
            display("contract_start", "2026-12-07", Lang::En),
            "07/12/2026"
        );
        assert_eq!(display("within_curriculum", "true", Lang::Fr), "Oui");
        assert_eq!(display("job_title", "", Lang::Fr), "—");
    }
}
