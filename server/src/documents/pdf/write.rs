//! The laid-out pages written with krilla: tagged content, artifacts, metadata, validation.

use super::*;

pub(super) fn color(colour: Rgb) -> rgb::Color {
    let byte = |v: f32| (v.clamp(0.0, 1.0) * 255.0).round() as u8;
    rgb::Color::new(byte(colour[0]), byte(colour[1]), byte(colour[2]))
}

pub(super) fn fill(surface: &mut Surface<'_>, colour: Rgb) {
    surface.set_stroke(None);
    surface.set_fill(Some(Fill {
        paint: color(colour).into(),
        ..Default::default()
    }));
}

/// Rectangles in PDF coordinates (origin bottom left), drawn as one filled path.
pub(super) fn rects(
    surface: &mut Surface<'_>,
    colour: Rgb,
    boxes: impl IntoIterator<Item = (f32, f32, f32, f32)>,
) {
    let mut path = PathBuilder::new();
    let mut any = false;
    for (x, y, w, h) in boxes {
        if let Some(r) = Rect::from_xywh(x, PAGE_HEIGHT - y - h, w, h) {
            path.push_rect(r);
            any = true;
        }
    }
    if let (true, Some(path)) = (any, path.finish()) {
        fill(surface, colour);
        surface.draw_path(&path);
    }
}

pub(super) fn text(
    surface: &mut Surface<'_>,
    font: Font,
    size: f32,
    colour: Rgb,
    x: f32,
    y: f32,
    line: &str,
) {
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
    fill(surface, colour);
    surface.draw_glyphs(
        Point::from_xy(x, PAGE_HEIGHT - y),
        &glyphs,
        face.font.clone(),
        line,
        size,
        false,
    );
}

pub(super) fn artifact(
    surface: &mut Surface<'_>,
    kind: ArtifactType,
    draw: impl FnOnce(&mut Surface<'_>),
) {
    surface.start_tagged(ContentTag::Artifact(Artifact::new(kind, None)));
    draw(surface);
    surface.end_tagged();
}

/// Draws one operation as it looks, without marking it.
pub(super) fn draw_raw(surface: &mut Surface<'_>, op: &Op) {
    match op {
        Op::Text {
            font,
            size,
            color,
            x,
            y,
            text: line,
            ..
        } => text(surface, *font, *size, *color, *x, *y, line),
        Op::Rect { color, x, y, w, h } => rects(surface, *color, [(*x, *y, *w, *h)]),
        Op::HLine {
            color,
            width,
            x1,
            x2,
            y,
        } => rects(surface, *color, [(*x1, *y - width / 2.0, x2 - x1, *width)]),
        Op::Qr {
            x, y, module, dark, ..
        } => {
            // Each module slightly wider than its step, so no hairline shows between neighbours.
            let side = module * 1.02;
            rects(
                surface,
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
pub(super) fn draw(surface: &mut Surface<'_>, op: &Op) -> Option<(usize, Identifier)> {
    let (tag, block) = match op {
        Op::Text {
            block: Some(block), ..
        } => (ContentTag::Span(SpanTag::empty()), *block),
        Op::Qr { block, .. } => (ContentTag::Other, *block),
        _ => {
            artifact(surface, ArtifactType::Layout, |s| draw_raw(s, op));
            return None;
        }
    };
    let id = surface.start_tagged(tag);
    draw_raw(surface, op);
    surface.end_tagged();
    Some((block, id))
}

/// The page furniture: the blue band (first page), the flag, the header, the rules and the footer
/// with "n / N"; all of it an artifact, not content.
pub(super) fn furniture(info: &DocInfo, number: usize, total: usize) -> (Vec<Op>, Vec<Op>) {
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
pub(super) fn pdf_date(text: &str) -> DateTime {
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

pub(super) fn write_document(
    info: &DocInfo,
    laid: &Laid,
    validated: bool,
) -> Result<Vec<u8>, String> {
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
    for (((kind, ids), first), block_lang) in laid
        .kinds
        .iter()
        .zip(groups)
        .zip(first_page)
        .zip(&laid.langs)
    {
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
        let mut group = TagGroup::new(tag.with_lang(block_lang.clone()));
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
