//! The catalogue's files agree, `Msg` says what they say, and the check refuses what it must.

use super::catalogue::{check, parse, rust_name, variables, Messages, Part};
use super::{Lang, Msg};

/// The files as the build script reads them, in `Lang::ALL`'s order.
const FILES: [(&str, &str); 2] = [
    ("fr", include_str!("../../locales/fr.ftl")),
    ("en", include_str!("../../locales/en.ftl")),
];

fn read(lang: &str, source: &str) -> (String, Messages) {
    let messages = parse(source).unwrap_or_else(|p| panic!("{lang}: {p:?}"));
    (lang.to_owned(), messages)
}

#[test]
fn every_language_has_every_message_with_the_same_variables() {
    assert_eq!(FILES.len(), Lang::ALL.len());
    let languages: Vec<(String, Messages)> = FILES.iter().map(|(l, s)| read(l, s)).collect();
    let refs: Vec<(&str, Messages)> = languages
        .iter()
        .map(|(l, m)| (l.as_str(), m.clone()))
        .collect();
    assert_eq!(check(&refs), Vec::<String>::new());
}

#[test]
fn msg_shows_each_file_text_under_its_key() {
    for ((code, source), lang) in FILES.iter().zip(Lang::ALL) {
        assert_eq!(*code, lang.code());
        let (_, messages) = read(code, source);
        assert_eq!(messages.len(), Msg::ALL.len(), "{code}");
        for (msg, (key, parts)) in Msg::ALL.iter().zip(&messages) {
            assert_eq!(msg.key(), key);
            assert_eq!(format!("{msg:?}"), rust_name(key));
            assert_eq!(
                parts,
                &vec![Part::Text(msg.text(lang).to_owned())],
                "{code} {key}"
            );
        }
    }
    assert_eq!(Msg::HomeStep1Title.key(), "home-step1-title");
    assert_eq!(Msg::Yes.text(Lang::Fr), "Oui");
    assert_eq!(Msg::Yes.text(Lang::En), "Yes");
}

#[test]
fn the_check_refuses_files_that_disagree() {
    // (French file, English file, a problem expected: "" when none)
    let cases = [
        ("a = A\nb = B\n", "a = A'\nb = B'\n", ""),
        ("a = A\nb = B\n", "a = A'\n", "en: b is missing"),
        ("a = A\n", "a = A'\nc = C\n", "en: c is not in fr"),
        ("a = { $n } heures\n", "a = { $n } hours\n", ""),
        (
            "a = { $n } heures\n",
            "a = hours\n",
            "en: a names [], fr names [\"n\"]",
        ),
        (
            "a = { $n } heures\n",
            "a = { $m } hours\n",
            "en: a names [\"m\"], fr names [\"n\"]",
        ),
        ("a = { $n } et { $m }\n", "a = { $m } and { $n }\n", ""),
    ];
    for (fr, en, expected) in cases {
        let langs = [("fr", parse(fr).expect(fr)), ("en", parse(en).expect(en))];
        let problems = check(&langs);
        if expected.is_empty() {
            assert_eq!(problems, Vec::<String>::new(), "{fr:?} / {en:?}");
        } else {
            assert_eq!(problems, vec![expected.to_owned()], "{fr:?} / {en:?}");
        }
    }
}

#[test]
fn parse_refuses_what_the_generator_cannot_write() {
    // (file, a problem expected to contain)
    let cases = [
        ("a = A\na = B\n", "a: written twice"),
        ("a = A\n    .title = T\n", "a: attributes"),
        (
            "-brand = Work in France\n",
            "-brand: terms are not supported",
        ),
        ("a = { -brand }\n", "a: only text and { $variable }"),
        ("a = { NUMBER($n) }\n", "a: only text and { $variable }"),
        (
            "a = { $n ->\n   *[other] x\n}\n",
            "a: only text and { $variable }",
        ),
        ("a = A\nb = {}\n", "line 2"),
        ("= A\n", "line 1"),
    ];
    for (source, expected) in cases {
        let problems = parse(source).expect_err(source);
        assert!(
            problems.iter().any(|p| p.contains(expected)),
            "{source:?}: {problems:?}"
        );
    }
}

#[test]
fn text_is_read_as_written() {
    let messages = parse("# a comment\na = L'« APT » { $n } h{ \"{\" }x\n").expect("parses");
    assert_eq!(
        messages,
        vec![(
            "a".to_owned(),
            vec![
                Part::Text("L'« APT » ".to_owned()),
                Part::Variable("n".to_owned()),
                Part::Text(" h{x".to_owned()),
            ]
        )]
    );
    assert_eq!(variables(&messages[0].1), vec!["n"]);
    assert_eq!(rust_name("not-found-title"), "NotFoundTitle");
}
