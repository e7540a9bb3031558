//! The catalogue's files agree, `Msg` says what they say, and the check refuses what it must.

use super::catalogue::{check, parse, plural, rust_name, variables, Messages, Part};
use super::{Lang, Msg};

/// The files as the build script reads them, in `Lang::ALL`'s order.
const FILES: [(&str, &str); 4] = [
    ("fr", include_str!("../../locales/fr.ftl")),
    ("en", include_str!("../../locales/en.ftl")),
    ("ar", include_str!("../../locales/ar.ftl")),
    ("zh", include_str!("../../locales/zh.ftl")),
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

/// A text as `Msg` holds it: each `{ $name }` as `{$name}`.
fn written(parts: &[Part]) -> String {
    parts
        .iter()
        .map(|p| match p {
            Part::Text(t) => t.clone(),
            Part::Variable(v) => format!("{{${v}}}"),
            Part::Plural { .. } => panic!("a plural inside a text"),
        })
        .collect()
}

#[test]
fn the_documents_catalogue_has_every_text_in_french_and_english() {
    let languages: Vec<(&str, Messages)> = [
        ("fr", include_str!("../../locales/documents/fr.ftl")),
        ("en", include_str!("../../locales/documents/en.ftl")),
    ]
    .iter()
    .map(|(l, s)| (*l, parse(s).unwrap_or_else(|p| panic!("{l}: {p:?}"))))
    .collect();
    assert_eq!(check(&languages), Vec::<String>::new());
    for (_, messages) in &languages {
        for (key, parts) in messages {
            assert!(
                variables(parts).is_empty(),
                "{key}: a document's text is fixed"
            );
        }
    }
    assert_eq!(languages[0].1.len(), super::Doc::ALL.len());
}

#[test]
fn msg_shows_each_file_text_under_its_key() {
    for ((code, source), lang) in FILES.iter().zip(Lang::ALL) {
        assert_eq!(*code, lang.code());
        let (_, messages) = read(code, source);
        assert_eq!(
            messages.len(),
            Msg::ALL.len() + Msg::PLURALS.len(),
            "{code}"
        );
        let mut texts = Msg::ALL.iter();
        let mut plurals = Msg::PLURALS.iter();
        for (file_key, parts) in &messages {
            match plural(parts) {
                None if Msg::PLURALS.iter().all(|(k, _)| k != file_key) => {
                    let (key, msg) = texts.next().expect("as many texts");
                    assert_eq!(key, file_key);
                    assert_eq!(msg.text(lang), written(parts), "{code} {key}");
                }
                found => {
                    let (key, msg) = plurals.next().expect("as many plurals");
                    assert_eq!(key, file_key);
                    let expected: Vec<(String, String)> = match found {
                        Some((_, variants)) => variants
                            .iter()
                            .map(|(c, p)| (c.clone(), written(p)))
                            .collect(),
                        None => vec![("other".to_owned(), written(parts))],
                    };
                    let actual: Vec<(String, String)> = msg
                        .variants(lang)
                        .iter()
                        .map(|(c, t)| ((*c).to_owned(), (*t).to_owned()))
                        .collect();
                    assert_eq!(actual, expected, "{code} {key}");
                }
            }
        }
    }
    assert_eq!(Msg::HomeStep1Title.text(Lang::Fr), "1. Vérifier");
    assert_eq!(Msg::Yes.text(Lang::Fr), "Oui");
    assert_eq!(Msg::Yes.text(Lang::En), "Yes");
    assert_eq!(
        Msg::ModelFieldsToCorrect.count(Lang::Fr, 2, &[]),
        "2 champs sont à corriger."
    );
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
        ("a = { -brand }\n", "a: only text, { $variable }"),
        ("a = { NUMBER($n) }\n", "a: only text, { $variable }"),
        (
            "a = { $n ->\n   *[lots] x\n}\n",
            "a: a plural's variants are named by CLDR's categories",
        ),
        (
            "a = { $n ->\n    [one] x\n   *[few] y\n}\n",
            "a: the default variant is *[other], and only it",
        ),
        (
            "a = Voici { $n ->\n    [one] x\n   *[other] y\n}\n",
            "a: a plural choice is the whole message",
        ),
        (
            "a = { $n ->\n    [one] { $m ->\n        *[other] x\n    }\n   *[other] y\n}\n",
            "a: only text, { $variable }",
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

    // A blank line inside a text stays (an e-mail's paragraphs); the indentation goes.
    let mail = parse("b =\n    Bonjour,\n\n    Code : { $code }\n").expect("parses");
    assert_eq!(
        mail[0].1,
        vec![
            Part::Text("Bonjour,\n\nCode : ".to_owned()),
            Part::Variable("code".to_owned())
        ]
    );

    // A plural: its number's variable, and a text per category.
    let counted = parse(
        "c =\n    { $n ->\n        [one] { $n } dossier\n       *[other] { $n } dossiers\n    }\n",
    )
    .expect("parses");
    let (variable, variants) = plural(&counted[0].1).expect("a plural");
    assert_eq!(variable, "n");
    assert_eq!(
        variants,
        &[
            (
                "one".to_owned(),
                vec![
                    Part::Variable("n".to_owned()),
                    Part::Text(" dossier".to_owned())
                ]
            ),
            (
                "other".to_owned(),
                vec![
                    Part::Variable("n".to_owned()),
                    Part::Text(" dossiers".to_owned())
                ]
            ),
        ]
    );
    assert_eq!(variables(&counted[0].1), vec!["n"]);
}
