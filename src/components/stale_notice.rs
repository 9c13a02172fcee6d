use leptos::prelude::*;
use news_i18n::Msg;
use news_model::{DateStyle, Timestamp};
use news_views::words::Words;

/// Over a page that is a copy, fixed to the bottom of the window (so showing it moves nothing)
/// and can be hidden. With `on_retry`: a prerendered page the app kept because it could not
/// load anything newer (as of `built`), with Try again. Without: a page drawn from the copy the
/// offline worker kept on this device (saved at `built`), which says the reader is offline.
/// One component for both: the second cost the first page about 0.3 KB of wasm.
#[component]
pub fn StaleNotice(
    built: Option<Timestamp>,
    #[prop(optional)] on_retry: Option<Callback<()>>,
) -> impl IntoView {
    let is_hidden = RwSignal::new(false);
    let words = Words::from_context();
    let [label, copy_from, saved_copy] = if on_retry.is_some() {
        [Msg::StaleLabel, Msg::StaleCopyFrom, Msg::StaleSavedCopy]
    } else {
        [
            Msg::OfflineLabel,
            Msg::OfflineCopyFrom,
            Msg::OfflineSavedCopy,
        ]
    };
    let as_of = match built {
        Some(built) => words.fill(
            copy_from,
            &[("date", &words.date(&built, DateStyle::DayAndTime))],
        ),
        None => words.text(saved_copy).to_owned(),
    };
    let label = words.text(label);
    let try_again = words.text(Msg::CommonTryAgain);
    let hide = words.text(Msg::StaleHide);
    view! {
        <aside class="stale-notice" role="status" aria-label=label hidden=is_hidden>
            <p>{as_of}</p>
            {on_retry.map(|on_retry| view! {
                <button type="button" class="button button--quiet" on:click=move |_| on_retry.run(())>
                    {try_again}
                </button>
            })}
            <button type="button" class="button button--quiet" on:click=move |_| is_hidden.set(true)>
                {hide}
            </button>
        </aside>
    }
}
