use super::*;
use proptest::prelude::*;

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

fn case(
    nationality: &str,
    permit: Permit,
    contract: Contract,
    hours: f64,
    within: bool,
) -> EligibilityInput {
    EligibilityInput {
        nationality: CountryCode::parse(nationality).unwrap(),
        permit,
        contract,
        annual_hours: hours,
        within_curriculum: within,
        regulated_profession: None,
        filed_by: FiledBy::Employer,
        renewal: false,
    }
}

/// Every rule of rules.md §1 and every reason code, with the boundaries of each cap.
#[test]
fn decision_table() {
    use Contract::*;
    use Outcome::*;
    use Permit::*;
    #[rustfmt::skip]
    let table: Vec<(EligibilityInput, Outcome, Reason, Option<f64>, bool)> = vec![
        // rule 1: free movement, whatever the rest
        (case("DE", Student, Employment, 2000.0, false), NotRequired, Reason::FreeMovement, None, false),
        (case("CH", Other, Cifre, 0.0, false), NotRequired, Reason::FreeMovement, None, false),
        (case("NO", TemporaryStudentVisa, Employment, 900.0, false), NotRequired, Reason::FreeMovement, None, false),
        // rule 2: internship under a convention
        (case("SN", Student, Internship, 2000.0, false), NotRequired, Reason::Internship, None, false),
        (case("DZ", AlgerianStudentCertificate, Internship, 10.0, false), NotRequired, Reason::Internship, None, false),
        (case("US", Other, Internship, 10.0, false), NotRequired, Reason::Internship, None, false),
        // rule 3: not a student permit
        (case("US", Other, Employment, 10.0, false), NotEligible, Reason::PermitNotStudent, None, false),
        (case("US", Other, Apprenticeship, 0.0, true), NotEligible, Reason::PermitNotStudent, None, false),
        // rule 4: Algerian certificate, from the first hour, capped at 803.5 h
        (case("DZ", AlgerianStudentCertificate, Employment, 0.0, false), Required, Reason::AlgerianFirstHour, Some(803.5), false),
        (case("DZ", AlgerianStudentCertificate, Employment, 803.5, false), Required, Reason::AlgerianFirstHour, Some(803.5), false),
        (case("DZ", AlgerianStudentCertificate, Apprenticeship, 400.0, true), Required, Reason::AlgerianFirstHour, Some(803.5), false),
        (case("DZ", AlgerianStudentCertificate, Employment, 803.6, true), Required, Reason::OverThresholdInCurriculum, None, false),
        (case("DZ", AlgerianStudentCertificate, Apprenticeship, 1500.0, false), Required, Reason::OverThresholdInCurriculum, None, false),
        (case("DZ", AlgerianStudentCertificate, Employment, 803.6, false), NotEligible, Reason::AlgerianCapExceeded, Some(803.5), false),
        // rule 5: temporary student visa, from the first hour, capped at 482 h
        (case("CN", TemporaryStudentVisa, Employment, 0.0, false), Required, Reason::TemporaryVisaFirstHour, Some(482.0), false),
        (case("CN", TemporaryStudentVisa, Apprenticeship, 482.0, true), Required, Reason::TemporaryVisaFirstHour, Some(482.0), false),
        (case("CN", TemporaryStudentVisa, Cifre, 482.5, true), NotEligible, Reason::TemporaryVisaCapExceeded, Some(482.0), false),
        // rule 6: apprenticeship validated by the OPCO, no cap
        (case("SN", Student, Apprenticeship, 1500.0, false), NotRequired, Reason::ApprenticeshipValidatedByOpco, None, true),
        (case("BR", StudentMobility, Apprenticeship, 0.0, true), NotRequired, Reason::ApprenticeshipValidatedByOpco, None, true),
        // rule 7: student card, 964 h
        (case("SN", Student, Employment, 0.0, false), NotRequired, Reason::UnderThreshold, Some(964.0), true),
        (case("SN", Student, Employment, 964.0, false), NotRequired, Reason::UnderThreshold, Some(964.0), true),
        (case("SN", StudentMobility, Cifre, 500.0, true), NotRequired, Reason::UnderThreshold, Some(964.0), true),
        (case("SN", Student, Employment, 964.5, true), Required, Reason::OverThresholdInCurriculum, None, true),
        (case("SN", Student, Cifre, 1200.0, false), Required, Reason::OverThresholdInCurriculum, None, true),
        (case("SN", Student, Ater, 1200.0, false), Required, Reason::OverThresholdInCurriculum, None, true),
        (case("SN", Student, MedicalIntern, 1600.0, false), Required, Reason::OverThresholdInCurriculum, None, true),
        (case("SN", Student, DoctoralContract, 1600.0, false), Required, Reason::OverThresholdInCurriculum, None, true),
        (case("SN", StudentMobility, Professionalisation, 1600.0, false), Required, Reason::OverThresholdInCurriculum, None, true),
        (case("SN", Student, Employment, 964.5, false), NotEligible, Reason::OverThresholdOutsideCurriculum, Some(964.0), false),
        (case("IN", StudentMobility, Employment, 1200.0, false), NotEligible, Reason::OverThresholdOutsideCurriculum, Some(964.0), false),
    ];
    for (input, outcome, reason, cap, declaration) in table {
        let d = decide(&input, &RulesConfig::default(), day());
        assert_eq!(d.outcome, outcome, "{input:?}");
        assert_eq!(d.reasons, vec![reason], "{input:?}");
        assert_eq!(d.max_annual_hours, cap, "{input:?}");
        assert_eq!(
            d.obligations.contains(&Obligation::NominativeDeclaration),
            declaration,
            "{input:?}"
        );
        assert_eq!(
            d.required_documents.is_empty(),
            outcome != Required,
            "{input:?}"
        );
    }
}

