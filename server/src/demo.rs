//! The demo data `make run` starts with (never in production: `WIF_DEMO=1` only): the accounts
//! of `accounts::seed_demo`, and a few dozen filed requests over the last months in every state,
//! so that the queue, a file and the statistics can be tried at once.

use app::i18n::Lang;
use app::rules::decision;
use app::rules::dossier::{Action, Actor, DossierState};
use app::rules::eligibility::{Contract, FiledBy};
use app::rules::request::RawForm;
use chrono::{Datelike, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    Set,
};

use crate::dossier::Parsed;
use crate::infra::db::entities::{authorisation, dossier, instruction_service};
use crate::infra::secret;
use crate::services::Services;
use app::rules::decision::initials;

/// The demo's accounts have a published password: never on a public https address.
pub fn refuse_over_https(config: &crate::Config) -> anyhow::Result<()> {
    anyhow::ensure!(
        !config.https(),
        "WIF_DEMO=1 seeds accounts whose password is published; refused with the https \
         PUBLIC_URL {} (demo data is for a machine of your own: make run)",
        config.public_url
    );
    Ok(())
}

const STUDENTS: [(&str, &str, &str); 12] = [
    ("Diop", "Awa", "SN"),
    ("Benali", "Yasmine", "MA"),
    ("Wang", "Li", "CN"),
    ("Sharma", "Priya", "IN"),
    ("Silva", "Lucas", "BR"),
    ("Nguyen", "Thi Mai", "VN"),
    ("Traoré", "Moussa", "ML"),
    ("Kim", "Min-jun", "KR"),
    ("Haddad", "Karim", "LB"),
    ("Mensah", "Ama", "GH"),
    ("Rossi", "Omar", "TN"),
    ("Petrova", "Anna", "UA"),
];
const EMPLOYERS: [(&str, &str, &str, &str); 3] = [
    (
        "73282932000074",
        "Boulangerie du Panthéon",
        "75005",
        "Paris",
    ),
    ("73282932000074", "Librairie des Écoles", "75006", "Paris"),
    (
        "73282932000074",
        "Atelier numérique de la Croix-Rousse",
        "69004",
        "Lyon",
    ),
];

fn form(pairs: &[(&str, String)]) -> String {
    let map: RawForm = pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), v.clone()))
        .collect();
    serde_json::to_string(&map).unwrap_or_default()
}

