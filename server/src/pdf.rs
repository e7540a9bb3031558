//! A small PDF 1.7 writer for the documents the service hands out: the deposit receipt, later the
//! authorisation with its verification QR code.
//!
//! It is written by hand rather than taken from a crate because the need is narrow and a dependency would
//! cost more than it gives: nothing to audit or keep up to date, output that is byte-for-byte deterministic
//! for a given input (the caller supplies the creation date, nothing is compressed, timestamped or random),
//! and no font to embed, since the standard 14 fonts Helvetica and Helvetica-Bold in WinAnsiEncoding cover
//! the Latin text of French administrative documents.
//!
//! The layout is one column flowing over A4 pages: [`render`] takes a list of [`Block`]s, lays them out
//! first (so that the total page count is known for the "n / N" footers), then writes the file.

use std::fmt::Write as _;

/// A4 in points.
pub const PAGE_WIDTH: f32 = 595.28;
pub const PAGE_HEIGHT: f32 = 841.89;
const MARGIN_X: f32 = 56.0;
const TEXT_WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN_X;
const HEADER_BASELINE: f32 = PAGE_HEIGHT - 40.0;
const CONTENT_TOP: f32 = PAGE_HEIGHT - 68.0;
const CONTENT_BOTTOM: f32 = 62.0;
const CONTENT_HEIGHT: f32 = CONTENT_TOP - CONTENT_BOTTOM;
const FOOTER_RULE: f32 = 48.0;
const FOOTER_BASELINE: f32 = 34.0;

const BODY_SIZE: f32 = 10.5;
const BODY_LEADING: f32 = 14.5;
const LABEL_SIZE: f32 = 8.5;
/// The share of the text width given to field labels.
const LABEL_COLUMN: f32 = 0.38;
/// 35 mm: large enough for a phone to read a version 2-5 code printed on an office printer.
const QR_SIDE: f32 = 35.0 * 72.0 / 25.4;
const CAPTION_SIZE: f32 = 9.0;
const CAPTION_LEADING: f32 = 12.5;

/// One piece of content, laid out top to bottom.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// Large bold title, e.g. "Récépissé de dépôt".
    Title(String),
    /// Bold blue section heading with a thin rule under it; it is kept on the same page as what follows.
    Heading(String),
    /// Wrapped body text; `\n` starts a new line.
    Paragraph(String),
    /// A label in small grey type in the left column, its value wrapped in the right one.
    Field { label: String, value: String },
    /// Vertical gap in points; gaps are dropped at a page break, like any spacing.
    Spacer(f32),
    /// A matrix of modules (`true` = dark; row by row, top first) drawn 35 mm wide, left-aligned with the
    /// text, with a clear quiet zone of four modules (at most 20 pt) around it and the caption to its right.
    /// The caller passes the bare symbol without its own quiet zone; short rows are padded with light modules.
    Qr {
        modules: Vec<Vec<bool>>,
        caption: String,
    },
}

/// What every page and the document properties show.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DocInfo {
    pub title: String,
    pub author: String,
    /// A PDF date such as "D:20261123120000Z"; given by the caller so that the output is deterministic.
    pub creation_date: String,
    /// Left footer text; the writer adds "n / N" on the right.
    pub footer: String,
    /// Small text at the top of each page, e.g. "République française — Work in France".
    pub header: String,
}

/// Lays the blocks out over as many A4 pages as they need and returns the bytes of the PDF file.
///
/// Never panics: empty input gives a single page with header and footer, text outside Windows-1252
/// shows as `?`.
#[must_use]
pub fn render(info: &DocInfo, blocks: &[Block]) -> Vec<u8> {
    let pages = layout(blocks);
    write_document(info, &pages)
}

// ---------------------------------------------------------------------------------------------------------
// Text encoding and metrics

/// Converts UTF-8 to the bytes of the fonts' WinAnsiEncoding (Windows-1252).
///
/// Both no-break spaces map to 0xA0 so that French spacing before `:` or `€` survives and does not break.
/// A few characters with an obvious equivalent (other spaces, Unicode hyphens and minus) are mapped to it,
/// combining accents are composed with their letter when the result exists (text pasted from macOS is often
/// decomposed) and dropped otherwise; anything else becomes `?`.
#[must_use]
pub fn to_win_ansi(text: &str) -> Vec<u8> {
    let mut out: Vec<u8> = Vec::with_capacity(text.len());
    let mut prev: Option<char> = None;
    for c in text.chars() {
        if ('\u{300}'..='\u{36F}').contains(&c) {
            if let Some(composed) = prev.and_then(|base| compose(base, c)) {
                if let (Some(last), Some(byte)) = (out.last_mut(), win_ansi_byte(composed)) {
                    *last = byte;
                }
            }
            prev = None;
            continue;
        }
        prev = Some(c);
        out.push(win_ansi_byte(c).unwrap_or(b'?'));
    }
    out
}

fn win_ansi_byte(c: char) -> Option<u8> {
    let byte = match c {
        ' '..='~' | '\u{A1}'..='\u{FF}' => c as u8,
        '\u{A0}' | '\u{202F}' | '\u{2007}' => 0xA0,
        '\u{2002}'..='\u{2006}' | '\u{2008}'..='\u{200A}' | '\u{205F}' | '\u{3000}' => b' ',
        '\u{2010}' | '\u{2011}' | '\u{2212}' => b'-',
        '\u{20AC}' => 0x80,
        '\u{201A}' => 0x82,
        '\u{0192}' => 0x83,
        '\u{201E}' => 0x84,
        '\u{2026}' => 0x85,
        '\u{2020}' => 0x86,
        '\u{2021}' => 0x87,
        '\u{02C6}' => 0x88,
        '\u{2030}' => 0x89,
        '\u{0160}' => 0x8A,
        '\u{2039}' => 0x8B,
        '\u{0152}' => 0x8C,
        '\u{017D}' => 0x8E,
        '\u{2018}' => 0x91,
        '\u{2019}' => 0x92,
        '\u{201C}' => 0x93,
        '\u{201D}' => 0x94,
        '\u{2022}' => 0x95,
        '\u{2013}' => 0x96,
        '\u{2014}' => 0x97,
        '\u{02DC}' => 0x98,
        '\u{2122}' => 0x99,
        '\u{0161}' => 0x9A,
        '\u{203A}' => 0x9B,
        '\u{0153}' => 0x9C,
        '\u{017E}' => 0x9E,
        '\u{0178}' => 0x9F,
        _ => return None,
    };
    Some(byte)
}

