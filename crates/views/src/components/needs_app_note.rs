use leptos::prelude::*;
use news_model::Route;

use news_i18n::Msg;

use crate::site::Site;
use crate::words::Words;

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
    let words = Words::from_context();
    match feature {
        AppFeature::Comments => {
            let note = words.text(Msg::NotesCommentsNeedApp);
            view! { <p class="needs-app" data-needs-app hidden>{note}</p> }.into_any()
        }
        AppFeature::MoreStories => {
            let note = words.text(Msg::NotesMoreStoriesNeedApp);
            view! { <p class="needs-app" data-needs-app hidden>{note}</p> }.into_any()
        }
        AppFeature::Search => {
            let note = words.text(Msg::NotesSearchNeedsApp);
            let (before, after) = words.around(Msg::NotesHomeListsEveryStory, "home");
            let after = (!after.is_empty()).then_some(after);
            let home_link = words.text(Msg::NotesHomeLink);
            view! {
                <p class="needs-app" data-needs-app hidden>
                    {note}" "{before}<a href=home>{home_link}</a>{after}
                </p>
            }
            .into_any()
        }
        AppFeature::NewerPages { publisher_search } => {
            let note = words.text(Msg::NotesNewerPagesNeedApp);
            view! {
            <div class="needs-app" data-needs-app hidden>
                <p>{note}</p>
                {publisher_search.map(|search| view! { <PublisherSearchForm search/> })}
            </div>
            }
            .into_any()
        }
    }
}

/// A plain form to the publisher's own search.
#[component]
fn PublisherSearchForm(search: PublisherSearch) -> impl IntoView {
    let words = Words::from_context();
    let label = words.fill(Msg::NotFoundSearchSource, &[("source", &search.site_name)]);
    let landmark = label.clone();
    let button = words.text(Msg::SearchButton);
    view! {
        <form class="search-form" role="search" aria-label=landmark action=search.action method="get">
            <label class="visually-hidden" for="publisher-search">{label}</label>
            <input id="publisher-search" class="search-form__field" type="search" name=search.field/>
            <button class="search-form__button" type="submit">{button}</button>
        </form>
    }
}
