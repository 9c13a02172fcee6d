//! Reading a publisher's answers (WordPress, Ghost, a JSON Feed): the model's mappings and the
//! browser's inert HTML parser. They ship as a wasm module of their own
//! (`src/bin/news_sources.rs`), loaded only by a site that reads a source live, so a site of
//! its own JSON documents carries none of their code. The module hands back this project's
//! own JSON ([`reply`]), which the app reads with the same checks as its own files.

pub mod inert_html;
mod read;
pub mod reply;

pub use read::{read_article, read_feed_page};

/// The module's script, relative to the site's base, and the functions it exports.
pub mod module {
    pub const SCRIPT: &str = "news_sources.js";
    pub const READ_FEED_PAGE: &str = "readFeedPage";
    pub const READ_ARTICLE: &str = "readArticle";
}
