//! `/search?q=…`: the field and the parts its results go in. Finding and drawing results is
//! the search module's work (`crate::search`), loaded when this page opens so that no other
//! page carries it.

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use news_i18n::Msg;
use news_model::Route;
use news_views::components::search_form::SearchIntro;
use news_views::words::Words;

use super::page_head::PageHead;
use super::{Page, Shown};
use crate::data::modules::{call_now, import_function, search_module};
use crate::data::settings::Settings;
use crate::search::{markup, module};

/// The search page: the field, and the parts the search module fills in.
pub fn search_page() -> Page {
    let settings = expect_context::<Settings>();
    let location = use_location();
    let address = format!(
        "{}?{}",
        location.pathname.get_untracked(),
        location.search.get_untracked()
    );
    let query = match Route::parse_under(&settings.site.base_path, &address) {
        Some(Route::Search { query }) => query,
        _ => String::new(),
    };
    let words = Words::from_context();
    // Shown when the search module cannot be loaded (offline, blocked).
    let not_loaded = words.text(Msg::SearchNotLoaded);
    let title = words.text(Msg::SearchHeading);
    let more_results = words.text(Msg::SearchMoreButton);
    let root = NodeRef::<leptos::html::Div>::new();
    let status = NodeRef::<leptos::html::P>::new();
    Effect::new(move |_| {
        let Some(root) = root.get() else {
            return;
        };
        leptos::task::spawn_local(async move {
            if start_module(&root).await.is_none() {
                if let Some(status) = status.get_untracked() {
                    status.set_text_content(Some(not_loaded));
                }
            }
        });
    });

    Page::Shown(Shown::content(view! {
        <PageHead title/>
        <div class="search" node_ref=root>
            <SearchIntro query/>
            <p class=markup::STATUS role="status" node_ref=status></p>
            <ol class=markup::RESULTS></ol>
            <p class=format!("feed__more {}", markup::MORE) hidden>
                <button type="button" class="button">{more_results}</button>
            </p>
        </div>
    }))
}

/// Loads the search module, once per visit, and hands it the page.
async fn start_module(root: &web_sys::HtmlDivElement) -> Option<()> {
    let search = search_module().await?;
    // The module is a wasm instance of its own: it imports Pagefind through the same function.
    let import_module = import_function()?;
    call_now(&search, module::START, &[root.into(), import_module.into()])
        .ok()
        .map(drop)
}
