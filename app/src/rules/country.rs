//! Nationalities: ISO 3166-1 alpha-2 codes, and who enjoys free movement of workers.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::countries::COUNTRIES;
use crate::i18n::Lang;

/// A known ISO 3166-1 alpha-2 code; it can only be built from a code of the ISO list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CountryCode([u8; 2]);

/// Member states of the European Union, the other EEA states (Iceland, Liechtenstein, Norway) and
/// Switzerland: their nationals need no work authorisation (Code du travail R.5221-2 1°).
const FREE_MOVEMENT: [&str; 31] = [
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT",
    "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", // EU 27
    "IS", "LI", "NO", // EEA
    "CH",
];

impl CountryCode {
    /// Accepts a code in any case, surrounded by spaces; refuses anything not in ISO 3166-1.
    pub fn parse(input: &str) -> Option<Self> {
        let code = input.trim().to_ascii_uppercase();
        let index = COUNTRIES
            .binary_search_by(|(c, _)| (*c).cmp(code.as_str()))
            .ok()?;
        let bytes = COUNTRIES[index].0.as_bytes();
        Some(Self([bytes[0], bytes[1]]))
    }

    pub fn as_str(&self) -> &str {
        // Built only from the ASCII codes of COUNTRIES.
        core::str::from_utf8(&self.0).unwrap_or("??")
    }

    pub fn name(&self, lang: Lang) -> &'static str {
        let index = COUNTRIES
            .binary_search_by(|(c, _)| (*c).cmp(self.as_str()))
            .expect("a CountryCode is always in COUNTRIES");
        COUNTRIES[index].1[lang as usize]
    }

    /// EU, EEA or Swiss national.
    pub fn has_free_movement(&self) -> bool {
        FREE_MOVEMENT.contains(&self.as_str())
    }

    pub fn algeria() -> Self {
        Self(*b"DZ")
    }

    /// All countries, sorted by their name in `lang` (for a select list). Sorted once per
    /// language: every page with a nationality field lists them all, and building the list on
    /// each render (a name looked up, a collation key, a sort, for 249 countries) was a third of
    /// the server's time rendering `/eligibilite` (perf, under wrk).
    pub fn all_sorted(lang: Lang) -> &'static [(Self, &'static str)] {
        type Sorted = OnceLock<Vec<(CountryCode, &'static str)>>;
        static SORTED: [Sorted; Lang::ALL.len()] = [const { OnceLock::new() }; Lang::ALL.len()];
        SORTED[lang as usize].get_or_init(|| {
            let mut all: Vec<_> = COUNTRIES
                .iter()
                .filter_map(|(code, _)| Self::parse(code))
                .map(|c| (c, c.name(lang)))
                .collect();
            all.sort_by_cached_key(|(_, name)| collation_key(name));
            all
        })
    }
}

/// Sorts "Égypte" with "Egypte" rather than after "Zimbabwe", and "أفغانستان" with the other
/// names in alef (the alef's hamza forms are code points before it). The Arabic letters are in
/// alphabetical order in Unicode; Chinese names sort by code point, the radical-and-stroke order
/// of the ideographs (a dictionary's, not pinyin's).
fn collation_key(name: &str) -> String {
    name.chars()
        .map(|c| match c {
            'À' | 'Á' | 'Â' | 'Ä' | 'Å' | 'à' | 'á' | 'â' | 'ä' | 'å' => 'a',
            'Ç' | 'ç' => 'c',
            'É' | 'È' | 'Ê' | 'Ë' | 'é' | 'è' | 'ê' | 'ë' => 'e',
            'Î' | 'Ï' | 'Í' | 'î' | 'ï' | 'í' => 'i',
            'Ô' | 'Ö' | 'Ó' | 'ô' | 'ö' | 'ó' => 'o',
            'Û' | 'Ü' | 'Ú' | 'Ù' | 'û' | 'ü' | 'ú' | 'ù' => 'u',
            'أ' | 'إ' | 'آ' => 'ا',
            other => other.to_ascii_lowercase(),
        })
        .collect()
}

impl TryFrom<String> for CountryCode {
    type Error = String;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value).ok_or_else(|| format!("unknown ISO 3166-1 alpha-2 code: {value}"))
    }
}

impl From<CountryCode> for String {
    fn from(value: CountryCode) -> Self {
        value.as_str().to_owned()
    }
}

impl core::fmt::Display for CountryCode {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_iso_list_is_sorted_and_unique() {
        assert!(COUNTRIES.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(COUNTRIES.len(), 249);
    }

    #[test]
    fn parses_known_codes_only() {
        let cases = [
            ("SN", Some("SN")),
            ("dz", Some("DZ")),
            (" us ", Some("US")),
            ("XX", None),
            ("", None),
            ("FRA", None),
            ("É", None),
        ];
        for (input, expected) in cases {
            assert_eq!(
                CountryCode::parse(input).map(|c| c.to_string()).as_deref(),
                expected,
                "{input:?}"
            );
        }
    }

    #[test]
    fn free_movement_covers_eu_eea_and_switzerland_only() {
        for code in FREE_MOVEMENT {
            assert!(CountryCode::parse(code).is_some(), "{code} is an ISO code");
        }
        let cases = [
            ("FR", true),
            ("DE", true),
            ("NO", true),
            ("CH", true),
            ("LI", true),
            ("GB", false),
            ("DZ", false),
            ("SN", false),
            ("US", false),
            ("MC", false),
        ];
        for (code, expected) in cases {
            assert_eq!(
                CountryCode::parse(code).unwrap().has_free_movement(),
                expected,
                "{code}"
            );
        }
    }

    #[test]
    fn names_in_both_languages_and_sorted_lists() {
        let dz = CountryCode::algeria();
        assert_eq!(dz.name(Lang::Fr), "Algérie");
        assert_eq!(dz.name(Lang::En), "Algeria");
        let fr = CountryCode::all_sorted(Lang::Fr);
        let egypt = fr.iter().position(|(c, _)| c.as_str() == "EG").unwrap();
        let zimbabwe = fr.iter().position(|(c, _)| c.as_str() == "ZW").unwrap();
        assert!(egypt < zimbabwe, "accented names sort with their letter");
        assert_eq!(dz.name(Lang::Ar), "الجزائر");
        assert_eq!(dz.name(Lang::Zh), "阿尔及利亚");
        let ar = CountryCode::all_sorted(Lang::Ar);
        let at = |code: &str| ar.iter().position(|(c, _)| c.as_str() == code).unwrap();
        // أفغانستان (hamza on the alef) and الجزائر (plain alef) before بلجيكا (ba).
        assert!(
            at("AF") < at("BE") && at("DZ") < at("BE"),
            "alef forms sort together"
        );
    }

    #[test]
    fn every_code_has_its_own_names_and_one_place_in_each_list() {
        for (code, names) in COUNTRIES {
            let c = CountryCode::parse(code).unwrap();
            for lang in Lang::ALL {
                assert_eq!(c.name(lang), names[lang as usize], "{code}");
                assert!(!names[lang as usize].is_empty(), "{code} {lang:?}");
            }
        }
        for lang in Lang::ALL {
            let list = CountryCode::all_sorted(lang);
            assert_eq!(list.len(), COUNTRIES.len());
            assert!(list.iter().all(|(c, name)| c.name(lang) == *name));
            // The second call is the same list, not another one built again.
            assert!(std::ptr::eq(list, CountryCode::all_sorted(lang)));
        }
    }
}
