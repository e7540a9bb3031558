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
    path, Lazy, SsrMode,
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

/// Routes whose pages are loaded when they are visited: `cargo leptos build --split` moves
/// each group's code out of the main bundle, so a page never downloads another group's (an
/// applicant never fetches the instructor's pages). The visited group's part is preloaded with
/// the main one. Pages are grouped, not split one by one: code shared by several split points
/// goes to one chunk per combination of them, and twelve split points made 208 chunks, which a
/// phone fetched six at a time over HTTP/1.1 (11.6 s to hydrate /eligibilite on Slow 4G).
mod routes {
    use leptos::prelude::*;
    use leptos_router::{hooks::use_location, lazy_route, LazyRoute};

    use crate::pages;

    /// The page of the group that the current address names (the group's routes say which).
    fn path() -> String {
        let path = use_location().pathname.get_untracked();
        path.trim_end_matches('/').to_owned()
    }

    pub struct Eligibility;
    #[lazy_route]
    impl LazyRoute for Eligibility {
        fn data() -> Self {
            Self
        }
        fn view(this: Self) -> AnyView {
            let _ = this;
            pages::eligibility::EligibilityPage().into_any()
        }
    }

    /// `/demande`, `/acces`, `/acces/lien`, `/demande/{step}`, `/suivi`.
    pub struct ApplicantPages;
    #[lazy_route]
    impl LazyRoute for ApplicantPages {
        fn data() -> Self {
            Self
        }
        fn view(this: Self) -> AnyView {
            let _ = this;
            match path().as_str() {
                "/demande" => pages::request::StartPage().into_any(),
                "/acces" => pages::request::AccessPage().into_any(),
                "/acces/lien" => pages::request::LinkPage().into_any(),
                "/suivi" => pages::request::FollowUpPage().into_any(),
                _ => pages::request::StepPage().into_any(),
            }
        }
    }

    /// `/instruction`, `/instruction/connexion`, `/instruction/dossier/{number}`, `/instruction/admin`.
    pub struct InstructorPages;
    #[lazy_route]
    impl LazyRoute for InstructorPages {
        fn data() -> Self {
            Self
        }
        fn view(this: Self) -> AnyView {
            let _ = this;
            let path = path();
            if path == "/instruction/connexion" {
                pages::instructor::LoginPage().into_any()
            } else if path == "/instruction/admin" {
                pages::instructor::AdminPage().into_any()
            } else if path.starts_with("/instruction/dossier/") {
                pages::instructor::DossierPage().into_any()
            } else {
                pages::instructor::QueuePage().into_any()
            }
        }
    }

    /// `/verifier`, `/statistiques`.
    pub struct PublicPages;
    #[lazy_route]
    impl LazyRoute for PublicPages {
        fn data() -> Self {
            Self
        }
        fn view(this: Self) -> AnyView {
            let _ = this;
            match path().as_str() {
                "/verifier" => pages::verify::VerifyPage().into_any(),
                _ => pages::stats::StatsPage().into_any(),
            }
        }
    }
}

/// Until the page is hydrated, a link is followed by the browser itself (a full page load, as
/// without JavaScript). The router listens from the moment `App` starts, but the visited page's
/// lazy part hydrates later: a link the router followed in between was drawn into the old
/// page's hydration, which panicked ("Unrecoverable hydration error") and left a dead page.
/// Back and forward in that window reload the address they lead to. Returns what lifts this;
/// if hydration never ends, links keep working the plain way.
#[cfg(feature = "hydrate")]
pub fn plain_links_until_hydrated() -> impl FnOnce() {
    use wasm_bindgen::{closure::Closure, JsCast};
    let on_click = Closure::<dyn Fn(web_sys::Event)>::new(|ev: web_sys::Event| {
        let on_link = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("a[href]").ok().flatten())
            .is_some();
        if on_link {
            ev.stop_propagation();
        }
    });
    let on_history = Closure::<dyn Fn(web_sys::Event)>::new(|ev: web_sys::Event| {
        ev.stop_immediate_propagation();
        let _ = window().location().reload();
    });
    let window = window();
    let listen = |name: &str, f: &Closure<dyn Fn(web_sys::Event)>| {
        let _ = window.add_event_listener_with_callback_and_bool(
            name,
            f.as_ref().unchecked_ref(),
            true,
        );
    };
    listen("click", &on_click);
    listen("popstate", &on_history);
    move || {
        for (name, f) in [("click", &on_click), ("popstate", &on_history)] {
            let _ = window.remove_event_listener_with_callback_and_bool(
                name,
                f.as_ref().unchecked_ref(),
                true,
            );
        }
    }
}

/// Marks the page once the WASM has taken over all of it, the visited page's lazy part included
/// (end-to-end tests wait for it; the front end calls it when hydration has finished). An effect
/// of `App` ran before the lazy part was hydrated: a test then typed into a page that did not
/// listen yet.
#[cfg(feature = "hydrate")]
pub fn mark_hydrated() {
    if let Some(body) = document().body() {
        let _ = body.set_attribute("data-hydrated", "true");
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_lang();
    let lang = use_lang();

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
                    <Route path=path!("/accessibilite") view=pages::accessibility::AccessibilityPage />
                    <Route path=path!("/demande") view={Lazy::<routes::ApplicantPages>::new()} />
                    <Route path=path!("/acces") view={Lazy::<routes::ApplicantPages>::new()} />
                    <Route path=path!("/acces/lien") view={Lazy::<routes::ApplicantPages>::new()} />
                    <Route path=path!("/demande/:step") view={Lazy::<routes::ApplicantPages>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/suivi") view={Lazy::<routes::ApplicantPages>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/instruction") view={Lazy::<routes::InstructorPages>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/instruction/connexion") view={Lazy::<routes::InstructorPages>::new()} />
                    <Route path=path!("/instruction/dossier/:number") view={Lazy::<routes::InstructorPages>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/instruction/admin") view={Lazy::<routes::InstructorPages>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/verifier") view={Lazy::<routes::PublicPages>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/statistiques") view={Lazy::<routes::PublicPages>::new()} ssr=SsrMode::Async />
                </Routes>
            </Layout>
        </Router>
    }
}
