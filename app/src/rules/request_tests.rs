use super::*;
use proptest::prelude::*;

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

const TODAY: &str = "2026-11-23";

fn form(pairs: &[(&str, &str)]) -> RawForm {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

pub(crate) fn student_form() -> RawForm {
    form(&[
        ("family_name", "Diop"),
        ("given_names", "Awa"),
        ("birth_date", "2002-04-17"),
        ("nationality", "SN"),
        ("permit", "student"),
        ("permit_number", "75 0123 4567"),
        ("permit_issued", "2026-09-01"),
        ("permit_expires", "2027-08-31"),
        ("school", "Sorbonne Université"),
        ("diploma", "Master informatique"),
        ("study_year", "M2"),
        ("address", "12 rue des Écoles"),
        ("postcode", "75005"),
        ("city", "Paris"),
        ("email", "Awa.Diop@example.org"),
        ("phone", "06 12 34 56 78"),
    ])
}

pub(crate) fn employer_form() -> RawForm {
    form(&[
        ("siret", "73282932000074"),
        ("employer_name", "Boulangerie du Panthéon"),
        ("establishment_address", "3 place du Panthéon"),
        ("establishment_postcode", "75005"),
        ("establishment_city", "Paris"),
        ("contact_name", "Jeanne Martin"),
        ("contact_email", "rh@example.fr"),
        ("contact_phone", "+33 1 42 34 56 78"),
    ])
}

pub(crate) fn job_form() -> RawForm {
    form(&[
        ("contract", "employment"),
        ("contract_start", "2026-12-07"),
        ("contract_end", "2027-12-31"),
        ("weekly_hours", "35"),
        ("hourly_wage", "12,50"),
        ("job_title", "Développeuse stagiaire"),
        ("within_curriculum", "true"),
        ("regulated_profession", "none"),
        ("annual_hours", "1200"),
        ("renewal", "false"),
    ])
}

fn with(mut base: RawForm, field: &str, value: &str) -> RawForm {
    base.insert(field.to_owned(), value.to_owned());
    base
}

fn codes(errors: &[FieldError]) -> Vec<(String, ErrorCode)> {
    errors.iter().map(|e| (e.field.clone(), e.code)).collect()
}

#[test]
fn steps_are_numbered_in_order() {
    for (i, step) in Step::ALL.iter().enumerate() {
        assert_eq!(step.number() as usize, i + 1);
        assert_eq!(Step::from_number(i as u8 + 1), Some(*step));
    }
    assert_eq!(Step::from_number(0), None);
    assert_eq!(Step::from_number(7), None);
    assert_eq!(Step::Employer.path(), "/demande/employeur");
}

#[test]
fn valid_forms_parse_and_normalise() {
    let config = RulesConfig::default();
    let student = validate_student(&student_form(), day(TODAY), &config).expect("valid student");
    assert_eq!(student.email.as_str(), "awa.diop@example.org");
    assert_eq!(student.phone.as_str(), "+33612345678");
    assert_eq!(student.permit_number, "7501234567");
    let employer = validate_employer(&employer_form()).expect("valid employer");
    assert_eq!(employer.departement.as_str(), "75");
    let job = validate_job(&job_form(), &student, day(TODAY), &config).expect("valid job");
    assert_eq!(job.hourly_wage, 12.5);
    assert!(job.within_curriculum);
    assert_eq!(job.regulated_profession, None);
}

#[test]
fn student_step_refusals() {
    let config = RulesConfig::default();
    let cases: &[(&str, &str, ErrorCode)] = &[
        ("family_name", "", ErrorCode::Required),
        ("family_name", &"x".repeat(101), ErrorCode::NameLength),
        ("birth_date", "31/02/2001", ErrorCode::InvalidDate),
        ("birth_date", "2027-01-01", ErrorCode::BirthDateNotPast),
        ("birth_date", "1940-01-01", ErrorCode::AgeOutOfRange),
        ("nationality", "XX", ErrorCode::UnknownCountry),
        ("permit", "tourist", ErrorCode::InvalidChoice),
        (
            "permit",
            "algerian_student_certificate",
            ErrorCode::AlgerianCertificateRequiresDz,
        ),
        ("permit_number", "12 34", ErrorCode::PermitNumberFormat),
        (
            "permit_number",
            "ABC-123-456",
            ErrorCode::PermitNumberFormat,
        ),
        (
            "permit_issued",
            "2026-12-01",
            ErrorCode::PermitIssuedInFuture,
        ),
        ("permit_expires", "2026-08-01", ErrorCode::PermitDatesOrder),
        ("school", "", ErrorCode::Required),
        ("diploma", &"d".repeat(201), ErrorCode::TextLength),
        ("postcode", "7500", ErrorCode::PostcodeFormat),
        ("email", "awa@", ErrorCode::InvalidEmail),
        ("phone", "12345", ErrorCode::InvalidPhone),
    ];
    for (field, value, code) in cases {
        let errors =
            validate_student(&with(student_form(), field, value), day(TODAY), &config).unwrap_err();
        assert_eq!(
            codes(&errors),
            vec![((*field).to_owned(), *code)],
            "{field} = {value:?}"
        );
    }
    // An expired permit, issued long ago.
    let expired = with(
        with(student_form(), "permit_issued", "2025-01-01"),
        "permit_expires",
        "2026-10-31",
    );
    let errors = validate_student(&expired, day(TODAY), &config).unwrap_err();
    assert_eq!(
        codes(&errors),
        vec![("permit_expires".to_owned(), ErrorCode::PermitExpired)]
    );
}

#[test]
fn an_empty_form_lists_every_field_once() {
    let config = RulesConfig::default();
    let errors = validate_student(&RawForm::new(), day(TODAY), &config).unwrap_err();
    let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, STUDENT_FIELDS.to_vec());
    assert!(errors.iter().all(|e| e.code == ErrorCode::Required));
    let errors = validate_employer(&RawForm::new()).unwrap_err();
    assert_eq!(errors.len(), EMPLOYER_FIELDS.len());
}

