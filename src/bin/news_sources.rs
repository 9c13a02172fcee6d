//! The sources module: reading a publisher's answers (see `news_blog::sources`), built as a
//! wasm module of its own (`data-type="worker"` in index.html: Trunk builds it but does not
//! load it) that a site reading WordPress, Ghost or a JSON Feed imports at start.

use wasm_bindgen::prelude::wasm_bindgen;

fn main() {
    news_blog::panic::install_hook();
}

/// A page of stories: `body`, the answer at `url` for page `page`.
#[wasm_bindgen(js_name = readFeedPage)]
pub fn read_feed_page(
    url: String,
    body: String,
    total_pages: Option<u32>,
    page: u32,
) -> js_sys::Array {
    news_blog::sources::read_feed_page(&url, &body, total_pages, page)
}

/// One story: `body`, the answer at `url`.
#[wasm_bindgen(js_name = readArticle)]
pub fn read_article(url: String, body: String) -> js_sys::Array {
    news_blog::sources::read_article(&url, &body)
}
