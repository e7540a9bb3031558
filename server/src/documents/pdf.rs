//! The PDF documents the service hands out (the deposit receipt, the authorisation with its
//! verification QR code), written with `krilla` and the embedded DejaVu Sans fonts
//! (`server/fonts/`): every Latin-script name prints as typed (Nguyễn, Łukasz, Şahin, Dvořák).
//!
//! Output is PDF/A-2a (archival) and PDF/UA-1 (tagged: headings, paragraphs, the QR code as a
//! figure with its text alternative, header and footer as artifacts), checked by krilla's
//! validators when the file is written, and deterministic: the caller supplies the creation
//! date, nothing else varies. Fonts are subsetted and carry their Unicode mapping, so the text
//! can be searched, copied and read aloud.
//!
//! The layout is one column flowing over A4 pages: [`render`] takes a list of [`Block`]s, lays
//! them out first (so that the total page count is known for the "n / N" footers), then writes
//! the file. Text is measured with the fonts' own advance widths (`skrifa`) and drawn glyph by
//! glyph with the same widths, so what is measured is what is drawn.

use std::collections::HashMap;
use std::sync::LazyLock;

use krilla::color::rgb;
use krilla::configure::{Accessibility, Archival, ConfigurationBuilder};
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::{DateTime, Metadata};
use krilla::page::PageSettings;
use krilla::paint::Fill;
use krilla::surface::Surface;
use krilla::tagging::{
    Artifact, ArtifactType, ContentTag, Identifier, SpanTag, Tag, TagGroup, TagKind, TagTree,
};
use krilla::text::{GlyphId, KrillaGlyph};
use krilla::{Document, SerializeSettings};
use unicode_normalization::UnicodeNormalization as _;

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

const BODY_SIZE: f32 = 10.0;
const BODY_LEADING: f32 = 14.5;
const LABEL_SIZE: f32 = 8.0;
/// The share of the text width given to field labels.
const LABEL_COLUMN: f32 = 0.38;
/// 35 mm: large enough for a phone to read a version 2-5 code printed on an office printer.
const QR_SIDE: f32 = 35.0 * 72.0 / 25.4;
const CAPTION_SIZE: f32 = 8.5;
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
    /// The caption is also the figure's text alternative.
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
    /// The document's language: "fr" or "en" (a French act with a translation is "fr").
    pub lang: String,
}

/// Lays the blocks out over as many A4 pages as they need and returns the bytes of the PDF file.
///
/// Never panics: empty input gives a single page with header and footer; a character no font
/// has (an emoji, a CJK ideograph) shows as `?`.
#[must_use]
pub fn render(info: &DocInfo, blocks: &[Block]) -> Vec<u8> {
    let laid = layout(blocks);
    match write_document(info, &laid, true) {
        Ok(pdf) => pdf,
        Err(e) => {
            // Not expected (the tests check the conformance of every kind of content); a document
            // without the archival claim is better than none.
            tracing::error!("PDF/A-2a and PDF/UA-1 validation failed, written unvalidated: {e}");
            write_document(info, &laid, false).unwrap_or_default()
        }
    }
}

// ---------------------------------------------------------------------------------------------------------
// Fonts and text

/// One embedded font: krilla's handle and, for each character it has, its glyph and advance
/// width in thousandths of the font size.
pub struct Face {
    font: krilla::text::Font,
    glyphs: HashMap<char, (u32, u32)>,
}

static SANS: &[u8] = include_bytes!("../../fonts/DejaVuSans.ttf");
static SANS_BOLD: &[u8] = include_bytes!("../../fonts/DejaVuSans-Bold.ttf");

impl Face {
    fn load(bytes: &'static [u8]) -> Self {
        use skrifa::instance::{LocationRef, Size};
        use skrifa::MetadataProvider as _;
        let font = krilla::text::Font::new(bytes.into(), 0).expect("the embedded font is valid");
        let parsed = skrifa::FontRef::new(bytes).expect("the embedded font is valid");
        let upem = font.units_per_em();
        let metrics = parsed.glyph_metrics(Size::unscaled(), LocationRef::default());
        let glyphs = parsed
            .charmap()
            .mappings()
            .filter_map(|(code, gid)| {
                let c = char::from_u32(code)?;
                let advance = metrics.advance_width(gid).unwrap_or(0.0);
                Some((c, (gid.to_u32(), (advance * 1000.0 / upem).round() as u32)))
            })
            .collect();
        Face { font, glyphs }
    }

