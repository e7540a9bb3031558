//! Writes `Msg` (app/src/i18n/ui.rs) from the message catalogue, `app/locales/<lang>.ftl`, and
//! `Doc` from the documents' catalogue, `app/locales/documents/<lang>.ftl` (French and English:
//! the receipt and the authorisation's translation), after checking that every language has
//! every message with the same variables: a catalogue that disagrees stops the build, with each
//! problem on its line.

#[path = "src/i18n/catalogue.rs"]
mod catalogue;

use std::fmt::Write as _;

/// The catalogue's languages, in `Lang::ALL`'s order; the first is the reference.
const LANGUAGES: [&str; 4] = ["fr", "en", "ar", "zh"];
/// The documents' languages: French, the act's, and English, its translation's.
const DOCUMENT_LANGUAGES: [&str; 2] = ["fr", "en"];

/// A catalogue's files, read and checked; stops the build on the first disagreement.
fn read<'a>(dir: &str, langs: &[&'a str]) -> Vec<(&'a str, catalogue::Messages)> {
    let mut languages = Vec::new();
    let mut problems = Vec::new();
    for lang in langs {
        let path = format!("{dir}/{lang}.ftl");
        println!("cargo::rerun-if-changed={path}");
        let source = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("app/{path}: {e}"));
        match catalogue::parse(&source) {
            Ok(messages) => languages.push((*lang, messages)),
            Err(found) => problems.extend(found.into_iter().map(|p| format!("app/{path}: {p}"))),
        }
    }
    if problems.is_empty() {
        problems = catalogue::check(&languages);
    }
    if !problems.is_empty() {
        panic!(
            "the message catalogue {dir} disagrees:\n{}",
            problems.join("\n")
        );
    }
    languages
}

/// A language's parts of the message `key` (checked: every language has every key).
fn parts_of<'m>(messages: &'m catalogue::Messages, key: &str) -> &'m [catalogue::Part] {
    &messages
        .iter()
        .find(|(k, _)| k == key)
        .expect("checked: every language has every key")
        .1
}

/// A text as the generated constants hold it: each `{ $name }` as `{$name}`.
fn flat(parts: &[catalogue::Part]) -> String {
    parts
        .iter()
        .map(|p| match p {
            catalogue::Part::Text(t) => t.clone(),
            catalogue::Part::Variable(v) => format!("{{${v}}}"),
            catalogue::Part::Plural { .. } => unreachable!("a plural is a whole message"),
        })
        .collect()
}

/// `Doc`: the documents' fixed texts, French and English.
fn documents() -> String {
    let languages = read("locales/documents", &DOCUMENT_LANGUAGES);
    let (_, reference) = &languages[0];
    let mut out = String::from(
        "/// A text of the receipt or of the authorisation, in French and in English \
         (app/locales/documents/<lang>.ftl, by app/build.rs).\n\
         #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]\n\
         pub struct Doc(&'static [&'static str; 2]);\n\n\
         #[allow(non_upper_case_globals)]\nimpl Doc {\n",
    );
    for (key, _) in reference {
        let texts: Vec<String> = languages
            .iter()
            .map(|(lang, messages)| {
                let parts = parts_of(messages, key);
                if parts.iter().any(|p| !matches!(p, catalogue::Part::Text(_))) {
                    panic!("app/locales/documents/{lang}.ftl: {key}: a document's text is fixed");
                }
                format!("{:?}", flat(parts))
            })
            .collect();
        let _ = writeln!(
            out,
            "    pub const {}: Doc = Doc(&[{}]);",
            catalogue::rust_name(key),
            texts.join(", ")
        );
    }
    out.push_str("\n    /// Every text with its key, in the catalogue's order.\n");
    out.push_str("    pub const ALL: &'static [(&'static str, Doc)] = &[\n");
    for (key, _) in reference {
        let _ = writeln!(
            out,
            "        ({key:?}, Doc::{}),",
            catalogue::rust_name(key)
        );
    }
    out.push_str("    ];\n}\n");
    out
}

fn main() {
    println!("cargo::rerun-if-changed=locales");
    println!("cargo::rerun-if-changed=src/i18n/catalogue.rs");
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let dest = std::path::Path::new(&out_dir).join("documents.rs");
    std::fs::write(&dest, documents()).unwrap_or_else(|e| panic!("{}: {e}", dest.display()));
    let languages = read("locales", &LANGUAGES);

    let (_, reference) = &languages[0];
    let n = languages.len();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "/// One interface sentence in every language, in `Lang::ALL`'s order (app/locales/<lang>.ftl,\n\
         /// by app/build.rs). Each message is its own constant: the browser's WASM carries only the\n\
         /// messages its islands name.\n\
         #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]\n\
         pub struct Msg(&'static [&'static str; {n}]);\n\n\
         #[allow(non_upper_case_globals)]\nimpl Msg {{"
    );
    let mut plurals = Vec::new();
    for (key, _) in reference {
        let name = catalogue::rust_name(key);
        let all: Vec<&[catalogue::Part]> =
            languages.iter().map(|(_, m)| parts_of(m, key)).collect();
        let selector = all
            .iter()
            .find_map(|p| catalogue::plural(p).map(|(v, _)| v.to_owned()));
        if let Some(selector) = selector {
            // A plural in one language is a plural in all: a text is its `other`.
            let texts: Vec<String> = all
                .iter()
                .map(|parts| {
                    let variants: Vec<String> = match catalogue::plural(parts) {
                        Some((_, variants)) => variants
                            .iter()
                            .map(|(cat, p)| format!("({cat:?}, {:?})", flat(p)))
                            .collect(),
                        None => vec![format!("(\"other\", {:?})", flat(parts))],
                    };
                    format!("&[{}]", variants.join(", "))
                })
                .collect();
            let _ = writeln!(
                out,
                "    pub const {name}: Plural = Plural {{ variable: {selector:?}, texts: &[{}] }};",
                texts.join(", ")
            );
            plurals.push((key, name));
        } else {
            let texts: Vec<String> = all.iter().map(|p| format!("{:?}", flat(p))).collect();
            let _ = writeln!(
                out,
                "    pub const {name}: Msg = Msg(&[{}]);",
                texts.join(", ")
            );
        }
    }
    out.push_str(
        "\n    /// Every message but the plurals, with its key, in the catalogue's order.\n",
    );
    out.push_str("    pub const ALL: &'static [(&'static str, Msg)] = &[\n");
    for (key, _) in reference {
        if !plurals.iter().any(|(k, _)| *k == key) {
            let _ = writeln!(
                out,
                "        ({key:?}, Msg::{}),",
                catalogue::rust_name(key)
            );
        }
    }
    out.push_str("    ];\n\n    /// Every plural, with its key.\n");
    out.push_str("    pub const PLURALS: &'static [(&'static str, Plural)] = &[\n");
    for (key, name) in &plurals {
        let _ = writeln!(out, "        ({key:?}, Msg::{name}),");
    }
    out.push_str("    ];\n}\n");
    let _ = writeln!(
        out,
        "\n/// A message that depends on a number (CLDR's plural categories, app/locales/<lang>.ftl).\n\
         #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]\n\
         pub struct Plural {{\n    variable: &'static str,\n    \
         texts: &'static [&'static [(&'static str, &'static str)]; {n}],\n}}"
    );
    let dest = std::path::Path::new(&out_dir).join("messages.rs");
    std::fs::write(&dest, out).unwrap_or_else(|e| panic!("{}: {e}", dest.display()));
}