/// The precomposed letter for a base letter and a combining mark, for the pairs Windows-1252 can show.
fn compose(base: char, mark: char) -> Option<char> {
    let (bases, composed) = match mark {
        '\u{300}' => ("AEIOUaeiou", "ÀÈÌÒÙàèìòù"),
        '\u{301}' => ("AEIOUYaeiouy", "ÁÉÍÓÚÝáéíóúý"),
        '\u{302}' => ("AEIOUaeiou", "ÂÊÎÔÛâêîôû"),
        '\u{303}' => ("ANOano", "ÃÑÕãñõ"),
        '\u{308}' => ("AEIOUYaeiouy", "ÄËÏÖÜŸäëïöüÿ"),
        '\u{30A}' => ("Aa", "Åå"),
        '\u{30C}' => ("SZsz", "ŠŽšž"),
        '\u{327}' => ("Cc", "Çç"),
        _ => return None,
    };
    let index = bases.chars().position(|b| b == base)?;
    composed.chars().nth(index)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Font {
    Regular,
    Bold,
}

impl Font {
    fn resource(self) -> &'static str {
        match self {
            Font::Regular => "F1",
            Font::Bold => "F2",
        }
    }

    /// Width in thousandths of the font size.
    fn units(self, bytes: &[u8]) -> u32 {
        let table = match self {
            Font::Regular => &HELVETICA_WIDTHS,
            Font::Bold => &HELVETICA_BOLD_WIDTHS,
        };
        bytes
            .iter()
            .map(|&b| u32::from(table[usize::from(b.max(32) - 32)]))
            .sum()
    }

    fn width(self, bytes: &[u8], size: f32) -> f32 {
        self.units(bytes) as f32 * size / 1000.0
    }
}

// Advance widths from Adobe's Helvetica and Helvetica-Bold AFM files, for WinAnsiEncoding codes 32 to 255
// (codes WinAnsi leaves undefined get the bullet's width, as viewers draw a bullet for them).
#[rustfmt::skip]
const HELVETICA_WIDTHS: [u16; 224] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // 32
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 48
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // 64
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // 80
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // 96
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, 350, // 112
    556, 350, 222, 556, 333, 1000, 556, 556, 333, 1000, 667, 333, 1000, 350, 611, 350, // 128
    350, 222, 222, 333, 333, 350, 556, 1000, 333, 1000, 500, 333, 944, 350, 500, 667, // 144
    278, 333, 556, 556, 556, 556, 260, 556, 333, 737, 370, 556, 584, 333, 737, 333, // 160
    400, 584, 333, 333, 333, 556, 537, 278, 333, 333, 365, 556, 834, 834, 834, 611, // 176
    667, 667, 667, 667, 667, 667, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278, // 192
    722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611, // 208
    556, 556, 556, 556, 556, 556, 889, 500, 556, 556, 556, 556, 278, 278, 278, 278, // 224
    556, 556, 556, 556, 556, 556, 556, 584, 611, 556, 556, 556, 556, 500, 556, 500, // 240
];

#[rustfmt::skip]
const HELVETICA_BOLD_WIDTHS: [u16; 224] = [
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, // 32
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, // 48
    975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, // 64
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, // 80
    333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, // 96
    611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584, 350, // 112
    556, 350, 278, 556, 500, 1000, 556, 556, 333, 1000, 667, 333, 1000, 350, 611, 350, // 128
    350, 278, 278, 500, 500, 350, 556, 1000, 333, 1000, 556, 333, 944, 350, 500, 667, // 144
    278, 333, 556, 556, 556, 556, 280, 556, 333, 737, 370, 556, 584, 333, 737, 333, // 160
    400, 584, 333, 333, 333, 611, 556, 278, 333, 333, 365, 556, 834, 834, 834, 611, // 176
    722, 722, 722, 722, 722, 722, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278, // 192
    722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611, // 208
    556, 556, 556, 556, 556, 556, 889, 556, 556, 556, 556, 556, 278, 278, 278, 278, // 224
    611, 611, 611, 611, 611, 611, 611, 584, 611, 611, 611, 611, 611, 556, 611, 556, // 240
];

/// Breaks text into lines no wider than `max_width`, on spaces, and inside words that are wider than a
/// line on their own (long references, URLs). Each `\n` starts a new line; blank text gives no line.
fn wrap(text: &str, font: Font, size: f32, max_width: f32) -> Vec<Vec<u8>> {
    let mut lines = Vec::new();
    if text.trim().is_empty() || size.is_nan() || size <= 0.0 {
        return lines;
    }
    // Compared in font units so that the sum of widths stays exact.
    let limit = (max_width.max(0.0) * 1000.0 / size).min(u32::MAX as f32) as u32;
    let space = font.units(b" ");
    for paragraph in text.split('\n') {
        let bytes: Vec<u8> = to_win_ansi(&paragraph.replace('\t', " ").replace('\r', ""));
        let mut line: Vec<u8> = Vec::new();
        let mut line_units = 0u32;
        let mut produced = false;
        for word in bytes.split(|&b| b == b' ').filter(|w| !w.is_empty()) {
            let word_units = font.units(word);
            if !line.is_empty() {
                if line_units.saturating_add(space).saturating_add(word_units) <= limit {
                    line.push(b' ');
                    line.extend_from_slice(word);
                    line_units += space + word_units;
                    continue;
                }
                lines.push(std::mem::take(&mut line));
                produced = true;
            }
            if word_units <= limit {
                line.extend_from_slice(word);
                line_units = word_units;
                continue;
            }
            let mut start = 0;
            let mut units = 0u32;
            for (i, &b) in word.iter().enumerate() {
                let w = font.units(&[b]);
                // A piece always takes at least one character, so a narrow column cannot stall the loop.
                if i > start && units + w > limit {
                    lines.push(word[start..i].to_vec());
                    produced = true;
                    start = i;
                    units = 0;
                }
                units += w;
            }
            line = word[start..].to_vec();
            line_units = units;
        }
        if !line.is_empty() || !produced {
            lines.push(line);
        }
    }
    lines
}

