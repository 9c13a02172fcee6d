//! When to look for new stories: while a list of stories is open, each time the tab is shown
//! again and every few minutes while it is visible, never while it is hidden (a hidden tab
//! costs the reader and the server nothing), and never while the reader asks the browser to
//! save data.

use std::time::Duration;

use leptos::prelude::*;

use super::fetch::wants_to_save_data;

/// How often a visible list looks for new stories.
pub const CHECK_EVERY: Duration = Duration::from_secs(5 * 60);

/// Runs `check` when the tab becomes visible again and every [`CHECK_EVERY`] while it is
/// visible (unless the reader is saving data), until the current reactive owner (the page) is
/// cleaned up.
pub fn check_while_visible(check: impl Fn() + Clone + 'static) {
    let on_visible = {
        let check = check.clone();
        window_event_listener(leptos::ev::visibilitychange, move |_| {
            if should_check() {
                check();
            }
        })
    };
    let timer = set_interval_with_handle(
        move || {
            if should_check() {
                check();
            }
        },
        CHECK_EVERY,
    )
    .ok();
    on_cleanup(move || {
        on_visible.remove();
        if let Some(timer) = timer {
            timer.clear();
        }
    });
}

fn should_check() -> bool {
    document().visibility_state() == web_sys::VisibilityState::Visible && !wants_to_save_data()
}
