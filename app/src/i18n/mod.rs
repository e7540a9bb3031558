//! Languages. Every user-facing sentence is a message of the catalogue (`app/locales/<lang>.ftl`,
//! turned into [`Msg`] and [`Plural`] by the build script, which refuses a message missing from
//! a language): French, the reference, English, Arabic and Simplified Chinese; the documents'
//! texts in French and English ([`Doc`]). No Leptos here, so `rules` can use it too.

use serde::{Deserialize, Serialize};

mod documents;
mod domain;
pub use documents::Doc;
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
    /// Right to left; Western digits, as the Maghreb writes them.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "ar"))]
    Ar,
    /// Simplified Chinese.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "zh"))]
    Zh,
}

impl Lang {
    pub const ALL: [Lang; 4] = [Lang::Fr, Lang::En, Lang::Ar, Lang::Zh];

    /// The code in addresses (`?lang=`), the cookie and the database.
    pub const fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
            Lang::Ar => "ar",
            Lang::Zh => "zh",
        }
    }

    /// The page's `lang` attribute (BCP 47): the script is said for Chinese.
    pub const fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-Hans",
            other => other.code(),
        }
    }

    /// The writing direction, for the page's `dir` attribute.
    pub const fn dir(self) -> &'static str {
        match self {
            Lang::Ar => "rtl",
            _ => "ltr",
        }
    }

    /// A translation of the French text, which alone is authoritative.
    pub const fn is_translation(self) -> bool {
        !matches!(self, Lang::Fr)
    }

    pub fn from_code(code: &str) -> Option<Self> {
        match code.trim().to_ascii_lowercase().as_str() {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            "ar" => Some(Lang::Ar),
            // Simplified Chinese only: a reader of Traditional (zh-TW, zh-Hant) is not offered it
            // by their browser's preference, though the switch still lists it.
            "zh" | "zh-cn" | "zh-hans" | "zh-sg" | "zh-hans-cn" => Some(Lang::Zh),
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
            let lang = if primary.eq_ignore_ascii_case("zh") {
                Lang::from_code(tag)
            } else {
                Lang::from_code(primary)
            };
            if let Some(lang) = lang {
                if quality > 0.0
                    && best.is_none_or(|(q, p, _)| quality > q || (quality == q && position < p))
                {
                    best = Some((quality, position, lang));
                }
            }
        }
        best.map(|(_, _, lang)| lang)
    }

    /// The language's own name, as the switch shows it.
    pub const fn native_name(self) -> &'static str {
        match self {
            Lang::Fr => "Français",
            Lang::En => "English",
            Lang::Ar => "العربية",
            Lang::Zh => "简体中文",
        }
    }

    /// French or English, for what exists in those two only (a spreadsheet's date format): the
    /// other languages read the English. The documents' texts have their own rule ([`Doc`]).
    pub const fn pick<T: Copy>(self, (fr, en): (T, T)) -> T {
        match self {
            Lang::Fr => fr,
            Lang::En | Lang::Ar | Lang::Zh => en,
        }
    }

    pub fn t(self, msg: Msg) -> &'static str {
        msg.text(self)
    }

    /// A date as people write it in this language: "08/12/2026" (day first, as in France and
    /// the Maghreb; English as in the United Kingdom), "2026年12月8日" in Chinese. Written by
    /// hand, not through chrono's format strings: the islands show dates, and the formatter
    /// weighs in the WASM.
    pub fn date(self, date: chrono::NaiveDate) -> String {
        use chrono::Datelike;
        let (y, m, d) = (date.year(), date.month(), date.day());
        match self {
            Lang::Zh => format!("{y}年{m}月{d}日"),
            Lang::Fr | Lang::En | Lang::Ar => format!("{d:02}/{m:02}/{y}"),
        }
    }

    /// A number as people write it in this language: "803,5" in French, "803.5" in English;
    /// thousands grouped ("1 607" / "1,607"). Arabic as the Maghreb writes it (CLDR's ar-DZ,
    /// ar-MA, ar-TN): Western digits, "1.607" and "803,5"; Chinese as English.
    pub fn number(self, value: f64) -> String {
        let rounded = (value * 100.0).round() / 100.0;
        let integer = rounded.trunc() as i64;
        let fraction = ((rounded.fract().abs()) * 100.0).round() as i64;
        let (group, decimal) = match self {
            Lang::Fr => ('\u{202f}', ','),
            Lang::En | Lang::Zh => (',', '.'),
            Lang::Ar => ('.', ','),
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
            ("ar-MA,ar;q=0.9,fr;q=0.8", Some(Lang::Ar)),
            ("zh-CN,zh;q=0.9", Some(Lang::Zh)),
            ("zh-Hans", Some(Lang::Zh)),
            ("zh-TW,en;q=0.5", Some(Lang::En)),
            ("zh-Hant-TW,zh-TW", None),
        ];
        for (header, expected) in cases {
            assert_eq!(Lang::from_accept_language(header), expected, "{header:?}");
        }
    }

    #[test]
    fn dates_are_written_the_local_way() {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 8).unwrap();
        let cases = [
            (Lang::Fr, "08/12/2026"),
            (Lang::En, "08/12/2026"),
            (Lang::Ar, "08/12/2026"),
            (Lang::Zh, "2026年12月8日"),
        ];
        for (lang, expected) in cases {
            assert_eq!(lang.date(day), expected, "{lang:?}");
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
            (Lang::Ar, 803.5, "803,5"),
            (Lang::Ar, 1607.0, "1.607"),
            (Lang::Zh, 1607.0, "1,607"),
            (Lang::Zh, 12.5, "12.5"),
        ];
        for (lang, value, expected) in cases {
            assert_eq!(lang.number(value), expected);
        }
    }
}
