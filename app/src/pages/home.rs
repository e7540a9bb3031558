use crate::components::layout::PageTitle;
use leptos::prelude::*;

use crate::components::layout::t;
use crate::i18n::Msg;

#[component]
pub fn HomePage() -> impl IntoView {
    view! {
        <PageTitle text=t(Msg::HomeTitle) />
        <div class="fr-container fr-my-6w">
            <h1>{t(Msg::HomeHeading)}</h1>
            <p class="fr-text--lead">{t(Msg::HomeLead)}</p>
            <ul class="fr-btns-group fr-btns-group--inline-md">
                <li><a class="fr-btn fr-btn--lg" href="/eligibilite" data-testid="cta-eligibility">{t(Msg::HomeCta)}</a></li>
                <li><a class="fr-btn fr-btn--lg fr-btn--secondary" href="/demande" data-testid="cta-request">{t(Msg::HomeRequestCta)}</a></li>
            </ul>
            <div class="fr-grid-row fr-grid-row--gutters fr-mt-6w">
                <HomeCard title=Msg::HomeStep1Title text=Msg::HomeStep1Text />
                <HomeCard title=Msg::HomeStep2Title text=Msg::HomeStep2Text />
                <HomeCard title=Msg::HomeStep3Title text=Msg::HomeStep3Text />
            </div>
            <div class="fr-callout fr-mt-6w">
                <h2 class="fr-callout__title">{t(Msg::HomeLawTitle)}</h2>
                <p class="fr-callout__text">{t(Msg::HomeLawText)}</p>
            </div>
        </div>
    }
}

#[component]
fn HomeCard(title: Msg, text: Msg) -> impl IntoView {
    view! {
        <div class="fr-col-12 fr-col-md-4">
            <div class="wif-card">
                <h2 class="fr-h5">{t(title)}</h2>
                <p>{t(text)}</p>
            </div>
        </div>
    }
}