    fn get(font: Font) -> &'static Face {
        static REGULAR: LazyLock<Face> = LazyLock::new(|| Face::load(SANS));
        static BOLD: LazyLock<Face> = LazyLock::new(|| Face::load(SANS_BOLD));
        match font {
            Font::Regular => &REGULAR,
            Font::Bold => &BOLD,
        }
    }

    fn has(&self, ch: char) -> bool {
        self.glyphs.get(&ch).is_some_and(|(gid, _)| *gid != 0)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Font {
    Regular,
    Bold,
}

impl Font {
    /// Width in thousandths of the font size.
    fn units(self, text: &str) -> u32 {
        let face = Face::get(self);
        text.chars()
            .map(|c| face.glyphs.get(&c).map_or(0, |(_, w)| *w))
            .sum()
    }

    fn width(self, text: &str, size: f32) -> f32 {
        self.units(text) as f32 * size / 1000.0
    }
}

/// Text as the fonts can print it: composed (NFC, so that a decomposed "é" pasted from macOS is
/// one glyph), tabs and line ends as spaces, other control characters dropped, and any character
/// neither font has shown as `?`.
pub fn printable(text: &str) -> String {
    let regular = Face::get(Font::Regular);
    let bold = Face::get(Font::Bold);
    text.nfc()
        .filter_map(|c| match c {
            '\t' | '\r' | '\n' => Some(' '),
            c if c.is_control() || matches!(c, '\u{FEFF}' | '\u{FFFE}' | '\u{200B}') => None,
            c if regular.has(c) && bold.has(c) => Some(c),
            c if c.is_whitespace() => Some(' '),
            _ => Some('?'),
        })
        .collect()
}

/// Breaks text into lines no wider than `max_width`, on spaces, and inside words that are wider than a
/// line on their own (long references, URLs). Each `\n` starts a new line; blank text gives no line.
fn wrap(text: &str, font: Font, size: f32, max_width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    if text.trim().is_empty() || size.is_nan() || size <= 0.0 {
        return lines;
    }
    // Compared in font units so that the sum of widths stays exact.
    let limit = (max_width.max(0.0) * 1000.0 / size).min(u32::MAX as f32) as u32;
    let space = font.units(" ");
    for paragraph in text.split('\n') {
        let paragraph = printable(paragraph);
        let mut line = String::new();
        let mut line_units = 0u32;
        let mut produced = false;
        for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
            let word_units = font.units(word);
            if !line.is_empty() {
                if line_units.saturating_add(space).saturating_add(word_units) <= limit {
                    line.push(' ');
                    line.push_str(word);
                    line_units += space + word_units;
                    continue;
                }
                lines.push(std::mem::take(&mut line));
                produced = true;
            }
            if word_units <= limit {
                line.push_str(word);
                line_units = word_units;
                continue;
            }
            let mut piece = String::new();
            let mut units = 0u32;
            for c in word.chars() {
                let w = font.units(c.encode_utf8(&mut [0; 4]));
                // A piece always takes at least one character, so a narrow column cannot stall the loop.
                if !piece.is_empty() && units + w > limit {
                    lines.push(std::mem::take(&mut piece));
                    produced = true;
                    units = 0;
                }
                piece.push(c);
                units += w;
            }
            line = piece;
            line_units = units;
        }
        if !line.is_empty() || !produced {
            lines.push(line);
        }
    }
    lines
}

/// Shortens a single-line text (header, footer) with an ellipsis so that it fits.
fn fit_line(text: &str, font: Font, size: f32, max_width: f32) -> String {
    let mut line = printable(text).trim().to_owned();
    if font.width(&line, size) <= max_width {
        return line;
    }
    let limit = max_width.max(0.0) * 1000.0 / size;
    let mut units = font.units(&line) + font.units("…");
    while let Some(last) = line.pop() {
        units -= font.units(last.encode_utf8(&mut [0; 4]));
        if units as f32 <= limit {
            break;
        }
    }
    let mut line = line.trim_end().to_owned();
    line.push('…');
    line
}

// ---------------------------------------------------------------------------------------------------------
// Layout

