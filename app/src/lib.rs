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
    // For `PreloadFrontEnd`, on the pages that have an island.
    provide_context(options.clone());
    view! {
        <!DOCTYPE html>
        <html>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <AutoReload options=options.clone() />
                <IslandScripts options />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// Loads the front end where the page has an island, and only there: the pages render on the
/// server and most of them need nothing else (every form works without JavaScript). Leptos's own
/// islands script fetches the WASM on every page and marks nothing when it is done; this one
/// hydrates each `<leptos-island>` in document order (an island inside another's children
/// after it, as Leptos's does), then sets `body[data-hydrated]`, which tests and benches wait
/// for. A page without islands sets it at once and fetches no WASM.
#[component]
fn IslandScripts(options: LeptosOptions) -> impl IntoView {
    let (js, wasm) = front_end_urls(&options);
    let nonce = leptos::nonce::use_nonce();
    view! {
        <script type="module" nonce=nonce>
            {format!("({ISLAND_LOADER})({js:?}, {wasm:?});")}
        </script>
    }
}

/// The addresses of the front end's JavaScript and WASM, as cargo-leptos names them.
fn front_end_urls(options: &LeptosOptions) -> (String, String) {
    let pkg = format!("/{}", options.site_pkg_dir);
    let js = options.output_name.to_string();
    let wasm = if std::option_env!("LEPTOS_OUTPUT_NAME").is_some() {
        js.clone()
    } else {
        format!("{js}_bg")
    };
    (format!("{pkg}/{js}.js"), format!("{pkg}/{wasm}.wasm"))
}

/// Put beside each island of a page: the browser fetches the front end's JavaScript and WASM
/// while it reads the page, instead of when the loader runs, after the whole document (a module
/// script waits for it). Without these links the WASM's first byte was asked for only once the
/// page had been parsed. `crossorigin` as the loader's `fetch` asks (same-origin credentials),
/// or the browser would fetch the WASM twice.
///
/// Every island is lazy (`#[island(lazy)]`, built with `cargo leptos build --split`): the main
/// module holds the runtime, and each island's code is a module of its own, with chunks for
/// what several islands share, fetched when the island hydrates. `island` is the island's
/// component name; its modules are preloaded too, from the split's manifest.
#[component]
pub fn PreloadFrontEnd(island: &'static str) -> impl IntoView {
    use_context::<LeptosOptions>().map(|options| {
        let (js, wasm) = front_end_urls(&options);
        let pkg = format!("/{}", options.site_pkg_dir);
        let split = split_modules(&options, island);
        let loader = (!split.is_empty()).then(|| format!("{pkg}/{SPLIT_LOADER}"));
        view! {
            <Link rel="modulepreload" href=js />
            {loader.map(|href| view! { <Link rel="modulepreload" href /> })}
            <Link rel="preload" href=wasm as_="fetch" type_="application/wasm" crossorigin="anonymous" />
            {split
                .iter()
                .map(|module| {
                    let href = format!("{pkg}/{module}.wasm");
                    view! { <Link rel="preload" href as_="fetch" type_="application/wasm" crossorigin="anonymous" /> }
                })
                .collect_view()}
        }
    })
}

/// The JavaScript that loads the split modules, as cargo-leptos names it without file hashes.
const SPLIT_LOADER: &str = "__wasm_split.______________________.js";

/// The modules (file names without `.wasm`) an island's code needs besides the main one, from
/// the manifest `cargo leptos build --split` writes: split names are the island's loader
/// (`{island in snake case}_loader_{hash}`). Read once, grouped by island; none without a split
/// build.
#[cfg(feature = "ssr")]
fn split_modules(options: &LeptosOptions, island: &str) -> &'static [String] {
    use std::collections::HashMap;
    use std::sync::OnceLock;
    static BY_ISLAND: OnceLock<HashMap<String, Vec<String>>> = OnceLock::new();
    let by_island = BY_ISLAND.get_or_init(|| {
        let path = std::path::Path::new(options.site_root.as_ref())
            .join(options.site_pkg_dir.as_ref())
            .join("__wasm_split_manifest.json");
        let manifest: HashMap<String, Vec<String>> = std::fs::read_to_string(path)
            .ok()
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_default();
        let mut by_island: HashMap<String, Vec<String>> = HashMap::new();
        for (split, files) in manifest {
            if let Some((island, _hash)) = split.rsplit_once("_loader_") {
                by_island
                    .entry(island.to_owned())
                    .or_default()
                    .extend(files);
            }
        }
        for modules in by_island.values_mut() {
            modules.sort();
            modules.dedup();
        }
        by_island
    });
    by_island
        .get(&snake_case(island))
        .map(Vec::as_slice)
        .unwrap_or_default()
}

