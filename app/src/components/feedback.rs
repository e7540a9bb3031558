//! How a form says what went wrong: the error of the last submission (from the address: the
//! server sends a refused plain form back with it), one field's message, and the banner read out
//! by screen readers. Used by the applicant's, the instructor's and the public pages.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::components::layout::use_lang;
use crate::i18n::{Lang, Msg};
use crate::model::AppError;

/// The error a server function returned to a plain form (no JavaScript): in the page's query.
pub fn error_from_url() -> Option<AppError> {
    use base64::Engine;
    use leptos::server_fn::error::FromServerFnError;
    let encoded = use_query_map().with_untracked(|q| q.get("__err"))?;
    let bytes = base64::engine::general_purpose::URL_SAFE
        .decode(encoded.as_bytes())
        .ok()?;
    Some(AppError::de(bytes.into()))
}

/// The error of the last submission, from the action (hydrated) or from the URL (plain form).
pub fn action_error<I>(action: ServerAction<I>) -> Signal<Option<AppError>>
where
    I: leptos::server_fn::ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
    I::Output: Clone + Send + Sync + 'static,
{
    let from_url = error_from_url();
    Signal::derive(move || match action.value().get() {
        Some(Err(e)) => Some(e),
        Some(Ok(_)) => None,
        None => from_url.clone(),
    })
}

/// The message of one field's error in a submission's error, in the page's language.
pub fn field_message(
    error: Signal<Option<AppError>>,
    field: &'static str,
    lang: RwSignal<Lang>,
) -> impl Fn() -> Option<&'static str> {
    move || {
        error.get().and_then(|e| {
            e.field_errors()
                .iter()
                .find(|f| f.field == field)
                .map(|f| f.message(lang.get()))
        })
    }
}

/// The error banner at the top of a form, announced to screen readers.
#[component]
pub fn ErrorBanner(error: Signal<Option<AppError>>) -> impl IntoView {
    let lang = use_lang();
    // A session that ended is the applicant's or the instructor's, by the page it ended on.
    let agent = leptos_router::hooks::use_location()
        .pathname
        .get_untracked()
        .starts_with("/instruction");
    view! {
        <div role="alert" aria-live="assertive">
            {move || error.get().map(|e| {
                let signed_out = matches!(e, AppError::NotSignedIn);
                let text = if signed_out && agent {
                    lang.get().t(Msg::FeedbackSessionHasExpiredSign).to_owned()
                } else {
                    e.message(lang.get())
                };
                let (href, link) = if agent {
                    ("/instruction/connexion", Msg::FeedbackSign)
                } else {
                    ("/acces", Msg::FeedbackEnterMyAccessCode)
                };
                view! {
                    <div class="fr-alert fr-alert--error fr-alert--sm fr-mb-3w" data-testid="form-error">
                        <p>{text}</p>
                        {signed_out.then(|| view! { <p><a class="fr-link" href=href>{move || lang.get().t(link)}</a></p> })}
                    </div>
                }
            })}
        </div>
    }
}
