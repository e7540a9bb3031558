//! The browser entry point: hydrate the server-rendered page. Lazy routes (see `app::App`)
//! need the asynchronous hydration, which waits for the visited page's part of the bundle.
#![recursion_limit = "512"]

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_lazy(app::App);
}
