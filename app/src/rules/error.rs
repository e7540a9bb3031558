//! Why an input is refused: a code for machines, a sentence for people (see `i18n`).

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

code_enum! {
    /// Validation error codes, stable in the public API.
    pub enum ErrorCode {
        Required => "required",
        InvalidChoice => "invalid_choice",
        InvalidType => "invalid_type",
        UnknownCountry => "unknown_country",
        NotANumber => "not_a_number",
        NegativeHours => "negative_hours",
        HoursOutOfRange => "hours_out_of_range",
        NotABoolean => "not_a_boolean",
        AlgerianCertificateRequiresDz => "algerian_certificate_requires_dz",
        NameLength => "name_length",
        InvalidDate => "invalid_date",
        BirthDateNotPast => "birth_date_not_past",
        AgeOutOfRange => "age_out_of_range",
        InvalidEmail => "invalid_email",
        InvalidPhone => "invalid_phone",
        SiretFormat => "siret_format",
        SiretChecksum => "siret_checksum",
        PostcodeFormat => "postcode_format",
        PostcodeUnknown => "postcode_unknown",
        PostcodeNotCovered => "postcode_not_covered",
        ContractDatesOrder => "contract_dates_order",
        PermitDatesOrder => "permit_dates_order",
        PermitNotValidOnStart => "permit_not_valid_on_start",
        AuthorisationDatesOrder => "authorisation_dates_order",
        AuthorisationOutsideContract => "authorisation_outside_contract",
        AuthorisationOutsidePermit => "authorisation_outside_permit",
        WageInvalid => "wage_invalid",
        WageBelowSmic => "wage_below_smic",
        WeeklyHoursInvalid => "weekly_hours_invalid",
        WeeklyHoursOverMax => "weekly_hours_over_max",
        TextLength => "text_length",
        PermitNumberFormat => "permit_number_format",
        PermitIssuedInFuture => "permit_issued_in_future",
        PermitExpired => "permit_expired",
        StartInPast => "start_in_past",
        ContractEndRequired => "contract_end_required",
        AccessCodeFormat => "access_code_format",
        RoleRequired => "role_required",
        MessageLength => "message_length",
        VerificationCodeFormat => "verification_code_format",
        PasswordLength => "password_length",
        ServiceCodeFormat => "service_code_format",
    }
}

/// One refused field: which one (its public API name) and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub code: ErrorCode,
}

impl FieldError {
    pub fn new(field: &str, code: ErrorCode) -> Self {
        Self {
            field: field.to_owned(),
            code,
        }
    }

    pub fn message(&self, lang: Lang) -> &'static str {
        self.code.message(lang)
    }
}

