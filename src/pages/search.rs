use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use news_model::search::{result_count, SearchHit};
use news_model::{DateStyle, Route, StoryLink};
use news_views::components::search_form::SearchIntro;
use wasm_bindgen::JsCast;
use web_sys::Element;

use super::page_head::PageHead;
use crate::data::head;
use crate::data::search::{find, warm_up, Found, More, SearchError};
use crate::data::settings::Settings;

/// How long after the last key press the search runs: long enough not to search for every
/// letter, short enough to feel immediate.
const TYPING_PAUSE: Duration = Duration::from_millis(150);

/// `/search?q=…`: the field, the stories found for the query and "More results". Results
/// come as the reader types (the address keeps the query, so they can be shared and
/// reloaded); each shows its section, headline link, an excerpt with the query's words marked
/// (as text) and its date.
///
/// Below the field the page is drawn with plain DOM calls rather than reactive views: every
/// byte of the app is on the first page, and reactive state for this page cost several times
/// as much code.
#[component]
pub fn SearchPage() -> impl IntoView {
    let settings = expect_context::<Settings>();
    let location = use_location();
    let address = format!(
        "{}?{}",
        location.pathname.get_untracked(),
        location.search.get_untracked()
    );
    let first_query = match Route::parse_under(&settings.site.base_path, &address) {
        Some(Route::Search { query }) => query,
        _ => String::new(),
    };
    let status = NodeRef::<leptos::html::P>::new();
    let list = NodeRef::<leptos::html::Ol>::new();
    let more_line = NodeRef::<leptos::html::P>::new();
    warm_up(&settings);
    let page = Rc::new(Search {
        settings,
        state: RefCell::default(),
    });
    let parts = move || Some((status.get()?, list.get()?, more_line.get()?));

    {
        let page = Rc::clone(&page);
        let first_query = first_query.clone();
        Effect::new(move |_| {
            if let Some((status, list, more_line)) = parts() {
                *page.state.borrow_mut() = State {
                    parts: Some(Parts {
                        status: status.into(),
                        list: list.into(),
                        more_line: more_line.into(),
                    }),
                    ..State::default()
                };
                page.run(first_query.clone(), None);
            }
            super::page_ready();
        });
    }
    // Typing searches once the reader pauses; the address is replaced (not added to), so Back
    // leaves the search rather than stepping through its letters.
    let on_input = {
        let page = Rc::clone(&page);
        move |event: leptos::ev::Event| {
            let query = event_target_value(&event);
            let this_key = page.state.borrow_mut().next_key();
            let page = Rc::clone(&page);
            set_timeout(
                move || {
                    if page.state.borrow().typed == this_key {
                        page.run(query, None);
                    }
                },
                TYPING_PAUSE,
            );
        }
    };
    // Enter searches at once, without loading the page again.
    let on_submit = {
        let page = Rc::clone(&page);
        move |event: leptos::ev::SubmitEvent| {
            event.prevent_default();
            page.state.borrow_mut().next_key();
            page.run(query_in_field(&event).unwrap_or_default(), None);
        }
    };
    let on_more = move |_| {
        let (query, more) = {
            let mut state = page.state.borrow_mut();
            (state.query.clone(), state.more.take())
        };
        if let Some(more) = more {
            page.run(query, Some(more));
        }
    };

    view! {
        <PageHead title="Search"/>
        <div class="search" on:input=on_input on:submit=on_submit>
            <SearchIntro query=first_query/>
            <p class="search__status" role="status" node_ref=status></p>
            <ol class="search__results" node_ref=list></ol>
            <p class="feed__more" hidden node_ref=more_line>
                <button type="button" class="button" on:click=on_more>"More results"</button>
            </p>
        </div>
    }
}

/// The page's elements below the field.
struct Parts {
    status: Element,
    list: Element,
    more_line: Element,
}

#[derive(Default)]
struct State {
    parts: Option<Parts>,
    /// The query shown.
    query: String,
    /// Each search's number: an answer to an older one is dropped.
    asked: u32,
    /// Each key press's number: a pause after an older one does not search.
    typed: u32,
    /// How to ask for more results, while there are more and none are being loaded.
    more: Option<More>,
}

impl State {
    fn next_key(&mut self) -> u32 {
        self.typed += 1;
        self.typed
    }
}

struct Search {
    settings: Settings,
    state: RefCell<State>,
}

