//! The deposit receipt (récépissé de dépôt): what was filed, when, with which documents, and
//! for which service. Built from the stored request, so it reads the same every time.

use app::i18n::{Doc, Lang};
use app::rules::DocumentKind;

use crate::documents::pdf::{render, Block, DocInfo};
use crate::dossier::Parsed;
use crate::infra::db::entities::{dossier, stored_file};

pub fn field(label: &str, value: impl Into<String>) -> Block {
    Block::Field {
        label: label.to_owned(),
        value: value.into(),
    }
}

pub fn deposit_receipt(
    dossier: &dossier::Model,
    parsed: &Parsed,
    files: &[stored_file::Model],
    service: &str,
    lang: Lang,
) -> Vec<u8> {
    // In French or in English: an Arabic or Chinese request's receipt is French, the PDF
    // writer neither shapes Arabic nor carries a Chinese font.
    let lang = if lang == Lang::En { Lang::En } else { Lang::Fr };
    let t = |d: Doc| d.text(lang);
    let number = dossier.number.clone().unwrap_or_default();
    let submitted = dossier
        .submitted_at
        .map(|at| {
            at.with_timezone(&paris_offset(at))
                .format("%d/%m/%Y %H:%M")
                .to_string()
        })
        .unwrap_or_default();
    let mut blocks = vec![
        Block::Title(t(Doc::ReceiptDepositReceipt).to_owned()),
        Block::Paragraph(t(Doc::ReceiptWorkAuthorisationRequestForeign).to_owned()),
        Block::Spacer(6.0),
        field(t(Doc::AuthorisationFileNumber), number.clone()),
        field(t(Doc::ReceiptFiled), submitted),
        field(t(Doc::ReceiptInstructionService), service.to_owned()),
    ];
    blocks.extend(party_blocks(parsed, lang));
    blocks.push(Block::Heading(t(Doc::ReceiptDocuments).to_owned()));
    for kind in DocumentKind::ALL {
        let names: Vec<&str> = files
            .iter()
            .filter(|f| f.kind == *kind)
            .map(|f| f.file_name.as_str())
            .collect();
        if !names.is_empty() {
            blocks.push(field(kind.label(lang), names.join(", ")));
        }
    }
    blocks.push(Block::Spacer(10.0));
    blocks.push(Block::Paragraph(
        t(Doc::ReceiptReceiptProvesRequestWas).to_owned(),
    ));
    let info = DocInfo {
        title: format!("{} {number}", t(Doc::ReceiptDepositReceipt)),
        author: service.to_owned(),
        creation_date: dossier
            .submitted_at
            .map(|at| at.format("D:%Y%m%d%H%M%SZ").to_string())
            .unwrap_or_default(),
        footer: format!("Work in France – {number}"),
        header: t(Doc::ReceiptFrenchRepublicWorkFrance).to_owned(),
        lang: lang.code().to_owned(),
    };
    render(&info, &blocks)
}

