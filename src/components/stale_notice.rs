use leptos::prelude::*;
use news_model::{DateStyle, Timestamp};

/// Under a prerendered page the app kept because it could not load anything newer: says the
/// page may be out of date (as of `built`), offers to try again, and can be hidden (it sits
/// over the bottom of the page).
#[component]
pub fn StaleNotice(built: Option<Timestamp>, on_retry: Callback<()>) -> impl IntoView {
    let is_hidden = RwSignal::new(false);
    let as_of = match built {
        Some(built) => format!(
            "This page is the copy from {}",
            built.display(DateStyle::DayAndTime)
        ),
        None => "This page is a saved copy".to_owned(),
    };
    view! {
        <aside class="stale-notice" role="status" aria-label="Page may be out of date" hidden=is_hidden>
            <p>{as_of}" and may be out of date: the latest version couldn't be loaded."</p>
            <button type="button" class="button button--quiet" on:click=move |_| on_retry.run(())>
                "Try again"
            </button>
            <button type="button" class="button button--quiet" on:click=move |_| is_hidden.set(true)>
                "Hide"
            </button>
        </aside>
    }
}
