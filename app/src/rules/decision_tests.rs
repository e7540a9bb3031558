use super::*;
use crate::rules::request::tests::{job_form, student_form};
use crate::rules::request::{validate_job, validate_student};
use crate::rules::RulesConfig;
use proptest::prelude::*;

fn d(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

/// The sample student (permit 2026-09-01 → 2027-08-31) and job (2026-12-07 → 2027-12-31).
fn case(job_changes: &[(&str, &str)]) -> (StudentDetails, JobDetails) {
    let config = RulesConfig::default();
    let today = d("2026-11-23");
    let student = validate_student(&student_form(), today, &config).unwrap();
    let mut form = job_form();
    for (k, v) in job_changes {
        form.insert((*k).to_owned(), (*v).to_owned());
    }
    let job = validate_job(&form, &student, today, &config).unwrap();
    (student, job)
}

fn period(from: &str, until: &str) -> RawForm {
    [("valid_from", from), ("valid_until", until)]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect()
}

#[test]
fn tabs_cover_every_filed_state_once() {
    for state in DossierState::ALL {
        let holders: Vec<Tab> = Tab::ALL
            .iter()
            .copied()
            .filter(|t| t.states().contains(state))
            .collect();
        let expected = usize::from(*state != DossierState::Draft);
        assert_eq!(holders.len(), expected, "{state}");
    }
}

#[test]
fn proposed_validity_is_the_contract_cut_to_the_permit() {
    let (student, job) = case(&[]);
    assert_eq!(
        proposed_validity(&student, &job),
        Validity {
            from: d("2026-12-07"),
            until: d("2027-08-31")
        }
    );
    let (student, job) = case(&[("contract_end", "2027-03-31")]);
    assert_eq!(proposed_validity(&student, &job).until, d("2027-03-31"));
    let (student, job) = case(&[("contract", "employment"), ("contract_end", "")]);
    assert_eq!(proposed_validity(&student, &job).until, d("2027-08-31"));
}

#[test]
fn validity_table() {
    use ErrorCode::*;
    let (student, job) = case(&[]);
    type Case<'a> = (&'a str, &'a str, Result<(), (&'a str, ErrorCode)>);
    let cases: &[Case] = &[
        ("2026-12-07", "2027-08-31", Ok(())),
        ("2027-01-01", "2027-06-30", Ok(())),
        ("2026-12-07", "2026-12-07", Ok(())),
        (
            "2026-12-06",
            "2027-06-30",
            Err(("valid_from", AuthorisationOutsideContract)),
        ),
        (
            "2026-12-07",
            "2027-09-01",
            Err(("valid_until", AuthorisationOutsidePermit)),
        ),
        (
            "2027-06-30",
            "2027-01-01",
            Err(("valid_until", AuthorisationDatesOrder)),
        ),
        ("", "2027-06-30", Err(("valid_from", Required))),
        (
            "2027-01-01",
            "31/13/2027",
            Err(("valid_until", InvalidDate)),
        ),
    ];
    for (from, until, expected) in cases {
        let got = validity(&period(from, until), &student, &job);
        match expected {
            Ok(()) => assert_eq!(
                got,
                Ok(Validity {
                    from: d(from),
                    until: d(until)
                }),
                "{from} → {until}"
            ),
            Err((field, code)) => {
                let errors = got.expect_err(from);
                assert_eq!(errors[0].field, *field, "{from} → {until}");
                assert_eq!(errors[0].code, *code, "{from} → {until}");
            }
        }
    }
    // A contract ending before the permit: the contract's end is the limit.
    let (student, job) = case(&[("contract_end", "2027-03-31")]);
    assert_eq!(
        validity(&period("2026-12-07", "2027-04-01"), &student, &job).unwrap_err()[0].code,
        AuthorisationOutsideContract
    );
}

#[test]
fn verify_status_table() {
    let (from, until) = (d("2027-01-01"), d("2027-06-30"));
    let cases = [
        ("2026-12-31", false, VerifyStatus::NotYetValid),
        ("2027-01-01", false, VerifyStatus::Valid),
        ("2027-06-30", false, VerifyStatus::Valid),
        ("2027-07-01", false, VerifyStatus::Expired),
        ("2027-03-01", true, VerifyStatus::Revoked),
        ("2027-07-01", true, VerifyStatus::Revoked),
    ];
    for (today, revoked, expected) in cases {
        assert_eq!(
            verify_status(from, until, revoked, d(today)),
            expected,
            "{today} {revoked}"
        );
    }
}