/// Seeds the demo files once (nothing when filed requests exist already).
pub async fn seed_demo_files(services: &Services) -> anyhow::Result<usize> {
    let db: &DatabaseConnection = &services.db;
    let filed = dossier::Entity::find()
        .filter(dossier::Column::Number.is_not_null())
        .count(db)
        .await?;
    if filed > 0 {
        return Ok(0);
    }
    let service = |code: &'static str| async move {
        instruction_service::Entity::find()
            .filter(instruction_service::Column::Code.eq(code))
            .one(db)
            .await
            .map(|s| s.map(|s| s.id))
    };
    let (paris, lyon) = (service("moe-paris").await?, service("moe-lyon").await?);
    let now = Utc::now();
    let states = [
        DossierState::Submitted,
        DossierState::Submitted,
        DossierState::InReview,
        DossierState::ChangesRequested,
        DossierState::Accepted,
        DossierState::Accepted,
        DossierState::Refused,
        DossierState::Closed,
    ];
    let mut count = 0;
    for i in 0..36usize {
        let (family, given, nationality) = STUDENTS[i % STUDENTS.len()];
        let (siret, employer, postcode, city) = EMPLOYERS[i % 3];
        let lyon_file = postcode.starts_with("69");
        let service_id = if lyon_file { lyon } else { paris };
        // Older files are decided; recent ones wait.
        let state = if i < 20 {
            states[4 + i % 4]
        } else {
            states[i % 4]
        };
        let submitted =
            now - Duration::days(((36 - i) * 5) as i64) - Duration::hours((i * 7 % 24) as i64);
        let day = submitted.date_naive();
        let start = day + Duration::days(10 + (i % 9) as i64 * 3);
        let permit_expires = day + Duration::days(200 + (i % 5) as i64 * 40);
        let dep = &postcode[..2];
        let email = format!("etudiant{i}@universite.example.org");
        let student = form(&[
            ("family_name", family.to_owned()),
            ("given_names", given.to_owned()),
            (
                "birth_date",
                format!("{}-0{}-1{}", 1998 + i % 6, 1 + i % 9, i % 10),
            ),
            ("nationality", nationality.to_owned()),
            ("permit", "student".to_owned()),
            ("permit_number", format!("75{:08}", 1_234_567 + i * 7919)),
            ("permit_issued", (day - Duration::days(90)).to_string()),
            ("permit_expires", permit_expires.to_string()),
            ("school", "Sorbonne Université".to_owned()),
            ("diploma", "Master".to_owned()),
            ("study_year", "M1".to_owned()),
            ("address", format!("{} rue des Écoles", 1 + i)),
            ("postcode", "75005".to_owned()),
            ("city", "Paris".to_owned()),
            ("email", email.clone()),
            ("phone", "06 12 34 56 78".to_owned()),
        ]);
        let employer_email = format!("rh{i}@employeur.example.fr");
        let employer_form = form(&[
            ("siret", siret.to_owned()),
            ("employer_name", employer.to_owned()),
            ("establishment_address", "3 place du Panthéon".to_owned()),
            ("establishment_postcode", postcode.to_owned()),
            ("establishment_city", city.to_owned()),
            ("contact_name", "Jeanne Martin".to_owned()),
            ("contact_email", employer_email.clone()),
            ("contact_phone", "01 42 34 56 78".to_owned()),
        ]);
        let contract = if i % 4 == 3 {
            Contract::Cifre
        } else {
            Contract::Employment
        };
        let job = form(&[
            ("contract", contract.code().to_owned()),
            ("contract_start", start.to_string()),
            ("contract_end", (start + Duration::days(180)).to_string()),
            ("weekly_hours", "20".to_owned()),
            ("hourly_wage", "12,50".to_owned()),
            ("job_title", "Assistant(e) de recherche".to_owned()),
            ("within_curriculum", "true".to_owned()),
            ("regulated_profession", "none".to_owned()),
            ("annual_hours", "1200".to_owned()),
            ("renewal", "false".to_owned()),
        ]);
        let id = uuid::Uuid::new_v4().to_string();
        let number = secret::new_file_number(submitted.year(), dep);
        let decided = state
            .is_final()
            .then(|| submitted + Duration::days(2 + (i % 11) as i64));
        let model = dossier::ActiveModel {
            id: Set(id.clone()),
            number: Set(Some(number)),
            state: Set(state),
            filed_by: Set(FiledBy::Employer),
            lang: Set(Lang::Fr),
            creator_email: Set(employer_email.clone()),
            student_email: Set(Some(email)),
            employer_email: Set(Some(employer_email.clone())),
            student_form: Set(Some(student)),
            employer_form: Set(Some(employer_form)),
            job_form: Set(Some(job)),
            departement: Set(Some(dep.to_owned())),
            service_id: Set(service_id),
            student_name: Set(Some(format!("{family} {given}"))),
            search_name: Set(Some(crate::instruction::search::fold(&format!(
                "{family} {given}"
            )))),
            siret: Set(Some(siret.to_owned())),
            contract_start: Set(Some(start)),
            permit_expires: Set(Some(permit_expires)),
            contract_type: Set(Some(contract)),
            requested_documents: Set(
                (state == DossierState::ChangesRequested).then(|| "[\"passport\"]".to_owned())
            ),
            version: Set(1),
            created_at: Set(submitted - Duration::hours(1)),
            updated_at: Set(decided.unwrap_or(submitted)),
            submitted_at: Set(Some(submitted)),
            decided_at: Set(decided),
        }
        .insert(db)
        .await?;
        services
            .record(
                db,
                &id,
                Actor::Applicant,
                &employer_email,
                Action::Submit.code(),
                Some(DossierState::Draft),
                Some(DossierState::Submitted),
                None,
            )
            .await?;
        if state != DossierState::Submitted {
            let message = match state {
                DossierState::ChangesRequested => Some(
                    "Le passeport transmis est illisible : merci d'en envoyer un scan en couleur."
                        .to_owned(),
                ),
                DossierState::Refused => {
                    Some("Le contrat ne précise pas la durée du travail.".to_owned())
                }
                _ => None,
            };
            let action = match state {
                DossierState::InReview => Action::TakeInReview,
                DossierState::ChangesRequested => Action::RequestChanges,
                DossierState::Accepted => Action::Accept,
                DossierState::Refused => Action::Refuse,
                _ => Action::Close,
            };
            // Decisions follow the state machine: a file is taken in review before one.
            let from = if matches!(action, Action::Accept | Action::Refuse) {
                services
                    .record(
                        db,
                        &id,
                        Actor::Instructor,
                        crate::instruction::accounts::DEMO_INSTRUCTOR,
                        Action::TakeInReview.code(),
                        Some(DossierState::Submitted),
                        Some(DossierState::InReview),
                        None,
                    )
                    .await?;
                DossierState::InReview
            } else {
                DossierState::Submitted
            };
            debug_assert_eq!(from.apply(action, Actor::Instructor), Ok(state));
            services
                .record(
                    db,
                    &id,
                    Actor::Instructor,
                    crate::instruction::accounts::DEMO_INSTRUCTOR,
                    action.code(),
                    Some(from),
                    Some(state),
                    message,
                )
                .await?;
        }
        if state == DossierState::Accepted {
            let parsed = Parsed::of(&model, day, &services.rules)?;
            if let (Some(s), Some(j), Some(e)) = (&parsed.student, &parsed.job, &parsed.eligibility)
            {
                let validity = decision::proposed_validity(s, j);
                authorisation::ActiveModel {
                    dossier_id: Set(id.clone()),
                    code: Set(secret::new_verification_code()),
                    valid_from: Set(validity.from),
                    valid_until: Set(validity.until),
                    max_annual_hours: Set(e.max_annual_hours),
                    issued_at: Set(decided.unwrap_or(now)),
                    issued_by: Set(crate::instruction::accounts::DEMO_INSTRUCTOR.to_owned()),
                    revoked_at: Set(None),
                    birth_date: Set(s.birth_date),
                    initials: Set(initials(&s.given_names, &s.family_name)),
                    employer_name: Set(employer.to_owned()),
                    failed_checks: Set(0),
                    locked_until: Set(None),
                }
                .insert(db)
                .await?;
            }
        }
        count += 1;
    }
    Ok(count)
}

#[cfg(test)]
mod refusal_tests {
    #[test]
    fn the_demo_is_refused_over_https() {
        let mut config =
            crate::Config::for_paths("sqlite::memory:".into(), std::path::Path::new("/tmp"));
        assert!(super::refuse_over_https(&config).is_ok());
        config.public_url = "https://workinfrance.example.gouv.fr".into();
        let refused = super::refuse_over_https(&config).unwrap_err().to_string();
        assert!(refused.contains("WIF_DEMO=1"), "{refused}");
    }
}