type Rgb = [f32; 3];
const INK: Rgb = [0.086, 0.086, 0.086];
const BLUE: Rgb = [0.0, 0.0, 0.569];
const RED: Rgb = [0.882, 0.0, 0.059];
const GREY: Rgb = [0.4, 0.4, 0.4];
const RULE_GREY: Rgb = [0.867, 0.867, 0.867];

/// What a block is in the document's structure (its tag in the tagged PDF).
#[derive(Debug, Clone, PartialEq)]
enum Kind {
    Title(String),
    Heading(String),
    Paragraph,
    /// The QR code, with its text alternative.
    Figure(String),
}

/// A drawing operation in page coordinates (origin at the bottom left, in points).
#[derive(Debug, Clone, PartialEq)]
enum Op {
    Text {
        font: Font,
        size: f32,
        color: Rgb,
        x: f32,
        y: f32,
        text: String,
        /// The block this line belongs to; `None` for the page's header and footer.
        block: Option<usize>,
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
        block: usize,
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

/// The pages' operations, and the structure of the blocks they draw.
struct Laid {
    pages: Vec<Vec<Op>>,
    kinds: Vec<Kind>,
}

struct Layout {
    pages: Vec<Vec<Op>>,
    kinds: Vec<Kind>,
    y: f32,
    gap: f32,
    page_empty: bool,
    after_break: bool,
}

impl Layout {
    fn new() -> Self {
        Layout {
            pages: vec![Vec::new()],
            kinds: Vec::new(),
            y: CONTENT_TOP,
            gap: 0.0,
            page_empty: true,
            after_break: false,
        }
    }

    /// A new block of the structure; returns its index.
    fn block(&mut self, kind: Kind) -> usize {
        self.kinds.push(kind);
        self.kinds.len() - 1
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

/// Puts the baseline so that the glyphs (cap height 0.73, descender 0.24 of the size) sit centred in the line.
fn baseline(size: f32, leading: f32) -> f32 {
    -(leading / 2.0 + 0.245 * size)
}

#[allow(clippy::too_many_arguments)]
fn text_units(
    text: &str,
    font: Font,
    size: f32,
    leading: f32,
    color: Rgb,
    x: f32,
    width: f32,
    block: usize,
) -> Vec<Unit> {
    wrap(text, font, size, width)
        .into_iter()
        .map(|text| Unit {
            height: leading,
            ops: vec![Op::Text {
                font,
                size,
                color,
                x,
                y: baseline(size, leading),
                text,
                block: Some(block),
            }],
        })
        .collect()
}

fn layout(blocks: &[Block]) -> Laid {
    let mut l = Layout::new();
    for block in blocks {
        match block {
            Block::Title(text) => {
                let id = l.block(Kind::Title(printable(text)));
                let units = text_units(text, Font::Bold, 19.0, 25.0, INK, MARGIN_X, TEXT_WIDTH, id);
                l.flow(units, true, 0.0);
                l.space(14.0);
            }
            Block::Heading(text) => {
                l.space(18.0);
                let id = l.block(Kind::Heading(printable(text)));
                let mut units =
                    text_units(text, Font::Bold, 12.5, 17.0, BLUE, MARGIN_X, TEXT_WIDTH, id);
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
                let id = l.block(Kind::Paragraph);
                let units = text_units(
                    text,
                    Font::Regular,
                    BODY_SIZE,
                    BODY_LEADING,
                    INK,
                    MARGIN_X,
                    TEXT_WIDTH,
                    id,
                );
                l.flow(units, false, 0.0);
                l.space(7.0);
            }
            Block::Field { label, value } => {
                let id = l.block(Kind::Paragraph);
                l.flow(field_units(label, value, id), true, 0.0)
            }
            Block::Spacer(points) => {
                if *points > 0.0 {
                    l.gap += points.min(CONTENT_HEIGHT);
                }
            }
            Block::Qr { modules, caption } => qr(&mut l, modules, caption),
        }
    }
    Laid {
        pages: l.pages,
        kinds: l.kinds,
    }
}

fn field_units(label: &str, value: &str, block: usize) -> Vec<Unit> {
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
        if let Some(text) = labels.get(row) {
            ops.push(Op::Text {
                font: Font::Regular,
                size: LABEL_SIZE,
                color: GREY,
                x: MARGIN_X,
                y,
                text: text.clone(),
                block: Some(block),
            });
        }
        if let Some(text) = values.get(row) {
            ops.push(Op::Text {
                font: Font::Regular,
                size: BODY_SIZE,
                color: INK,
                x: value_x,
                y,
                text: text.clone(),
                block: Some(block),
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
    let text = l.block(Kind::Paragraph);
    if size == 0 {
        let units = text_units(
            caption,
            Font::Regular,
            CAPTION_SIZE,
            CAPTION_LEADING,
            INK,
            MARGIN_X,
            TEXT_WIDTH,
            text,
        );
        l.flow(units, false, 0.0);
        l.space(10.0);
        return;
    }
    let alt = printable(caption);
    let figure = l.block(Kind::Figure(if alt.trim().is_empty() {
        "QR code".to_owned()
    } else {
        alt
    }));
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
        block: figure,
    }];
    let beside = (QR_SIDE / CAPTION_LEADING).floor() as usize;
    for (i, line) in lines.by_ref().take(beside).enumerate() {
        let y = -quiet - i as f32 * CAPTION_LEADING + baseline(CAPTION_SIZE, CAPTION_LEADING);
        ops.push(Op::Text {
            font: Font::Regular,
            size: CAPTION_SIZE,
            color: INK,
            x: caption_x,
            y,
            text: line,
            block: Some(text),
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
        .map(|line| Unit {
            height: CAPTION_LEADING,
            ops: vec![Op::Text {
                font: Font::Regular,
                size: CAPTION_SIZE,
                color: INK,
                x: caption_x,
                y: baseline(CAPTION_SIZE, CAPTION_LEADING),
                text: line,
                block: Some(text),
            }],
        })
        .collect();
    l.flow(rest, false, 0.0);
    l.space(10.0);
}

// ---------------------------------------------------------------------------------------------------------
// File writing

fn color(colour: Rgb) -> rgb::Color {
    let byte = |v: f32| (v.clamp(0.0, 1.0) * 255.0).round() as u8;
    rgb::Color::new(byte(colour[0]), byte(colour[1]), byte(colour[2]))
}

fn fill(s: &mut Surface<'_>, colour: Rgb) {
    s.set_stroke(None);
    s.set_fill(Some(Fill {
        paint: color(colour).into(),
        ..Default::default()
    }));
}

/// Rectangles in PDF coordinates (origin bottom left), drawn as one filled path.
fn rects(s: &mut Surface<'_>, colour: Rgb, boxes: impl IntoIterator<Item = (f32, f32, f32, f32)>) {
    let mut path = PathBuilder::new();
    let mut any = false;
    for (x, y, w, h) in boxes {
        if let Some(r) = Rect::from_xywh(x, PAGE_HEIGHT - y - h, w, h) {
            path.push_rect(r);
            any = true;
        }
    }
    if let (true, Some(path)) = (any, path.finish()) {
        fill(s, colour);
        s.draw_path(&path);
    }
}

fn text(s: &mut Surface<'_>, font: Font, size: f32, colour: Rgb, x: f32, y: f32, line: &str) {
    if line.is_empty() || !size.is_finite() || size <= 0.0 {
        return;
    }
    let face = Face::get(font);
    let glyphs: Vec<KrillaGlyph> = line
        .char_indices()
        .map(|(i, ch)| {
            let (gid, units) = face.glyphs.get(&ch).copied().unwrap_or((0, 0));
            KrillaGlyph::new(
                GlyphId::new(gid),
                units as f32 / 1000.0,
                0.0,
                0.0,
                0.0,
                i..i + ch.len_utf8(),
                None,
            )
        })
        .collect();
    fill(s, colour);
    s.draw_glyphs(
        Point::from_xy(x, PAGE_HEIGHT - y),
        &glyphs,
        face.font.clone(),
        line,
        size,
        false,
    );
}

fn artifact(s: &mut Surface<'_>, kind: ArtifactType, draw: impl FnOnce(&mut Surface<'_>)) {
    s.start_tagged(ContentTag::Artifact(Artifact::new(kind, None)));
    draw(s);
    s.end_tagged();
}

/// Draws one operation as it looks, without marking it.
fn draw_raw(s: &mut Surface<'_>, op: &Op) {
    match op {
        Op::Text {
            font,
            size,
            color,
            x,
            y,
            text: line,
            ..
        } => text(s, *font, *size, *color, *x, *y, line),
        Op::Rect { color, x, y, w, h } => rects(s, *color, [(*x, *y, *w, *h)]),
        Op::HLine {
            color,
            width,
            x1,
            x2,
            y,
        } => rects(s, *color, [(*x1, *y - width / 2.0, x2 - x1, *width)]),
        Op::Qr {
            x, y, module, dark, ..
        } => {
            // Each module slightly wider than its step, so no hairline shows between neighbours.
            let side = module * 1.02;
            rects(
                s,
                INK,
                dark.iter().map(|&(col, row)| {
                    (
                        x + col as f32 * module,
                        y - (row + 1) as f32 * module,
                        side,
                        side,
                    )
                }),
            );
        }
    }
}

/// Draws one operation of the content, marked: a block's text and the QR code as content (the
/// identifier returned goes into the block's structure element), rules as layout artifacts.
fn draw(s: &mut Surface<'_>, op: &Op) -> Option<(usize, Identifier)> {
    let (tag, block) = match op {
        Op::Text {
            block: Some(block), ..
        } => (ContentTag::Span(SpanTag::empty()), *block),
        Op::Qr { block, .. } => (ContentTag::Other, *block),
        _ => {
            artifact(s, ArtifactType::Layout, |s| draw_raw(s, op));
            return None;
        }
    };
    let id = s.start_tagged(tag);
    draw_raw(s, op);
    s.end_tagged();
    Some((block, id))
}

/// The page furniture: the blue band (first page), the flag, the header, the rules and the footer
/// with "n / N"; all of it an artifact, not content.
fn furniture(info: &DocInfo, number: usize, total: usize) -> (Vec<Op>, Vec<Op>) {
    let mut header = Vec::new();
    if number == 1 {
        header.push(Op::Rect {
            color: BLUE,
            x: 0.0,
            y: PAGE_HEIGHT - 6.0,
            w: PAGE_WIDTH,
            h: 6.0,
        });
    }
    // The flag's colours in miniature: the only colour on the page besides the blue headings.
    let flag_y = HEADER_BASELINE - 1.5;
    header.push(Op::Rect {
        color: BLUE,
        x: MARGIN_X,
        y: flag_y,
        w: 5.0,
        h: 9.0,
    });
    header.push(Op::Rect {
        color: RED,
        x: MARGIN_X + 10.0,
        y: flag_y,
        w: 5.0,
        h: 9.0,
    });
    let header_x = MARGIN_X + 22.0;
    header.push(Op::Text {
        font: Font::Bold,
        size: 8.0,
        color: INK,
        x: header_x,
        y: HEADER_BASELINE,
        text: fit_line(
            &info.header,
            Font::Bold,
            8.0,
            MARGIN_X + TEXT_WIDTH - header_x,
        ),
        block: None,
    });
    let right = MARGIN_X + TEXT_WIDTH;
    header.push(Op::HLine {
        color: RULE_GREY,
        width: 0.5,
        x1: MARGIN_X,
        x2: right,
        y: HEADER_BASELINE - 10.0,
    });
    let mut footer = vec![Op::HLine {
        color: RULE_GREY,
        width: 0.5,
        x1: MARGIN_X,
        x2: right,
        y: FOOTER_RULE,
    }];
    let folio = format!("{number} / {total}");
    let folio_width = Font::Regular.width(&folio, 8.0);
    footer.push(Op::Text {
        font: Font::Regular,
        size: 8.0,
        color: GREY,
        x: MARGIN_X,
        y: FOOTER_BASELINE,
        text: fit_line(
            &info.footer,
            Font::Regular,
            8.0,
            TEXT_WIDTH - folio_width - 16.0,
        ),
        block: None,
    });
    footer.push(Op::Text {
        font: Font::Regular,
        size: 8.0,
        color: GREY,
        x: right - folio_width,
        y: FOOTER_BASELINE,
        text: folio,
        block: None,
    });
    (header, footer)
}

/// "D:20261123120000Z" (or a prefix of it) as krilla's date.
fn pdf_date(text: &str) -> DateTime {
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    let part = |from: usize, len: usize, default: u8| {
        digits
            .get(from..from + len)
            .and_then(|p| p.parse::<u16>().ok())
            .map_or(default, |v| v.min(255) as u8)
    };
    let year = digits
        .get(0..4)
        .and_then(|y| y.parse::<u16>().ok())
        .unwrap_or(2026);
    DateTime::new(year)
        .month(part(4, 2, 1))
        .day(part(6, 2, 1))
        .hour(part(8, 2, 0))
        .minute(part(10, 2, 0))
        .second(part(12, 2, 0))
        .utc_offset_hour(0)
        .utc_offset_minute(0)
}

fn write_document(info: &DocInfo, laid: &Laid, validated: bool) -> Result<Vec<u8>, String> {
    let mut configuration = ConfigurationBuilder::new();
    if validated {
        configuration = configuration
            .with_archival_validator(Archival::A2_A)
            .with_accessibility_validator(Accessibility::UA1);
    }
    let configuration = configuration
        .finish()
        .map_err(|e| format!("configuration: {e:?}"))?;
    let settings = SerializeSettings {
        configuration,
        enable_tagging: true,
        ..Default::default()
    };
    let mut doc = Document::new_with(settings);
    let lang = if info.lang.trim().is_empty() {
        "fr".to_owned()
    } else {
        info.lang.trim().to_owned()
    };
    let mut groups: Vec<Vec<Identifier>> = vec![Vec::new(); laid.kinds.len()];
    let mut first_page: Vec<Option<(usize, f32)>> = vec![None; laid.kinds.len()];
    let total = laid.pages.len().max(1);
    for (index, ops) in laid.pages.iter().enumerate() {
        let page_settings =
            PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT).ok_or_else(|| "page size".to_owned())?;
        let mut page = doc.start_page_with(page_settings);
        let mut s = page.surface();
        let (header, footer) = furniture(info, index + 1, total);
        artifact(&mut s, ArtifactType::Header, |s| {
            for op in &header {
                draw_raw(s, op);
            }
        });
        for op in ops {
            if let Some((block, id)) = draw(&mut s, op) {
                groups[block].push(id);
                if first_page[block].is_none() {
                    let y = match op {
                        Op::Text { y, size, .. } => y + size,
                        Op::Qr { y, .. } => *y,
                        _ => CONTENT_TOP,
                    };
                    first_page[block] = Some((index, y));
                }
            }
        }
        artifact(&mut s, ArtifactType::Footer, |s| {
            for op in &footer {
                draw_raw(s, op);
            }
        });
        s.finish();
        page.finish();
    }
    let mut tree = TagTree::new().with_lang(Some(lang.clone()));
    let mut outline = krilla::outline::Outline::new();
    for ((kind, ids), first) in laid.kinds.iter().zip(groups).zip(first_page) {
        if ids.is_empty() {
            continue;
        }
        let tag: TagKind = match kind {
            Kind::Title(t) => Tag::Hn(std::num::NonZeroU16::MIN, Some(t.clone())).into(),
            Kind::Heading(t) => Tag::Hn(
                std::num::NonZeroU16::new(2).unwrap_or(std::num::NonZeroU16::MIN),
                Some(t.clone()),
            )
            .into(),
            Kind::Paragraph => Tag::P.into(),
            Kind::Figure(alt) => Tag::Figure(Some(alt.clone())).into(),
        };
        if let (Kind::Title(t) | Kind::Heading(t), Some((page, y))) = (kind, first) {
            outline.push_child(krilla::outline::OutlineNode::new(
                t.clone(),
                krilla::destination::XyzDestination::new(
                    page,
                    Point::from_xy(MARGIN_X, PAGE_HEIGHT - y),
                ),
            ));
        }
        let mut group = TagGroup::new(tag);
        for id in ids {
            group.push(id);
        }
        tree.push(group);
    }
    doc.set_tag_tree(tree);
    doc.set_outline(outline);
    let title = printable(&info.title);
    doc.set_metadata(
        Metadata::new()
            .title(if title.trim().is_empty() {
                "Work in France".to_owned()
            } else {
                title
            })
            .authors(vec![printable(&info.author)])
            .language(lang)
            .creation_date(pdf_date(&info.creation_date)),
    );
    doc.finish().map_err(|e| format!("{e:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info() -> DocInfo {
        DocInfo {
            title: "Récépissé de dépôt — Œuvre".into(),
            author: "Ministère de l’Intérieur".into(),
            creation_date: "D:20261123120000Z".into(),
            footer: "Récépissé n° WIF-2026-000123 — document généré par Work in France".into(),
            header: "République française — Work in France".into(),
            lang: "fr".into(),
        }
    }

    fn sample() -> Vec<Block> {
        vec![
            Block::Title("Récépissé de dépôt".into()),
            Block::Paragraph("Votre demande a bien été déposée.".into()),
            Block::Heading("Votre demande".into()),
            Block::Field {
                label: "Déposée le".into(),
                value: "23 novembre 2026 à 12 h 00".into(),
            },
            Block::Field {
                label: "Montant de la taxe".into(),
                value: "12,5\u{202F}€ « ok »".into(),
            },
            Block::Heading("Vérification".into()),
            Block::Qr {
                modules: pattern(25),
                caption: "Scannez ce code pour vérifier l’authenticité du récépissé.".into(),
            },
        ]
    }

    fn pattern(size: usize) -> Vec<Vec<bool>> {
        (0..size)
            .map(|r| (0..size).map(|c| (r * 7 + c * 3 + r * c) % 5 < 2).collect())
            .collect()
    }

    /// The text of every page, as a reader (or a screen reader) gets it back.
    fn text_of(pdf: &[u8]) -> String {
        let doc = lopdf::Document::load_mem(pdf).expect("a readable PDF");
        let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
        doc.extract_text(&pages).expect("its text")
    }

    fn pages_of(pdf: &[u8]) -> usize {
        lopdf::Document::load_mem(pdf).unwrap().get_pages().len()
    }

    #[test]
    fn every_latin_script_name_reads_back_as_typed() {
        let names = [
            ("vi", "Nguyễn Thị Minh Khai"),
            ("vi", "Trần Văn Đức"),
            ("pl", "Łukasz Żółkiewski-Gąsior"),
            ("tr", "Şahin Çağlar Güneş Işık"),
            ("cs", "Dvořák Jiří Šťastný"),
            ("ro", "Ștefan Țurcanu Mănăstireanu"),
            ("hu", "Erdős Pál Győző Szőke"),
            ("is", "Þórunn Guðmundsdóttir Ægisdóttir"),
            ("de", "Jürgen Weiß"),
            ("fr", "Chloé Lefèvre-Nœl"),
        ];
        let blocks: Vec<Block> = names
            .iter()
            .map(|(lang, name)| Block::Field {
                label: format!("Nom ({lang})"),
                value: (*name).to_owned(),
            })
            .collect();
        let pdf = render(&info(), &blocks);
        let text = text_of(&pdf);
        for (lang, name) in names {
            assert!(text.contains(name), "{lang} {name:?} not in {text:?}");
        }
        assert!(!text.contains('?'), "nothing replaced: {text:?}");
        // A name typed with combining accents (as macOS pastes it) prints composed.
        let decomposed = "Nguye\u{302}\u{303}n";
        let pdf = render(&info(), &[Block::Paragraph(decomposed.into())]);
        assert!(text_of(&pdf).contains("Nguyễn"));
    }

    #[test]
    fn archival_and_tagged_and_the_same_for_the_same_input() {
        let laid = layout(&sample());
        let pdf = write_document(&info(), &laid, true).expect("valid PDF/A-2a and PDF/UA-1");
        let xmp = String::from_utf8_lossy(&pdf);
        assert!(xmp.contains("<pdfaid:part>2</pdfaid:part>"), "PDF/A-2");
        assert!(
            xmp.contains("<pdfaid:conformance>A</pdfaid:conformance>"),
            "level a"
        );
        assert!(xmp.contains("<pdfuaid:part>1</pdfuaid:part>"), "PDF/UA-1");
        assert!(xmp.contains("/StructTreeRoot"), "tagged");
        assert_eq!(render(&info(), &sample()), pdf, "deterministic");
        let text = text_of(&pdf);
        for expected in [
            "Récépissé de dépôt",
            "Votre demande",
            "12,5",
            "€",
            "« ok »",
            "1 / 1",
        ] {
            assert!(text.contains(expected), "{expected:?} in {text:?}");
        }
    }

    #[test]
    fn printable_text_is_composed_and_keeps_what_the_fonts_have() {
        for (typed, printed) in [
            ("e\u{301}te\u{301}", "été"),
            ("a\tb\r\nc", "a b  c"),
            ("a\u{0}\u{7}b", "ab"),
            ("Œuvre « € » – ’", "Œuvre « € » – ’"),
            ("a漢b한", "a?b?"),
            ("\u{A0}\u{202F}", "\u{A0}\u{202F}"),
        ] {
            assert_eq!(printable(typed), printed, "{typed:?}");
        }
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
            "Nguyễn",
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
                "{line:?}"
            );
            assert!(!line.starts_with(' ') && !line.ends_with(' '));
        }
        // Nothing lost or reordered: the lines joined give the words back.
        assert_eq!(lines.join(" "), text);
        // A line is full: the next word would not have fitted on it.
        for pair in lines.windows(2) {
            let next = pair[1].split(' ').next().unwrap_or_default();
            let longer = format!("{} {next}", pair[0]);
            assert!(Font::Regular.width(&longer, BODY_SIZE) > TEXT_WIDTH);
        }
    }

    #[test]
    fn long_words_are_broken_by_characters() {
        let word = "x".repeat(1000);
        let lines = wrap(&format!("a {word} b"), Font::Bold, 12.0, 100.0);
        assert!(lines.len() > 10);
        assert!(lines.iter().all(|l| Font::Bold.width(l, 12.0) <= 100.0));
        assert_eq!(lines.concat().chars().filter(|c| *c != ' ').count(), 1002);
        // A column narrower than one character still makes progress, one character a line.
        assert_eq!(wrap("abc", Font::Regular, 10.0, 0.0).len(), 3);
        assert_eq!(
            wrap("a\n\nb", Font::Regular, 10.0, 100.0),
            vec!["a".to_owned(), String::new(), "b".to_owned()]
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
        let laid = layout(&blocks);
        assert!(laid.pages.len() > 3);
        for op in laid.pages.iter().flatten() {
            if let Op::Text {
                font,
                size,
                x,
                y,
                text,
                ..
            } = op
            {
                assert!(
                    *x >= MARGIN_X && x + font.width(text, *size) <= MARGIN_X + TEXT_WIDTH + 0.01
                );
                assert!(*y >= CONTENT_BOTTOM && *y <= CONTENT_TOP, "baseline {y}");
            }
        }
        let pdf = write_document(&info(), &laid, true).expect("valid over several pages");
        assert_eq!(pages_of(&pdf), laid.pages.len());
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
        let total = pages_of(&pdf);
        assert!(total >= 5, "{total} pages");
        let text = text_of(&pdf);
        for n in 1..=total {
            assert!(
                text.contains(&format!("{n} / {total}")),
                "footer of page {n}"
            );
        }
        for i in [0, 150, 299] {
            assert!(text.contains(&format!("Libellé {i}")));
        }
    }

    #[test]
    fn qr_draws_each_dark_module_once() {
        let modules = pattern(25);
        let dark = modules.iter().flatten().filter(|&&d| d).count();
        assert!(dark > 100 && dark < 600);
        let laid = layout(&[Block::Qr {
            modules: modules.clone(),
            caption: "Vérifiez ce document".into(),
        }]);
        let drawn: Vec<&(usize, usize)> = laid
            .pages
            .iter()
            .flatten()
            .filter_map(|op| match op {
                Op::Qr { dark, .. } => Some(dark),
                _ => None,
            })
            .flatten()
            .collect();
        assert_eq!(drawn.len(), dark);
        for &&(col, row) in &drawn {
            assert!(modules[row][col]);
        }
        assert!(laid
            .kinds
            .iter()
            .any(|k| *k == Kind::Figure("Vérifiez ce document".into())));
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
        let laid = layout(&blocks);
        assert!(write_document(&info(), &laid, true).is_ok());
        for blocks in [blocks, Vec::new()] {
            let pdf = render(&info(), &blocks);
            assert!(pdf.starts_with(b"%PDF-"));
            assert!(pages_of(&pdf) >= 1);
        }
        let mut odd = info();
        odd.title = String::new();
        odd.creation_date = "not a date".into();
        odd.lang = String::new();
        assert!(write_document(&odd, &layout(&sample()), true).is_ok());
    }
}