#[test]
fn verification_codes_are_read_forgivingly() {
    let ok = [
        ("7KQ2-M9XD-4TPA", "7KQ2-M9XD-4TPA"),
        ("7kq2m9xd4tpa", "7KQ2-M9XD-4TPA"),
        (" 7KQ2 M9XD 4TPA ", "7KQ2-M9XD-4TPA"),
        ("OIL0-0000-0000", "0110-0000-0000"),
    ];
    for (input, expected) in ok {
        assert_eq!(verification_code(input).as_deref(), Ok(expected), "{input}");
    }
    for bad in [
        "",
        "7KQ2-M9XD-4TP",
        "7KQ2-M9XD-4TPAX",
        "7KQ2-M9XD-4TP!",
        "UUUU-UUUU-UUUU",
    ] {
        assert_eq!(
            verification_code(bad),
            Err(ErrorCode::VerificationCodeFormat),
            "{bad}"
        );
    }
}

#[test]
fn messages_and_passwords() {
    assert_eq!(message("  Merci  "), Ok("Merci".to_owned()));
    assert_eq!(message("   "), Err(ErrorCode::MessageLength));
    assert_eq!(message(&"é".repeat(2001)), Err(ErrorCode::MessageLength));
    assert!(message(&"é".repeat(2000)).is_ok());
    assert_eq!(password("court"), Err(ErrorCode::PasswordLength));
    assert_eq!(password("douze-caract"), Ok("douze-caract"));
    for (act, needed) in [
        (Act::Refuse, true),
        (Act::RequestChanges, true),
        (Act::Message, true),
        (Act::Revoke, true),
        (Act::Accept, false),
        (Act::Close, false),
        (Act::TakeInReview, false),
    ] {
        assert_eq!(act.needs_message(), needed, "{act}");
    }
}

proptest! {
    /// Whatever the dates typed, an accepted validity lies within the contract and the permit.
    #[test]
    fn accepted_validity_stays_within_contract_and_permit(from in 0i64..500, len in -30i64..500) {
        let (student, job) = case(&[]);
        let start = d("2026-11-01") + chrono::Duration::days(from);
        let end = start + chrono::Duration::days(len);
        let form = period(&start.to_string(), &end.to_string());
        if let Ok(v) = validity(&form, &student, &job) {
            prop_assert!(v.from <= v.until);
            prop_assert!(v.from >= job.contract_start && v.from >= student.permit_issued);
            prop_assert!(v.until <= student.permit_expires);
            prop_assert!(job.contract_end.is_none_or(|e| v.until <= e));
        }
        // The proposal is always acceptable.
        let p = proposed_validity(&student, &job);
        prop_assert!(validity(&period(&p.from.to_string(), &p.until.to_string()), &student, &job).is_ok());
    }
}

mod plans {
    use super::*;
    use crate::rules::eligibility::FiledBy;
    use crate::rules::request::tests::employer_form;
    use crate::rules::request::{eligibility_input, validate_employer};
    use crate::rules::{decide, Eligibility};
    use DossierState::*;

    struct Case {
        student: StudentDetails,
        employer: EmployerDetails,
        job: JobDetails,
        eligibility: Eligibility,
    }

    fn filed_case() -> Case {
        let (student, job) = case(&[]);
        let employer = validate_employer(&employer_form()).unwrap();
        let eligibility = decide(
            &eligibility_input(&student, &job, FiledBy::Employer),
            &RulesConfig::default(),
            job.contract_start,
        );
        Case {
            student,
            employer,
            job,
            eligibility,
        }
    }

    fn input<'a>(case: &'a Case, act: Act, state: DossierState, form: &'a RawForm) -> ActInput<'a> {
        ActInput {
            act,
            message: "",
            documents: &[],
            validity: form,
            seen_version: 3,
            version: 3,
            state,
            filed: Some(Filed {
                student: &case.student,
                employer: &case.employer,
                job: &case.job,
                eligibility: &case.eligibility,
            }),
            in_force: false,
        }
    }

