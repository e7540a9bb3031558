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

/// Browser side effects of the language switch and of the live form: remember the choice and
/// keep the address bar shareable, without a navigation.
#[cfg(feature = "hydrate")]
pub mod browser {
    use wasm_bindgen::JsCast;

    pub fn set_cookie(cookie: &str) {
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            if let Ok(html) = doc.dyn_into::<web_sys::HtmlDocument>() {
                let _ = html.set_cookie(cookie);
            }
        }
    }

    /// Replaces the current history entry's query string.
    pub fn replace_query(query: &str) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let path = window.location().pathname().unwrap_or_default();
        let url = if query.is_empty() {
            path
        } else {
            format!("{path}?{query}")
        };
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
        }
    }

    pub fn current_query() -> String {
        web_sys::window()
            .and_then(|w| w.location().search().ok())
            .map(|s| s.trim_start_matches('?').to_owned())
            .unwrap_or_default()
    }
}
