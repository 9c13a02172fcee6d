//! The News Blog app: a Leptos client-side app that renders the content format of the
//! `news_model` crate. `start` mounts it; the modules are public so component tests can mount
//! single pieces.

pub mod app;
pub mod components;
pub mod data;
pub mod embed;
pub mod pages;
pub mod panic;
pub mod search;
pub mod sources;
pub mod takeover;

/// Installs the panic message and mounts the app (see [`takeover`]) in the next task: the
/// wasm's instantiation and the first drawing then run as two shorter tasks, not one long one.
pub fn start() {
    panic::install_hook();
    leptos::prelude::set_timeout(takeover::mount, std::time::Duration::ZERO);
}
