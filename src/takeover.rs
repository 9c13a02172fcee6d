//! Taking over a prerendered page.
//!
//! `news-blog build` writes each page as HTML inside `<div id="prerendered">`, so readers see
//! the story before the wasm arrives. The app then draws into a hidden container beside it and
//! swaps itself in, in one step, once its own page is ready: no flash of the loading shapes and
//! no jump, since both use the same markup.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::App;
use crate::data::settings::Settings;
use crate::embed::{embedded_story, EmbedApp, EmbedOptions};

const PRERENDERED_ID: &str = "prerendered";
const APP_ID: &str = "app";

/// Mounts the app (or the widget, on a widget address) beside a prerendered page if there is
/// one, or straight into `<body>`.
pub fn mount() {
    let settings = Settings::from_page();
    match embedded_story(&settings) {
        Some(slug) => {
            let search = window().location().search().unwrap_or_default();
            let options = EmbedOptions::from_query(&search);
            mount_beside_prerendered(move || view! { <EmbedApp slug options/> });
        }
        None => mount_beside_prerendered(App),
    }
}

fn mount_beside_prerendered<V: IntoView + 'static>(app: impl FnOnce() -> V + 'static) {
    let document = document();
    let container = document
        .get_element_by_id(PRERENDERED_ID)
        .and_then(|_| document.create_element("div").ok())
        .and_then(|container| container.dyn_into::<web_sys::HtmlElement>().ok());
    match (container, document.body()) {
        (Some(container), Some(body)) => {
            container.set_id(APP_ID);
            container.set_hidden(true);
            let _ = body.append_child(&container);
            leptos::mount::mount_to(container, app).forget();
        }
        _ => leptos::mount::mount_to_body(app),
    }
}

/// Called when a page has drawn its content (or its "not found"): replaces the prerendered page.
pub fn page_ready() {
    let document = document();
    let Some(prerendered) = document.get_element_by_id(PRERENDERED_ID) else {
        return;
    };
    if let Some(app) = document
        .get_element_by_id(APP_ID)
        .and_then(|app| app.dyn_into::<web_sys::HtmlElement>().ok())
    {
        app.set_hidden(false);
    }
    prerendered.remove();
}

/// Called when a page could not load its content. A reader who already sees the prerendered
/// page keeps reading it: the app stays out of sight (its links work as plain links there),
/// rather than replacing a readable story with an error. The mark tells tests the app gave up.
pub fn page_failed() {
    if let Some(prerendered) = document().get_element_by_id(PRERENDERED_ID) {
        let _ = prerendered.set_attribute("data-app", "unavailable");
    }
}
