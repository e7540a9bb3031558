//! The message catalogue: `app/locales/<lang>.ftl`, one file per language, in Fluent's syntax
//! (<https://projectfluent.org>), the format translators' tools read and write.
//!
//! `app/build.rs` reads the files as the crate is built, refuses them when they disagree, and
//! writes [`Msg`](super::Msg) and its texts from them: the browser carries the sentences its
//! islands show, not a Fluent engine. This module is that reading and that check, shared by
//! the build script (`#[path]`) and the tests; it depends on nothing but `fluent-syntax`.

use fluent_syntax::ast::{
    Entry, Expression, InlineExpression, Pattern, PatternElement, VariantKey,
};

/// A piece of a message's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Part {
    Text(String),
    /// `{ $name }`: a value given when the message is shown.
    Variable(String),
    /// `{ $n -> [one] … *[other] … }`: a text per plural category of the number `$n` (CLDR's
    /// `zero`, `one`, `two`, `few`, `many`, `other`), `other` the default. A message is either
    /// one such choice and nothing else, or has none.
    Plural {
        variable: String,
        variants: Variants,
    },
}

/// A plural's texts: `(category, text)`.
pub type Variants = Vec<(String, Vec<Part>)>;

/// CLDR's plural categories, the only keys a plural's variants may have.
pub const CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// A language's messages, in the file's order: `(key, text)`.
pub type Messages = Vec<(String, Vec<Part>)>;

/// Reads one file. Each problem is one line naming the line of the file it is on.
pub fn parse(source: &str) -> Result<Messages, Vec<String>> {
    let line_of = |offset: usize| source[..offset.min(source.len())].matches('\n').count() + 1;
    let resource = match fluent_syntax::parser::parse(source) {
        Ok(resource) => resource,
        Err((_, errors)) => {
            return Err(errors
                .iter()
                .map(|e| format!("line {}: {e}", line_of(e.pos.start)))
                .collect())
        }
    };
    let mut messages: Messages = Vec::new();
    let mut problems = Vec::new();
    for entry in resource.body {
        let message = match entry {
            Entry::Message(message) => message,
            Entry::Term(term) => {
                problems.push(format!(
                    "-{}: terms are not supported; write the words in each message",
                    term.id.name
                ));
                continue;
            }
            Entry::Comment(_) | Entry::GroupComment(_) | Entry::ResourceComment(_) => continue,
            Entry::Junk { content } => {
                problems.push(format!("not a message: {}", content.trim()));
                continue;
            }
        };
        let key = message.id.name.to_owned();
        if messages.iter().any(|(k, _)| *k == key) {
            problems.push(format!("{key}: written twice"));
        }
        if !message.attributes.is_empty() {
            problems.push(format!("{key}: attributes (.name =) are not supported"));
        }
        let Some(pattern) = message.value else {
            problems.push(format!("{key}: no text"));
            continue;
        };
        let parts = match parts_of(pattern, &key, true) {
            Ok(parts) => parts,
            Err(found) => {
                problems.extend(found);
                continue;
            }
        };
        if parts
            .iter()
            .all(|p| matches!(p, Part::Text(t) if t.trim().is_empty()))
        {
            problems.push(format!("{key}: no text"));
        }
        messages.push((key, parts));
    }
    if problems.is_empty() {
        Ok(messages)
    } else {
        Err(problems)
    }
}

