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
    /// The language of the blocks that follow (a BCP 47 tag, "en"), or the document's again
    /// with `None`: screen readers switch voice for a translation.
    Language(Option<String>),
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

mod fonts;
mod layout;
mod write;

use fonts::*;
use layout::*;
use write::*;

#[cfg(test)]
mod tests;
