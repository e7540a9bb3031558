//! The work authorisation: a PDF built from the accepted file and the issued authorisation's
//! fixed data, with its verification code and a QR code pointing at the public check.

use app::i18n::Lang;

use crate::applicants::Parsed;
use crate::db::entities::{authorisation, dossier};
use crate::pdf::{render, Block, DocInfo};
use crate::receipt::{field, paris_offset, party_blocks};

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

pub fn authorisation_pdf(
    d: &dossier::Model,
    a: &authorisation::Model,
    parsed: &Parsed,
    service: &str,
    public_url: &str,
    lang: Lang,
) -> Vec<u8> {
    let t = |fr: &'static str, en: &'static str| lang.pick((fr, en));
    let number = d.number.clone().unwrap_or_default();
    let issued = a
        .issued_at
        .with_timezone(&paris_offset(a.issued_at))
        .format("%d/%m/%Y")
        .to_string();
    let mut blocks = vec![
        Block::Title(t("Autorisation de travail", "Work authorisation").to_owned()),
        Block::Paragraph(t(
            "Autorisation provisoire de travail délivrée à un étudiant étranger (Code du travail, art. L.5221-5, R.5221-1 et suivants).",
            "Provisional work authorisation issued to a foreign student (French Labour Code, art. L.5221-5, R.5221-1 ff.).",
        ).to_owned()),
        Block::Spacer(6.0),
        field(t("Numéro de dossier", "File number"), number.clone()),
        field(t("Délivrée le", "Issued on"), issued),
        field(t("Par", "By"), service.to_owned()),
        field(
            t("Valable du", "Valid from"),
            format!(
                "{} {} {}",
                a.valid_from.format("%d/%m/%Y"),
                t("au", "to"),
                a.valid_until.format("%d/%m/%Y")
            ),
        ),
        field(
            t("Durée du travail", "Working time"),
            match a.max_annual_hours {
                Some(h) => format!(
                    "{} {} {}",
                    t("au plus", "at most"),
                    lang.number(h),
                    t("heures par an, tous emplois confondus", "hours a year, all jobs together")
                ),
                None => t(
                    "sans plafond annuel (emploi dans le cadre du cursus)",
                    "no yearly cap (job within the course of study)",
                )
                .to_owned(),
            },
        ),
    ];
    blocks.extend(party_blocks(parsed, lang));
    blocks.push(Block::Heading(t("Vérification", "Verification").to_owned()));
    let url = verify_url(public_url, &a.code);
    blocks.push(Block::Qr {
        modules: qr_modules(&url),
        caption: format!(
            "{}\n{}\n{}",
            t("Code de vérification :", "Verification code:"),
            a.code,
            lang.pick((
                "Vérifiez cette autorisation avec ce code et la date de naissance du salarié sur ",
                "Check this authorisation with this code and the employee's birth date on ",
            ))
            .to_owned()
                + &format!("{}/verifier", public_url.trim_end_matches('/'))
        ),
    });
    blocks.push(Block::Spacer(8.0));
    blocks.push(Block::Paragraph(t(
        "L'employeur conserve cette autorisation pendant toute la durée de l'emploi. Elle ne vaut que pour l'emploi, l'employeur et la période indiqués, dans la limite de la validité du titre de séjour.",
        "The employer keeps this authorisation for the whole employment. It is valid only for the job, the employer and the period shown, within the residence permit's validity.",
    ).to_owned()));
    let info = DocInfo {
        title: format!(
            "{} {number}",
            t("Autorisation de travail", "Work authorisation")
        ),
        author: service.to_owned(),
        creation_date: a.issued_at.format("D:%Y%m%d%H%M%SZ").to_string(),
        footer: format!("Work in France – {number} – {}", a.code),
        header: t(
            "République française — Work in France",
            "French Republic — Work in France",
        )
        .to_owned(),
    };
    render(&info, &blocks)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qr_codes_have_a_square_symbol_with_finder_patterns() {
        let m = qr_modules("https://workinfrance.example/verifier?code=7KQ2-M9XD-4TPA");
        let n = m.len();
        assert!(n >= 21 && (n - 21).is_multiple_of(4), "a QR version's size: {n}");
        assert!(m.iter().all(|row| row.len() == n));
        // The top-left finder pattern: a dark 7×7 ring around a light ring and a dark 3×3 core.
        for (i, row) in m.iter().enumerate().take(7) {
            assert!(m[0][i] && m[6][i] && row[0] && row[6], "outer ring at {i}");
        }
        assert!(!m[1][1] && m[3][3]);
    }

    #[test]
    fn verify_urls() {
        assert_eq!(
            verify_url("http://127.0.0.1:3000/", "AAAA-BBBB-CCCC"),
            "http://127.0.0.1:3000/verifier?code=AAAA-BBBB-CCCC"
        );
    }
}