/// A pattern's parts; `top` when it is a message's whole text, where a plural may stand alone.
fn parts_of(pattern: Pattern<&str>, key: &str, top: bool) -> Result<Vec<Part>, Vec<String>> {
    let mut parts: Vec<Part> = Vec::new();
    let mut problems = Vec::new();
    for element in pattern.elements {
        let part = match element {
            PatternElement::TextElement { value } => Part::Text(value.to_owned()),
            PatternElement::Placeable {
                expression: Expression::Inline(InlineExpression::VariableReference { id }),
            } => Part::Variable(id.name.to_owned()),
            PatternElement::Placeable {
                expression: Expression::Inline(InlineExpression::StringLiteral { value }),
            } if !value.contains('\\') => Part::Text(value.to_owned()),
            PatternElement::Placeable {
                expression:
                    Expression::Select {
                        selector: InlineExpression::VariableReference { id },
                        variants,
                    },
            } if top => {
                let mut list = Vec::new();
                for variant in variants {
                    let name = match variant.key {
                        VariantKey::Identifier { name } if CATEGORIES.contains(&name) => name,
                        _ => {
                            problems.push(format!(
                                "{key}: a plural's variants are named by CLDR's categories {CATEGORIES:?}"
                            ));
                            continue;
                        }
                    };
                    if variant.default != (name == "other") {
                        problems.push(format!(
                            "{key}: the default variant is *[other], and only it"
                        ));
                    }
                    if list.iter().any(|(n, _)| n == name) {
                        problems.push(format!("{key}: [{name}] written twice"));
                    }
                    match parts_of(variant.value, key, false) {
                        Ok(p) => list.push((name.to_owned(), p)),
                        Err(found) => problems.extend(found),
                    }
                }
                if !list.iter().any(|(n, _)| n == "other") {
                    problems.push(format!("{key}: a plural needs *[other]"));
                }
                Part::Plural {
                    variable: id.name.to_owned(),
                    variants: list,
                }
            }
            PatternElement::Placeable { .. } => {
                problems.push(format!(
                    "{key}: only text, {{ $variable }} and one plural choice are supported in a message"
                ));
                continue;
            }
        };
        match (parts.last_mut(), part) {
            (Some(Part::Text(before)), Part::Text(more)) => before.push_str(&more),
            (_, part) => parts.push(part),
        }
    }
    if parts.iter().any(|p| matches!(p, Part::Plural { .. }))
        && !parts.iter().all(|p| match p {
            Part::Plural { .. } => true,
            Part::Text(t) => t.trim().is_empty(),
            Part::Variable(_) => false,
        })
    {
        problems.push(format!(
            "{key}: a plural choice is the whole message; put the words in its variants"
        ));
    }
    if problems.is_empty() {
        Ok(parts)
    } else {
        Err(problems)
    }
}

/// A plural message's choice: its number's variable and its variants, or `None`.
pub fn plural(parts: &[Part]) -> Option<(&str, &Variants)> {
    parts.iter().find_map(|p| match p {
        Part::Plural { variable, variants } => Some((variable.as_str(), variants)),
        _ => None,
    })
}

/// The variables a message's text names, sorted, each once.
pub fn variables(parts: &[Part]) -> Vec<&str> {
    let mut names: Vec<&str> = Vec::new();
    for part in parts {
        match part {
            Part::Variable(name) => names.push(name),
            Part::Text(_) => {}
            Part::Plural { variable, variants } => {
                names.push(variable);
                for (_, inner) in variants {
                    names.extend(variables(inner));
                }
            }
        }
    }
    names.sort_unstable();
    names.dedup();
    names
}

/// What keeps the languages from agreeing: each key of the first language (the reference,
/// French) in every other, no key the reference lacks, and the same variables in each text.
pub fn check(languages: &[(&str, Messages)]) -> Vec<String> {
    let Some(((reference, base), others)) = languages.split_first() else {
        return vec!["no language".to_owned()];
    };
    let mut problems = Vec::new();
    for (lang, messages) in others {
        let find = |list: &Messages, key: &str| {
            list.iter()
                .find(|(k, _)| k == key)
                .map(|(_, parts)| parts.clone())
        };
        for (key, parts) in base {
            match find(messages, key) {
                None => problems.push(format!("{lang}: {key} is missing")),
                Some(translated) if variables(&translated) != variables(parts) => {
                    problems.push(format!(
                        "{lang}: {key} names {:?}, {reference} names {:?}",
                        variables(&translated),
                        variables(parts)
                    ))
                }
                Some(_) => {}
            }
        }
        for (key, _) in messages {
            if find(base, key).is_none() {
                problems.push(format!("{lang}: {key} is not in {reference}"));
            }
        }
    }
    problems
}

/// `home-step1-title` → `HomeStep1Title`: the Rust name of a key.
pub fn rust_name(key: &str) -> String {
    key.split('-')
        .map(|word| {
            let mut chars = word.chars();
            chars
                .next()
                .map(|first| first.to_ascii_uppercase().to_string() + chars.as_str())
                .unwrap_or_default()
        })
        .collect()
}
