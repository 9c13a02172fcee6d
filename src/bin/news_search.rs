//! The search module: the search page's finding and drawing (see `news_blog::search`), built
//! as a wasm module of its own (`data-type="worker"` in index.html: Trunk builds it but does
//! not load it) that the search page imports when a reader opens it.

use wasm_bindgen::prelude::wasm_bindgen;

fn main() {
    news_blog::panic::install_hook();
}

/// Takes over the search page under `root` (the page's `div.search`); Pagefind comes through
/// `import_module`, the boot script's import function, which the app hands on.
#[wasm_bindgen(js_name = showSearch)]
pub fn show_search(root: web_sys::Element, import_module: js_sys::Function) {
    news_blog::data::modules::hand_over(import_module);
    news_blog::search::start(&root);
}
