use super::*;
use proptest::prelude::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

#[test]
fn names() {
    let long = "a".repeat(101);
    let max = "é".repeat(100);
    let cases: [(&str, Result<&str, ErrorCode>); 6] = [
        ("  Aminata  ", Ok("Aminata")),
        ("N'Diaye-Sall", Ok("N'Diaye-Sall")),
        (&max, Ok(&max)),
        ("", Err(ErrorCode::NameLength)),
        ("   ", Err(ErrorCode::NameLength)),
        (&long, Err(ErrorCode::NameLength)),
    ];
    for (input, expected) in cases {
        assert_eq!(
            person_name(input).as_deref().map_err(|e| *e),
            expected,
            "{input:?}"
        );
    }
    assert_eq!(person_name("a\u{0}b"), Err(ErrorCode::NameLength));
}

#[test]
fn dates() {
    assert_eq!(parse_date("2026-09-01"), Ok(d(2026, 9, 1)));
    assert_eq!(parse_date("01/09/2026"), Ok(d(2026, 9, 1)));
    for bad in [
        "2026-02-30",
        "31/04/2026",
        "demain",
        "",
        "0001-01-01",
        "2026/09/01",
    ] {
        assert_eq!(parse_date(bad), Err(ErrorCode::InvalidDate), "{bad}");
    }
}

#[test]
fn birth_dates_and_ages() {
    let today = d(2026, 11, 22);
    let start = d(2027, 1, 4);
    let config = RulesConfig::default();
    let cases = [
        (d(2000, 5, 17), Ok(())),
        (d(2010, 1, 4), Ok(())), // 17 on the start date
        (d(2011, 1, 4), Ok(())), // exactly 16 on the start date
        (d(2011, 1, 5), Err(ErrorCode::AgeOutOfRange)), // 16 the day after
        (d(1946, 1, 5), Ok(())), // 80
        (d(1946, 1, 4), Err(ErrorCode::AgeOutOfRange)), // 81 on the start date
        (today, Err(ErrorCode::BirthDateNotPast)),
        (d(2030, 1, 1), Err(ErrorCode::BirthDateNotPast)),
    ];
    for (birth, expected) in cases {
        assert_eq!(
            birth_date(birth, start, today, &config),
            expected,
            "{birth}"
        );
    }
}

#[test]
fn emails() {
    let cases = [
        ("Aminata.Diop@Example.FR", Ok("aminata.diop@example.fr")),
        ("  rh+apt@entreprise.co.uk ", Ok("rh+apt@entreprise.co.uk")),
        ("a@b.io", Ok("a@b.io")),
        ("x@xn--bcher-kva.example", Ok("x@xn--bcher-kva.example")),
        ("plainaddress", Err(ErrorCode::InvalidEmail)),
        ("@example.fr", Err(ErrorCode::InvalidEmail)),
        ("a@", Err(ErrorCode::InvalidEmail)),
        ("a@localhost", Err(ErrorCode::InvalidEmail)),
        ("a..b@example.fr", Err(ErrorCode::InvalidEmail)),
        (".a@example.fr", Err(ErrorCode::InvalidEmail)),
        ("a@-example.fr", Err(ErrorCode::InvalidEmail)),
        ("a@example.f", Err(ErrorCode::InvalidEmail)),
        ("a@exa mple.fr", Err(ErrorCode::InvalidEmail)),
        ("a@b@example.fr", Err(ErrorCode::InvalidEmail)),
        ("a@example.123", Err(ErrorCode::InvalidEmail)),
    ];
    for (input, expected) in cases {
        assert_eq!(
            Email::parse(input)
                .as_ref()
                .map(Email::as_str)
                .map_err(|e| *e),
            expected,
            "{input:?}"
        );
    }
}

