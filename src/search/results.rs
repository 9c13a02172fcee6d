//! Drawing the search page's results with plain DOM calls, and running a search as the reader
//! types (after a short pause), presses Enter or asks for more.

use std::cell::RefCell;
use std::rc::Rc;

use news_i18n::{Msg, Plural};
use news_model::search::SearchHit;
use news_model::{DateStyle, Route, StoryLink};
use news_views::words::Words;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event};

use super::engine::{find, preload, warm_up, Found, More, SearchError};
use super::markup;
use crate::data::head;
use crate::data::settings::Settings;
use crate::data::stories::page_settings;
use crate::data::words::site_words;

/// How long after the last key press the search runs, in milliseconds: long enough not to
/// search for every letter, short enough to feel immediate.
const TYPING_PAUSE_MS: i32 = 150;

/// Stands for the reader's query in a filled message until it goes in as a `<bdi>` of its own.
const QUERY_MARK: &str = "\u{FFFC}";

/// A listener added to an element of the page (inert once dropped).
type Listener = Closure<dyn FnMut(Event)>;

thread_local! {
    // The listeners of the search page on screen; a new page's replace them (the old page's
    // elements are gone with it).
    static LISTENERS: RefCell<Vec<Listener>> = RefCell::default();
}

/// Takes over the search page under `root`: searches for what its field holds (the address's
/// query, or what the reader typed while this module loaded), then as the reader types. The
/// address is replaced (not added to), so Back leaves the search rather than stepping through
/// its letters. Its words are the site's catalog, read as the app reads it (the module is a
/// wasm of its own).
pub fn start(root: &Element) {
    let settings = page_settings();
    warm_up(&settings);
    let root = root.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let words = site_words().await;
        take_over(&root, settings, words);
    });
}

fn take_over(root: &Element, settings: Settings, words: Words) {
    let Some(parts) = Parts::under(root) else {
        return;
    };
    let page = Rc::new(Search {
        settings,
        words,
        state: RefCell::new(State {
            parts: Some(parts),
            ..State::default()
        }),
    });
    let on_input = {
        let page = Rc::clone(&page);
        move |_: Event| {
            let this_key = page.state.borrow_mut().next_key();
            preload(&page.settings, page.query_in_field());
            let page = Rc::clone(&page);
            let later = Closure::once_into_js(move || {
                if page.state.borrow().typed == this_key {
                    page.run(page.query_in_field(), None);
                }
            });
            if let Some(window) = web_sys::window() {
                let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                    later.unchecked_ref(),
                    TYPING_PAUSE_MS,
                );
            }
        }
    };
    // Enter searches at once, without loading the page again.
    let on_submit = {
        let page = Rc::clone(&page);
        move |event: Event| {
            event.prevent_default();
            page.state.borrow_mut().next_key();
            page.run(page.query_in_field(), None);
        }
    };
    let on_more = {
        let page = Rc::clone(&page);
        move |_: Event| {
            let (query, more) = {
                let mut state = page.state.borrow_mut();
                (state.query.clone(), state.more.take())
            };
            if let Some(more) = more {
                page.run(query, Some(more));
            }
        }
    };
    let more_button = page
        .state
        .borrow()
        .parts
        .as_ref()
        .and_then(|parts| parts.more_line.query_selector("button").ok().flatten());
    let mut listeners = vec![
        listen(root, "input", on_input),
        listen(root, "submit", on_submit),
    ];
    if let Some(button) = more_button {
        listeners.push(listen(&button, "click", on_more));
    }
    LISTENERS.with(|current| *current.borrow_mut() = listeners);
    page.run(page.first_query(), None);
}

fn listen(target: &Element, event: &str, handler: impl FnMut(Event) + 'static) -> Listener {
    let handler = Listener::new(handler);
    let _ = target.add_event_listener_with_callback(event, handler.as_ref().unchecked_ref());
    handler
}

/// The page's elements the results go in.
struct Parts {
    field: web_sys::HtmlInputElement,
    status: Element,
    list: Element,
    more_line: Element,
}

impl Parts {
    fn under(root: &Element) -> Option<Self> {
        let find = |selector: &str| root.query_selector(selector).ok().flatten();
        Some(Parts {
            field: find("input[name=q]")?.dyn_into().ok()?,
            status: find(&format!(".{}", markup::STATUS))?,
            list: find(&format!(".{}", markup::RESULTS))?,
            more_line: find(&format!(".{}", markup::MORE))?,
        })
    }
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
    words: Words,
    state: RefCell<State>,
}