#[test]
fn every_reason_is_reachable() {
    // The table above names each reason; this guards against a new reason without a test.
    let covered = [
        Reason::FreeMovement,
        Reason::Internship,
        Reason::PermitNotStudent,
        Reason::AlgerianFirstHour,
        Reason::OverThresholdInCurriculum,
        Reason::AlgerianCapExceeded,
        Reason::TemporaryVisaFirstHour,
        Reason::TemporaryVisaCapExceeded,
        Reason::ApprenticeshipValidatedByOpco,
        Reason::UnderThreshold,
        Reason::OverThresholdOutsideCurriculum,
    ];
    assert_eq!(covered.len(), Reason::ALL.len());
}

#[test]
fn caps_come_from_the_configuration() {
    let mut config = RulesConfig::default();
    config.student_cap.push(crate::rules::config::Dated {
        from: NaiveDate::from_ymd_opt(2027, 1, 1).unwrap(),
        value: 1000.0,
    });
    let input = case("SN", Permit::Student, Contract::Employment, 990.0, false);
    assert_eq!(decide(&input, &config, day()).outcome, Outcome::NotEligible);
    let in_2027 = NaiveDate::from_ymd_opt(2027, 3, 1).unwrap();
    let d = decide(&input, &config, in_2027);
    assert_eq!(
        (d.outcome, d.max_annual_hours),
        (Outcome::NotRequired, Some(1000.0))
    );
}

fn answers(pairs: &[(&str, &str)]) -> EligibilityAnswers {
    let mut a = EligibilityAnswers::default();
    for (k, v) in pairs {
        a.set(k, Some((*v).to_owned()));
    }
    a
}

fn codes(result: Result<EligibilityInput, Vec<FieldError>>) -> Vec<(String, ErrorCode)> {
    result
        .err()
        .unwrap_or_default()
        .into_iter()
        .map(|e| (e.field, e.code))
        .collect()
}

