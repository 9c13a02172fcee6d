//! The app: the site's frame around the page of the current address.

use leptos::prelude::*;
use leptos_router::components::Router;
use leptos_router::hooks::use_location;
use leptos_router::location::{BrowserUrl, LocationProvider};
use news_model::topic::Topic;
use news_model::Route;
use news_views::components::later::Later;
use news_views::components::page_frame::PageFrame;
use news_views::site::Site;
use wasm_bindgen::JsCast;

use crate::data::scroll::{provide_scroll_memory, ScrollMemory};
use crate::data::stories::{page_settings, Document};
use crate::pages::article::article_page;
use crate::pages::home::home_page;
use crate::pages::search::search_page;
use crate::pages::topic::topic_page;
use crate::pages::{Page, Readiness};

/// The whole app. It tells `on_page` what each page came out as once drawn (see
/// [`Readiness`]), and `on_navigate` the path of each address the reader moves to within it.
#[component]
pub fn App(on_page: Callback<Readiness>, on_navigate: Callback<String>) -> impl IntoView {
    let settings = page_settings();
    provide_context(settings.site.clone());
    provide_context(settings.clone());
    let scroll_memory = provide_scroll_memory();

    view! {
        <Router base=settings.router_base()>
            <RouteWatcher scroll_memory on_navigate/>
            <PageFrame>
                // In a task of its own while the app takes over a prerendered page.
                <Later><CurrentPage on_page/></Later>
            </PageFrame>
        </Router>
    }
}

/// The page of the current address, read by the route table (`news_model::Route`); the router
/// only keeps the address and history and turns link clicks into navigation. (Leptos's
/// `Routes` would match the address a second time and costs about 20 KB of wasm.) Each page
/// is a [`Page`], which carries its readiness: a new route is one more arm here, and it
/// compiles only once it gives a `Page`.
#[component]
fn CurrentPage(on_page: Callback<Readiness>) -> impl IntoView {
    let base_path = expect_context::<Site>().base_path;
    let location = use_location();
    let route = Memo::new(move |_| Route::parse_under(&base_path, &location.pathname.get()));
    // Once a page is drawn, a position kept for it comes back (back/forward).
    let on_shown = Callback::new(move |readiness| {
        if !matches!(readiness, Readiness::Failed { .. }) {
            crate::data::scroll::content_ready();
        }
        on_page.run(readiness);
    });
    move || {
        let route = route.get();
        // A page reads signals as it is set up; the route alone redraws it (a component
        // would be untracked by its macro, a page is a plain function).
        untrack(|| page_for(route)).draw(on_shown)
    }
}

/// The page for `route`; "not found" for none.
fn page_for(route: Option<Route>) -> Page {
    match route {
        Some(Route::Home) => home_page(),
        Some(route @ (Route::Section(_) | Route::Tag(_) | Route::Author(_))) => {
            match Topic::of_route(&route) {
                Some(topic) => topic_page(topic),
                None => Page::not_found(),
            }
        }
        // A story, or one of the site's own pages: one page draws both (one copy in the wasm).
        Some(route @ (Route::Article(_) | Route::Page(_))) => match Document::of_route(route) {
            Some((slug, document)) => article_page(slug, document),
            None => Page::not_found(),
        },
        // The query is the page's own business (it keeps it in the address as the reader types).
        Some(Route::Search { .. }) => search_page(),
        // The widget is never shown in the app.
        Some(Route::EmbedArticle(_)) | None => Page::not_found(),
    }
}

/// After every route change, once the new page is drawn: completes the navigation (the router
/// writes the address bar and history only when told the page is ready, which `Routes` would
/// otherwise do), tells the scroll memory which page is on screen, and moves focus to the main
/// region so keyboard and screen-reader users start on the new page, as after a page load.
#[component]
fn RouteWatcher(scroll_memory: ScrollMemory, on_navigate: Callback<String>) -> impl IntoView {
    let location = use_location();
    let browser_url = use_context::<BrowserUrl>();
    Effect::new(move |previous_path: Option<String>| {
        if let Some(browser_url) = &browser_url {
            browser_url.ready_to_complete();
        }
        let search = location.search.get();
        let query = if search.is_empty() {
            String::new()
        } else {
            format!("?{search}")
        };
        let path = format!("{}{query}", location.pathname.get());
        scroll_memory.page_shown(path.clone());
        if previous_path.is_some_and(|previous| previous != path) {
            on_navigate.run(location.pathname.get_untracked());
            focus_main();
        }
        path
    });
}

fn focus_main() {
    let Some(main) = document().get_element_by_id("main") else {
        return;
    };
    let Ok(main) = main.dyn_into::<web_sys::HtmlElement>() else {
        return;
    };
    // The scroll position is the scroll memory's business, not focus's.
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = main.focus_with_options(&options);
}
