//! The page frame (skip link, header, main, footer) and the routes.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::path;
use wasm_bindgen::JsCast;

use crate::data::head::site_name;
use crate::data::scroll::{provide_scroll_memory, ScrollMemory};
use crate::data::settings::Settings;
use crate::pages::article::ArticlePage;
use crate::pages::home::Home;
use crate::pages::not_found::NotFound;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let settings = Settings::from_page();
    provide_context(settings.clone());
    let scroll_memory = provide_scroll_memory();
    let home = settings.home_path();

    view! {
        <Router base=settings.router_base.clone()>
            <RouteWatcher scroll_memory/>
            <a class="skip-link" href="#main" rel="external">"Skip to content"</a>
            <header class="site-header">
                <div class="site-header__inner">
                    <a class="site-header__name" href=home.clone()>{site_name()}</a>
                </div>
            </header>
            <main id="main" class="site-main" tabindex="-1">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=Home/>
                    <Route path=path!("/article/:slug") view=ArticlePage/>
                    // Static servers answer /article/x with a redirect to the prerendered
                    // /article/x/ (a folder), so the app must know that address too.
                    <Route path=path!("/article/:slug/") view=ArticlePage/>
                </Routes>
            </main>
            <footer class="site-footer">
                <p>
                    <a href=home>"Home"</a>
                    " · Comments you write are stored in this browser only."
                </p>
            </footer>
        </Router>
    }
}

/// After every route change: tells the scroll memory which page is on screen, and moves focus
/// to the main region so keyboard and screen-reader users start on the new page, as they
/// would after a full page load.
#[component]
fn RouteWatcher(scroll_memory: ScrollMemory) -> impl IntoView {
    let location = use_location();
    Effect::new(move |previous_path: Option<String>| {
        let search = location.search.get();
        let query = if search.is_empty() {
            String::new()
        } else {
            format!("?{search}")
        };
        let path = format!("{}{query}", location.pathname.get());
        scroll_memory.page_shown(path.clone());
        if previous_path.is_some_and(|previous| previous != path) {
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
