//! The browser tab's title and the page's description, written by each page.
//!
//! Every page (and every loading, error and not-found state) renders exactly one
//! [`PageHead`], so the last one rendered is the page on screen and nothing needs stacking.

use leptos::prelude::*;

use news_views::words::Words;

use crate::data::head;
use crate::data::settings::Settings;

/// Sets the document title to "`title` – site name", or to `whole_title` when the publisher
/// wrote the page's whole title (a story's `seo.title`), and the description to
/// `description` (removed when the page has none, so a stale one never describes the wrong
/// page).
#[component]
pub fn PageHead(
    #[prop(into)] title: String,
    #[prop(optional, into)] description: Option<String>,
    #[prop(optional_no_strip)] whole_title: Option<String>,
) -> impl IntoView {
    let title = whole_title.unwrap_or_else(|| {
        let site_name = use_context::<Settings>().map(|settings| settings.site.name);
        Words::from_context().page_title(&title, site_name.as_deref().unwrap_or_default())
    });
    head::set_whole_title(&title);
    head::set_description(description.as_deref());
}