/// Shortens a single-line text (header, footer) with an ellipsis so that it fits.
fn fit_line(text: &str, font: Font, size: f32, max_width: f32) -> Vec<u8> {
    let mut bytes: Vec<u8> = to_win_ansi(&text.replace(['\n', '\r', '\t'], " "))
        .trim_ascii()
        .to_vec();
    if font.width(&bytes, size) <= max_width {
        return bytes;
    }
    let limit = max_width.max(0.0) * 1000.0 / size;
    let mut units = font.units(&bytes) + font.units(&[0x85]);
    while let Some(&last) = bytes.last() {
        if units as f32 <= limit {
            break;
        }
        units -= font.units(&[last]);
        bytes.pop();
    }
    while bytes.last() == Some(&b' ') {
        bytes.pop();
    }
    bytes.push(0x85);
    bytes
}

// ---------------------------------------------------------------------------------------------------------
// Layout

type Rgb = [f32; 3];
const INK: Rgb = [0.086, 0.086, 0.086];
const BLUE: Rgb = [0.0, 0.0, 0.569];
const RED: Rgb = [0.882, 0.0, 0.059];
const GREY: Rgb = [0.4, 0.4, 0.4];
const RULE_GREY: Rgb = [0.867, 0.867, 0.867];

/// A drawing operation in page coordinates (origin at the bottom left, in points).
#[derive(Debug, Clone, PartialEq)]
enum Op {
    Text {
        font: Font,
        size: f32,
        color: Rgb,
        x: f32,
        y: f32,
        bytes: Vec<u8>,
    },
    Rect {
        color: Rgb,
        x: f32,
        y: f32,
        w: f32,
        h: f32,
    },
    HLine {
        color: Rgb,
        width: f32,
        x1: f32,
        x2: f32,
        y: f32,
    },
    /// `y` is the top edge of the symbol; `dark` holds (column, row) of each dark module.
    Qr {
        x: f32,
        y: f32,
        module: f32,
        dark: Vec<(usize, usize)>,
    },
}

impl Op {
    fn shifted(mut self, dy: f32) -> Op {
        match &mut self {
            Op::Text { y, .. } | Op::Rect { y, .. } | Op::HLine { y, .. } | Op::Qr { y, .. } => {
                *y += dy
            }
        }
        self
    }
}

/// Something that is never split across pages; its operations are relative to its top edge.
struct Unit {
    height: f32,
    ops: Vec<Op>,
}

struct Layout {
    pages: Vec<Vec<Op>>,
    y: f32,
    gap: f32,
    page_empty: bool,
    after_break: bool,
}

impl Layout {
    fn new() -> Self {
        Layout {
            pages: vec![Vec::new()],
            y: CONTENT_TOP,
            gap: 0.0,
            page_empty: true,
            after_break: false,
        }
    }

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = CONTENT_TOP;
        self.page_empty = true;
        self.after_break = true;
    }

    /// Spacing between blocks collapses to the larger of the two, as in CSS.
    fn space(&mut self, gap: f32) {
        self.gap = self.gap.max(gap);
    }

    /// Makes room for `height` points under the pending gap, breaking the page when it does not fit.
    fn reserve(&mut self, height: f32) {
        let gap = if self.page_empty && self.after_break {
            0.0
        } else {
            self.gap
        };
        self.gap = 0.0;
        if self.y - gap - height >= CONTENT_BOTTOM - 0.01 {
            self.y -= gap;
        } else if !self.page_empty {
            self.new_page();
        } else {
            // A new page would not have more room: keep what still fits of the gap and let a unit taller
            // than the page overflow rather than loop.
            self.y = (self.y - gap).max(CONTENT_BOTTOM + height).min(self.y);
        }
    }

    fn place(&mut self, unit: Unit) {
        let top = self.y;
        if let Some(page) = self.pages.last_mut() {
            page.extend(unit.ops.into_iter().map(|op| op.shifted(top)));
        }
        self.y -= unit.height;
        self.page_empty = false;
    }

    /// Places units one after the other; `keep` holds them on one page (with `with_next` points of what
    /// follows) whenever they fit on one.
    fn flow(&mut self, units: Vec<Unit>, keep: bool, with_next: f32) {
        let total: f32 = units.iter().map(|u| u.height).sum();
        if keep && total <= CONTENT_HEIGHT {
            self.reserve(if total + with_next <= CONTENT_HEIGHT {
                total + with_next
            } else {
                total
            });
            for unit in units {
                self.place(unit);
            }
        } else {
            for unit in units {
                self.reserve(unit.height);
                self.place(unit);
            }
        }
    }
}

/// Puts the baseline so that the glyphs (cap height 0.72, descender 0.21 of the size) sit centred in the line.
fn baseline(size: f32, leading: f32) -> f32 {
    -(leading / 2.0 + 0.255 * size)
}

fn text_units(
    text: &str,
    font: Font,
    size: f32,
    leading: f32,
    color: Rgb,
    x: f32,
    width: f32,
) -> Vec<Unit> {
    wrap(text, font, size, width)
        .into_iter()
        .map(|bytes| Unit {
            height: leading,
            ops: vec![Op::Text {
                font,
                size,
                color,
                x,
                y: baseline(size, leading),
                bytes,
            }],
        })
        .collect()
}

fn layout(blocks: &[Block]) -> Vec<Vec<Op>> {
    let mut l = Layout::new();
    for block in blocks {
        match block {
            Block::Title(text) => {
                let units = text_units(text, Font::Bold, 20.0, 25.0, INK, MARGIN_X, TEXT_WIDTH);
                l.flow(units, true, 0.0);
                l.space(14.0);
            }
            Block::Heading(text) => {
                l.space(18.0);
                let mut units =
                    text_units(text, Font::Bold, 13.0, 17.0, BLUE, MARGIN_X, TEXT_WIDTH);
                let rule = Op::HLine {
                    color: BLUE,
                    width: 0.6,
                    x1: MARGIN_X,
                    x2: MARGIN_X + TEXT_WIDTH,
                    y: -3.0,
                };
                units.push(Unit {
                    height: 7.0,
                    ops: vec![rule],
                });
                // A heading alone at the foot of a page is useless: keep room for two lines after it.
                l.flow(units, true, 2.0 * BODY_LEADING + 8.0);
                l.space(8.0);
            }
            Block::Paragraph(text) => {
                let units = text_units(
                    text,
                    Font::Regular,
                    BODY_SIZE,
                    BODY_LEADING,
                    INK,
                    MARGIN_X,
                    TEXT_WIDTH,
                );
                l.flow(units, false, 0.0);
                l.space(7.0);
            }
            Block::Field { label, value } => l.flow(field_units(label, value), true, 0.0),
            Block::Spacer(points) => {
                if *points > 0.0 {
                    l.gap += points.min(CONTENT_HEIGHT);
                }
            }
            Block::Qr { modules, caption } => qr(&mut l, modules, caption),
        }
    }
    l.pages
}

