//! The work authorisation: a PDF built from the accepted file and the issued authorisation's
//! fixed data, with its verification code and a QR code pointing at the public check.

use app::i18n::{Doc, Lang};

use crate::documents::pdf::{render, Block, DocInfo};
use crate::documents::receipt::{field, paris_offset, party_blocks};
use crate::dossier::Parsed;
use crate::infra::db::entities::{authorisation, dossier};

/// The QR code's modules for a text (a URL), without quiet zone.
pub fn qr_modules(text: &str) -> Vec<Vec<bool>> {
    match qrcode::QrCode::new(text.as_bytes()) {
        Ok(code) => {
            let width = code.width();
            code.to_colors()
                .chunks(width)
                .map(|row| row.iter().map(|c| *c == qrcode::Color::Dark).collect())
                .collect()
        }
        Err(e) => {
            tracing::error!("QR code for {text:?}: {e}");
            Vec::new()
        }
    }
}

/// The public check's address for a code.
pub fn verify_url(public_url: &str, code: &str) -> String {
    format!("{}/verifier?code={code}", public_url.trim_end_matches('/'))
}

/// The authorisation: a French administrative act. When the request was made in English, an
/// English translation follows the French text, marked as such (the French text alone is the act).
pub fn authorisation_pdf(
    dossier: &dossier::Model,
    issued: &authorisation::Model,
    parsed: &Parsed,
    service: &str,
    public_url: &str,
    lang: Lang,
) -> Vec<u8> {
    let number = dossier.number.clone().unwrap_or_default();
    let mut blocks = act_blocks(dossier, issued, parsed, service, public_url, Lang::Fr);
    // A request in any language but French gets the English translation after the act: the
    // PDF writer neither shapes Arabic nor carries a Chinese font.
    if lang != Lang::Fr {
        blocks.push(Block::Heading(
            "Traduction en anglais — English translation".to_owned(),
        ));
        blocks.push(Block::Language(Some("en".to_owned())));
        blocks.push(Block::Paragraph(
            "This translation is given for information only: the French text above is the \
             authorisation."
                .to_owned(),
        ));
        blocks.extend(
            act_blocks(dossier, issued, parsed, service, public_url, Lang::En)
                .into_iter()
                .filter(|b| !matches!(b, Block::Qr { .. }))
                .map(|b| match b {
                    Block::Title(t) => Block::Heading(t),
                    other => other,
                }),
        );
    }
    let info = DocInfo {
        title: format!("Autorisation de travail {number}"),
        author: service.to_owned(),
        creation_date: issued.issued_at.format("D:%Y%m%d%H%M%SZ").to_string(),
        footer: format!("Work in France – {number} – {}", issued.code),
        header: "République française — Work in France".to_owned(),
        lang: "fr".to_owned(),
    };
    render(&info, &blocks)
}

