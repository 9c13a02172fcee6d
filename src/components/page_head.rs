//! The browser tab's title and the page's description, written by each page.
//!
//! Every page (and every loading, error and not-found state) renders exactly one
//! [`PageHead`], so the last one rendered is the page on screen and nothing needs stacking.

use leptos::prelude::*;

use crate::data::head;

/// Sets the document title to "`title` – site name" and the description to `description`
/// (removed when the page has none, so a stale one never describes the wrong page).
#[component]
pub fn PageHead(
    #[prop(into)] title: String,
    #[prop(optional, into)] description: Option<String>,
) -> impl IntoView {
    head::set_title(&title);
    head::set_description(description.as_deref());
}
