//! Work in France: the one crate shared by the browser (feature `hydrate`) and the server
//! (feature `ssr`). `rules` is the pure domain; `pages` and `components` the Leptos UI.
#![recursion_limit = "512"]

pub mod api;
pub mod components;
pub mod env;
pub mod i18n;
pub mod instruction;
pub mod model;
pub mod pages;
pub mod rules;
#[cfg(feature = "ssr")]
pub mod ssr;
pub mod url;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Html, Link, Meta, MetaTags, Stylesheet, Title};
use leptos_router::{
    components::{Route, Router, Routes},
    path, SsrMode,
};

use crate::components::layout::{provide_lang, use_lang, Layout};
use crate::i18n::Msg;

/// The HTML document around the app, rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <AutoReload options=options.clone() />
                <HydrationScripts options />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_lang();
    let lang = use_lang();
    // Marks the page once the WASM has taken over (end-to-end tests wait for it).
    #[cfg(feature = "hydrate")]
    Effect::new(|_| {
        if let Some(body) = document().body() {
            let _ = body.set_attribute("data-hydrated", "true");
        }
    });

    view! {
        <Html {..} lang=move || lang.get().code() data-fr-scheme="light" />
        <Stylesheet id="leptos" href="/pkg/work-in-france.css" />
        <Link rel="icon" href="/favicon.svg" type_="image/svg+xml" />
        <Meta name="description" content=move || lang.get().t(Msg::MetaDescription) />
        <Title formatter=move |page: String| format!("{page} – Work in France") />
        <Router>
            <Layout>
                // Pages that read data render it before the first byte (`SsrMode::Async`): they
                // are complete without JavaScript, and hydrate over the same elements.
                <Routes fallback=pages::not_found::NotFound>
                    <Route path=path!("/") view=pages::home::HomePage />
                    <Route path=path!("/eligibilite") view=pages::eligibility::EligibilityPage />
                    <Route path=path!("/accessibilite") view=pages::accessibility::AccessibilityPage />
                    <Route path=path!("/demande") view=pages::request::StartPage />
                    <Route path=path!("/acces") view=pages::request::AccessPage />
                    <Route path=path!("/demande/:step") view=pages::request::StepPage ssr=SsrMode::Async />
                    <Route path=path!("/suivi") view=pages::request::FollowUpPage ssr=SsrMode::Async />
                    <Route path=path!("/instruction") view=pages::instructor::QueuePage ssr=SsrMode::Async />
                    <Route path=path!("/instruction/connexion") view=pages::instructor::LoginPage />
                    <Route path=path!("/instruction/dossier/:number") view=pages::instructor::FilePage ssr=SsrMode::Async />
                    <Route path=path!("/instruction/admin") view=pages::instructor::AdminPage ssr=SsrMode::Async />
                    <Route path=path!("/verifier") view=pages::verify::VerifyPage ssr=SsrMode::Async />
                    <Route path=path!("/statistiques") view=pages::stats::StatsPage ssr=SsrMode::Async />
                </Routes>
            </Layout>
        </Router>
    }
}
