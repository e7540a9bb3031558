//! Writes `Msg` (app/src/i18n/ui.rs) from the message catalogue, `app/locales/<lang>.ftl`, after
//! checking that every language has every message with the same variables: a catalogue that
//! disagrees stops the build, with each problem on its line.

#[path = "src/i18n/catalogue.rs"]
mod catalogue;

use std::fmt::Write as _;

/// The catalogue's languages, in `Lang::ALL`'s order; the first is the reference.
const LANGUAGES: [&str; 2] = ["fr", "en"];

fn main() {
    println!("cargo::rerun-if-changed=locales");
    println!("cargo::rerun-if-changed=src/i18n/catalogue.rs");
    let mut languages = Vec::new();
    let mut problems = Vec::new();
    for lang in LANGUAGES {
        let path = format!("locales/{lang}.ftl");
        println!("cargo::rerun-if-changed={path}");
        let source = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("app/{path}: {e}"));
        match catalogue::parse(&source) {
            Ok(messages) => languages.push((lang, messages)),
            Err(found) => problems.extend(found.into_iter().map(|p| format!("app/{path}: {p}"))),
        }
    }
    if problems.is_empty() {
        problems = catalogue::check(&languages);
    }
    for (lang, messages) in &languages {
        for (key, parts) in messages {
            if !catalogue::variables(parts).is_empty() {
                problems.push(format!(
                    "app/locales/{lang}.ftl: {key}: Msg's texts are fixed; a message with \
                     variables needs a formatter, not written yet"
                ));
            }
        }
    }
    if !problems.is_empty() {
        panic!("the message catalogue disagrees:\n{}", problems.join("\n"));
    }

    let (_, reference) = &languages[0];
    let mut out = String::new();
    out.push_str(
        "/// One interface sentence, in every language (app/locales/<lang>.ftl, by app/build.rs).\n\
         #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]\npub enum Msg {\n",
    );
    for (key, _) in reference {
        let _ = writeln!(out, "    {},", catalogue::rust_name(key));
    }
    out.push_str("}\n\nimpl Msg {\n    pub const ALL: &'static [Msg] = &[\n");
    for (key, _) in reference {
        let _ = writeln!(out, "        Msg::{},", catalogue::rust_name(key));
    }
    out.push_str("    ];\n\n    /// The message's key in the catalogue.\n");
    out.push_str(
        "    pub const fn key(self) -> &'static str {\n        KEYS[self as usize]\n    }\n\n",
    );
    out.push_str(
        "    pub const fn text(self, lang: Lang) -> &'static str {\n        match lang {\n",
    );
    for (lang, _) in &languages {
        let _ = writeln!(
            out,
            "            Lang::{} => {}[self as usize],",
            catalogue::rust_name(lang),
            lang.to_uppercase()
        );
    }
    out.push_str("        }\n    }\n}\n\n");
    let n = reference.len();
    let _ = writeln!(out, "const KEYS: [&str; {n}] = [");
    for (key, _) in reference {
        let _ = writeln!(out, "    {key:?},");
    }
    out.push_str("];\n");
    for (lang, messages) in &languages {
        let _ = writeln!(out, "\nconst {}: [&str; {n}] = [", lang.to_uppercase());
        for (key, _) in reference {
            let parts = &messages
                .iter()
                .find(|(k, _)| k == key)
                .expect("checked: every language has every key")
                .1;
            let text: String = parts
                .iter()
                .map(|p| match p {
                    catalogue::Part::Text(t) => t.as_str(),
                    catalogue::Part::Variable(_) => unreachable!("refused above"),
                })
                .collect();
            let _ = writeln!(out, "    {text:?},");
        }
        out.push_str("];\n");
    }
    let dest = std::path::Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("messages.rs");
    std::fs::write(&dest, out).unwrap_or_else(|e| panic!("{}: {e}", dest.display()));
}