impl Search {
    /// The address's query, unless the reader typed another while the module loaded. (The
    /// field drops line breaks, so the address's is the query as it was asked.)
    fn first_query(&self) -> String {
        let typed = self.query_in_field();
        let location = web_sys::window().map(|window| window.location());
        let address = location.and_then(|location| {
            Some(format!(
                "{}{}",
                location.pathname().ok()?,
                location.search().ok()?
            ))
        });
        let asked = address.and_then(|address| {
            match Route::parse_under(&self.settings.site.base_path, &address)? {
                Route::Search { query } => Some(query),
                _ => None,
            }
        });
        match asked {
            Some(asked) if asked.replace(['\r', '\n'], "") == typed => asked,
            _ => typed,
        }
    }

    fn query_in_field(&self) -> String {
        self.state
            .borrow()
            .parts
            .as_ref()
            .map(|parts| parts.field.value())
            .unwrap_or_default()
    }

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
        let words = &self.words;
        let site_name = &self.settings.site.name;
        if query.trim().is_empty() {
            head::set_whole_title(&words.page_title(words.text(Msg::SearchHeading), site_name));
            self.say(words.text(Msg::SearchPrompt));
            return;
        }
        if is_first {
            let title = words.fill(Msg::SearchQueryTitle, &[("query", &query)]);
            head::set_whole_title(&words.page_title(&title, site_name));
            self.say(words.text(Msg::SearchSearching));
            replace_address(&self.settings.site.href(&Route::Search {
                query: query.clone(),
            }));
        }
        let page = Rc::clone(self);
        wasm_bindgen_futures::spawn_local(async move {
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
                let words = &self.words;
                let query_mark = [("query", QUERY_MARK)];
                let said = match (found.total, found.hits.is_empty()) {
                    _ if !is_first => None,
                    (_, true) => Some(words.fill(Msg::SearchNoResults, &query_mark)),
                    (Some(total), false) => {
                        Some(words.plural_with(Plural::SearchResultCount, total, &query_mark))
                    }
                    (None, false) => Some(words.fill(Msg::SearchMatching, &query_mark)),
                };
                state.more = found.more;
                drop(state);
                if let Some(said) = said {
                    self.say_about(&said, query);
                }
            }
            Err(SearchError::Unavailable) => {
                drop(state);
                self.say(self.words.text(Msg::SearchUnavailable));
            }
            Err(SearchError::Failed(error)) => {
                drop(state);
                let words = &self.words;
                let reason = format!("{} {}", error.headline(words), error.advice(words));
                self.say(&words.fill(Msg::SearchFailed, &[("reason", &reason)]));
            }
        }
    }

    /// Puts `text` in the status line (a live region: screen readers announce it).
    fn say(&self, text: &str) {
        if let Some(parts) = &self.state.borrow().parts {
            parts.status.set_text_content(Some(text));
        }
    }

    /// Puts `text` in the status line with `query` where [`QUERY_MARK`] is, in a `<bdi>`: the
    /// reader's words keep their own direction (an English query on an Arabic site, or the
    /// reverse) without moving the sentence's quotation marks.
    fn say_about(&self, text: &str, query: &str) {
        let Some((before, after)) = text.split_once(QUERY_MARK) else {
            self.say(text);
            return;
        };
        if let Some(parts) = &self.state.borrow().parts {
            parts.status.set_text_content(None);
            let _ = parts.status.append_with_str_1(before);
            append(&parts.status, &element("bdi", "", Some(query)));
            let _ = parts.status.append_with_str_1(after);
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
            let time = element("time", "", Some(&self.words.date(date, DateStyle::Day)));
            let _ = time.set_attribute("datetime", date.as_rfc3339());
            append(&line, &time);
            append(&item, &line);
        }
        item
    }
}

/// A new `<tag class=class>` holding `text` as text.
fn element(tag: &str, class: &str, text: Option<&str>) -> Element {
    let element = leptos::prelude::document()
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

/// Puts `href` in the address bar in place of the current entry.
fn replace_address(href: &str) {
    if let Some(history) = web_sys::window().and_then(|window| window.history().ok()) {
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
