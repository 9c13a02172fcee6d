//! The News Blog app: a Leptos client-side app that renders the content format of the
//! `news_model` crate. `start` mounts it; the modules are public so component tests can mount
//! single pieces.

pub mod app;
pub mod components;
pub mod data;
pub mod pages;
pub mod panic;

/// Installs the panic message and mounts the app into `<body>`.
pub fn start() {
    panic::install_hook();
    leptos::mount::mount_to_body(app::App);
}