fn field_units(label: &str, value: &str) -> Vec<Unit> {
    let label_width = TEXT_WIDTH * LABEL_COLUMN;
    let value_x = MARGIN_X + label_width;
    let labels = wrap(label, Font::Regular, LABEL_SIZE, label_width - 12.0);
    let values = wrap(value, Font::Regular, BODY_SIZE, TEXT_WIDTH - label_width);
    let rows = labels.len().max(values.len()).max(1);
    // The label sits on the value's baseline, so that a row reads as one line.
    let y = baseline(BODY_SIZE, BODY_LEADING);
    let mut units = vec![Unit {
        height: 4.0,
        ops: Vec::new(),
    }];
    for row in 0..rows {
        let mut ops = Vec::new();
        if let Some(bytes) = labels.get(row) {
            let bytes = bytes.clone();
            ops.push(Op::Text {
                font: Font::Regular,
                size: LABEL_SIZE,
                color: GREY,
                x: MARGIN_X,
                y,
                bytes,
            });
        }
        if let Some(bytes) = values.get(row) {
            let bytes = bytes.clone();
            ops.push(Op::Text {
                font: Font::Regular,
                size: BODY_SIZE,
                color: INK,
                x: value_x,
                y,
                bytes,
            });
        }
        units.push(Unit {
            height: BODY_LEADING,
            ops,
        });
    }
    let rule = Op::HLine {
        color: RULE_GREY,
        width: 0.5,
        x1: MARGIN_X,
        x2: MARGIN_X + TEXT_WIDTH,
        y: -4.5,
    };
    units.push(Unit {
        height: 5.0,
        ops: vec![rule],
    });
    units
}

fn qr(l: &mut Layout, modules: &[Vec<bool>], caption: &str) {
    let size = modules
        .iter()
        .map(Vec::len)
        .max()
        .unwrap_or(0)
        .max(modules.len());
    l.space(10.0);
    if size == 0 {
        let units = text_units(
            caption,
            Font::Regular,
            CAPTION_SIZE,
            CAPTION_LEADING,
            INK,
            MARGIN_X,
            TEXT_WIDTH,
        );
        l.flow(units, false, 0.0);
        l.space(10.0);
        return;
    }
    let module = QR_SIDE / size as f32;
    // Four modules of quiet zone; the left one falls in the page margin, so the symbol aligns with the text.
    let quiet = (4.0 * module).min(20.0);
    let dark = modules
        .iter()
        .enumerate()
        .flat_map(|(row, cells)| {
            cells
                .iter()
                .enumerate()
                .filter(|&(_, &d)| d)
                .map(move |(col, _)| (col, row))
        })
        .collect();
    let caption_x = MARGIN_X + QR_SIDE + quiet + 10.0;
    let caption_width = MARGIN_X + TEXT_WIDTH - caption_x;
    let mut lines = wrap(caption, Font::Regular, CAPTION_SIZE, caption_width).into_iter();
    let mut ops = vec![Op::Qr {
        x: MARGIN_X,
        y: -quiet,
        module,
        dark,
    }];
    let beside = (QR_SIDE / CAPTION_LEADING).floor() as usize;
    for (i, bytes) in lines.by_ref().take(beside).enumerate() {
        let y = -quiet - i as f32 * CAPTION_LEADING + baseline(CAPTION_SIZE, CAPTION_LEADING);
        ops.push(Op::Text {
            font: Font::Regular,
            size: CAPTION_SIZE,
            color: INK,
            x: caption_x,
            y,
            bytes,
        });
    }
    l.flow(
        vec![Unit {
            height: QR_SIDE + 2.0 * quiet,
            ops,
        }],
        true,
        0.0,
    );
    // A caption too long to sit beside the symbol goes on in the same column below it.
    let rest: Vec<Unit> = lines
        .map(|bytes| Unit {
            height: CAPTION_LEADING,
            ops: vec![Op::Text {
                font: Font::Regular,
                size: CAPTION_SIZE,
                color: INK,
                x: caption_x,
                y: baseline(CAPTION_SIZE, CAPTION_LEADING),
                bytes,
            }],
        })
        .collect();
    l.flow(rest, false, 0.0);
    l.space(10.0);
}

// ---------------------------------------------------------------------------------------------------------
// File writing

/// A number as PDF wants it: no exponent, at most the precision asked for, never NaN.
fn num_prec(v: f32, decimals: usize) -> String {
    if !v.is_finite() {
        return "0".to_string();
    }
    let mut s = format!("{v:.decimals$}");
    if s.contains('.') {
        while s.ends_with('0') {
            s.pop();
        }
        if s.ends_with('.') {
            s.pop();
        }
    }
    if s == "-0" {
        s = "0".to_string();
    }
    s
}

fn num(v: f32) -> String {
    num_prec(v, 2)
}

fn rgb(c: Rgb) -> String {
    format!(
        "{} {} {}",
        num_prec(c[0], 3),
        num_prec(c[1], 3),
        num_prec(c[2], 3)
    )
}

/// A literal string; bytes outside printable ASCII are written as octal escapes so the content stays ASCII.
fn pdf_string(bytes: &[u8]) -> String {
    let mut s = String::with_capacity(bytes.len() + 2);
    s.push('(');
    for &b in bytes {
        match b {
            b'(' | b')' | b'\\' => {
                s.push('\\');
                s.push(char::from(b));
            }
            0x20..=0x7E => s.push(char::from(b)),
            _ => {
                let _ = write!(s, "\\{b:03o}");
            }
        }
    }
    s.push(')');
    s
}