#[test]
fn employer_step_refusals() {
    let cases: &[(&str, &str, ErrorCode)] = &[
        ("siret", "7328293200007", ErrorCode::SiretFormat),
        ("siret", "73282932000075", ErrorCode::SiretChecksum),
        ("employer_name", "", ErrorCode::Required),
        (
            "establishment_postcode",
            "99000",
            ErrorCode::PostcodeUnknown,
        ),
        ("contact_email", "rh@@example.fr", ErrorCode::InvalidEmail),
        ("contact_phone", "+33 0 12", ErrorCode::InvalidPhone),
    ];
    for (field, value, code) in cases {
        let errors = validate_employer(&with(employer_form(), field, value)).unwrap_err();
        assert_eq!(
            codes(&errors),
            vec![((*field).to_owned(), *code)],
            "{field} = {value:?}"
        );
    }
}

#[test]
fn job_step_refusals() {
    let config = RulesConfig::default();
    let student = validate_student(&student_form(), day(TODAY), &config).unwrap();
    let cases: &[(&str, &str, &str, ErrorCode)] = &[
        (
            "contract",
            "freelance",
            "contract",
            ErrorCode::InvalidChoice,
        ),
        (
            "contract_start",
            "2026-11-22",
            "contract_start",
            ErrorCode::StartInPast,
        ),
        (
            "contract_start",
            "2027-09-15",
            "contract_start",
            ErrorCode::PermitNotValidOnStart,
        ),
        (
            "contract_end",
            "2026-12-01",
            "contract_end",
            ErrorCode::ContractDatesOrder,
        ),
        (
            "weekly_hours",
            "49",
            "weekly_hours",
            ErrorCode::WeeklyHoursOverMax,
        ),
        (
            "weekly_hours",
            "beaucoup",
            "weekly_hours",
            ErrorCode::WeeklyHoursInvalid,
        ),
        (
            "hourly_wage",
            "11,50",
            "hourly_wage",
            ErrorCode::WageBelowSmic,
        ),
        ("hourly_wage", "-3", "hourly_wage", ErrorCode::WageInvalid),
        ("job_title", "", "job_title", ErrorCode::Required),
        (
            "within_curriculum",
            "peut-être",
            "within_curriculum",
            ErrorCode::NotABoolean,
        ),
        (
            "regulated_profession",
            "astronaut",
            "regulated_profession",
            ErrorCode::InvalidChoice,
        ),
        (
            "annual_hours",
            "-1",
            "annual_hours",
            ErrorCode::NegativeHours,
        ),
        (
            "annual_hours",
            "9000",
            "annual_hours",
            ErrorCode::HoursOutOfRange,
        ),
        ("renewal", "maybe", "renewal", ErrorCode::NotABoolean),
    ];
    for (field, value, error_field, code) in cases {
        let errors = validate_job(
            &with(job_form(), field, value),
            &student,
            day(TODAY),
            &config,
        )
        .unwrap_err();
        assert_eq!(
            codes(&errors),
            vec![((*error_field).to_owned(), *code)],
            "{field} = {value:?}"
        );
    }
}

#[test]
fn only_an_ordinary_contract_may_be_open_ended() {
    let config = RulesConfig::default();
    let student = validate_student(&student_form(), day(TODAY), &config).unwrap();
    let open_ended = with(job_form(), "contract_end", "");
    assert_eq!(
        validate_job(&open_ended, &student, day(TODAY), &config)
            .unwrap()
            .contract_end,
        None
    );
    let cdd_apprentice = with(
        with(open_ended, "contract", "apprenticeship"),
        "hourly_wage",
        "5",
    );
    let errors = validate_job(&cdd_apprentice, &student, day(TODAY), &config).unwrap_err();
    // An apprentice is paid a legal share of the SMIC: no SMIC refusal, only the missing end.
    assert_eq!(
        codes(&errors),
        vec![("contract_end".to_owned(), ErrorCode::ContractEndRequired)]
    );
}