#[test]
fn parsing_refuses_bad_answers_field_by_field() {
    let ok = [
        ("nationality", "SN"),
        ("permit", "student"),
        ("contract", "employment"),
        ("annual_hours", "500"),
    ];
    assert!(parse(&answers(&ok)).is_ok());
    let with = |field: &str, value: &str| {
        let mut pairs: Vec<(&str, &str)> =
            ok.iter().copied().filter(|(k, _)| *k != field).collect();
        pairs.push((field, value));
        codes(parse(&answers(&pairs)))
    };
    let f = |field: &str, code| vec![(field.to_owned(), code)];
    let cases = [
        (
            with("nationality", "XX"),
            f("nationality", ErrorCode::UnknownCountry),
        ),
        (
            with("nationality", ""),
            f("nationality", ErrorCode::Required),
        ),
        (
            with("permit", "tourist"),
            f("permit", ErrorCode::InvalidChoice),
        ),
        (
            with("contract", "freelance"),
            f("contract", ErrorCode::InvalidChoice),
        ),
        (
            with("annual_hours", "-1"),
            f("annual_hours", ErrorCode::NegativeHours),
        ),
        (
            with("annual_hours", "beaucoup"),
            f("annual_hours", ErrorCode::NotANumber),
        ),
        (
            with("annual_hours", "NaN"),
            f("annual_hours", ErrorCode::NotANumber),
        ),
        (
            with("annual_hours", "inf"),
            f("annual_hours", ErrorCode::NotANumber),
        ),
        (
            with("annual_hours", "9000"),
            f("annual_hours", ErrorCode::HoursOutOfRange),
        ),
        (
            with("within_curriculum", "maybe"),
            f("within_curriculum", ErrorCode::NotABoolean),
        ),
        (with("renewal", "2"), f("renewal", ErrorCode::NotABoolean)),
        (
            with("regulated_profession", "astronaut"),
            f("regulated_profession", ErrorCode::InvalidChoice),
        ),
        (
            with("filed_by", "lawyer"),
            f("filed_by", ErrorCode::InvalidChoice),
        ),
        (
            with("permit", "algerian_student_certificate"),
            f("permit", ErrorCode::AlgerianCertificateRequiresDz),
        ),
    ];
    for (got, expected) in cases {
        assert_eq!(got, expected);
    }
    let all_missing = codes(parse(&EligibilityAnswers::default()));
    let fields: Vec<_> = all_missing.iter().map(|(f, _)| f.as_str()).collect();
    assert_eq!(
        fields,
        ["nationality", "permit", "contract", "annual_hours"]
    );
}

#[test]
fn parsing_accepts_the_ways_people_write() {
    let input = parse(&answers(&[
        ("nationality", " dz "),
        ("permit", "algerian_student_certificate"),
        ("contract", "employment"),
        ("annual_hours", "803,5"),
        ("within_curriculum", "on"),
        ("regulated_profession", "none"),
        ("filed_by", "student"),
        ("renewal", "non"),
    ]))
    .unwrap();
    assert_eq!(input.nationality.as_str(), "DZ");
    assert_eq!(input.annual_hours, 803.5);
    assert!(input.within_curriculum && !input.renewal);
    assert_eq!(
        (input.regulated_profession, input.filed_by),
        (None, FiledBy::Student)
    );
    assert_eq!(parse_decimal("1 200"), Some(1200.0));
    assert_eq!(parse_decimal("1\u{202f}607,5"), Some(1607.5));
    assert_eq!(
        parse_decimal("1e3"),
        None,
        "no exponents: people do not write hours that way"
    );
}

#[test]
fn answers_round_trip() {
    let input = case(
        "DZ",
        Permit::AlgerianStudentCertificate,
        Contract::Cifre,
        803.5,
        true,
    );
    assert_eq!(parse(&input.to_answers()), Ok(input));
}