/// A PDF text string in UTF-16BE with its byte order mark, the only encoding that keeps every character.
fn text_string(text: &str) -> String {
    let mut s = String::from("<FEFF");
    for unit in text.encode_utf16() {
        let _ = write!(s, "{unit:04X}");
    }
    s.push('>');
    s
}

fn draw(s: &mut String, op: &Op) {
    let _ = match op {
        Op::Text { bytes, .. } if bytes.is_empty() => Ok(()),
        Op::Text {
            font,
            size,
            color,
            x,
            y,
            bytes,
        } => writeln!(
            s,
            "BT /{} {} Tf {} rg {} {} Td {} Tj ET",
            font.resource(),
            num(*size),
            rgb(*color),
            num(*x),
            num(*y),
            pdf_string(bytes)
        ),
        Op::Rect { color, x, y, w, h } => {
            writeln!(
                s,
                "{} rg {} {} {} {} re f",
                rgb(*color),
                num(*x),
                num(*y),
                num(*w),
                num(*h)
            )
        }
        Op::HLine {
            color,
            width,
            x1,
            x2,
            y,
        } => {
            writeln!(
                s,
                "{} RG {} w {} {} m {} {} l S",
                rgb(*color),
                num(*width),
                num(*x1),
                num(*y),
                num(*x2),
                num(*y)
            )
        }
        Op::Qr { x, y, module, dark } => {
            // Drawn in module units under a scaling matrix (y pointing down) so every module edge falls
            // exactly on its neighbour's, and filled as one path so no hairline shows between modules.
            let _ = writeln!(
                s,
                "q {} rg {} 0 0 {} {} {} cm",
                rgb(INK),
                num_prec(*module, 4),
                num_prec(-*module, 4),
                num(*x),
                num(*y)
            );
            for (col, row) in dark {
                let _ = writeln!(s, "{col} {row} 1 1 re");
            }
            writeln!(s, "{}Q", if dark.is_empty() { "" } else { "f " })
        }
    };
}

fn page_content(info: &DocInfo, number: usize, total: usize, ops: &[Op]) -> String {
    let mut s = String::new();
    let mut furniture = Vec::new();
    if number == 1 {
        furniture.push(Op::Rect {
            color: BLUE,
            x: 0.0,
            y: PAGE_HEIGHT - 6.0,
            w: PAGE_WIDTH,
            h: 6.0,
        });
    }
    // The flag's colours in miniature: the only colour on the page besides the blue headings.
    let flag_y = HEADER_BASELINE - 1.5;
    furniture.push(Op::Rect {
        color: BLUE,
        x: MARGIN_X,
        y: flag_y,
        w: 5.0,
        h: 9.0,
    });
    furniture.push(Op::Rect {
        color: RED,
        x: MARGIN_X + 10.0,
        y: flag_y,
        w: 5.0,
        h: 9.0,
    });
    let header_x = MARGIN_X + 22.0;
    let header = fit_line(
        &info.header,
        Font::Bold,
        8.0,
        MARGIN_X + TEXT_WIDTH - header_x,
    );
    furniture.push(Op::Text {
        font: Font::Bold,
        size: 8.0,
        color: INK,
        x: header_x,
        y: HEADER_BASELINE,
        bytes: header,
    });
    let right = MARGIN_X + TEXT_WIDTH;
    furniture.push(Op::HLine {
        color: RULE_GREY,
        width: 0.5,
        x1: MARGIN_X,
        x2: right,
        y: HEADER_BASELINE - 10.0,
    });
    furniture.push(Op::HLine {
        color: RULE_GREY,
        width: 0.5,
        x1: MARGIN_X,
        x2: right,
        y: FOOTER_RULE,
    });
    let folio = format!("{number} / {total}").into_bytes();
    let folio_width = Font::Regular.width(&folio, 8.0);
    let footer = fit_line(
        &info.footer,
        Font::Regular,
        8.0,
        TEXT_WIDTH - folio_width - 16.0,
    );
    let y = FOOTER_BASELINE;
    furniture.push(Op::Text {
        font: Font::Regular,
        size: 8.0,
        color: GREY,
        x: MARGIN_X,
        y,
        bytes: footer,
    });
    let x = right - folio_width;
    furniture.push(Op::Text {
        font: Font::Regular,
        size: 8.0,
        color: GREY,
        x,
        y,
        bytes: folio,
    });
    for op in furniture.iter().chain(ops) {
        draw(&mut s, op);
    }
    s
}

