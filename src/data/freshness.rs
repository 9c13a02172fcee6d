//! When to look for new stories: while a list of stories is open, each time the tab is shown
//! again and every few minutes while it is visible, never while it is hidden (a hidden tab
//! costs the reader and the server nothing), never while the reader asks the browser to save
//! data, and never while the browser knows it is offline: it looks when the network is back.

use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::device::is_offline;
use super::fetch::wants_to_save_data;

/// How often a visible list looks for new stories.
pub const CHECK_EVERY: Duration = Duration::from_secs(5 * 60);

/// Runs `check` when the tab becomes visible again, when the network comes back and every
/// [`CHECK_EVERY`] while it is visible (unless the reader is saving data or offline), until
/// the current reactive owner (the page) is cleaned up.
pub fn check_while_visible(check: impl Fn() + 'static) {
    // One function the browser calls for the tab shown again, the network back and the timer:
    // a listener of each event's own type would be a copy of the listening code each.
    let on_due = Closure::<dyn Fn()>::new(move || {
        if should_check() {
            check();
        }
    });
    let function: &js_sys::Function = on_due.as_ref().unchecked_ref();
    let window = window();
    for event in EVENTS {
        let _ = window.add_event_listener_with_callback(event, function);
    }
    let timer = window
        .set_interval_with_callback_and_timeout_and_arguments_0(
            function,
            CHECK_EVERY.as_millis() as i32,
        )
        .ok();
    let on_due = send_wrapper::SendWrapper::new(on_due);
    on_cleanup(move || {
        let function: &js_sys::Function = (*on_due).as_ref().unchecked_ref();
        let window = leptos::prelude::window();
        for event in EVENTS {
            let _ = window.remove_event_listener_with_callback(event, function);
        }
        if let Some(timer) = timer {
            window.clear_interval_with_handle(timer);
        }
    });
}

/// What makes a look due: the tab shown again (`visibilitychange` reaches the window from the
/// document) and the network back.
const EVENTS: [&str; 2] = ["visibilitychange", "online"];

fn should_check() -> bool {
    document().visibility_state() == web_sys::VisibilityState::Visible
        && !wants_to_save_data()
        && !is_offline()
}
