//! Postcode → département, the key of routing (Code du travail R.5221-15).

use serde::{Deserialize, Serialize};

use super::error::ErrorCode;

/// A département code: "01"–"95" (with "2A"/"2B" for Corsica) or a three-digit overseas code.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Departement(String);

impl Departement {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Parses a département code as written in configuration ("75", "2a", "971").
    pub fn parse(code: &str) -> Option<Self> {
        let code = code.trim().to_ascii_uppercase();
        let valid = match code.len() {
            2 if code == "2A" || code == "2B" => true,
            2 => code
                .parse::<u8>()
                .is_ok_and(|n| (1..=95).contains(&n) && n != 20),
            3 => matches!(
                code.as_str(),
                "971" | "972" | "973" | "974" | "975" | "976" | "977" | "978"
            ),
            _ => false,
        };
        valid.then_some(Self(code))
    }

    /// The département of a French postcode. Corsica's 20xxx split into 2A (200xx–201xx) and
    /// 2B (202xx–206xx); overseas postcodes 97x give the three-digit code. Monaco (980xx) and the
    /// overseas collectivities of the Pacific and TAAF (984xx–988xx) are not covered.
    pub fn from_postcode(postcode: &str) -> Result<Self, ErrorCode> {
        let postcode = postcode.trim();
        if postcode.len() != 5 || !postcode.bytes().all(|b| b.is_ascii_digit()) {
            return Err(ErrorCode::PostcodeFormat);
        }
        let prefix3 = &postcode[..3];
        let code = match &postcode[..2] {
            "20" => match prefix3 {
                "200" | "201" => "2A".to_owned(),
                "202" | "203" | "204" | "205" | "206" => "2B".to_owned(),
                _ => return Err(ErrorCode::PostcodeUnknown),
            },
            "97" => prefix3.to_owned(),
            "98" => return Err(ErrorCode::PostcodeNotCovered),
            two => two.to_owned(),
        };
        Self::parse(&code).ok_or(ErrorCode::PostcodeUnknown)
    }
}

impl TryFrom<String> for Departement {
    type Error = String;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value).ok_or_else(|| format!("unknown département: {value}"))
    }
}

impl From<Departement> for String {
    fn from(value: Departement) -> Self {
        value.0
    }
}

impl core::fmt::Display for Departement {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn postcodes_to_departements() {
        let cases = [
            ("75001", Ok("75")),
            ("75116", Ok("75")),
            ("01000", Ok("01")),
            ("13008", Ok("13")),
            ("95000", Ok("95")),
            ("20000", Ok("2A")),
            ("20167", Ok("2A")),
            ("20200", Ok("2B")),
            ("20600", Ok("2B")),
            ("20700", Err(ErrorCode::PostcodeUnknown)),
            ("97100", Ok("971")),
            ("97200", Ok("972")),
            ("97300", Ok("973")),
            ("97400", Ok("974")),
            ("97500", Ok("975")),
            ("97600", Ok("976")),
            ("97133", Ok("971")), // Saint-Barthélemy uses Guadeloupe's postcodes
            ("97150", Ok("971")), // so does Saint-Martin
            ("97900", Err(ErrorCode::PostcodeUnknown)),
            ("98000", Err(ErrorCode::PostcodeNotCovered)),
            ("98800", Err(ErrorCode::PostcodeNotCovered)),
            ("96000", Err(ErrorCode::PostcodeUnknown)),
            ("00100", Err(ErrorCode::PostcodeUnknown)),
            ("7500", Err(ErrorCode::PostcodeFormat)),
            ("750011", Err(ErrorCode::PostcodeFormat)),
            ("75 01", Err(ErrorCode::PostcodeFormat)),
            ("", Err(ErrorCode::PostcodeFormat)),
            ("7500١", Err(ErrorCode::PostcodeFormat)),
            (" 75001 ", Ok("75")),
        ];
        for (postcode, expected) in cases {
            let got = Departement::from_postcode(postcode);
            assert_eq!(
                got.as_ref().map(Departement::as_str).map_err(|e| *e),
                expected,
                "{postcode:?}"
            );
        }
    }

    #[test]
    fn departement_codes() {
        for ok in ["01", "2A", "2b", "75", "95", "971", "976"] {
            assert!(Departement::parse(ok).is_some(), "{ok}");
        }
        for bad in ["00", "20", "96", "99", "970", "979", "2C", "", "7", "750"] {
            assert!(Departement::parse(bad).is_none(), "{bad}");
        }
    }

    proptest! {
        #[test]
        fn any_text_is_refused_or_gives_a_valid_departement(s in ".{0,8}") {
            if let Ok(d) = Departement::from_postcode(&s) {
                prop_assert!(Departement::parse(d.as_str()).is_some());
            }
        }

        #[test]
        fn every_metropolitan_postcode_maps_to_its_first_two_digits(n in 1000u32..96000) {
            let postcode = format!("{n:05}");
            if !postcode.starts_with("20") {
                let d = Departement::from_postcode(&postcode).unwrap();
                prop_assert_eq!(d.as_str(), &postcode[..2]);
            }
        }
    }
}
