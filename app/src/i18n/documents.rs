//! The receipt's and the authorisation's texts, from the documents' catalogue
//! (`app/locales/documents/<lang>.ftl`): French, the act's language, and English, its
//! translation's. Arabic and Chinese requests get French documents (and the authorisation's
//! English translation): the PDF writer neither shapes Arabic nor carries a Chinese font.

use super::Lang;

// `Doc`, one constant per text, and `Doc::ALL`, written by app/build.rs.
include!(concat!(env!("OUT_DIR"), "/documents.rs"));

impl Doc {
    /// The text in English for English, in French otherwise.
    pub const fn text(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.0[1],
            Lang::Fr | Lang::Ar | Lang::Zh => self.0[0],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_is_in_french_and_in_english() {
        for (key, doc) in Doc::ALL {
            assert!(!doc.text(Lang::Fr).trim().is_empty(), "{key}");
            assert!(!doc.text(Lang::En).trim().is_empty(), "{key}");
            // A document in Arabic or Chinese is French.
            assert_eq!(doc.text(Lang::Ar), doc.text(Lang::Fr), "{key}");
            assert_eq!(doc.text(Lang::Zh), doc.text(Lang::Fr), "{key}");
        }
        assert_eq!(
            Doc::ReceiptDepositReceipt.text(Lang::Fr),
            "Récépissé de dépôt"
        );
        assert_eq!(Doc::ReceiptDepositReceipt.text(Lang::En), "Deposit receipt");
    }
}
