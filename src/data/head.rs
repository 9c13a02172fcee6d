//! The document's `<title>` and `<meta name="description">`, which the pages set through
//! [`PageHead`](crate::pages::page_head::PageHead).

use leptos::prelude::document;
use news_model::page_title;

/// Sets the tab title to "`page` – site name" (just the site name for the home page).
pub fn set_title(page: &str, site_name: &str) {
    document().set_title(&page_title(page, site_name));
}

/// Sets the tab title as composed in the site's language ([`news_views::words::Words::page_title`]).
pub fn set_whole_title(title: &str) {
    document().set_title(title);
}

/// Sets the page's description, or removes it when the page has none, so a stale one never
/// describes the wrong page.
pub fn set_description(description: Option<&str>) {
    let document = document();
    match (meta("description"), description) {
        (Some(meta), Some(description)) => {
            let _ = meta.set_attribute("content", description);
        }
        (Some(meta), None) => meta.remove(),
        (None, Some(description)) => {
            let Ok(meta) = document.create_element("meta") else {
                return;
            };
            let _ = meta.set_attribute("name", "description");
            let _ = meta.set_attribute("content", description);
            if let Some(head) = document.head() {
                let _ = head.append_child(&meta);
            }
        }
        (None, None) => {}
    }
}

/// The page's `<meta name="{name}">`, if it has one.
fn meta(name: &str) -> Option<web_sys::Element> {
    document()
        .query_selector(&format!("meta[name=\"{name}\"]"))
        .ok()
        .flatten()
}
