//! The interface's sentences: the message catalogue (`app/locales`), checked and turned into
//! Rust by the build script; a missing translation stops the build.

use super::Lang;

// `Msg`, one constant per message, and `Msg::ALL`, written by app/build.rs from the catalogue:
// app/locales/fr.ftl (the reference) and app/locales/en.ftl.
include!(concat!(env!("OUT_DIR"), "/messages.rs"));

impl Msg {
    /// The message in `lang`. A message with `{ $variables }` is shown with [`Msg::with`].
    pub const fn text(self, lang: Lang) -> &'static str {
        self.0[lang as usize]
    }

    /// The message in `lang` with each `{ $name }` replaced by its value. The catalogue's test
    /// checks that every language names the same variables; a variable not given stays visible
    /// as `{$name}` (and fails the debug build's assertion) rather than vanishing.
    pub fn with(self, lang: Lang, values: &[(&str, &str)]) -> String {
        fill(self.text(lang), values)
    }
}

/// Replaces each `{$name}` of a message's text by its value, in one pass: a value is never read
/// again, so what a user wrote (an instructor's message, say) is inserted as it is.
fn fill(text: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(text.len() + 32);
    let mut rest = text;
    while let Some(start) = rest.find("{$") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        match after.find('}') {
            Some(end) => {
                let name = &after[..end];
                match values.iter().find(|(n, _)| *n == name) {
                    Some((_, value)) => out.push_str(value),
                    None => {
                        debug_assert!(false, "{{${name}}} was not given: {text}");
                        out.push_str(&rest[start..start + 3 + end]);
                    }
                }
                rest = &after[end + 1..];
            }
            None => {
                out.push_str(&rest[start..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

impl Plural {
    /// The message for the number `n` in `lang`: the variant of `n`'s plural category (or
    /// `other`), with `n` written the language's way and each other value in its place.
    pub fn count(self, lang: Lang, n: u64, values: &[(&str, &str)]) -> String {
        let variants = self.texts[lang as usize];
        let category = lang.plural_category(n);
        let text = variants
            .iter()
            .find(|(c, _)| *c == category)
            .or_else(|| variants.iter().find(|(c, _)| *c == "other"))
            .map_or("", |(_, t)| t);
        let number = lang.number(n as f64);
        let mut all = vec![(self.variable, number.as_str())];
        all.extend_from_slice(values);
        fill(text, &all)
    }

    /// Each language's variants, `(category, text)`, in `Lang::ALL`'s order.
    pub fn variants(self, lang: Lang) -> &'static [(&'static str, &'static str)] {
        self.texts[lang as usize]
    }
}

impl Lang {
    /// CLDR's plural category of a whole number in this language
    /// (<https://www.unicode.org/cldr/charts/latest/supplemental/language_plural_rules.html>):
    /// French says "0 dossier, 1 dossier, 2 dossiers"; English "0 files, 1 file"; Arabic has
    /// six forms; Chinese one.
    pub const fn plural_category(self, n: u64) -> &'static str {
        match self {
            Lang::Fr if n <= 1 => "one",
            Lang::En if n == 1 => "one",
            Lang::Ar => match (n, n % 100) {
                (0, _) => "zero",
                (1, _) => "one",
                (2, _) => "two",
                (_, 3..=10) => "few",
                (_, 11..=99) => "many",
                _ => "other",
            },
            Lang::Fr | Lang::En | Lang::Zh => "other",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_is_translated() {
        for (key, msg) in Msg::ALL {
            for lang in Lang::ALL {
                assert!(!msg.text(lang).trim().is_empty(), "{key} {lang:?}");
            }
        }
        // Words that are the same in both languages, checked one by one.
        let same_in_both = [
            "menu-button",
            "summary-confirmation",
            "stats-departement",
            "dossier-departement",
            "instructor-administration",
            "instructor-pagination",
            "instructor-siret",
            "dossier-message",
            "admin-services",
            "admin-code",
            "admin-service",
        ];
        let untranslated: Vec<_> = Msg::ALL
            .iter()
            .filter(|(key, m)| m.text(Lang::Fr) == m.text(Lang::En) && !same_in_both.contains(key))
            .map(|(key, _)| *key)
            .collect();
        assert!(
            untranslated.is_empty(),
            "same text in both languages: {untranslated:?}"
        );
    }

    #[test]
    fn plurals_follow_each_language_rule() {
        let files = Plural {
            variable: "n",
            texts: &[
                &[("one", "{$n} dossier"), ("other", "{$n} dossiers")],
                &[("one", "{$n} file"), ("other", "{$n} files")],
                &[
                    ("one", "ملف واحد"),
                    ("two", "ملفان"),
                    ("few", "{$n} ملفات"),
                    ("other", "{$n} ملف"),
                ],
                &[("other", "{$n} 份档案")],
            ],
        };
        let cases = [
            (Lang::Fr, 0, "0 dossier"),
            (Lang::Fr, 1, "1 dossier"),
            (Lang::Fr, 2, "2 dossiers"),
            (Lang::Fr, 1607, "1\u{202f}607 dossiers"),
            (Lang::En, 0, "0 files"),
            (Lang::En, 1, "1 file"),
            (Lang::En, 2, "2 files"),
            (Lang::En, 1607, "1,607 files"),
            (Lang::Ar, 1, "ملف واحد"),
            (Lang::Ar, 2, "ملفان"),
            (Lang::Ar, 3, "3 ملفات"),
            (Lang::Ar, 11, "11 ملف"),
            (Lang::Ar, 1607, "1.607 ملفات"),
            (Lang::Ar, 1600, "1.600 ملف"),
            (Lang::Zh, 1, "1 份档案"),
        ];
        for (lang, n, expected) in cases {
            assert_eq!(files.count(lang, n, &[]), expected, "{lang:?} {n}");
        }
        // CLDR's Arabic categories, at each boundary.
        let arabic = [
            (0, "zero"),
            (1, "one"),
            (2, "two"),
            (3, "few"),
            (10, "few"),
            (11, "many"),
            (99, "many"),
            (100, "other"),
            (102, "other"),
            (103, "few"),
            (111, "many"),
            (1000, "other"),
        ];
        for (n, category) in arabic {
            assert_eq!(Lang::Ar.plural_category(n), category, "{n}");
        }
        assert_eq!(Lang::Zh.plural_category(1), "other");
        for (key, plural) in Msg::PLURALS {
            for lang in Lang::ALL {
                assert!(
                    plural.variants(lang).iter().any(|(c, _)| *c == "other"),
                    "{key}"
                );
            }
        }
    }

    #[test]
    fn variables_are_replaced_by_their_values() {
        let msg = Msg(&[
            "jusqu'à {$cap} heures, {$cap} au plus",
            "up to {$cap} hours",
            "حتى {$cap} ساعة",
            "最多 {$cap} 小时",
        ]);
        assert_eq!(
            msg.with(Lang::Fr, &[("cap", "964")]),
            "jusqu'à 964 heures, 964 au plus"
        );
        assert_eq!(
            msg.with(Lang::En, &[("cap", "964"), ("other", "x")]),
            "up to 964 hours"
        );
        // A value is inserted as it is, even when it looks like a variable.
        assert_eq!(
            msg.with(Lang::En, &[("cap", "{$cap}")]),
            "up to {$cap} hours"
        );
    }
}
