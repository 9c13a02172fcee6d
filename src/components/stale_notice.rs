use leptos::prelude::*;
use news_i18n::Msg;
use news_model::{DateStyle, Timestamp};
use news_views::words::Words;

/// Under a prerendered page the app kept because it could not load anything newer: says the
/// page may be out of date (as of `built`), offers to try again, and can be hidden (it sits
/// over the bottom of the page).
#[component]
pub fn StaleNotice(built: Option<Timestamp>, on_retry: Callback<()>) -> impl IntoView {
    let is_hidden = RwSignal::new(false);
    let words = Words::from_context();
    let as_of = match built {
        Some(built) => words.fill(
            Msg::StaleCopyFrom,
            &[("date", &words.date(&built, DateStyle::DayAndTime))],
        ),
        None => words.text(Msg::StaleSavedCopy).to_owned(),
    };
    let label = words.text(Msg::StaleLabel);
    let try_again = words.text(Msg::CommonTryAgain);
    let hide = words.text(Msg::StaleHide);
    view! {
        <aside class="stale-notice" role="status" aria-label=label hidden=is_hidden>
            <p>{as_of}</p>
            <button type="button" class="button button--quiet" on:click=move |_| on_retry.run(())>
                {try_again}
            </button>
            <button type="button" class="button button--quiet" on:click=move |_| is_hidden.set(true)>
                {hide}
            </button>
        </aside>
    }
}
