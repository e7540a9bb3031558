//! What the pages read from their surroundings: today's date, the language chosen before.
//! On the server from the clock and the request; in the browser from the DOM.

use chrono::NaiveDate;

use crate::i18n::Lang;

/// Name of the cookie that remembers the chosen language.
pub const LANG_COOKIE: &str = "wif_lang";

/// Today, in the user's time zone where the browser knows it.
pub fn today() -> NaiveDate {
    #[cfg(feature = "ssr")]
    {
        chrono::Local::now().date_naive()
    }
    #[cfg(all(feature = "hydrate", not(feature = "ssr")))]
    {
        let now = js_sys::Date::new_0();
        NaiveDate::from_ymd_opt(
            now.get_full_year() as i32,
            now.get_month() + 1,
            now.get_date(),
        )
        .unwrap_or(NaiveDate::MIN)
    }
    #[cfg(not(any(feature = "ssr", feature = "hydrate")))]
    {
        NaiveDate::from_ymd_opt(2026, 1, 1).expect("valid date")
    }
}

/// The value of one cookie in a `Cookie` header or `document.cookie`.
pub fn cookie_value<'a>(cookies: &'a str, name: &str) -> Option<&'a str> {
    cookies.split(';').find_map(|pair| {
        let (key, value) = pair.trim().split_once('=')?;
        (key == name).then_some(value)
    })
}

/// The language the page starts in: the `lang` query parameter, then the cookie, then French.
/// On the server this reads the request; in the browser, the `<html lang>` the server rendered,
/// so hydration starts from the same language.
pub fn initial_lang() -> Lang {
    #[cfg(feature = "ssr")]
    {
        use leptos::prelude::use_context;
        let Some(parts) = use_context::<http_parts::Parts>() else {
            return Lang::default();
        };
        let (lang, from_query) = crate::ssr::requested_lang(&parts);
        if from_query {
            remember_lang(lang);
        }
        lang
    }
    #[cfg(all(feature = "hydrate", not(feature = "ssr")))]
    {
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
            .and_then(|e| e.get_attribute("lang"))
            .and_then(|code| Lang::from_code(&code))
            .unwrap_or_default()
    }
    #[cfg(not(any(feature = "ssr", feature = "hydrate")))]
    {
        Lang::default()
    }
}

#[cfg(feature = "ssr")]
mod http_parts {
    pub use http::header::SET_COOKIE;
    pub use http::request::Parts;
    pub use leptos_axum::ResponseOptions;
}

/// A cookie for a year, readable by the page (it holds only "fr" or "en"), sent on same-site requests.
pub fn lang_cookie(lang: Lang) -> String {
    format!(
        "{LANG_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax",
        lang.code()
    )
}

#[cfg(feature = "ssr")]
fn remember_lang(lang: Lang) {
    if let Some(response) = leptos::prelude::use_context::<http_parts::ResponseOptions>() {
        if let Ok(value) = http::HeaderValue::from_str(&lang_cookie(lang)) {
            response.append_header(http_parts::SET_COOKIE, value);
        }
    }
}

/// Browser side effects of the islands: keep the address bar (and the language switch) in step
/// with the live eligibility form without a navigation, and move the focus.
#[cfg(feature = "hydrate")]
pub mod browser {
    use wasm_bindgen::JsCast;

    /// Replaces the current history entry's query string.
    pub fn replace_query(query: &str) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let path = window.location().pathname().unwrap_or_default();
        let url = if query.is_empty() {
            path.clone()
        } else {
            format!("{path}?{query}")
        };
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
        }
        // The language menu's links are plain links drawn by the server: they keep the answers too.
        for link in lang_links() {
            if let Some(code) = link.get_attribute("data-lang") {
                let query = crate::url::with_param(query, "lang", &code);
                let _ = link.set_attribute("href", &format!("{path}?{query}"));
            }
        }
    }

    /// Moves the focus to the element `id`, or to the first field inside it (a fieldset).
    pub fn focus(id: &str) {
        let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(id))
        else {
            return;
        };
        let target = if el
            .matches("input, select, textarea, button, [tabindex]")
            .unwrap_or(false)
        {
            Some(el)
        } else {
            el.query_selector("input, select, textarea").ok().flatten()
        };
        if let Some(html) = target.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = html.focus();
        }
    }

    /// What a form holds that was not saved, kept across one page load (the language switch
    /// is a link): `keep_typed` on the way out, `take_typed` on the way in.
    pub fn keep_typed(key: &str, json: &str) {
        if let Some(storage) = web_sys::window().and_then(|w| w.session_storage().ok().flatten()) {
            let _ = storage.set_item(key, json);
        }
    }

    pub fn take_typed(key: &str) -> Option<String> {
        let storage = web_sys::window().and_then(|w| w.session_storage().ok().flatten())?;
        let value = storage.get_item(key).ok().flatten();
        let _ = storage.remove_item(key);
        value
    }

    /// The language menu's links.
    fn lang_links() -> Vec<web_sys::Element> {
        let Some(list) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector_all("a.wif-lang").ok())
        else {
            return Vec::new();
        };
        (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|node| node.dyn_into::<web_sys::Element>().ok())
            .collect()
    }

    /// Calls `f` when a language of the menu is chosen, before the browser follows the link.
    pub fn on_lang_switch(f: impl Fn() + 'static) {
        use wasm_bindgen::closure::Closure;
        let listener = Closure::<dyn Fn()>::new(f);
        for link in lang_links() {
            let _ =
                link.add_event_listener_with_callback("click", listener.as_ref().unchecked_ref());
        }
        listener.forget();
    }

    pub fn current_query() -> String {
        web_sys::window()
            .and_then(|w| w.location().search().ok())
            .map(|s| s.trim_start_matches('?').to_owned())
            .unwrap_or_default()
    }
}
