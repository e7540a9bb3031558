//! The browser entry point. The pages render on the server; `app`'s islands are the only parts
//! the browser runs, and the page's loader (`app::IslandScripts`) fetches this module only where
//! there is one. `hydrate` sets up the reactive root; the loader then hydrates each island.
#![recursion_limit = "512"]

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    app::start_islands();
}
