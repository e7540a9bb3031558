//! The interface's sentences: the message catalogue (`app/locales`), checked and turned into
//! Rust by the build script; a missing translation stops the build.

use super::Lang;

// `Msg`, `Msg::ALL`, `Msg::key` and `Msg::text`, written by app/build.rs from the catalogue:
// app/locales/fr.ftl (the reference) and app/locales/en.ftl.
include!(concat!(env!("OUT_DIR"), "/messages.rs"));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_is_translated() {
        for msg in Msg::ALL {
            let (fr, en) = (msg.text(Lang::Fr), msg.text(Lang::En));
            assert!(!fr.trim().is_empty() && !en.trim().is_empty(), "{msg:?}");
        }
        // Words that are the same in both languages, checked one by one.
        let same_in_both = [Msg::MenuButton];
        let untranslated: Vec<_> = Msg::ALL
            .iter()
            .filter(|m| m.text(Lang::Fr) == m.text(Lang::En) && !same_in_both.contains(m))
            .collect();
        assert!(
            untranslated.is_empty(),
            "same text in both languages: {untranslated:?}"
        );
    }
}
