//! One component per route; each loads its document and composes components.

pub mod article;
pub mod home;
pub mod not_found;

/// Called by each page once it has drawn its content or its message: the scroll position comes
/// back after back/forward, and a prerendered page is replaced.
pub(crate) fn page_ready() {
    crate::data::scroll::content_ready();
    crate::takeover::page_ready();
}
