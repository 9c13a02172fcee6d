use news_blog::data::modules::{hand_over, hand_over_search_files, SearchFiles};
use wasm_bindgen::prelude::wasm_bindgen;

// Nothing at instantiation: the page's boot script calls `start`.
fn main() {}

/// Called by the page's boot script once the wasm is instantiated: what the app imports later
/// comes through it (see `news_blog::data::modules`).
#[wasm_bindgen]
pub fn start(import_module: js_sys::Function, search_script: String, search_wasm: String) {
    hand_over(import_module);
    hand_over_search_files(SearchFiles {
        script: search_script,
        wasm: search_wasm,
    });
    news_blog::start();
}