    /// Every act from every filed state: the state it leads to, or the refusal.
    #[test]
    fn acts_follow_the_state_machine() {
        let c = filed_case();
        let form = period("2026-12-07", "2027-08-31");
        for state in DossierState::ALL.iter().copied().filter(|s| *s != Draft) {
            for act in Act::ALL.iter().copied() {
                let mut i = input(&c, act, state, &form);
                i.message = "Motif : pièce illisible.";
                i.in_force = state == Accepted;
                let got = plan(&i);
                let expected_to = act.transition().map(|a| state.apply(a, Actor::Instructor));
                match (expected_to, &got) {
                    (None, Ok(p)) => assert_eq!(p.to, None, "{act} from {state}"),
                    (Some(Ok(to)), Ok(p)) => {
                        assert_eq!(p.to, Some(to), "{act} from {state}");
                        assert_eq!(p.decides(), to.is_final());
                    }
                    (Some(Err(_)), Err(ActRefusal::IllegalTransition { from, .. })) => {
                        assert_eq!(*from, state)
                    }
                    (None, Err(ActRefusal::NotEditable(_))) => {
                        assert!(act == Act::Revoke && state != Accepted)
                    }
                    other => panic!("{act} from {state}: {other:?}"),
                }
            }
        }
    }

    #[test]
    fn refusals() {
        let c = filed_case();
        let good = period("2026-12-07", "2027-08-31");
        let late = period("2026-12-07", "2027-09-30");
        let not_required = Eligibility {
            outcome: Outcome::NotRequired,
            ..c.eligibility.clone()
        };
        type Change = fn(&mut ActInput<'_>);
        let cases: Vec<(&str, Act, DossierState, Change, ActRefusal)> = vec![
            (
                "a refusal needs a reason",
                Act::Refuse,
                InReview,
                |_| {},
                ActRefusal::Invalid(vec![FieldError::new("message", ErrorCode::MessageLength)]),
            ),
            (
                "a dossier changed since it was read",
                Act::TakeInReview,
                Submitted,
                |i| i.seen_version = 2,
                ActRefusal::Stale,
            ),
            (
                "revoking without an authorisation in force",
                Act::Revoke,
                Accepted,
                |i| {
                    i.message = "Contrat rompu.";
                    i.in_force = false
                },
                ActRefusal::NotEditable(Accepted),
            ),
            (
                "accepting what does not parse",
                Act::Accept,
                InReview,
                |i| i.filed = None,
                ActRefusal::Unparsed,
            ),
        ];
        for (what, act, state, change, expected) in cases {
            let mut i = input(&c, act, state, &good);
            change(&mut i);
            assert_eq!(plan(&i), Err(expected), "{what}");
        }
        // An acceptance beyond the permit names the field to correct.
        let i = input(&c, Act::Accept, InReview, &late);
        assert!(
            matches!(plan(&i), Err(ActRefusal::Invalid(e)) if e[0].field == "valid_until"),
            "validity past the permit"
        );
        // A dossier that no longer needs an authorisation cannot be accepted.
        let mut i = input(&c, Act::Accept, InReview, &good);
        if let Some(f) = i.filed.as_mut() {
            f.eligibility = &not_required;
        }
        assert_eq!(plan(&i), Err(ActRefusal::Stopped(Outcome::NotRequired)));
    }

    #[test]
    fn an_acceptance_issues_what_the_check_shows() {
        let c = filed_case();
        let form = period("2026-12-07", "2027-08-31");
        let p = plan(&input(&c, Act::Accept, InReview, &form)).unwrap();
        let issue = p.issue.clone().expect("an acceptance issues");
        assert_eq!(issue.validity.until, d("2027-08-31"));
        assert_eq!(issue.birth_date, c.student.birth_date);
        assert_eq!(
            issue.initials,
            initials(&c.student.given_names, &c.student.family_name)
        );
        assert_eq!(issue.employer_name, c.employer.employer_name);
        assert!(p.decides() && !p.revoke && p.requested.is_none());
    }

    #[test]
    fn a_change_request_keeps_known_documents() {
        let c = filed_case();
        let form = RawForm::new();
        let documents = ["passport".to_owned(), "nonsense".to_owned()];
        let mut i = input(&c, Act::RequestChanges, Submitted, &form);
        i.message = "Le passeport est illisible.";
        i.documents = &documents;
        let p = plan(&i).unwrap();
        assert_eq!(p.requested, Some(vec![DocumentKind::Passport]));
        assert_eq!(p.to, Some(ChangesRequested));
        assert_eq!(p.message.as_deref(), Some("Le passeport est illisible."));
    }

    #[test]
    fn initials_of_names() {
        assert_eq!(initials("Awa", "Diop"), "A. D.");
        assert_eq!(initials("élodie marie", "N'Guessan"), "É. N.");
        assert_eq!(initials("", "Diop"), "D.");
    }
}
