//! Languages. Every user-facing sentence exists in French and English by construction: texts are
//! `(french, english)` pairs chosen with [`Lang::pick`], or messages of the catalogue
//! (`app/locales/<lang>.ftl`, turned into [`Msg`] by the build script, which refuses a message
//! missing from a language). No Leptos here, so `rules` can use it too.

use serde::{Deserialize, Serialize};

mod domain;
pub use domain::action_label;
#[cfg(test)]
mod catalogue;
#[cfg(test)]
mod catalogue_tests;
mod ui;
pub use ui::{Msg, Plural};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "ssr", derive(sea_orm::DeriveActiveEnum, sea_orm::EnumIter))]
#[cfg_attr(feature = "ssr", sea_orm(rs_type = "String", db_type = "Text"))]
pub enum Lang {
    /// French first: the service's language unless the user asks otherwise.
    #[default]
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "fr"))]
    Fr,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "en"))]
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];

    pub const fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        match code.trim().to_ascii_lowercase().as_str() {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The first supported language of an `Accept-Language` header, in the client's order of
    /// preference (q-values respected); `None` when it names none we have.
    pub fn from_accept_language(header: &str) -> Option<Self> {
        let mut best: Option<(f32, usize, Lang)> = None;
        for (position, part) in header.split(',').enumerate() {
            let mut pieces = part.split(';');
            let tag = pieces.next().unwrap_or("").trim();
            let quality = pieces
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            let primary = tag.split('-').next().unwrap_or("");
            if let Some(lang) = Lang::from_code(primary) {
                if quality > 0.0
                    && best.is_none_or(|(q, p, _)| quality > q || (quality == q && position < p))
                {
                    best = Some((quality, position, lang));
                }
            }
        }
        best.map(|(_, _, lang)| lang)
    }

    /// The other language, for the switch.
    pub const fn other(self) -> Self {
        match self {
            Lang::Fr => Lang::En,
            Lang::En => Lang::Fr,
        }
    }

    /// The language's own name, as the switch shows it.
    pub const fn native_name(self) -> &'static str {
        match self {
            Lang::Fr => "Français",
            Lang::En => "English",
        }
    }

    pub const fn pick<T: Copy>(self, (fr, en): (T, T)) -> T {
        match self {
            Lang::Fr => fr,
            Lang::En => en,
        }
    }

    pub fn t(self, msg: Msg) -> &'static str {
        msg.text(self)
    }

    /// A number as people write it in this language: "803,5" in French, "803.5" in English;
    /// thousands grouped ("1 607" / "1,607").
    pub fn number(self, value: f64) -> String {
        let rounded = (value * 100.0).round() / 100.0;
        let integer = rounded.trunc() as i64;
        let fraction = ((rounded.fract().abs()) * 100.0).round() as i64;
        let (group, decimal) = match self {
            Lang::Fr => ('\u{202f}', ','),
            Lang::En => (',', '.'),
        };
        let digits = integer.abs().to_string();
        let mut grouped = String::new();
        for (i, ch) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                grouped.push(group);
            }
            grouped.push(ch);
        }
        if integer < 0 {
            grouped.insert(0, '-');
        }
        if fraction != 0 {
            let frac = format!("{fraction:02}");
            grouped.push(decimal);
            grouped.push_str(frac.trim_end_matches('0'));
        }
        grouped
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_respects_order_and_quality() {
        let cases = [
            ("fr-FR,fr;q=0.9,en;q=0.8", Some(Lang::Fr)),
            ("en-GB,en;q=0.9", Some(Lang::En)),
            ("de-DE,en;q=0.5,fr;q=0.7", Some(Lang::Fr)),
            ("de-DE", None),
            ("", None),
            ("en;q=0,fr;q=0.1", Some(Lang::Fr)),
            ("*", None),
        ];
        for (header, expected) in cases {
            assert_eq!(Lang::from_accept_language(header), expected, "{header:?}");
        }
    }

    #[test]
    fn numbers_are_written_the_local_way() {
        let cases = [
            (Lang::Fr, 803.5, "803,5"),
            (Lang::En, 803.5, "803.5"),
            (Lang::Fr, 1607.0, "1\u{202f}607"),
            (Lang::En, 1607.0, "1,607"),
            (Lang::En, 964.0, "964"),
            (Lang::Fr, 12.02, "12,02"),
            (Lang::En, 0.0, "0"),
            (Lang::En, 1234567.25, "1,234,567.25"),
        ];
        for (lang, value, expected) in cases {
            assert_eq!(lang.number(value), expected);
        }
    }
}
