use crate::components::layout::PageTitle;
use leptos::prelude::*;

use crate::components::layout::tr;
use crate::i18n::Msg;

/// The accessibility statement the RGAA requires, linked from every page's footer.
#[component]
pub fn AccessibilityPage() -> impl IntoView {
    view! {
        <PageTitle text=tr(Msg::AccessibilityTitle) />
        <div class="fr-container fr-my-6w">
            <h1>{tr(Msg::AccessibilityTitle)}</h1>
            <p>{tr(Msg::AccessibilityIntro)}</p>
            <h2>{tr(Msg::AccessibilityStatusHeading)}</h2>
            <p>{tr(Msg::AccessibilityStatusText)}</p>
            <h2>{tr(Msg::AccessibilityDoneHeading)}</h2>
            <p>{tr(Msg::AccessibilityDoneText)}</p>
            <h2>{tr(Msg::AccessibilityContactHeading)}</h2>
            <p>{tr(Msg::AccessibilityContactText)}</p>
        </div>
    }
}
