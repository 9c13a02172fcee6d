use wasm_bindgen::prelude::wasm_bindgen;

// Nothing at instantiation: the page's boot script calls `start`.
fn main() {}

/// Called by the page's boot script once the wasm is instantiated (see `news_blog::start`);
/// each build exports its own, so the search module, which links the same library, does not
/// carry the app.
#[wasm_bindgen]
pub fn start(import_module: js_sys::Function, search_script: String, search_wasm: String) {
    news_blog::start(import_module, search_script, search_wasm);
}
