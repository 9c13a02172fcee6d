use leptos::prelude::*;
use news_model::Route;

use super::later::Later;
use super::search_form::SearchForm;
use crate::site::Site;

/// Every page of the site around its main content: skip link, header with the site's name and
/// search field, the main region and the footer.
#[component]
pub fn PageFrame(children: Children) -> impl IntoView {
    let site = use_context::<Site>();
    let home = site.as_ref().map(|site| site.href(&Route::Home));
    let name = site.map(|site| site.name);
    view! {
        <a class="skip-link" href="#main" rel="external">"Skip to content"</a>
        <header class="site-header">
            <div class="site-header__inner">
                <a class="site-header__name" href=home.clone()>{name}</a>
                <Later><SearchForm landmark="Site search" field_id="site-search"/></Later>
            </div>
        </header>
        <main id="main" class="site-main" tabindex="-1">{children()}</main>
        <Later>
            <footer class="site-footer">
                <p>
                    <a href=home.clone()>"Home"</a>
                    " · Comments you write are stored in this browser only."
                </p>
            </footer>
        </Later>
    }
}

/// A widget page around its main content: no header or footer, the host page has its own.
#[component]
pub fn EmbedFrame(children: Children) -> impl IntoView {
    view! { <main class="site-main embed">{children()}</main> }
}

/// Under a widget's story: the way to the full page on the site.
#[component]
pub fn FullStoryLink(href: String) -> impl IntoView {
    view! { <p class="embed__more"><a href=href>"Read this story on the site"</a></p> }
}
