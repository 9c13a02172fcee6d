//! The search page's working part: finding stories as the reader types and drawing the
//! results. It ships as a wasm module of its own (`src/bin/news_search.rs`), which the search
//! page loads when a reader opens it, so no other page carries its code (see ARCHITECTURE.md).
//!
//! The page (`crate::pages::search`) draws the field and the empty parts named in
//! [`markup`]; [`start`] finds them under the page's root and takes them over.

mod engine;
mod one_index;
mod pagefind;
mod results;

pub use results::start;

/// The function the module exports (its files are named by the build, which hands them to
/// the app: `crate::data::modules::search_module`).
pub mod module {
    pub const START: &str = "showSearch";
}

/// The classes of the page's parts the module fills (one source for the page and the module).
pub mod markup {
    pub const STATUS: &str = "search__status";
    pub const RESULTS: &str = "search__results";
    pub const MORE: &str = "search__more";
}
