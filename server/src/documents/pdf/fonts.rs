//! The embedded fonts: glyphs and advance widths, text made printable, lines wrapped to a width.

use super::*;

/// One embedded font: krilla's handle and, for each character it has, its glyph and advance
/// width in thousandths of the font size.
pub struct Face {
    pub(super) font: krilla::text::Font,
    pub(super) glyphs: HashMap<char, (u32, u32)>,
}

pub(super) static SANS: &[u8] = include_bytes!("../../../fonts/DejaVuSans.ttf");
pub(super) static SANS_BOLD: &[u8] = include_bytes!("../../../fonts/DejaVuSans-Bold.ttf");

impl Face {
    pub(super) fn load(bytes: &'static [u8]) -> Self {
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

    pub(super) fn get(font: Font) -> &'static Face {
        static REGULAR: LazyLock<Face> = LazyLock::new(|| Face::load(SANS));
        static BOLD: LazyLock<Face> = LazyLock::new(|| Face::load(SANS_BOLD));
        match font {
            Font::Regular => &REGULAR,
            Font::Bold => &BOLD,
        }
    }

    pub(super) fn has(&self, ch: char) -> bool {
        self.glyphs.get(&ch).is_some_and(|(gid, _)| *gid != 0)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Font {
    Regular,
    Bold,
}

impl Font {
    /// Width in thousandths of the font size.
    pub(super) fn units(self, text: &str) -> u32 {
        let face = Face::get(self);
        text.chars()
            .map(|c| face.glyphs.get(&c).map_or(0, |(_, w)| *w))
            .sum()
    }

    pub(super) fn width(self, text: &str, size: f32) -> f32 {
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
pub(super) fn wrap(text: &str, font: Font, size: f32, max_width: f32) -> Vec<String> {
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
pub(super) fn fit_line(text: &str, font: Font, size: f32, max_width: f32) -> String {
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
