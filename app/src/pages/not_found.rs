use crate::components::layout::PageTitle;
use leptos::prelude::*;

use crate::components::layout::t;
use crate::i18n::Msg;

#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    view! {
        <PageTitle text=t(Msg::NotFoundTitle) />
        <div class="fr-container fr-my-6w">
            <h1>{t(Msg::NotFoundTitle)}</h1>
            <p class="fr-text--lead">{t(Msg::NotFoundText)}</p>
            <a class="fr-btn" href="/">{t(Msg::NavHome)}</a>
        </div>
    }
}
