//! The browser entry point: hydrate the server-rendered page. Lazy routes (see `app::App`)
//! need the asynchronous hydration, which waits for the visited page's part of the bundle; the
//! page is marked hydrated when all of it listens; until then links are plain links.
#![recursion_limit = "512"]

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    wasm_bindgen_futures::spawn_local(async {
        let Some(body) = leptos::prelude::document().body() else {
            return;
        };
        let lift = app::plain_links_until_hydrated();
        leptos::mount::hydrate_from_async(body, app::App)
            .await
            .forget();
        lift();
        app::mark_hydrated();
    });
}
