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
    lazy_route, path, Lazy, LazyRoute, SsrMode,
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

/// A route whose page is loaded when it is visited: `cargo leptos build --split` moves the
/// page's code out of the main bundle, so no page downloads another's (an applicant never
/// fetches the instructor's pages). The visited page's part is preloaded with the main one.
macro_rules! lazy_page {
    ($($route:ident => $page:path),* $(,)?) => {$(
        pub struct $route;
        #[lazy_route]
        impl LazyRoute for $route {
            fn data() -> Self {
                Self
            }
            fn view(this: Self) -> AnyView {
                let _ = this;
                $page().into_any()
            }
        }
    )*};
}

mod routes {
    use super::*;
    lazy_page! {
        Eligibility => pages::eligibility::EligibilityPage,
        Accessibility => pages::accessibility::AccessibilityPage,
        Start => pages::request::StartPage,
        Access => pages::request::AccessPage,
        RequestStep => pages::request::StepPage,
        FollowUp => pages::request::FollowUpPage,
        Queue => pages::instructor::QueuePage,
        LogIn => pages::instructor::LoginPage,
        File => pages::instructor::FilePage,
        Admin => pages::instructor::AdminPage,
        Verify => pages::verify::VerifyPage,
        Stats => pages::stats::StatsPage,
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
                    <Route path=path!("/eligibilite") view={Lazy::<routes::Eligibility>::new()} />
                    <Route path=path!("/accessibilite") view={Lazy::<routes::Accessibility>::new()} />
                    <Route path=path!("/demande") view={Lazy::<routes::Start>::new()} />
                    <Route path=path!("/acces") view={Lazy::<routes::Access>::new()} />
                    <Route path=path!("/demande/:step") view={Lazy::<routes::RequestStep>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/suivi") view={Lazy::<routes::FollowUp>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/instruction") view={Lazy::<routes::Queue>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/instruction/connexion") view={Lazy::<routes::LogIn>::new()} />
                    <Route path=path!("/instruction/dossier/:number") view={Lazy::<routes::File>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/instruction/admin") view={Lazy::<routes::Admin>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/verifier") view={Lazy::<routes::Verify>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/statistiques") view={Lazy::<routes::Stats>::new()} ssr=SsrMode::Async />
                </Routes>
            </Layout>
        </Router>
    }
}
