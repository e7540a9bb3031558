//! Fresh form elements for fresh data.
//!
//! Leptos rebuilds a view *in place* when a re-render produces a view of the same type: the
//! elements stay, only their attributes change. For a form that is wrong. `value="…"` and
//! `checked` set an input's *default*, and the browser keeps showing what was typed. So after
//! "Save and continue", step 2 was drawn into step 1's `<input>`s and showed step 1's answers.
//! `keyed` ties a view to a key: the same key keeps the elements (and what is being typed,
//! e.g. after a refused submission); a new key builds new elements from the server's values.

use std::hash::Hash;

use leptos::prelude::*;
use serde::Serialize;

/// Renders `view()` for `key`, and builds it anew, with new elements, when the key changes.
pub fn keyed<K, V, F>(key: K, view: F) -> impl IntoView
where
    K: Eq + Hash + Clone + Send + Sync + 'static,
    F: Fn() -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    keyed_by(move || key.clone(), view)
}

/// The same for a key that changes while the view stays: `view()` is built again only when
/// `key()` gives another key (data that came back from an action, for instance).
pub fn keyed_by<K, V, F>(key: impl Fn() -> K + Send + Sync + 'static, view: F) -> impl IntoView
where
    K: Eq + Hash + Clone + Send + Sync + 'static,
    F: Fn() -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let children = move |_: K| view();
    view! { <For each=move || [key()] key=|k: &K| k.clone() children /> }
}

/// A fingerprint of what the server sent for a page (FNV-1a of its JSON): the key of a form
/// that must be rebuilt when the data it shows changes, and kept while it does not.
pub fn fingerprint<T: Serialize>(data: &T) -> u64 {
    let bytes = serde_json::to_vec(data).unwrap_or_default();
    bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::fingerprint;

    #[test]
    fn fingerprints_follow_the_data() {
        let cases: [(&[&str], &[&str], bool); 4] = [
            (&["a"], &["a"], true),
            (&["a"], &["b"], false),
            (&["a", "b"], &["ab"], false),
            (&[], &[""], false),
        ];
        for (left, right, same) in cases {
            assert_eq!(
                fingerprint(&left) == fingerprint(&right),
                same,
                "{left:?} vs {right:?}"
            );
        }
    }
}
