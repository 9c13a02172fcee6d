//! Starting the app, and taking over a prerendered page. The one module that knows of the
//! prerendered copy: the pages tell the frame what they came out as ([`Readiness`]), and the
//! frame tells this module, which alone imports the app and the widget (`lib.rs` imports it).
//!
//! `news-blog build` writes each page as HTML inside `<div id="prerendered">`, so readers see
//! the story before the wasm arrives. The app then draws into a hidden container beside it and
//! swaps itself in, in one step, once its own page is ready: no flash of the loading shapes and
//! no jump, since both use the same markup.
//!
//! The prerendered page names its route (`data-route`). Hosts with a single-page-app rewrite
//! answer every unknown address with the prerendered home page, so the app keeps a prerendered
//! page only on its own route; on any other it is removed at once and the app draws the page
//! (or "not found", or the error) itself.

use std::time::Duration;

use leptos::prelude::*;
use news_model::{Route, Slug, Timestamp, APP_ID, PRERENDERED_ID};
use news_views::pacing::Pacer;
use news_views::words::Words;
use wasm_bindgen::JsCast;

use crate::app::App;
use crate::components::stale_notice::StaleNotice;
use crate::data::scroll::keep_positions_exact;
use crate::data::settings::Settings;
use crate::data::stories::page_settings;
use crate::data::words::{read_catalog, site_language, SiteLanguage};
use crate::embed::{embedded_story, EmbedApp, EmbedOptions};
use crate::pages::Readiness;

const STALE_NOTICE_ID: &str = "stale-notice";

/// Mounts the app (or the widget, on a widget address) beside a prerendered page of this
/// address if there is one, or straight into `<body>`: the settings are read first, the app
/// drawn in the next task (two short tasks, not one long one). A site in another language
/// than English first loads its catalog (see [`site_language`]).
pub fn mount() {
    let settings = page_settings();
    discard_prerendered_of_another_route(&settings);
    let embedded = embedded_story(&settings);
    let base_path = settings.site.base_path;
    match site_language() {
        SiteLanguage::Ready(words) => draw_in_next_task(words, embedded, base_path),
        // Not Leptos's spawn_local: its executor is set up only when the app mounts.
        SiteLanguage::Fetch { locale, file } => wasm_bindgen_futures::spawn_local(async move {
            draw_in_next_task(read_catalog(locale, &file).await, embedded, base_path);
        }),
    }
}

fn draw_in_next_task(words: Words, embedded: Option<Slug>, base_path: String) {
    set_timeout(
        move || match embedded {
            Some(slug) => {
                let search = window().location().search().unwrap_or_default();
                let options = EmbedOptions::from_query(&search);
                mount_beside_prerendered(words, move || {
                    view! { <EmbedApp slug options on_page=Callback::new(page_shown)/> }
                });
            }
            None => mount_beside_prerendered(words, move || {
                let on_navigate =
                    Callback::new(move |path: String| navigated_to(&base_path, &path));
                view! { <App on_page=Callback::new(page_shown) on_navigate/> }
            }),
        },
        Duration::ZERO,
    );
}

