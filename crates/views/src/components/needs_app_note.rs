use leptos::prelude::*;
use news_model::Route;

use crate::site::Site;

/// What a prerendered page cannot do without the app, where the app would do it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AppFeature {
    /// The comment box under a story (comments live in the reader's browser).
    Comments,
    /// "More stories" under a list, and the notice of new ones.
    MoreStories,
    /// Finding stories on the search page.
    Search,
    /// Showing an address this copy of the site has no page for (a story published since).
    NewerPages {
        publisher_search: Option<PublisherSearch>,
    },
}

/// A publisher's own search page, which a plain form can ask without the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublisherSearch {
    pub site_name: String,
    pub action: String,
    pub field: &'static str,
}

/// The quiet line saying what needs the app, in a prerendered page only: hidden, and shown
/// when scripts are off (the build's noscript stylesheet) or when the browser cannot run the
/// app (the page's start-up script). A page the app has taken over never has it. The words
/// are the same in both cases, since the reader's way on is the same.
#[component]
pub fn NeedsAppNote(feature: AppFeature) -> impl IntoView {
    let home = use_context::<Site>().map(|site| site.href(&Route::Home));
    match feature {
        AppFeature::Comments => {
            view! { <p class="needs-app" data-needs-app hidden>{NEEDS_APP_COMMENTS}</p> }.into_any()
        }
        AppFeature::MoreStories => {
            view! { <p class="needs-app" data-needs-app hidden>{NEEDS_APP_MORE_STORIES}</p> }
                .into_any()
        }
        AppFeature::Search => view! {
            <p class="needs-app" data-needs-app hidden>
                {NEEDS_APP_SEARCH}" "<a href=home>"The home page"</a>" lists every story, newest first."
            </p>
        }
        .into_any(),
        AppFeature::NewerPages { publisher_search } => view! {
            <div class="needs-app" data-needs-app hidden>
                <p>{NEEDS_APP_NEWER_PAGES}</p>
                {publisher_search.map(|search| view! { <PublisherSearchForm search/> })}
            </div>
        }
        .into_any(),
    }
}

/// Comments are written and kept in the reader's browser.
pub const NEEDS_APP_COMMENTS: &str = "Comments need JavaScript and an up-to-date browser.";
/// Under a list of stories.
pub const NEEDS_APP_MORE_STORIES: &str =
    "More stories and the notice of new ones need JavaScript and an up-to-date browser.";
/// On the search page.
pub const NEEDS_APP_SEARCH: &str = "Search needs JavaScript and an up-to-date browser.";
/// On the page for an address this copy of the site has no page for.
pub const NEEDS_APP_NEWER_PAGES: &str = "If this is a story published since this copy of the site was made, showing it needs JavaScript and an up-to-date browser.";

/// A plain form to the publisher's own search.
#[component]
fn PublisherSearchForm(search: PublisherSearch) -> impl IntoView {
    let label = format!("Search {}", search.site_name);
    let landmark = label.clone();
    view! {
        <form class="search-form" role="search" aria-label=landmark action=search.action method="get">
            <label class="visually-hidden" for="publisher-search">{label}</label>
            <input id="publisher-search" class="search-form__field" type="search" name=search.field/>
            <button class="search-form__button" type="submit">"Search"</button>
        </form>
    }
}
