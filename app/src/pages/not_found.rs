use crate::components::layout::PageTitle;
use leptos::prelude::*;

use crate::components::layout::tr;
use crate::i18n::Msg;

#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    view! {
        <PageTitle text=tr(Msg::NotFoundTitle) />
        <div class="fr-container fr-my-6w">
            <h1>{tr(Msg::NotFoundTitle)}</h1>
            <p class="fr-text--lead">{tr(Msg::NotFoundText)}</p>
            <a class="fr-btn" href="/">{tr(Msg::NavHome)}</a>
        </div>
    }
}