fn mount_beside_prerendered<V: IntoView + 'static>(
    words: Words,
    app: impl FnOnce() -> V + 'static,
) {
    let app = move || {
        provide_context(words);
        provide_context(Pacer::new(is_out_of_sight, |work| {
            set_timeout(work, Duration::ZERO)
        }));
        app()
    };
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

/// Whether the app is mounted, hidden, beside a prerendered page it has not yet replaced.
fn is_out_of_sight() -> bool {
    document().get_element_by_id(PRERENDERED_ID).is_some()
        && app_container().is_some_and(|app| app.hidden())
}

/// The container the app was mounted into beside a prerendered page, if it was.
fn app_container() -> Option<web_sys::HtmlElement> {
    document().get_element_by_id(APP_ID)?.dyn_into().ok()
}

/// Removes a prerendered page that shows another route than the address (see the module
/// notes). A page without a `data-route` (an older build) is kept.
fn discard_prerendered_of_another_route(settings: &Settings) {
    let path = window().location().pathname().unwrap_or_default();
    if let Some(prerendered) = prerendered_of_another_route(&settings.site.base_path, &path) {
        prerendered.remove();
    }
}

/// The prerendered page, if there is one and it shows another route than `path`.
fn prerendered_of_another_route(base_path: &str, path: &str) -> Option<web_sys::Element> {
    let prerendered = document().get_element_by_id(PRERENDERED_ID)?;
    let rendered_for = prerendered.get_attribute("data-route")?;
    let current = Route::parse_under(base_path, path);
    (current.is_none() || current != Route::parse(&rendered_for)).then_some(prerendered)
}

/// What a page came out as: drawn (or "not found") replaces the prerendered page; a failure
/// keeps it, with a notice.
fn page_shown(readiness: Readiness) {
    match readiness {
        Readiness::Drawn | Readiness::NotFound => page_ready(),
        Readiness::Failed { retry } => page_failed(retry),
    }
}

/// After a navigation inside the app to `path`: a prerendered page still on screen (kept
/// because its live content could not be loaded) belongs to the address the reader left, so
/// it goes, with its notice, and the app's own page shows.
fn navigated_to(base_path: &str, path: &str) {
    let Some(prerendered) = prerendered_of_another_route(base_path, path) else {
        return;
    };
    let document = document();
    if let Some(notice) = document.get_element_by_id(STALE_NOTICE_ID) {
        notice.remove();
    }
    if let Some(app) = app_container() {
        app.set_hidden(false);
    }
    prerendered.remove();
}

/// Replaces the prerendered page with the app's, once that is drawn.
fn page_ready() {
    let document = document();
    if let Some(notice) = document.get_element_by_id(STALE_NOTICE_ID) {
        notice.remove();
    }
    let Some(prerendered) = document.get_element_by_id(PRERENDERED_ID) else {
        return;
    };
    // A reader already scrolled down the prerendered page keeps their place only if the app's
    // page is laid out to the same heights.
    if window().scroll_y().is_ok_and(|y| y > 0.0) {
        keep_positions_exact();
    }
    if let Some(app) = app_container() {
        app.set_hidden(false);
    }
    // The boot script keeps a reader's selection across this (crates/cli/src/boot.js).
    prerendered.remove();
}

/// When a page could not load its content: a reader who already sees the prerendered
/// page of this address keeps reading it, rather than a readable story being replaced with an
/// error: the app stays out of sight, and a quiet notice (fixed to the bottom of the window,
/// so nothing moves) says the page is the copy from the build date and offers `on_retry`.
/// The mark tells tests the app gave up.
fn page_failed(on_retry: Callback<()>) {
    let document = document();
    let Some(prerendered) = document.get_element_by_id(PRERENDERED_ID) else {
        return;
    };
    let _ = prerendered.set_attribute("data-app", "unavailable");
    if document.get_element_by_id(STALE_NOTICE_ID).is_some() {
        return;
    }
    let built = prerendered
        .get_attribute("data-built")
        .and_then(|built| Timestamp::parse(&built));
    let (Some(body), Ok(container)) = (document.body(), document.create_element("div")) else {
        return;
    };
    container.set_id(STALE_NOTICE_ID);
    let _ = body.append_child(&container);
    let Ok(container) = container.dyn_into::<web_sys::HtmlElement>() else {
        return;
    };
    let on_retry = Callback::new(move |()| {
        if let Some(notice) = document.get_element_by_id(STALE_NOTICE_ID) {
            notice.remove();
        }
        on_retry.run(());
    });
    // A root of its own: it takes the app's words along.
    let words = Words::from_context();
    leptos::mount::mount_to(container, move || {
        provide_context(words);
        view! { <StaleNotice built on_retry/> }
    })
    .forget();
}
