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
    pub label: (&'static str, &'static str),
    pub hint: Option<(&'static str, &'static str)>,
    pub kind: Kind,
    pub autocomplete: &'static str,
}

const fn spec(label: (&'static str, &'static str), kind: Kind) -> Spec {
    Spec {
        label,
        hint: None,
        kind,
        autocomplete: "off",
    }
}

const fn hinted(
    label: (&'static str, &'static str),
    hint: (&'static str, &'static str),
    kind: Kind,
) -> Spec {
    Spec {
        label,
        hint: Some(hint),
        kind,
        autocomplete: "off",
    }
}

const DATE_HINT: (&str, &str) = ("Format : jj/mm/aaaa.", "Format: dd/mm/yyyy.");

pub fn spec_of(name: &str) -> Spec {
    use Kind::*;
    let mut s = match name {
        "family_name" => spec(("Nom de famille", "Family name"), Text),
        "given_names" => spec(("Prénoms", "Given names"), Text),
        "birth_date" => hinted(("Date de naissance", "Date of birth"), DATE_HINT, Date),
        "nationality" => spec(("Nationalité", "Nationality"), Country),
        "permit" => hinted(("Titre de séjour", "Residence permit"), ("Tel qu'il figure sur le titre ou le visa.", "As written on the permit or visa."), Permit),
        "permit_number" => hinted(("Numéro du titre", "Permit number"), ("6 à 20 lettres et chiffres, au recto du titre.", "6 to 20 letters and digits, on the front of the permit."), Text),
        "permit_issued" => hinted(("Date de délivrance du titre", "Permit issue date"), DATE_HINT, Date),
        "permit_expires" => hinted(("Date d'expiration du titre", "Permit expiry date"), DATE_HINT, Date),
        "school" => spec(("Établissement d'enseignement", "School or university"), Text),
        "diploma" => spec(("Diplôme préparé", "Degree studied for"), Text),
        "study_year" => hinted(("Année d'études", "Year of study"), ("Par exemple : L3, M1, 2e année de doctorat.", "For example: L3, M1, 2nd year of PhD."), Text),
        "address" => spec(("Adresse en France", "Address in France"), Text),
        "postcode" => spec(("Code postal", "Postcode"), Text),
        "city" => spec(("Commune", "Town"), Text),
        "email" => hinted(("Adresse électronique de l'étudiant", "Student's e-mail address"), ("Elle recevra chaque étape du dossier.", "It will receive each step of the file."), Email),
        "phone" => hinted(("Téléphone de l'étudiant", "Student's phone"), ("06 12 34 56 78 ou +33 6 12 34 56 78.", "06 12 34 56 78 or +33 6 12 34 56 78."), Tel),
        "siret" => hinted(("SIRET de l'établissement qui emploie", "SIRET of the employing establishment"), ("14 chiffres, sur l'avis de situation Insee ou une fiche de paie.", "14 digits, on the Insee notice or a payslip."), Text),
        "employer_name" => spec(("Raison sociale", "Company name"), Text),
        "establishment_address" => spec(("Adresse de l'établissement", "Establishment's address"), Text),
        "establishment_postcode" => hinted(("Code postal de l'établissement", "Establishment's postcode"), ("Son département désigne le service compétent (Code du travail, art. R.5221-15).", "Its département decides the competent service (Labour Code, art. R.5221-15)."), Text),
        "establishment_city" => spec(("Commune de l'établissement", "Establishment's town"), Text),
        "contact_name" => spec(("Personne à contacter", "Contact person"), Text),
        "contact_email" => hinted(("Adresse électronique de l'employeur", "Employer's e-mail address"), ("Elle recevra chaque étape du dossier.", "It will receive each step of the file."), Email),
        "contact_phone" => spec(("Téléphone de l'employeur", "Employer's phone"), Tel),
        "contract" => spec(("Type de contrat", "Type of contract"), Contract),
        "contract_start" => hinted(("Début du contrat", "Contract start"), DATE_HINT, Date),
        "contract_end" => hinted(("Fin du contrat", "Contract end"), ("Vide pour un CDI. Format : jj/mm/aaaa.", "Empty for an open-ended contract. Format: dd/mm/yyyy."), Date),
        "weekly_hours" => hinted(("Durée hebdomadaire (heures)", "Weekly hours"), ("48 heures au plus.", "48 hours at most."), Decimal),
        "hourly_wage" => hinted(("Salaire horaire brut (€)", "Gross hourly wage (€)"), ("Au moins le SMIC en vigueur au début du contrat.", "At least the minimum wage in force when the contract starts."), Decimal),
        "job_title" => spec(("Intitulé du poste", "Job title"), Text),
        "within_curriculum" => hinted(("L'emploi fait-il partie du cursus d'études ?", "Is the job part of the course of study?"), ("Par exemple un emploi exigé par la formation ou lié au diplôme préparé.", "For example a job the course requires or one tied to the degree."), YesNo),
        "regulated_profession" => spec(("Profession réglementée", "Regulated profession"), Profession),
        "annual_hours" => hinted(("Heures travaillées sur 12 mois", "Hours worked over 12 months"), ("Tous emplois confondus, y compris celui-ci, sur les 12 mois qui suivent la délivrance du titre.", "All jobs together, this one included, over the 12 months from the permit's issue date."), Decimal),
        "renewal" => hinted(("Renouvellement", "Renewal"), ("Une autorisation a déjà été délivrée pour ce même emploi.", "An authorisation was already issued for this same job."), YesNo),
        _ => spec(("", ""), Text),
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
            .map(|d| d.format("%d/%m/%Y").to_string())
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
    fn every_field_has_a_label_in_both_languages() {
        for step in Step::FORMS {
            for name in step.fields() {
                let s = spec_of(name);
                assert!(!s.label.0.is_empty() && !s.label.1.is_empty(), "{name}");
                assert_ne!(s.label.0, s.label.1, "{name}");
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
