//! Why an input is refused: a code for machines, a sentence for people (see `i18n`).

use serde::{Deserialize, Serialize};

use crate::i18n::{Lang, Msg};

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
        lang.t(match self {
            Required => Msg::ErrorFieldRequired,
            InvalidChoice => Msg::ErrorChooseOneValuesOffered,
            InvalidType => Msg::ErrorValueDoesNotHave,
            UnknownCountry => Msg::ErrorUnknownNationalityGiveTwo,
            NotANumber => Msg::ErrorEnterNumberExample500,
            NegativeHours => Msg::ErrorNumberHoursCannotNegative,
            HoursOutOfRange => Msg::ErrorYearHasMost8,
            NotABoolean => Msg::ErrorAnswerYesNo,
            AlgerianCertificateRequiresDz => Msg::ErrorAlgerianStudentResidenceCertificate,
            NameLength => Msg::ErrorEnterBetween1100,
            InvalidDate => Msg::ErrorEnterValidDateDd,
            BirthDateNotPast => Msg::ErrorDateBirthMustPast,
            AgeOutOfRange => Msg::ErrorPersonMustBetween16,
            InvalidEmail => Msg::ErrorInvalidEMailAddress,
            InvalidPhone => Msg::ErrorInvalidNumber10Digits,
            SiretFormat => Msg::ErrorSiretHas14Digits,
            SiretChecksum => Msg::ErrorSiretDoesNotExist,
            PostcodeFormat => Msg::ErrorPostcodeHas5Digits,
            PostcodeUnknown => Msg::ErrorPostcodeMatchesNoDepartement,
            PostcodeNotCovered => Msg::ErrorTerritoryDoesNotApply,
            ContractDatesOrder => Msg::ErrorContractMustEndAfter,
            PermitDatesOrder => Msg::ErrorPermitSExpiryDate,
            PermitNotValidOnStart => Msg::ErrorResidencePermitMustValid,
            AuthorisationDatesOrder => Msg::ErrorValidityMustEndAfter,
            AuthorisationOutsideContract => Msg::ErrorAuthorisationMustLieWithin,
            AuthorisationOutsidePermit => Msg::ErrorAuthorisationCannotOutlastResidence,
            WageInvalid => Msg::ErrorEnterPositiveGrossHourly,
            WageBelowSmic => Msg::ErrorGrossHourlyWageMust,
            WeeklyHoursInvalid => Msg::ErrorEnterPositiveNumberWeekly,
            WeeklyHoursOverMax => Msg::ErrorWorkingTimeCannotExceed,
            TextLength => Msg::ErrorEnterBetween1200,
            PermitNumberFormat => Msg::ErrorPermitNumberHas6,
            PermitIssuedInFuture => Msg::ErrorIssueDateCannotFuture,
            PermitExpired => Msg::ErrorResidencePermitHasExpired,
            StartInPast => Msg::ErrorContractCannotStartBefore,
            ContractEndRequired => Msg::ErrorGiveEndDateOnly,
            AccessCodeFormat => Msg::ErrorAccessCodeHas6,
            RoleRequired => Msg::ErrorSayWhetherStudentEmployer,
            MessageLength => Msg::ErrorWriteMessage12,
            VerificationCodeFormat => Msg::ErrorVerificationCodeHas12,
            PasswordLength => Msg::ErrorPasswordHas12128,
            ServiceCodeFormat => Msg::ErrorServiceCodeHas2,
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