/// The act's content in one language.
fn act_blocks(
    dossier: &dossier::Model,
    authorisation: &authorisation::Model,
    parsed: &Parsed,
    service: &str,
    public_url: &str,
    lang: Lang,
) -> Vec<Block> {
    let t = |d: Doc| d.text(lang);
    let number = dossier.number.clone().unwrap_or_default();
    let issued = authorisation
        .issued_at
        .with_timezone(&paris_offset(authorisation.issued_at))
        .format("%d/%m/%Y")
        .to_string();
    let mut blocks = vec![
        Block::Title(t(Doc::AuthorisationWorkAuthorisation).to_owned()),
        Block::Paragraph(t(Doc::AuthorisationProvisionalWorkAuthorisationIssued).to_owned()),
        Block::Spacer(6.0),
        field(t(Doc::AuthorisationFileNumber), number),
        field(t(Doc::AuthorisationIssued), issued),
        field(t(Doc::AuthorisationBy), service.to_owned()),
        field(
            t(Doc::AuthorisationValidFrom),
            format!(
                "{} {} {}",
                authorisation.valid_from.format("%d/%m/%Y"),
                t(Doc::AuthorisationTo),
                authorisation.valid_until.format("%d/%m/%Y")
            ),
        ),
        field(
            t(Doc::AuthorisationWorkingTime),
            match authorisation.max_annual_hours {
                Some(h) => format!(
                    "{} {} {}",
                    t(Doc::AuthorisationMost),
                    lang.number(h),
                    t(Doc::AuthorisationHoursYearAllJobs)
                ),
                None => t(Doc::AuthorisationNoYearlyCapJob).to_owned(),
            },
        ),
    ];
    blocks.extend(party_blocks(parsed, lang));
    blocks.push(Block::Heading(t(Doc::AuthorisationVerification).to_owned()));
    let url = verify_url(public_url, &authorisation.code);
    blocks.push(Block::Qr {
        modules: qr_modules(&url),
        caption: format!(
            "{}\n{}\n{}",
            t(Doc::AuthorisationVerificationCode),
            authorisation.code,
            t(Doc::AuthorisationCheckAuthorisationCodeEmployee).to_owned()
                + &format!("{}/verifier", public_url.trim_end_matches('/'))
        ),
    });
    blocks.push(Block::Spacer(8.0));
    blocks.push(Block::Paragraph(
        t(Doc::AuthorisationEmployerKeepsAuthorisationWhole).to_owned(),
    ));
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;
    use app::rules::dossier::DossierState;
    use app::rules::eligibility::FiledBy;

    #[test]
    fn qr_codes_have_a_square_symbol_with_finder_patterns() {
        let m = qr_modules("https://workinfrance.example/verifier?code=7KQ2-M9XD-4TPA");
        let n = m.len();
        assert!(
            n >= 21 && (n - 21).is_multiple_of(4),
            "a QR version's size: {n}"
        );
        assert!(m.iter().all(|row| row.len() == n));
        // The top-left finder pattern: a dark 7×7 ring around a light ring and a dark 3×3 core.
        for (i, row) in m.iter().enumerate().take(7) {
            assert!(m[0][i] && m[6][i] && row[0] && row[6], "outer ring at {i}");
        }
        assert!(!m[1][1] && m[3][3]);
    }

    fn models() -> (dossier::Model, authorisation::Model) {
        let at = chrono::DateTime::<chrono::Utc>::from_timestamp(1_795_000_000, 0).unwrap();
        let day = chrono::NaiveDate::from_ymd_opt(2027, 1, 4).unwrap();
        let d = dossier::Model {
            id: "d1".into(),
            number: Some("APT-2026-75-K7Q4M2".into()),
            state: DossierState::Accepted,
            filed_by: FiledBy::Employer,
            lang: Lang::En,
            creator_email: "rh@example.org".into(),
            student_email: None,
            employer_email: None,
            student_form: None,
            employer_form: None,
            job_form: None,
            departement: Some("75".into()),
            service_id: None,
            student_name: None,
            search_name: None,
            siret: None,
            contract_start: None,
            permit_expires: None,
            contract_type: None,
            requested_documents: None,
            version: 3,
            created_at: at,
            updated_at: at,
            submitted_at: Some(at),
            decided_at: Some(at),
        };
        let a = authorisation::Model {
            dossier_id: "d1".into(),
            code: "7KQ2-M9XD-4TPA".into(),
            valid_from: day,
            valid_until: day + chrono::Duration::days(180),
            max_annual_hours: Some(964.0),
            issued_at: at,
            issued_by: "instructeur@example.gouv.fr".into(),
            revoked_at: None,
            birth_date: chrono::NaiveDate::from_ymd_opt(2002, 4, 17).unwrap(),
            initials: "N. T.".into(),
            employer_name: "Boulangerie".into(),
            failed_checks: 0,
            locked_until: None,
        };
        (d, a)
    }

    fn text_of(pdf: &[u8]) -> String {
        let doc = lopdf::Document::load_mem(pdf).expect("a readable PDF");
        let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
        doc.extract_text(&pages).expect("its text")
    }

    #[test]
    fn the_act_is_french_and_an_english_request_gets_a_marked_translation() {
        let (d, a) = models();
        let parsed = Parsed {
            student: None,
            employer: None,
            job: None,
            eligibility: None,
        };
        let service = "Service de la main-d'œuvre étrangère de Paris";
        let url = "https://workinfrance.example";
        let french = text_of(&authorisation_pdf(&d, &a, &parsed, service, url, Lang::Fr));
        assert!(french.contains("Autorisation de travail"), "{french}");
        assert!(french.contains("Valable du"));
        assert!(!french.contains("Work authorisation") && !french.contains("translation"));
        let english = text_of(&authorisation_pdf(&d, &a, &parsed, service, url, Lang::En));
        let translation = english
            .find("English translation")
            .expect("a marked translation");
        let act = english
            .find("Autorisation de travail")
            .expect("the French act");
        assert!(act < translation, "the French act comes first");
        assert!(english[translation..].contains("Work authorisation"));
        assert!(english[translation..].contains("for information only"));
        assert!(english[..translation].contains("Valable du"));
        assert!(
            !english[translation..].contains("Verification code:"),
            "one QR code, the act's"
        );
        // The translation's structure elements say they are English (screen readers switch).
        let english_elements = |pdf: &[u8]| {
            let doc = lopdf::Document::load_mem(pdf).expect("a readable PDF");
            doc.objects
                .values()
                .filter_map(|o| o.as_dict().ok())
                .filter(|d| d.has(b"S") && d.has(b"P"))
                .filter(|d| {
                    d.get(b"Lang")
                        .and_then(|l| l.as_str())
                        .is_ok_and(|l| l == b"en")
                })
                .count()
        };
        let with_translation = authorisation_pdf(&d, &a, &parsed, service, url, Lang::En);
        assert!(english_elements(&with_translation) >= 3);
        let french_only = authorisation_pdf(&d, &a, &parsed, service, url, Lang::Fr);
        assert_eq!(english_elements(&french_only), 0);
    }

    #[test]
    fn an_authorisation_prints_the_students_name_as_typed() {
        let (mut d, a) = models();
        let form = |pairs: &[(&str, &str)]| {
            let map: std::collections::BTreeMap<&str, &str> = pairs.iter().copied().collect();
            Some(serde_json::to_string(&map).unwrap())
        };
        d.student_form = form(&[
            ("family_name", "Nguyễn"),
            ("given_names", "Thị Minh Khai"),
            ("birth_date", "2002-04-17"),
            ("nationality", "VN"),
            ("permit", "student"),
            ("permit_number", "7501234567"),
            ("permit_issued", "2026-09-01"),
            ("permit_expires", "2027-08-31"),
            ("school", "Université Paris Cité"),
            ("diploma", "Master de chimie"),
            ("study_year", "M1"),
            ("address", "12 rue des Écoles"),
            ("postcode", "75005"),
            ("city", "Paris"),
            ("email", "khai@example.org"),
            ("phone", "06 12 34 56 78"),
        ]);
        d.employer_form = form(&[
            ("siret", "73282932000074"),
            ("employer_name", "Phở Saïgon Łódź & Søn"),
            ("establishment_address", "3 place du Panthéon"),
            ("establishment_postcode", "75005"),
            ("establishment_city", "Paris"),
            ("contact_name", "Jeanne Martin"),
            ("contact_email", "rh@example.org"),
            ("contact_phone", "01 42 34 56 78"),
        ]);
        d.job_form = form(&[
            ("contract", "employment"),
            ("contract_start", "2027-01-04"),
            ("contract_end", "2027-06-30"),
            ("weekly_hours", "20"),
            ("hourly_wage", "12,50"),
            ("job_title", "Serveuse"),
            ("within_curriculum", "false"),
            ("regulated_profession", "none"),
            ("annual_hours", "1200"),
            ("renewal", "false"),
        ]);
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        let parsed = Parsed::of(&d, today, &app::rules::RulesConfig::default()).unwrap();
        assert!(
            parsed.student.is_some() && parsed.employer.is_some(),
            "valid forms"
        );
        let pdf = authorisation_pdf(
            &d,
            &a,
            &parsed,
            "Service de la main-d'œuvre étrangère de Paris",
            "https://workinfrance.example",
            Lang::Fr,
        );
        if let Ok(path) = std::env::var("WIF_PDF_OUT") {
            std::fs::write(path, &pdf).unwrap();
        }
        let text = text_of(&pdf);
        assert!(text.contains("NGUYỄN Thị Minh Khai"), "{text}");
        assert!(text.contains("Phở Saïgon Łódź & Søn"), "{text}");
        assert!(!text.contains('?'), "{text}");
    }

    #[test]
    fn verify_urls() {
        assert_eq!(
            verify_url("http://127.0.0.1:3000/", "AAAA-BBBB-CCCC"),
            "http://127.0.0.1:3000/verifier?code=AAAA-BBBB-CCCC"
        );
    }
}
