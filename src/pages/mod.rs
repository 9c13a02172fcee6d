//! One component per route, and the parts of pages that reach outside them (the comment box
//! with its storage, the document head); each page loads its document and composes
//! components.

pub mod article;
pub mod comment_section;
pub mod home;
pub mod load_failed;
pub mod not_found;
pub mod page_head;
pub mod search;
pub mod topic;

/// Called by each page once it has drawn its content or its message: once the parts it draws
/// in later tasks are drawn too, the scroll position comes back after back/forward, and a
/// prerendered page is replaced.
pub(crate) fn page_ready() {
    news_views::pacing::Pacer::after_parts_drawn(|| {
        crate::data::scroll::content_ready();
        crate::takeover::page_ready();
    });
}

/// Called by a page whose content could not load; see [`crate::takeover::page_failed`].
pub(crate) fn page_failed(on_retry: leptos::prelude::Callback<()>) {
    crate::takeover::page_failed(on_retry);
}