fn any_input() -> impl Strategy<Value = EligibilityInput> {
    let nationality = prop::sample::select(vec!["SN", "DZ", "US", "DE", "FR", "CN", "CH", "IN"]);
    (
        nationality,
        prop::sample::select(Permit::ALL.to_vec()),
        prop::sample::select(Contract::ALL.to_vec()),
        0.0..=MAX_ANNUAL_HOURS,
        any::<bool>(),
        prop::option::of(prop::sample::select(RegulatedProfession::ALL.to_vec())),
        prop::sample::select(FiledBy::ALL.to_vec()),
        any::<bool>(),
    )
        .prop_map(
            |(n, permit, contract, hours, within, regulated, filed_by, renewal)| {
                // Only Algerians hold the Algerian certificate (rule 4 makes anything else invalid input).
                let n = if permit == Permit::AlgerianStudentCertificate {
                    "DZ"
                } else {
                    n
                };
                EligibilityInput {
                    nationality: CountryCode::parse(n).unwrap(),
                    permit,
                    contract,
                    annual_hours: hours,
                    within_curriculum: within,
                    regulated_profession: regulated,
                    filed_by,
                    renewal,
                }
            },
        )
}

fn rank(outcome: Outcome) -> u8 {
    match outcome {
        Outcome::NotRequired => 0,
        Outcome::Required => 1,
        Outcome::NotEligible => 2,
    }
}

proptest! {
    /// For the same contract, more hours never makes things easier: the outcome only moves from
    /// not required towards required towards not eligible.
    #[test]
    fn more_hours_never_relaxes_the_outcome(input in any_input(), extra in 0.0..5000.0f64) {
        let config = RulesConfig::default();
        let mut more = input.clone();
        more.annual_hours = (input.annual_hours + extra).min(MAX_ANNUAL_HOURS);
        let before = decide(&input, &config, day()).outcome;
        let after = decide(&more, &config, day()).outcome;
        prop_assert!(rank(after) >= rank(before), "{:?} -> {:?}", before, after);
    }

    /// Every request that needs an authorisation lists the passport and the residence permit,
    /// and a mandate exactly when the student files.
    #[test]
    fn required_lists_identity_documents(input in any_input()) {
        let d = decide(&input, &RulesConfig::default(), day());
        if d.outcome == Outcome::Required {
            prop_assert!(d.required_documents.contains(&DocumentKind::Passport));
            prop_assert!(d.required_documents.contains(&DocumentKind::ResidencePermit));
            prop_assert_eq!(d.required_documents.contains(&DocumentKind::Mandate), input.filed_by == FiledBy::Student);
        } else {
            prop_assert!(d.required_documents.is_empty() && d.optional_documents.is_empty());
        }
    }

    /// There is always exactly one reason, and a cap is never below the hours an authorised
    /// or free job allows.
    #[test]
    fn one_reason_and_a_coherent_cap(input in any_input()) {
        let d = decide(&input, &RulesConfig::default(), day());
        prop_assert_eq!(d.reasons.len(), 1);
        if let (Some(cap), true) = (d.max_annual_hours, d.outcome != Outcome::NotEligible) {
            prop_assert!(input.annual_hours <= cap);
        }
        if d.outcome == Outcome::NotEligible {
            prop_assert!(input.permit == Permit::Other || d.max_annual_hours.is_some_and(|cap| input.annual_hours > cap));
        }
    }

    /// Parsing never panics on any text, and either succeeds or says which fields are wrong.
    #[test]
    fn parsing_never_panics(values in prop::collection::vec(prop::option::of(".{0,20}"), 8)) {
        let mut a = EligibilityAnswers::default();
        for (field, value) in EligibilityAnswers::FIELDS.iter().zip(values) {
            a.set(field, value);
        }
        if let Err(errors) = parse(&a) {
            prop_assert!(!errors.is_empty());
            for e in errors {
                prop_assert!(EligibilityAnswers::FIELDS.contains(&e.field.as_str()));
            }
        }
    }

    #[test]
    fn valid_inputs_round_trip_through_answers(input in any_input()) {
        prop_assert_eq!(parse(&input.to_answers()), Ok(input));
    }
}