/// The student, the employer and the job, as the receipt and the authorisation print them.
pub fn party_blocks(parsed: &Parsed, lang: Lang) -> Vec<Block> {
    let t = |d: Doc| d.text(lang);
    let mut blocks = Vec::new();
    if let Some(s) = &parsed.student {
        blocks.push(Block::Heading(t(Doc::ReceiptEmployee).to_owned()));
        blocks.push(field(
            t(Doc::ReceiptName),
            format!("{} {}", s.family_name.to_uppercase(), s.given_names),
        ));
        blocks.push(field(
            t(Doc::ReceiptDateBirth),
            s.birth_date.format("%d/%m/%Y").to_string(),
        ));
        blocks.push(field(t(Doc::ReceiptNationality), s.nationality.name(lang)));
        blocks.push(field(
            t(Doc::ReceiptResidencePermit),
            format!("{} n° {}", s.permit.label(lang), s.permit_number),
        ));
        blocks.push(field(
            t(Doc::ReceiptPermitValidity),
            format!(
                "{} – {}",
                s.permit_issued.format("%d/%m/%Y"),
                s.permit_expires.format("%d/%m/%Y")
            ),
        ));
        blocks.push(field(
            t(Doc::ReceiptStudies),
            format!("{}, {} ({})", s.school, s.diploma, s.study_year),
        ));
    }
    if let Some(e) = &parsed.employer {
        blocks.push(Block::Heading(t(Doc::ReceiptEmployer).to_owned()));
        blocks.push(field(t(Doc::ReceiptName2), e.employer_name.clone()));
        blocks.push(field("SIRET", e.siret.as_str()));
        blocks.push(field(
            t(Doc::ReceiptEstablishment),
            format!(
                "{}, {} {}",
                e.establishment_address, e.establishment_postcode, e.establishment_city
            ),
        ));
    }
    if let Some(j) = &parsed.job {
        blocks.push(Block::Heading(t(Doc::ReceiptJob).to_owned()));
        blocks.push(field(t(Doc::ReceiptPosition), j.job_title.clone()));
        blocks.push(field(t(Doc::ReceiptContract), j.contract.label(lang)));
        let end = j
            .contract_end
            .map(|e| e.format("%d/%m/%Y").to_string())
            .unwrap_or_else(|| t(Doc::ReceiptOpenEnded).to_owned());
        blocks.push(field(
            t(Doc::ReceiptPeriod),
            format!("{} – {end}", j.contract_start.format("%d/%m/%Y")),
        ));
        blocks.push(field(
            t(Doc::ReceiptHoursWage),
            format!(
                "{} h / {} ; {} € {}",
                lang.number(j.weekly_hours),
                t(Doc::ReceiptWeek),
                lang.number(j.hourly_wage),
                t(Doc::ReceiptGrossPerHour)
            ),
        ));
    }
    blocks
}

/// Europe/Paris without a time-zone database: UTC+1, and UTC+2 from the last Sunday of March to
/// the last Sunday of October (EU rule, at 01:00 UTC).
pub fn paris_offset(at: chrono::DateTime<chrono::Utc>) -> chrono::FixedOffset {
    use chrono::{Datelike, NaiveDate, Weekday};
    let last_sunday = |month: u32| {
        let mut day = NaiveDate::from_ymd_opt(at.year(), month, 31).unwrap_or_default();
        while day.weekday() != Weekday::Sun {
            day = day.pred_opt().unwrap_or(day);
        }
        day.and_hms_opt(1, 0, 0).unwrap_or_default().and_utc()
    };
    let summer = at >= last_sunday(3) && at < last_sunday(10);
    chrono::FixedOffset::east_opt(if summer { 7200 } else { 3600 })
        .unwrap_or(chrono::FixedOffset::east_opt(3600).expect("UTC+1"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn paris_time() {
        let winter = chrono::Utc
            .with_ymd_and_hms(2026, 11, 23, 11, 0, 0)
            .unwrap();
        let summer = chrono::Utc.with_ymd_and_hms(2026, 7, 1, 11, 0, 0).unwrap();
        assert_eq!(
            winter
                .with_timezone(&paris_offset(winter))
                .format("%H:%M")
                .to_string(),
            "12:00"
        );
        assert_eq!(
            summer
                .with_timezone(&paris_offset(summer))
                .format("%H:%M")
                .to_string(),
            "13:00"
        );
        // 2026's changes: 29 March and 25 October, at 01:00 UTC.
        let before = chrono::Utc.with_ymd_and_hms(2026, 3, 29, 0, 59, 0).unwrap();
        let after = chrono::Utc.with_ymd_and_hms(2026, 3, 29, 1, 0, 0).unwrap();
        assert_eq!(paris_offset(before).local_minus_utc(), 3600);
        assert_eq!(paris_offset(after).local_minus_utc(), 7200);
        let back = chrono::Utc.with_ymd_and_hms(2026, 10, 25, 1, 0, 0).unwrap();
        assert_eq!(paris_offset(back).local_minus_utc(), 3600);
    }
}