impl ErrorCode {
    /// The sentence shown next to the field, the same in the browser and from the server.
    pub fn message(self, lang: Lang) -> &'static str {
        use ErrorCode::*;
        lang.pick(match self {
            Required => ("Ce champ est obligatoire.", "This field is required."),
            InvalidChoice => ("Choisissez une des valeurs proposées.", "Choose one of the values offered."),
            InvalidType => ("Le format de cette donnée n'est pas valide.", "This value does not have a valid format."),
            UnknownCountry => (
                "Nationalité inconnue : indiquez un code pays ISO à deux lettres (par exemple SN).",
                "Unknown nationality: give a two-letter ISO country code (for example SN).",
            ),
            NotANumber => ("Indiquez un nombre (par exemple 500 ou 803,5).", "Enter a number (for example 500 or 803.5)."),
            NegativeHours => ("Le nombre d'heures ne peut pas être négatif.", "The number of hours cannot be negative."),
            HoursOutOfRange => (
                "Une année compte au plus 8 784 heures : vérifiez ce nombre.",
                "A year has at most 8,784 hours: check this number.",
            ),
            NotABoolean => ("Répondez par oui ou par non.", "Answer yes or no."),
            AlgerianCertificateRequiresDz => (
                "Le certificat de résidence algérien « étudiant » n'est délivré qu'aux ressortissants algériens : vérifiez la nationalité ou le titre.",
                "The Algerian “student” residence certificate is issued to Algerian nationals only: check the nationality or the permit.",
            ),
            NameLength => ("Indiquez entre 1 et 100 caractères.", "Enter between 1 and 100 characters."),
            InvalidDate => ("Indiquez une date valide (jj/mm/aaaa).", "Enter a valid date (dd/mm/yyyy)."),
            BirthDateNotPast => ("La date de naissance doit être passée.", "The date of birth must be in the past."),
            AgeOutOfRange => (
                "La personne doit avoir entre 16 et 80 ans au début du contrat.",
                "The person must be between 16 and 80 years old when the contract starts.",
            ),
            InvalidEmail => (
                "Adresse électronique invalide (format attendu : nom@domaine.fr).",
                "Invalid e-mail address (expected format: name@domain.com).",
            ),
            InvalidPhone => (
                "Numéro invalide : 10 chiffres (06 12 34 56 78) ou format international (+33 6 12 34 56 78).",
                "Invalid number: 10 digits (06 12 34 56 78) or international format (+33 6 12 34 56 78).",
            ),
            SiretFormat => ("Le SIRET compte 14 chiffres.", "A SIRET has 14 digits."),
            SiretChecksum => (
                "Ce SIRET n'existe pas (clé de contrôle incorrecte) : vérifiez-le sur l'avis de situation Insee.",
                "This SIRET does not exist (wrong check digit): check it on the Insee registration notice.",
            ),
            PostcodeFormat => ("Le code postal compte 5 chiffres.", "A postcode has 5 digits."),
            PostcodeUnknown => ("Ce code postal ne correspond à aucun département.", "This postcode matches no département."),
            PostcodeNotCovered => (
                "Ce territoire n'applique pas le Code du travail : adressez-vous à son administration locale.",
                "This territory does not apply the French Labour Code: contact its local administration.",
            ),
            ContractDatesOrder => ("La fin du contrat doit suivre son début.", "The contract must end after it starts."),
            PermitDatesOrder => ("La date d'expiration du titre doit suivre sa date de délivrance.", "The permit's expiry date must follow its issue date."),
            PermitNotValidOnStart => (
                "Le titre de séjour doit être valide à la date de début du contrat.",
                "The residence permit must be valid on the contract's start date.",
            ),
            AuthorisationDatesOrder => ("La fin de validité doit suivre son début.", "The validity must end after it starts."),
            AuthorisationOutsideContract => (
                "L'autorisation doit rester dans les dates du contrat.",
                "The authorisation must lie within the contract's dates.",
            ),
            AuthorisationOutsidePermit => (
                "L'autorisation ne peut pas dépasser la validité du titre de séjour.",
                "The authorisation cannot outlast the residence permit.",
            ),
            WageInvalid => ("Indiquez un salaire horaire brut positif, en euros.", "Enter a positive gross hourly wage, in euros."),
            WageBelowSmic => (
                "Le salaire horaire brut doit être au moins égal au SMIC en vigueur au début du contrat.",
                "The gross hourly wage must be at least the minimum wage (SMIC) in force when the contract starts.",
            ),
            WeeklyHoursInvalid => ("Indiquez une durée hebdomadaire positive.", "Enter a positive number of weekly hours."),
            WeeklyHoursOverMax => (
                "La durée du travail ne peut pas dépasser 48 heures par semaine.",
                "Working time cannot exceed 48 hours a week.",
            ),
            TextLength => ("Indiquez entre 1 et 200 caractères.", "Enter between 1 and 200 characters."),
            PermitNumberFormat => (
                "Le numéro du titre compte 6 à 20 lettres et chiffres (il figure au recto de la carte).",
                "The permit number has 6 to 20 letters and digits (it is on the front of the card).",
            ),
            PermitIssuedInFuture => ("La date de délivrance ne peut pas être future.", "The issue date cannot be in the future."),
            PermitExpired => (
                "Ce titre de séjour est expiré : joignez le récépissé de renouvellement et indiquez ses dates.",
                "This residence permit has expired: attach the renewal receipt and give its dates.",
            ),
            StartInPast => (
                "Le contrat ne peut pas commencer avant aujourd'hui : l'autorisation précède l'embauche.",
                "The contract cannot start before today: the authorisation comes before the hire.",
            ),
            ContractEndRequired => (
                "Indiquez la date de fin : seul un contrat de travail ordinaire (CDI) peut ne pas en avoir.",
                "Give the end date: only an ordinary employment contract (open-ended) may have none.",
            ),
            AccessCodeFormat => ("Le code d'accès compte 6 chiffres.", "The access code has 6 digits."),
            RoleRequired => ("Indiquez si vous êtes l'étudiant ou l'employeur.", "Say whether you are the student or the employer."),
            MessageLength => ("Écrivez un message de 1 à 2 000 caractères.", "Write a message of 1 to 2,000 characters."),
            VerificationCodeFormat => ("Le code de vérification compte 12 lettres et chiffres, par exemple 7KQ2-M9XD-4TPA.", "The verification code has 12 letters and digits, for example 7KQ2-M9XD-4TPA."),
            PasswordLength => ("Le mot de passe compte de 12 à 128 caractères.", "The password has 12 to 128 characters."),
            ServiceCodeFormat => ("Le code du service compte 2 à 32 lettres minuscules, chiffres ou tirets.", "The service code has 2 to 32 lower-case letters, digits or dashes."),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_has_a_distinct_message_in_each_language() {
        for lang in [Lang::Fr, Lang::En] {
            let mut seen = std::collections::HashSet::new();
            for code in ErrorCode::ALL {
                let message = code.message(lang);
                assert!(message.ends_with('.'), "{code}: {message}");
                assert!(seen.insert(message), "{code} repeats another message");
            }
        }
    }

    #[test]
    fn codes_round_trip() {
        for code in ErrorCode::ALL {
            assert_eq!(ErrorCode::from_code(code.code()), Some(*code));
            assert_eq!(
                serde_json::to_string(code).unwrap(),
                format!("\"{}\"", code.code())
            );
        }
    }
}
