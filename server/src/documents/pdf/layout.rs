//! Blocks laid out on A4 pages: positioned drawing operations, known before writing so that
//! the footers can say "n / N".

use super::*;

pub(super) type Rgb = [f32; 3];
pub(super) const INK: Rgb = [0.086, 0.086, 0.086];
pub(super) const BLUE: Rgb = [0.0, 0.0, 0.569];
pub(super) const RED: Rgb = [0.882, 0.0, 0.059];
pub(super) const GREY: Rgb = [0.4, 0.4, 0.4];
pub(super) const RULE_GREY: Rgb = [0.867, 0.867, 0.867];

/// What a block is in the document's structure (its tag in the tagged PDF).
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Kind {
    Title(String),
    Heading(String),
    Paragraph,
    /// The QR code, with its text alternative.
    Figure(String),
}

/// A drawing operation in page coordinates (origin at the bottom left, in points).
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Op {
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
    pub(super) fn shifted(mut self, dy: f32) -> Op {
        match &mut self {
            Op::Text { y, .. } | Op::Rect { y, .. } | Op::HLine { y, .. } | Op::Qr { y, .. } => {
                *y += dy
            }
        }
        self
    }
}

/// Something that is never split across pages; its operations are relative to its top edge.
pub(super) struct Unit {
    pub(super) height: f32,
    pub(super) ops: Vec<Op>,
}

/// The pages' operations, and the structure of the blocks they draw.
pub(super) struct Laid {
    pub(super) pages: Vec<Vec<Op>>,
    pub(super) kinds: Vec<Kind>,
    /// Each block's language when it is not the document's.
    pub(super) langs: Vec<Option<String>>,
}

pub(super) struct Layout {
    pub(super) pages: Vec<Vec<Op>>,
    pub(super) kinds: Vec<Kind>,
    pub(super) langs: Vec<Option<String>>,
    pub(super) lang: Option<String>,
    pub(super) y: f32,
    pub(super) gap: f32,
    pub(super) page_empty: bool,
    pub(super) after_break: bool,
}

impl Layout {
    pub(super) fn new() -> Self {
        Layout {
            pages: vec![Vec::new()],
            kinds: Vec::new(),
            langs: Vec::new(),
            lang: None,
            y: CONTENT_TOP,
            gap: 0.0,
            page_empty: true,
            after_break: false,
        }
    }

    /// A new block of the structure; returns its index.
    pub(super) fn block(&mut self, kind: Kind) -> usize {
        self.kinds.push(kind);
        self.langs.push(self.lang.clone());
        self.kinds.len() - 1
    }

    pub(super) fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = CONTENT_TOP;
        self.page_empty = true;
        self.after_break = true;
    }

    /// Spacing between blocks collapses to the larger of the two, as in CSS.
    pub(super) fn space(&mut self, gap: f32) {
        self.gap = self.gap.max(gap);
    }

    /// Makes room for `height` points under the pending gap, breaking the page when it does not fit.
    pub(super) fn reserve(&mut self, height: f32) {
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

    pub(super) fn place(&mut self, unit: Unit) {
        let top = self.y;
        if let Some(page) = self.pages.last_mut() {
            page.extend(unit.ops.into_iter().map(|op| op.shifted(top)));
        }
        self.y -= unit.height;
        self.page_empty = false;
    }

    /// Places units one after the other; `keep` holds them on one page (with `with_next` points of what
    /// follows) whenever they fit on one.
    pub(super) fn flow(&mut self, units: Vec<Unit>, keep: bool, with_next: f32) {
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
pub(super) fn baseline(size: f32, leading: f32) -> f32 {
    -(leading / 2.0 + 0.245 * size)
}

#[allow(clippy::too_many_arguments)]
pub(super) fn text_units(
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

pub(super) fn layout(blocks: &[Block]) -> Laid {
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
            Block::Language(lang) => l.lang = lang.clone(),
        }
    }
    Laid {
        pages: l.pages,
        kinds: l.kinds,
        langs: l.langs,
    }
}

pub(super) fn field_units(label: &str, value: &str, block: usize) -> Vec<Unit> {
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

pub(super) fn qr(l: &mut Layout, modules: &[Vec<bool>], caption: &str) {
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
