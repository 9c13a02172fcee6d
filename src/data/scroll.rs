//! Scroll positions for back and forward.
//!
//! The browser's own restoration runs before an async page has drawn its content, so it
//! lands in the wrong place. Instead the app remembers where the reader was on each page when
//! they left it, and a page asks for that position back once its content is on screen.

use std::collections::HashMap;

use leptos::ev;
use leptos::prelude::*;

/// Shared through context; cheap to copy.
#[derive(Clone, Copy)]
pub struct ScrollMemory {
    positions: StoredValue<HashMap<String, f64>>,
    /// The page being shown, updated after each route change.
    shown_path: StoredValue<String>,
    /// Where to scroll once the page reached by back/forward has drawn its content.
    pending: StoredValue<Option<f64>>,
}

/// Starts remembering scroll positions. Call before the router is created, so these
/// listeners see a click or `popstate` before the router reacts to it.
pub fn provide_scroll_memory() -> ScrollMemory {
    if let Ok(history) = window().history() {
        let _ = history.set_scroll_restoration(web_sys::ScrollRestoration::Manual);
    }
    let memory = ScrollMemory {
        positions: StoredValue::new(HashMap::new()),
        shown_path: StoredValue::new(current_path()),
        pending: StoredValue::new(None),
    };
    let click = window_event_listener(ev::click, move |_| memory.remember_shown_page());
    let popstate = window_event_listener(ev::popstate, move |_| {
        memory.remember_shown_page();
        let target = memory
            .positions
            .with_value(|positions| positions.get(&current_path()).copied());
        memory.pending.set_value(Some(target.unwrap_or(0.0)));
    });
    on_cleanup(move || {
        click.remove();
        popstate.remove();
    });
    provide_context(memory);
    memory
}

impl ScrollMemory {
    fn remember_shown_page(&self) {
        let y = window().scroll_y().unwrap_or(0.0);
        let path = self.shown_path.get_value();
        self.positions.update_value(|positions| {
            positions.insert(path, y);
        });
    }

    /// Records that the router now shows `path` (path and query). It comes from the router,
    /// because the address bar is updated only after the new page has rendered.
    pub fn page_shown(&self, path: String) {
        self.shown_path.set_value(path);
    }

    /// Called by a page once its content is drawn: after back/forward, scrolls to where the
    /// reader left it.
    pub fn content_ready(&self) {
        if let Some(y) = self.pending.try_update_value(Option::take).flatten() {
            if y > 0.0 {
                keep_positions_exact();
            }
            request_animation_frame(move || window().scroll_to_with_x_and_y(0.0, y));
        }
    }
}

/// The mark on `<html>` that lays out every paragraph of a story at once (style/article.css).
const EXACT_LAYOUT_ATTRIBUTE: &str = "data-exact-layout";

/// From now on, lays out every paragraph of a story at once, so that a scroll position means
/// the same place in a new drawing of a page as in the old one: paragraphs far from the screen
/// otherwise keep a guessed height until they come near it. For the rest of the visit: a
/// reader who went back once may go back again.
pub fn keep_positions_exact() {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute(EXACT_LAYOUT_ATTRIBUTE, "");
    }
}

/// Tells the scroll memory that a page's content is on screen, if the app provides one.
pub fn content_ready() {
    if let Some(memory) = use_context::<ScrollMemory>() {
        memory.content_ready();
    }
}

fn current_path() -> String {
    let location = window().location();
    format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    )
}
