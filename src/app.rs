//! The page frame (skip link, header, main, footer) and the routes.

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::path;

use crate::data::scroll::{provide_scroll_memory, ScrollMemory};
use crate::data::settings::Settings;
use crate::pages::article::ArticlePage;
use crate::pages::home::Home;
use crate::pages::not_found::NotFound;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let settings = Settings::from_page();
    provide_context(settings.clone());
    let scroll_memory = provide_scroll_memory();
    let site_name = site_name();
    let home = settings.home_path();

    view! {
        <Title formatter=move |page: String| {
            if page.is_empty() || page == site_name { site_name.clone() } else { format!("{page} – {site_name}") }
        }/>
        <Router base=settings.router_base.clone()>
            <RouteWatcher scroll_memory/>
            <a class="skip-link" href="#main" rel="external">"Skip to content"</a>
            <header class="site-header">
                <div class="site-header__inner">
                    <a class="site-header__name" href=home.clone()>{self::site_name()}</a>
                </div>
            </header>
            <main id="main" class="site-main" tabindex="-1">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=Home/>
                    <Route path=path!("/article/:slug") view=ArticlePage/>
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

/// Tells the scroll memory which page is on screen after every route change.
#[component]
fn RouteWatcher(scroll_memory: ScrollMemory) -> impl IntoView {
    let location = use_location();
    Effect::new(move |_| {
        let search = location.search.get();
        let query = if search.is_empty() {
            String::new()
        } else {
            format!("?{search}")
        };
        scroll_memory.page_shown(format!("{}{query}", location.pathname.get()));
    });
}

/// The site's name, from `<meta name="application-name">` so hosts can rename it without a
/// rebuild.
fn site_name() -> String {
    document()
        .query_selector("meta[name=\"application-name\"]")
        .ok()
        .flatten()
        .and_then(|element| element.get_attribute("content"))
        .filter(|name| !name.trim().is_empty())
        .unwrap_or_else(|| "News Blog".to_owned())
}