#[cfg(not(feature = "ssr"))]
fn split_modules(_: &LeptosOptions, _: &str) -> &'static [String] {
    &[]
}

/// `EligibilityForm` → `eligibility_form`, as Leptos's `#[lazy]` names an island's split.
#[cfg(feature = "ssr")]
fn snake_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// `IslandScripts`'s script. Until the step's island is live, the language switch is a plain link
/// and what a wizard step holds unsaved would be lost with the page: the click listener keeps it
/// as the live step does (steps.rs, `keep_typed`), and the next page's step island puts it back.
/// It listens in the capture phase, before the island's own listener, which overwrites it once
/// registered (by an effect, which may run after `data-hydrated` is set): no moment between
/// the two loses what was typed.
const ISLAND_LOADER: &str = r#"async (js, wasm) => {
  const done = () => document.body.setAttribute("data-hydrated", "true");
  if (!document.querySelector("leptos-island")) return done();
  document.addEventListener("click", (event) => {
    const form = document.querySelector('form input[name="step"]')?.form;
    if (!form || !event.target.closest?.("a.wif-lang")) return;
    const typed = {};
    for (const [name, value] of new FormData(form)) {
      const field = /^form\[(.+)\]$/.exec(name);
      if (field && typeof value === "string") typed[field[1]] = value;
    }
    sessionStorage.setItem(`wif-typed-${form.elements.step.value}`, JSON.stringify(typed));
  }, true);
  const mod = await import(js);
  await mod.default({ module_or_path: wasm });
  mod.hydrate();
  const children = [];
  const visit = async (node) => {
    const tag = node.tagName.toLowerCase();
    if (tag === "leptos-island") {
      const island = mod[node.dataset.component];
      if (island) {
        children.at(-1)?.();
        await island(node);
      } else {
        console.warn(`no WASM function for the island ${node.dataset.component}`);
      }
    } else if (tag === "leptos-children") {
      children.push(node.$$on_hydrate);
      for (const child of node.children) await visit(child);
      children.pop();
      return;
    }
    for (const child of node.children) await visit(child);
  };
  await visit(document.body);
  done();
}"#;

/// The front end's entry: the reactive root the islands hydrate under (`IslandScripts` then
/// calls each island's function).
#[cfg(feature = "hydrate")]
pub fn start_islands() {
    leptos::mount::hydrate_islands();
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_lang();
    let lang = use_lang();

    view! {
        <Html {..} lang=move || lang.get().tag() dir=move || lang.get().dir() data-fr-scheme="light" />
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
                    <Route path=path!("/acces/lien") view=pages::request::LinkPage />
                    <Route path=path!("/demande/:step") view=pages::request::StepPage ssr=SsrMode::Async />
                    <Route path=path!("/suivi") view=pages::request::FollowUpPage ssr=SsrMode::Async />
                    <Route path=path!("/instruction") view=pages::instructor::QueuePage ssr=SsrMode::Async />
                    <Route path=path!("/instruction/connexion") view=pages::instructor::LoginPage />
                    <Route path=path!("/instruction/dossier/:number") view=pages::instructor::DossierPage ssr=SsrMode::Async />
                    <Route path=path!("/instruction/admin") view=pages::instructor::AdminPage ssr=SsrMode::Async />
                    <Route path=path!("/verifier") view=pages::verify::VerifyPage ssr=SsrMode::Async />
                    <Route path=path!("/statistiques") view=pages::stats::StatsPage ssr=SsrMode::Async />
                </Routes>
            </Layout>
        </Router>
    }
}
