//! The queue as an Excel workbook (XLSX), written in `rust_xlsxwriter`'s constant-memory mode:
//! each row goes to a temporary file as it comes, and the zip container is streamed out in
//! pieces at the end. It runs on a blocking thread (`spawn_blocking`): compressing a million
//! rows is seconds of CPU that must not hold an async worker.

use std::io::Write;

use app::i18n::{Lang, Msg};
use app::instruction::QueueRow;
use axum::body::Bytes;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, XlsxError};

/// What the rows' feed gives: a row, or the end of the rows. A feed that closes without
/// `None` was cut (the database failed): no workbook is finished from part of the rows.
pub type Feed = tokio::sync::mpsc::Receiver<Option<QueueRow>>;

/// Why a workbook was not finished.
#[derive(Debug, thiserror::Error)]
pub enum XlsxFailure {
    #[error("the rows stopped coming")]
    Interrupted,
    #[error("more than {0} rows")]
    TooManyRows(u64),
    #[error(transparent)]
    Writer(#[from] XlsxError),
}

/// The columns: their heading and width in characters.
const COLUMNS: [(Msg, f64); 9] = [
    (Msg::XlsxNumber, 18.0),
    (Msg::InstructorState, 22.0),
    (Msg::XlsxStudent, 30.0),
    (Msg::InstructorSiret, 16.0),
    (Msg::StatsDepartement, 12.0),
    (Msg::InstructorContract, 34.0),
    (Msg::FieldsContractStart, 16.0),
    (Msg::XlsxResidencePermitEnds, 16.0),
    (Msg::XlsxFiledParisTime, 20.0),
];

/// Writes the rows of `feed` as one sheet, then the workbook to `out`; the rows written.
/// Past `max_rows` rows (a sheet's 1,048,576 less the heading, `XLSX_MAX_ROWS`), it stops with
/// `TooManyRows` rather than leave rows out.
pub fn write(
    feed: &mut Feed,
    out: &mut (impl Write + Send),
    lang: Lang,
    max_rows: u64,
) -> Result<u64, XlsxFailure> {
    let mut workbook = Workbook::new();
    let heading = Format::new().set_bold();
    let date = Format::new().set_num_format(lang.pick(("dd/mm/yyyy", "yyyy-mm-dd")));
    let instant = Format::new().set_num_format(lang.pick(("dd/mm/yyyy hh:mm", "yyyy-mm-dd hh:mm")));
    let sheet = workbook.add_worksheet_with_constant_memory()?;
    sheet.set_name(lang.t(Msg::InstructorFiles))?;
    for (col, (msg, width)) in (0u16..).zip(COLUMNS) {
        sheet.set_column_width(col, width)?;
        sheet.write_string_with_format(0, col, lang.t(msg), &heading)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    let mut rows = 0u64;
    loop {
        let row = match feed.blocking_recv() {
            Some(Some(row)) => row,
            Some(None) => break,
            None => return Err(XlsxFailure::Interrupted),
        };
        if rows == max_rows {
            return Err(XlsxFailure::TooManyRows(max_rows));
        }
        rows += 1;
        let r = rows as u32;
        // Text cells are text: a name that starts with `=` is not a formula here.
        sheet.write_string(r, 0, &row.number)?;
        sheet.write_string(r, 1, row.state.label(lang))?;
        sheet.write_string(r, 2, &row.student_name)?;
        sheet.write_string(r, 3, &row.siret)?;
        sheet.write_string(r, 4, &row.departement)?;
        if let Some(c) = row.contract {
            sheet.write_string(r, 5, c.label(lang))?;
        }
        for (col, day) in [(6, row.contract_start), (7, row.permit_expires)] {
            if let Some(day) = day {
                sheet.write_datetime_with_format(r, col, excel_date(day)?, &date)?;
            }
        }
        if let Some(at) = paris_time(&row.submitted_at) {
            sheet.write_datetime_with_format(r, 8, excel_instant(at)?, &instant)?;
        }
    }
    sheet.autofilter(0, 0, rows as u32, COLUMNS.len() as u16 - 1)?;
    workbook.save_to_writer(out)?;
    Ok(rows)
}

fn excel_date(day: chrono::NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    use chrono::Datelike;
    ExcelDateTime::from_ymd(day.year() as u16, day.month() as u8, day.day() as u8)
}

fn excel_instant(at: chrono::NaiveDateTime) -> Result<ExcelDateTime, XlsxError> {
    use chrono::Timelike;
    excel_date(at.date())?.and_hms(at.hour() as u16, at.minute() as u8, at.second())
}

/// An RFC 3339 instant as the wall-clock time in Paris.
fn paris_time(at: &str) -> Option<chrono::NaiveDateTime> {
    let at = chrono::DateTime::parse_from_rfc3339(at).ok()?.to_utc();
    Some(
        at.with_timezone(&crate::documents::receipt::paris_offset(at))
            .naive_local(),
    )
}

/// A `Write` that sends what is written in pieces of about `chunk` bytes down an export's
/// body channel, waiting (this is a blocking thread) while the reader is behind. When the
/// reader is gone, writes fail, and the workbook with them.
pub struct ChunkWriter {
    tx: tokio::sync::mpsc::Sender<std::io::Result<Bytes>>,
    buf: Vec<u8>,
    chunk: usize,
}

impl ChunkWriter {
    pub fn new(tx: tokio::sync::mpsc::Sender<std::io::Result<Bytes>>, chunk: usize) -> Self {
        Self {
            tx,
            buf: Vec::with_capacity(chunk),
            chunk,
        }
    }

    fn send(&mut self) -> std::io::Result<()> {
        if self.buf.is_empty() {
            return Ok(());
        }
        let piece = std::mem::replace(&mut self.buf, Vec::with_capacity(self.chunk));
        self.tx
            .blocking_send(Ok(Bytes::from(piece)))
            .map_err(|_| std::io::Error::from(std::io::ErrorKind::BrokenPipe))
    }

    /// Sends what is left; whether the reader took it.
    pub fn finish(mut self) -> bool {
        self.send().is_ok()
    }
}

impl Write for ChunkWriter {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.buf.extend_from_slice(bytes);
        if self.buf.len() >= self.chunk {
            self.send()?;
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use app::instruction::XLSX_MAX_ROWS;
    use app::rules::dossier::DossierState;

    fn queue_row(i: u32, name: &str) -> QueueRow {
        QueueRow {
            number: format!("APT-2026-75-{i:05}"),
            state: DossierState::Submitted,
            student_name: name.to_owned(),
            siret: "73282932000074".into(),
            departement: "75".into(),
            contract: Some(app::rules::eligibility::Contract::Cifre),
            contract_start: chrono::NaiveDate::from_ymd_opt(2027, 3, 1),
            permit_expires: None,
            submitted_at: "2026-07-01T10:30:00+00:00".into(),
        }
    }

    /// Runs `write` on a thread of its own with these rows fed, and `end` sent or not.
    fn workbook(rows: Vec<QueueRow>, end: bool, max: u64) -> (Result<u64, XlsxFailure>, Vec<u8>) {
        let (tx, mut feed) = tokio::sync::mpsc::channel(rows.len() + 1);
        for r in rows {
            tx.try_send(Some(r)).unwrap();
        }
        if end {
            tx.try_send(None).unwrap();
        }
        drop(tx);
        let mut out = Vec::new();
        std::thread::spawn(move || {
            let r = write(&mut feed, &mut out, Lang::Fr, max);
            (r, out)
        })
        .join()
        .unwrap()
    }

    fn cells(xlsx: Vec<u8>) -> Vec<Vec<calamine::Data>> {
        use calamine::{Reader, Xlsx};
        let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(xlsx)).unwrap();
        let range = book.worksheet_range("Dossiers").unwrap();
        range.rows().map(|r| r.to_vec()).collect()
    }

    /// A cell as a spreadsheet shows it: a date cell as its date (and time, if any).
    fn text(cell: &calamine::Data) -> String {
        match cell {
            calamine::Data::DateTime(d) => match d.as_datetime() {
                Some(t) if t.time() == chrono::NaiveTime::MIN => t.date().to_string(),
                Some(t) => t.to_string(),
                None => format!("not a date: {d}"),
            },
            other => other.to_string(),
        }
    }

    #[test]
    fn every_row_under_a_heading_with_text_as_text_and_dates_as_dates() {
        let (written, xlsx) = workbook(
            vec![queue_row(1, "Benaïssa"), queue_row(2, "=HYPERLINK(\"x\")")],
            true,
            XLSX_MAX_ROWS,
        );
        assert_eq!(written.unwrap(), 2);
        let cells = cells(xlsx);
        assert_eq!(cells.len(), 3);
        assert_eq!(text(&cells[0][0]), "Numéro");
        assert_eq!(text(&cells[1][0]), "APT-2026-75-00001");
        assert_eq!(text(&cells[1][2]), "Benaïssa");
        assert!(
            matches!(&cells[2][2], calamine::Data::String(s) if s == "=HYPERLINK(\"x\")"),
            "a formula sign stays text: {:?}",
            cells[2][2]
        );
        assert_eq!(text(&cells[1][1]), DossierState::Submitted.label(Lang::Fr));
        assert!(
            matches!(cells[1][6], calamine::Data::DateTime(_)),
            "a date cell: {:?}",
            cells[1][6]
        );
        assert_eq!(text(&cells[1][6]), "2027-03-01");
        assert_eq!(text(&cells[1][7]), "", "no permit date, an empty cell");
        assert!(
            matches!(cells[1][8], calamine::Data::DateTime(_)),
            "{:?}",
            cells[1][8]
        );
        assert_eq!(
            text(&cells[1][8]),
            "2026-07-01 12:30:00",
            "filed at 12:30 in Paris (summer)"
        );
    }

    #[test]
    fn a_cut_feed_or_too_many_rows_finish_no_workbook() {
        let rows = |n| (0..n).map(|i| queue_row(i, "x")).collect::<Vec<_>>();
        let (written, _) = workbook(rows(3), false, XLSX_MAX_ROWS);
        assert!(
            matches!(written, Err(XlsxFailure::Interrupted)),
            "{written:?}"
        );
        let (written, _) = workbook(rows(4), true, 3);
        assert!(
            matches!(written, Err(XlsxFailure::TooManyRows(3))),
            "{written:?}"
        );
        let (written, _) = workbook(rows(3), true, 3);
        assert_eq!(written.unwrap(), 3, "exactly the limit fits");
    }
}
