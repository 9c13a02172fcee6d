//! The News Blog app: a Leptos client-side app that renders the content format of the
//! `news_model` crate. `start` mounts it; the modules are public so component tests can mount
//! single pieces.

pub mod app;
pub mod components;
pub mod data;
pub mod embed;
pub mod pages;
pub mod panic;
pub mod takeover;

/// Installs the panic message and mounts the app (see [`takeover`]).
pub fn start() {
    panic::install_hook();
    remove_static_description();
    takeover::mount();
}

/// `index.html` carries a generic description for crawlers that do not run scripts; once the
/// app runs, `leptos_meta` writes one per page, and two would leave readers of the first (the
/// stale one) misled.
fn remove_static_description() {
    let Ok(Some(meta)) = leptos::prelude::document().query_selector("meta[name=\"description\"]")
    else {
        return;
    };
    meta.remove();
}
