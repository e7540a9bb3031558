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
            assert!(*x >= MARGIN_X && x + font.width(text, *size) <= MARGIN_X + TEXT_WIDTH + 0.01);
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