#[test]
fn age_is_checked_on_the_contract_start() {
    let config = RulesConfig::default();
    // 15 today, 16 on the contract's start: fine; still 15 on it: refused at step 3.
    let student = validate_student(
        &with(student_form(), "birth_date", "2010-12-01"),
        day(TODAY),
        &config,
    )
    .unwrap();
    assert!(validate_job(&job_form(), &student, day(TODAY), &config).is_ok());
    let young = validate_student(
        &with(student_form(), "birth_date", "2010-12-20"),
        day(TODAY),
        &config,
    )
    .unwrap();
    let errors = validate_job(&job_form(), &young, day(TODAY), &config).unwrap_err();
    assert_eq!(
        codes(&errors),
        vec![("contract_start".to_owned(), ErrorCode::AgeOutOfRange)]
    );
    let old = validate_student(
        &with(student_form(), "birth_date", "1945-12-01"),
        day(TODAY),
        &config,
    )
    .unwrap();
    let errors = validate_job(&job_form(), &old, day(TODAY), &config).unwrap_err();
    assert_eq!(
        codes(&errors),
        vec![("contract_start".to_owned(), ErrorCode::AgeOutOfRange)]
    );
}

#[test]
fn the_request_answers_the_eligibility_question() {
    let config = RulesConfig::default();
    let student = validate_student(&student_form(), day(TODAY), &config).unwrap();
    let job = validate_job(&job_form(), &student, day(TODAY), &config).unwrap();
    let input = eligibility_input(&student, &job, FiledBy::Student);
    let decision = eligibility::decide(&input, &config, job.contract_start);
    assert_eq!(decision.outcome, eligibility::Outcome::Required);
    assert!(decision
        .required_documents
        .contains(&super::super::DocumentKind::Mandate));
    let outside = validate_job(
        &with(job_form(), "within_curriculum", "false"),
        &student,
        day(TODAY),
        &config,
    )
    .unwrap();
    let decision = eligibility::decide(
        &eligibility_input(&student, &outside, FiledBy::Employer),
        &config,
        job.contract_start,
    );
    assert_eq!(decision.outcome, eligibility::Outcome::NotEligible);
    assert_eq!(
        eligibility::parse(&eligibility_answers(&student, &job, FiledBy::Student)),
        Ok(input)
    );
}

#[test]
fn access_codes() {
    assert_eq!(access_code(" 123 456 ").as_deref(), Ok("123456"));
    for bad in ["", "12345", "1234567", "12a456", "١٢٣٤٥٦"] {
        assert_eq!(
            access_code(bad),
            Err(ErrorCode::AccessCodeFormat),
            "{bad:?}"
        );
    }
}

proptest! {
    /// Whatever is typed, validation answers (never panics), and every error names a field of the step.
    #[test]
    fn validation_never_panics(values in prop::collection::vec(".{0,30}", 34)) {
        let config = RulesConfig::default();
        let all: Vec<&str> = STUDENT_FIELDS.iter().chain(EMPLOYER_FIELDS.iter()).chain(JOB_FIELDS.iter()).copied().collect();
        let raw: RawForm = all.iter().zip(values.iter()).map(|(k, v)| ((*k).to_owned(), v.clone())).collect();
        if let Err(errors) = validate_student(&raw, day(TODAY), &config) {
            prop_assert!(errors.iter().all(|e| STUDENT_FIELDS.contains(&e.field.as_str())));
        }
        if let Err(errors) = validate_employer(&raw) {
            prop_assert!(errors.iter().all(|e| EMPLOYER_FIELDS.contains(&e.field.as_str())));
        }
        let student = validate_student(&student_form(), day(TODAY), &config).unwrap();
        if let Err(errors) = validate_job(&raw, &student, day(TODAY), &config) {
            prop_assert!(errors.iter().all(|e| JOB_FIELDS.contains(&e.field.as_str())));
        }
    }

    /// A valid form stays valid, with the same result, whatever unknown fields ride along.
    #[test]
    fn unknown_fields_are_ignored(extra in prop::collection::btree_map("[a-z_]{1,12}", ".{0,10}", 0..5)) {
        let mut raw = employer_form();
        let expected = validate_employer(&raw).unwrap();
        for (k, v) in extra {
            if !EMPLOYER_FIELDS.contains(&k.as_str()) {
                raw.insert(k, v);
            }
        }
        prop_assert_eq!(validate_employer(&raw).unwrap(), expected);
    }
}
