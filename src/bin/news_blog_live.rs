//! The app built with the `live-sources` feature: the same app as `news_blog`, whose reader of
//! stories is the one of WordPress, Ghost and JSON Feed (see `news_blog::data::stories`). A
//! page's boot script loads this build only when the page's `news-blog-source` names one of
//! them (see ARCHITECTURE.md), so a site that reads its own JSON never carries the sources'
//! reading on its first page.

use wasm_bindgen::prelude::wasm_bindgen;

// Nothing at instantiation: the page's boot script calls `start`.
fn main() {}

/// Called by the page's boot script once the wasm is instantiated, as `news_blog`'s `start`.
#[wasm_bindgen]
pub fn start(import_module: js_sys::Function, search_script: String, search_wasm: String) {
    news_blog::start(import_module, search_script, search_wasm);
}
