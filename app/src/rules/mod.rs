//! The pure domain: who needs an authorisation, which documents, which inputs are valid.
//!
//! No Leptos, no I/O, no clock ("today" is always an argument), so the same code runs in the
//! browser (WASM) and on the server, and most of the product's tests live here.

/// Defines a closed set of machine-readable codes: the enum, its wire code (serde and the public
/// API spell it the same), the list of all values, and the parser from a code.
macro_rules! code_enum {
    ($(#[$meta:meta])* pub enum $name:ident { $($(#[$vmeta:meta])* $variant:ident => $code:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
        // On the server the same codes are the database's values: a column of this type reads
        // an unknown value as an error, never as a default.
        #[cfg_attr(feature = "ssr", derive(sea_orm::DeriveActiveEnum, sea_orm::EnumIter))]
        #[cfg_attr(feature = "ssr", sea_orm(rs_type = "String", db_type = "Text"))]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $code)] #[cfg_attr(feature = "ssr", schema(rename = $code))] #[cfg_attr(feature = "ssr", sea_orm(string_value = $code))] $variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub const fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            pub fn from_code(code: &str) -> Option<Self> {
                match code { $($code => Some($name::$variant),)+ _ => None }
            }
        }

        impl core::fmt::Display for $name {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str(self.code())
            }
        }
    };
}

pub mod config;
pub mod countries;
pub mod country;
pub mod decision;
pub mod departement;
pub mod documents;
pub mod dossier;
pub mod eligibility;
pub mod error;
pub mod request;
pub mod validation;

pub use config::RulesConfig;
pub use country::CountryCode;
pub use departement::Departement;
pub use documents::DocumentKind;
pub use eligibility::{decide, Eligibility, EligibilityInput, Outcome, Reason};
pub use error::{ErrorCode, FieldError};