/// FNV-1a, only to derive a file identifier from the content so that it stays deterministic.
fn fnv1a(data: &[u8], basis: u64) -> u64 {
    data.iter().fold(basis, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn write_document(info: &DocInfo, pages: &[Vec<Op>]) -> Vec<u8> {
    // Objects: 1 catalog, 2 page tree, 3-4 fonts, 5 info, then a page and its content for each page.
    let page_count = pages.len().max(1);
    let object_count = 5 + 2 * page_count;
    let mut out: Vec<u8> = Vec::new();
    // The comment with high bytes tells transfer tools that the file is binary.
    out.extend_from_slice(b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n");
    let mut offsets = vec![0usize; object_count + 1];
    let mut object = |out: &mut Vec<u8>, number: usize, body: &[u8]| {
        if let Some(slot) = offsets.get_mut(number) {
            *slot = out.len();
        }
        out.extend_from_slice(format!("{number} 0 obj\n").as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    };

    let catalog = "<< /Type /Catalog /Pages 2 0 R /Lang (fr-FR) /ViewerPreferences << /DisplayDocTitle true >> >>";
    object(&mut out, 1, catalog.as_bytes());
    let kids: Vec<String> = (0..page_count)
        .map(|i| format!("{} 0 R", 6 + 2 * i))
        .collect();
    let tree = format!(
        "<< /Type /Pages /Kids [{}] /Count {page_count} >>",
        kids.join(" ")
    );
    object(&mut out, 2, tree.as_bytes());
    for (number, name) in [(3, "Helvetica"), (4, "Helvetica-Bold")] {
        let font = format!(
            "<< /Type /Font /Subtype /Type1 /BaseFont /{name} /Encoding /WinAnsiEncoding >>"
        );
        object(&mut out, number, font.as_bytes());
    }
    let mut meta = String::from("<<");
    if !info.title.is_empty() {
        let _ = write!(meta, " /Title {}", text_string(&info.title));
    }
    if !info.author.is_empty() {
        let _ = write!(meta, " /Author {}", text_string(&info.author));
    }
    let _ = write!(
        meta,
        " /Producer {} /Creator {}",
        text_string("Work in France"),
        text_string("Work in France")
    );
    let date: String = info
        .creation_date
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, ':' | '+' | '-' | '\''))
        .collect();
    if !date.is_empty() {
        let _ = write!(meta, " /CreationDate ({date}) /ModDate ({date})");
    }
    meta.push_str(" >>");
    object(&mut out, 5, meta.as_bytes());

    let empty = Vec::new();
    for index in 0..page_count {
        let ops = pages.get(index).unwrap_or(&empty);
        let page_object = 6 + 2 * index;
        let page = format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {} {}] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> \
             /Contents {} 0 R >>",
            num(PAGE_WIDTH),
            num(PAGE_HEIGHT),
            page_object + 1
        );
        object(&mut out, page_object, page.as_bytes());
        let content = page_content(info, index + 1, page_count, ops);
        let mut stream = format!("<< /Length {} >>\nstream\n", content.len()).into_bytes();
        stream.extend_from_slice(content.as_bytes());
        stream.extend_from_slice(b"\nendstream");
        object(&mut out, page_object + 1, &stream);
    }

    let id = format!(
        "{:016x}{:016x}",
        fnv1a(&out, 0xcbf2_9ce4_8422_2325),
        fnv1a(&out, 0x6c62_272e_07bb_0142)
    );
    let xref = out.len();
    let mut table = format!("xref\n0 {}\n0000000000 65535 f \n", object_count + 1);
    for offset in offsets.iter().skip(1) {
        let _ = writeln!(table, "{offset:010} 00000 n ");
    }
    let _ = write!(
        table,
        "trailer\n<< /Size {} /Root 1 0 R /Info 5 0 R /ID [<{id}> <{id}>] >>\nstartxref\n{xref}\n%%EOF\n",
        object_count + 1
    );
    out.extend_from_slice(table.as_bytes());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
        if needle.is_empty() || from >= haystack.len() {
            return None;
        }
        haystack[from..]
            .windows(needle.len())
            .position(|w| w == needle)
            .map(|p| p + from)
    }

    fn count(haystack: &[u8], needle: &[u8]) -> usize {
        let mut n = 0;
        let mut at = 0;
        while let Some(p) = find(haystack, needle, at) {
            n += 1;
            at = p + needle.len();
        }
        n
    }

    fn number_after(haystack: &[u8], key: &[u8]) -> usize {
        let start = find(haystack, key, 0).expect("key present") + key.len();
        let digits: String = haystack[start..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .map(|&b| char::from(b))
            .collect();
        digits.parse().expect("a number")
    }

    fn info() -> DocInfo {
        DocInfo {
            title: "Récépissé de dépôt — Œuvre".into(),
            author: "Ministère de l’Intérieur".into(),
            creation_date: "D:20261123120000Z".into(),
            footer: "Récépissé n° WIF-2026-000123 — document généré par Work in France".into(),
            header: "République française — Work in France".into(),
        }
    }

    fn sample() -> Vec<Block> {
        vec![
            Block::Title("Récépissé de dépôt".into()),
            Block::Paragraph(
                "Votre demande d’autorisation de travail a bien été déposée. Ce récépissé ne vaut pas \
                 autorisation : conservez-le jusqu’à la décision de l’administration."
                    .into(),
            ),
            Block::Heading("Demande".into()),
            Block::Field {
                label: "Numéro de dépôt".into(),
                value: "WIF-2026-000123".into(),
            },
            Block::Field {
                label: "Déposée le".into(),
                value: "23 novembre 2026 à 12 h 00".into(),
            },
            Block::Field {
                label: "Montant de la taxe".into(),
                value: "12,5\u{202F}€ « ok »".into(),
            },
            Block::Field {
                label: "Employeur (raison sociale et adresse de l’établissement)".into(),
                value: "Boulangerie Pâtisserie Cœur de Lyon, 12 rue de la République, 69002 Lyon".into(),
            },
            Block::Heading("Vérification".into()),
            Block::Qr {
                modules: pattern(25),
                caption: "Scannez ce code pour vérifier l’authenticité du récépissé.".into(),
            },
        ]
    }

    fn pattern(n: usize) -> Vec<Vec<bool>> {
        (0..n)
            .map(|r| (0..n).map(|c| (r * 7 + c * 3 + r * c) % 5 < 2).collect())
            .collect()
    }

    fn streams(pdf: &[u8]) -> Vec<Vec<u8>> {
        let mut out = Vec::new();
        let mut at = 0;
        while let Some(p) = find(pdf, b"stream\n", at) {
            if pdf[..p].ends_with(b"end") {
                at = p + 7;
                continue;
            }
            let end = find(pdf, b"\nendstream", p).expect("endstream");
            out.push(pdf[p + 7..end].to_vec());
            at = end + 10;
        }
        out
    }

    #[test]
    fn file_starts_and_ends_as_a_pdf() {
        for blocks in [sample(), Vec::new()] {
            let pdf = render(&info(), &blocks);
            assert!(pdf.starts_with(b"%PDF-1.7\n%"));
            assert!(
                pdf[10..14].iter().all(|&b| b >= 0x80),
                "binary comment line"
            );
            assert!(pdf.ends_with(b"%%EOF\n"));
        }
    }

    #[test]
    fn xref_offsets_point_at_their_objects() {
        let pdf = render(&info(), &sample());
        let tail = &pdf[pdf.len() - 40..];
        let start = find(tail, b"startxref\n", 0).expect("startxref") + 10;
        let xref: usize = std::str::from_utf8(&tail[start..])
            .unwrap()
            .lines()
            .next()
            .unwrap()
            .parse()
            .unwrap();
        assert!(pdf[xref..].starts_with(b"xref\n0 "));
        let size = number_after(&pdf[xref..], b"xref\n0 ");
        assert_eq!(size, number_after(&pdf, b"/Size "));
        let entries = xref + format!("xref\n0 {size}\n").len();
        assert_eq!(&pdf[entries..entries + 20], b"0000000000 65535 f \n");
        for number in 1..size {
            let entry = &pdf[entries + 20 * number..entries + 20 * (number + 1)];
            assert_eq!(&entry[10..], b" 00000 n \n", "entry {number} is 20 bytes");
            let offset: usize = std::str::from_utf8(&entry[..10]).unwrap().parse().unwrap();
            assert!(
                pdf[offset..].starts_with(format!("{number} 0 obj\n").as_bytes()),
                "object {number}"
            );
        }
        assert!(pdf[entries + 20 * size..].starts_with(b"trailer\n"));
    }

    #[test]
    fn stream_lengths_are_exact() {
        let pdf = render(&info(), &sample());
        let mut at = 0;
        let mut seen = 0;
        while let Some(p) = find(&pdf, b"/Length ", at) {
            let length = number_after(&pdf[p..], b"/Length ");
            let data = find(&pdf, b">>\nstream\n", p).expect("stream") + 10;
            assert!(pdf[data + length..].starts_with(b"\nendstream\nendobj\n"));
            seen += 1;
            at = data + length;
        }
        assert_eq!(seen, number_after(&pdf, b"/Count "));
    }

    #[test]
    fn converts_to_windows_1252() {
        assert_eq!(
            to_win_ansi("Récépissé – 12,5 € « ok »"),
            b"R\xE9c\xE9piss\xE9 \x96 12,5 \x80 \xAB ok \xBB".to_vec()
        );
        assert_eq!(
            to_win_ansi("œŒ…‘’“”—\u{A0}\u{202F}"),
            b"\x9C\x8C\x85\x91\x92\x93\x94\x97\xA0\xA0".to_vec()
        );
        assert_eq!(to_win_ansi("a😀b\u{1}漢"), b"a?b??".to_vec());
        // Decomposed "é" and "ç" as macOS produces them.
        assert_eq!(
            to_win_ansi("e\u{301}c\u{327}a\u{331}"),
            b"\xE9\xE7a".to_vec()
        );
    }

    #[test]
    fn escapes_strings() {
        assert_eq!(pdf_string(b"a(b)c\\d\xE9"), "(a\\(b\\)c\\\\d\\351)");
        assert_eq!(text_string("é"), "<FEFF00E9>");
        assert_eq!(text_string("😀"), "<FEFFD83DDE00>");
    }

    #[test]
    fn widths_are_the_afm_ones() {
        assert_eq!(Font::Regular.units(b" a"), 278 + 556);
        assert_eq!(Font::Regular.units(b"W\xE9\x80"), 944 + 556 + 556);
        assert_eq!(Font::Bold.units(b"m@\xFF"), 889 + 975 + 556);
        assert!((Font::Regular.width(b"Hello", 10.0) - 22.78).abs() < 1e-3);
    }

    #[test]
    fn wrapped_lines_never_exceed_the_text_width() {
        let words = [
            "administration",
            "récépissé",
            "de",
            "l’autorisation",
            "travail",
            "à",
            "€",
            "Œuvre",
            "W",
        ];
        let text: Vec<&str> = (0..400)
            .map(|i| words[(i * 7 + i / 3) % words.len()])
            .collect();
        let text = text.join(" ");
        let lines = wrap(&text, Font::Regular, BODY_SIZE, TEXT_WIDTH);
        assert!(lines.len() > 20);
        for line in &lines {
            assert!(
                Font::Regular.width(line, BODY_SIZE) <= TEXT_WIDTH,
                "{:?}",
                String::from_utf8_lossy(line)
            );
            assert!(!line.starts_with(b" ") && !line.ends_with(b" "));
        }
        // Nothing lost or reordered: the lines joined give the words back.
        assert_eq!(lines.join(&b' '), to_win_ansi(&text));
        // A line is full: the next word would not have fitted on it.
        for pair in lines.windows(2) {
            let next = pair[1].split(|&b| b == b' ').next().unwrap_or_default();
            let longer = [pair[0].as_slice(), b" ", next].concat();
            assert!(Font::Regular.width(&longer, BODY_SIZE) > TEXT_WIDTH);
        }
    }

    #[test]
    fn long_words_are_broken_by_characters() {
        let word = "x".repeat(1000);
        let lines = wrap(&format!("a {word} b"), Font::Bold, 12.0, 100.0);
        assert!(lines.len() > 10);
        assert!(lines.iter().all(|l| Font::Bold.width(l, 12.0) <= 100.0));
        assert_eq!(lines.concat().iter().filter(|&&b| b != b' ').count(), 1002);
        // A column narrower than one character still makes progress, one character a line.
        assert_eq!(wrap("abc", Font::Regular, 10.0, 0.0).len(), 3);
        assert_eq!(
            wrap("a\n\nb", Font::Regular, 10.0, 100.0),
            vec![b"a".to_vec(), Vec::new(), b"b".to_vec()]
        );
        assert!(wrap("  \n ", Font::Regular, 10.0, 100.0).is_empty());
    }

    #[test]
    fn laid_out_text_stays_inside_the_frame() {
        let mut blocks = sample();
        blocks.push(Block::Paragraph(format!(
            "{} fin",
            "long-mot-sans-espace".repeat(60)
        )));
        blocks.extend((0..80).map(|i| Block::Field {
            label: format!("Champ {i}"),
            value: "valeur ".repeat(i),
        }));
        blocks.push(Block::Qr {
            modules: pattern(33),
            caption: "légende ".repeat(200),
        });
        let pages = layout(&blocks);
        assert!(pages.len() > 3);
        for op in pages.iter().flatten() {
            if let Op::Text {
                font,
                size,
                x,
                y,
                bytes,
                ..
            } = op
            {
                assert!(
                    *x >= MARGIN_X && x + font.width(bytes, *size) <= MARGIN_X + TEXT_WIDTH + 0.01
                );
                assert!(*y >= CONTENT_BOTTOM && *y <= CONTENT_TOP, "baseline {y}");
            }
        }
    }

    #[test]
    fn many_fields_make_several_numbered_pages() {
        let blocks: Vec<Block> = (0..300)
            .map(|i| Block::Field {
                label: format!("Libellé {i}"),
                value: format!("Valeur numéro {i}"),
            })
            .collect();
        let pdf = render(&info(), &blocks);
        let total = number_after(&pdf, b"/Count ");
        assert!(total >= 5, "{total} pages");
        assert_eq!(count(&pdf, b"/Type /Page "), total);
        for n in 1..=total {
            assert_eq!(
                count(&pdf, format!("({n} / {total}) Tj").as_bytes()),
                1,
                "footer of page {n}"
            );
        }
        assert_eq!(count(&pdf, b" / "), total, "no other folio");
        for i in [0, 150, 299] {
            assert_eq!(count(&pdf, format!("(Libell\\351 {i})").as_bytes()), 1);
        }
    }

    #[test]
    fn qr_draws_one_rectangle_per_dark_module() {
        let modules = pattern(25);
        let dark = modules.iter().flatten().filter(|&&d| d).count();
        assert!(dark > 100 && dark < 600);
        let caption = "Vérifiez ce document".to_string();
        let with = render(
            &info(),
            &[Block::Qr {
                modules: modules.clone(),
                caption: caption.clone(),
            }],
        );
        let without = render(
            &info(),
            &[Block::Qr {
                modules: Vec::new(),
                caption,
            }],
        );
        assert_eq!(count(&with, b" re\n") - count(&without, b" re\n"), dark);
        // Each dark module at its own place.
        let content = streams(&with).concat();
        for (row, cells) in modules.iter().enumerate() {
            for (col, &d) in cells.iter().enumerate() {
                assert_eq!(
                    count(&content, format!("\n{col} {row} 1 1 re\n").as_bytes()),
                    usize::from(d)
                );
            }
        }
    }

    #[test]
    fn odd_input_does_not_panic() {
        let huge = "Lorem ipsum dolor sit amet, récépissé. ".repeat(3000);
        let blocks = vec![
            Block::Title(String::new()),
            Block::Heading(String::new()),
            Block::Paragraph(String::new()),
            Block::Field {
                label: String::new(),
                value: String::new(),
            },
            Block::Spacer(f32::NAN),
            Block::Spacer(-5.0),
            Block::Spacer(f32::INFINITY),
            Block::Qr {
                modules: Vec::new(),
                caption: String::new(),
            },
            Block::Qr {
                modules: vec![vec![], vec![true], vec![false, true, true]],
                caption: "\u{0}\t\r\n)(\\".into(),
            },
            Block::Qr {
                modules: vec![vec![true]],
                caption: "x".repeat(5000),
            },
            Block::Paragraph("a".repeat(20000)),
            Block::Field {
                label: "b".repeat(3000),
                value: huge.clone(),
            },
            Block::Paragraph(huge),
            Block::Title("😀 ".repeat(500)),
        ];
        let weird = DocInfo {
            title: "\u{0})(\\".into(),
            author: String::new(),
            creation_date: "D:2026)(\\ bad".into(),
            footer: "f".repeat(10000),
            header: "\n".into(),
        };
        for info in [weird, DocInfo::default()] {
            for blocks in [&blocks[..], &[]] {
                let pdf = render(&info, blocks);
                assert!(pdf.ends_with(b"%%EOF\n"));
                assert!(!streams(&pdf)
                    .concat()
                    .windows(3)
                    .any(|w| w == b"NaN" || w == b"inf"));
            }
        }
    }

    #[test]
    fn output_is_deterministic() {
        assert_eq!(render(&info(), &sample()), render(&info(), &sample()));
        let pdf = render(&info(), &sample());
        assert_eq!(count(&pdf, b"/CreationDate (D:20261123120000Z)"), 1);
        assert_eq!(
            count(&pdf, text_string("Ministère de l’Intérieur").as_bytes()),
            1
        );
    }

    /// Reads the text back with poppler when it is installed (`apt-get install poppler-utils`).
    #[test]
    fn pdftotext_reads_the_french_text_back() {
        let path = std::env::temp_dir().join(format!("wif-pdf-test-{}.pdf", std::process::id()));
        let mut blocks = sample();
        blocks.extend((0..60).map(|i| Block::Field {
            label: format!("Ligne {i}"),
            value: "Œuvre déjà payée".into(),
        }));
        let pdf = render(&info(), &blocks);
        let total = number_after(&pdf, b"/Count ");
        std::fs::write(&path, &pdf).expect("temp file");
        let run = |program: &str, args: &[&str]| {
            std::process::Command::new(program)
                .args(args)
                .arg(&path)
                .output()
        };
        let text = match run("pdftotext", &["-enc", "UTF-8", "-layout"]) {
            Ok(out) => out,
            Err(_) => {
                eprintln!("note: pdftotext not found, skipping (apt-get install poppler-utils)");
                let _ = std::fs::remove_file(&path);
                return;
            }
        };
        let txt_path = path.with_extension("txt");
        let extracted = std::fs::read_to_string(&txt_path).unwrap_or_default();
        let info_out = run("pdfinfo", &[]).ok();
        let _ = std::fs::remove_file(&path);
        let _ = std::fs::remove_file(&txt_path);
        assert!(
            text.status.success(),
            "{}",
            String::from_utf8_lossy(&text.stderr)
        );
        assert!(
            text.stderr.is_empty(),
            "poppler complains: {}",
            String::from_utf8_lossy(&text.stderr)
        );
        for expected in [
            "Récépissé de dépôt",
            "République française — Work in France",
            "d’autorisation de travail a bien été déposée",
            "12,5",
            "€ « ok »",
            "Cœur de Lyon",
            "Œuvre déjà payée",
            "l’authenticité",
        ] {
            assert!(
                extracted.contains(expected),
                "{expected:?} missing from:\n{extracted}"
            );
        }
        assert!(total > 1);
        // pdftotext drops the spaces around the slash.
        let squeezed: String = extracted.split_whitespace().collect();
        for n in 1..=total {
            assert!(
                squeezed.contains(&format!("{n}/{total}")),
                "folio {n} missing"
            );
        }
        if let Some(out) = info_out {
            let meta = String::from_utf8_lossy(&out.stdout);
            assert!(
                out.stderr.is_empty(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            assert!(meta.contains("Récépissé de dépôt — Œuvre"), "{meta}");
            assert!(meta.contains("Ministère de l’Intérieur"), "{meta}");
            assert!(meta.contains("Pages:") && meta.contains("A4"), "{meta}");
        }
    }
}