#[test]
fn phones() {
    let cases = [
        ("06 12 34 56 78", Ok("+33612345678")),
        ("01.23.45.67.89", Ok("+33123456789")),
        ("+33 6 12 34 56 78", Ok("+33612345678")),
        ("0033612345678", Ok("+33612345678")),
        ("+221 77 123 45 67", Ok("+221771234567")),
        ("+1 (415) 555-0100", Ok("+14155550100")),
        ("+33 06 12 34 56 78", Err(ErrorCode::InvalidPhone)),
        ("06 12 34 56", Err(ErrorCode::InvalidPhone)),
        ("00 12 34 56 78", Err(ErrorCode::InvalidPhone)),
        ("+1234", Err(ErrorCode::InvalidPhone)),
        ("+1234567890123456", Err(ErrorCode::InvalidPhone)),
        ("06 12 34 56 7a", Err(ErrorCode::InvalidPhone)),
        ("", Err(ErrorCode::InvalidPhone)),
    ];
    for (input, expected) in cases {
        assert_eq!(
            Phone::parse(input)
                .as_ref()
                .map(Phone::as_str)
                .map_err(|e| *e),
            expected,
            "{input:?}"
        );
    }
}

/// Appends the Luhn check digit to 13 digits.
fn with_luhn_digit(first13: &str) -> String {
    (0..10)
        .map(|d| format!("{first13}{d}"))
        .find(|s| luhn_valid(s))
        .unwrap()
}

#[test]
fn sirets() {
    let valid = with_luhn_digit("1234567890123");
    let mut wrong = valid.clone().into_bytes();
    wrong[13] = b'0' + (wrong[13] - b'0' + 1) % 10;
    let wrong = String::from_utf8(wrong).unwrap();
    let cases = [
        (valid.as_str(), Ok(valid.as_str())),
        ("732 829 320 00074", Ok("73282932000074")),
        (wrong.as_str(), Err(ErrorCode::SiretChecksum)),
        ("35600000000010", Ok("35600000000010")), // La Poste: digit sum 15, a multiple of 5
        ("35600000000011", Err(ErrorCode::SiretChecksum)), // La Poste: digit sum 16
        ("1234567890123", Err(ErrorCode::SiretFormat)),
        ("123456789012345", Err(ErrorCode::SiretFormat)),
        ("1234567890123A", Err(ErrorCode::SiretFormat)),
        ("", Err(ErrorCode::SiretFormat)),
    ];
    for (input, expected) in cases {
        assert_eq!(
            Siret::parse(input)
                .as_ref()
                .map(Siret::as_str)
                .map_err(|e| *e),
            expected,
            "{input:?}"
        );
    }
    assert!(!luhn_valid("35600000000010"), "La Poste's rule is not Luhn");
    assert_eq!(Siret::parse("73282932000074").unwrap().siren(), "732829320");
}

fn terms() -> ContractTerms {
    ContractTerms {
        contract: Contract::Cifre,
        start: d(2027, 1, 4),
        end: Some(d(2029, 12, 31)),
        weekly_hours: 35.0,
        hourly_wage_gross: 15.0,
        permit_issued: d(2026, 9, 1),
        permit_expires: d(2027, 8, 31),
    }
}

#[test]
fn contracts() {
    let config = RulesConfig::default();
    let f = |field: &str, code| vec![FieldError::new(field, code)];
    let cases: Vec<(ContractTerms, Vec<FieldError>)> = vec![
        (terms(), vec![]),
        (
            ContractTerms {
                end: None,
                ..terms()
            },
            vec![],
        ),
        (
            ContractTerms {
                end: Some(d(2027, 1, 4)),
                ..terms()
            },
            f("contract_end", ErrorCode::ContractDatesOrder),
        ),
        (
            ContractTerms {
                permit_expires: d(2026, 12, 31),
                ..terms()
            },
            f("contract_start", ErrorCode::PermitNotValidOnStart),
        ),
        (
            ContractTerms {
                permit_issued: d(2027, 2, 1),
                ..terms()
            },
            f("contract_start", ErrorCode::PermitNotValidOnStart),
        ),
        (
            ContractTerms {
                permit_issued: d(2027, 9, 1),
                ..terms()
            },
            f("permit_expires", ErrorCode::PermitDatesOrder),
        ),
        (
            ContractTerms {
                weekly_hours: 48.0,
                ..terms()
            },
            vec![],
        ),
        (
            ContractTerms {
                weekly_hours: 48.5,
                ..terms()
            },
            f("weekly_hours", ErrorCode::WeeklyHoursOverMax),
        ),
        (
            ContractTerms {
                weekly_hours: 0.0,
                ..terms()
            },
            f("weekly_hours", ErrorCode::WeeklyHoursInvalid),
        ),
        (
            ContractTerms {
                weekly_hours: f64::NAN,
                ..terms()
            },
            f("weekly_hours", ErrorCode::WeeklyHoursInvalid),
        ),
        // SMIC 12.02 € from 2026-01-01, 11.88 € before
        (
            ContractTerms {
                hourly_wage_gross: 12.02,
                ..terms()
            },
            vec![],
        ),
        (
            ContractTerms {
                hourly_wage_gross: 12.01,
                ..terms()
            },
            f("hourly_wage", ErrorCode::WageBelowSmic),
        ),
        (
            ContractTerms {
                hourly_wage_gross: 11.90,
                start: d(2025, 10, 1),
                permit_issued: d(2025, 9, 1),
                ..terms()
            },
            vec![],
        ),
        (
            ContractTerms {
                hourly_wage_gross: 0.0,
                ..terms()
            },
            f("hourly_wage", ErrorCode::WageInvalid),
        ),
        // apprentices and professionalisation contracts are paid a legal share of the SMIC
        (
            ContractTerms {
                contract: Contract::Apprenticeship,
                hourly_wage_gross: 6.0,
                ..terms()
            },
            vec![],
        ),
        (
            ContractTerms {
                contract: Contract::Professionalisation,
                hourly_wage_gross: 8.5,
                ..terms()
            },
            vec![],
        ),
        (
            ContractTerms {
                contract: Contract::Employment,
                hourly_wage_gross: 8.5,
                ..terms()
            },
            f("hourly_wage", ErrorCode::WageBelowSmic),
        ),
    ];
    for (case, expected) in cases {
        assert_eq!(check_contract(&case, &config), expected, "{case:?}");
    }
}