impl Search {
    /// Searches for `query` (its results after those shown, with `more`) and shows the answer.
    fn run(self: &Rc<Self>, query: String, more: Option<More>) {
        let is_first = more.is_none();
        let this_search = {
            let mut state = self.state.borrow_mut();
            let Some(parts) = &state.parts else {
                return;
            };
            set_hidden(&parts.more_line, true);
            if is_first {
                parts.list.set_text_content(None);
                state.asked += 1;
                state.more = None;
            }
            state.query = query.clone();
            state.asked
        };
        let site_name = &self.settings.site.name;
        if query.trim().is_empty() {
            head::set_title("Search", site_name);
            self.say("Type a word or two to find stories.");
            return;
        }
        if is_first {
            head::set_title(&format!("“{query}” – Search"), site_name);
            self.say("Searching…");
            replace_address(&self.settings.site.href(&Route::Search {
                query: query.clone(),
            }));
        }
        let page = Rc::clone(self);
        leptos::task::spawn_local(async move {
            let found = find(page.settings.clone(), query.clone(), more).await;
            if page.state.borrow().asked == this_search {
                page.show(found, &query, is_first);
            }
        });
    }

    fn show(&self, found: Result<Found, SearchError>, query: &str, is_first: bool) {
        let mut state = self.state.borrow_mut();
        let Some(parts) = &state.parts else {
            return;
        };
        match found {
            Ok(found) => {
                let before = parts.list.child_element_count();
                for hit in &found.hits {
                    append(&parts.list, &self.result_item(hit));
                }
                set_hidden(&parts.more_line, found.more.is_none());
                if !is_first {
                    focus_result(&parts.list, before);
                }
                let said = match (found.total, found.hits.is_empty()) {
                    _ if !is_first => None,
                    (_, true) => Some(format!(
                        "No stories match “{query}”. Check the spelling, or try other or fewer words."
                    )),
                    (Some(total), false) => Some(format!("{} for “{query}”", result_count(total))),
                    (None, false) => Some(format!("Stories matching “{query}”")),
                };
                state.more = found.more;
                drop(state);
                if let Some(said) = said {
                    self.say(&said);
                }
            }
            Err(SearchError::Unavailable) => {
                drop(state);
                self.say("Search is not available on this site. The home page lists every story, newest first.");
            }
            Err(SearchError::Failed(error)) => {
                drop(state);
                self.say(&format!(
                    "The search failed. {} {}",
                    error.headline(),
                    error.advice()
                ));
            }
        }
    }

    /// Puts `text` in the status line (a live region: screen readers announce it).
    fn say(&self, text: &str) {
        if let Some(parts) = &self.state.borrow().parts {
            parts.status.set_text_content(Some(text));
        }
    }

    /// One result: section, headline link, the excerpt with the query's words in `<mark>`,
    /// the date. All text goes in as text nodes.
    fn result_item(&self, hit: &SearchHit) -> Element {
        let href = match &hit.story {
            StoryLink::Here(slug) => self.settings.site.href(&Route::Article(slug.clone())),
            StoryLink::Elsewhere(link) => link.to_string(),
        };
        let item = element("li", "search-result", None);
        if let Some(section) = &hit.section {
            append(&item, &element("p", "kicker", Some(section)));
        }
        let heading = element("h2", "search-result__title", None);
        let link = element("a", "", Some(&hit.title));
        let _ = link.set_attribute("href", &href);
        append(&heading, &link);
        append(&item, &heading);
        let excerpt = element("p", "search-result__excerpt", None);
        for run in &hit.excerpt {
            if run.is_match {
                append(&excerpt, &element("mark", "", Some(&run.text)));
            } else {
                let _ = excerpt.append_with_str_1(&run.text);
            }
        }
        append(&item, &excerpt);
        if let Some(date) = &hit.published {
            let line = element("p", "search-result__date", None);
            let time = element("time", "", Some(&date.display(DateStyle::Day)));
            let _ = time.set_attribute("datetime", date.as_rfc3339());
            append(&line, &time);
            append(&item, &line);
        }
        item
    }
}

/// A new `<tag class=class>` holding `text` as text.
fn element(tag: &str, class: &str, text: Option<&str>) -> Element {
    let element = document()
        .create_element(tag)
        .expect("invariant: the tag names are valid");
    if !class.is_empty() {
        element.set_class_name(class);
    }
    element.set_text_content(text);
    element
}

fn append(parent: &Element, child: &Element) {
    let _ = parent.append_child(child);
}

fn set_hidden(element: &Element, is_hidden: bool) {
    let _ = element.toggle_attribute_with_force("hidden", is_hidden);
}

/// The query in the submitted form's field.
fn query_in_field(event: &leptos::ev::SubmitEvent) -> Option<String> {
    let form: Element = event.target()?.dyn_into().ok()?;
    let field: web_sys::HtmlInputElement = form
        .query_selector("input[name=q]")
        .ok()??
        .dyn_into()
        .ok()?;
    Some(field.value())
}

/// Puts `href` in the address bar in place of the current entry.
fn replace_address(href: &str) {
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href));
    }
}

/// Moves focus to the `position`th result's link: the first of those "More results" added.
fn focus_result(list: &Element, position: u32) {
    let link = list
        .children()
        .item(position)
        .and_then(|item| item.query_selector("a").ok().flatten())
        .and_then(|link| link.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(link) = link {
        let _ = link.focus();
    }
}