#[test]
fn authorisation_validity() {
    let t = terms();
    let cases = [
        (d(2027, 1, 4), d(2027, 8, 31), Ok(())),
        (d(2027, 2, 1), d(2027, 6, 30), Ok(())),
        (
            d(2027, 1, 3),
            d(2027, 6, 30),
            Err(ErrorCode::AuthorisationOutsideContract),
        ),
        (
            d(2027, 1, 4),
            d(2027, 9, 1),
            Err(ErrorCode::AuthorisationOutsidePermit),
        ),
        (
            d(2027, 6, 30),
            d(2027, 2, 1),
            Err(ErrorCode::AuthorisationDatesOrder),
        ),
        (
            d(2027, 1, 4),
            d(2030, 1, 1),
            Err(ErrorCode::AuthorisationOutsideContract),
        ),
    ];
    for (from, until, expected) in cases {
        assert_eq!(
            check_authorisation_validity(from, until, &t),
            expected,
            "{from}..{until}"
        );
    }
}

proptest! {
    /// Validation never panics on any string, whatever it contains.
    #[test]
    fn validators_never_panic(s in "\\PC{0,40}") {
        let _ = person_name(&s);
        let _ = parse_date(&s);
        let _ = Email::parse(&s);
        let _ = Phone::parse(&s);
        let _ = Siret::parse(&s);
        let _ = crate::rules::Departement::from_postcode(&s);
        let _ = crate::rules::CountryCode::parse(&s);
        let _ = crate::rules::eligibility::parse_decimal(&s);
    }

    /// Luhn catches every single-digit error in a SIRET.
    #[test]
    fn luhn_catches_single_digit_errors(first13 in "[0-9]{13}", position in 0usize..14, delta in 1u8..10) {
        prop_assume!(!first13.starts_with("356000000"));
        let valid = with_luhn_digit(&first13);
        prop_assert!(Siret::parse(&valid).is_ok());
        let mut bytes = valid.into_bytes();
        bytes[position] = b'0' + (bytes[position] - b'0' + delta) % 10;
        let typo = String::from_utf8(bytes).unwrap();
        prop_assume!(!typo.starts_with("356000000"));
        prop_assert_eq!(Siret::parse(&typo), Err(ErrorCode::SiretChecksum));
    }

    /// A valid e-mail stays valid and unchanged once normalised.
    #[test]
    fn email_normalisation_is_idempotent(local in "[a-zA-Z0-9._%+-]{1,20}", domain in "[a-z0-9]{1,10}", tld in "[a-z]{2,5}") {
        if let Ok(email) = Email::parse(&format!("{local}@{domain}.{tld}")) {
            prop_assert_eq!(Email::parse(email.as_str()), Ok(email.clone()));
            prop_assert_eq!(email.as_str().to_lowercase(), email.as_str());
        }
    }
}
