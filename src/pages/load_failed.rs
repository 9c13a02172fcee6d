use leptos::prelude::*;
use news_views::components::load_error_message::LoadErrorMessage;
use news_views::load_error::LoadError;
use news_views::words::Words;

use super::page_head::PageHead;

/// A page whose document could not load: the message in the page and the tab title, and the
/// takeover told (a prerendered page the reader already sees stays).
#[component]
pub fn LoadFailed(error: LoadError, on_retry: Callback<()>) -> impl IntoView {
    Effect::new(move |_| super::page_failed(on_retry));
    view! {
        <PageHead title=error.headline(&Words::from_context())/>
        <LoadErrorMessage error on_retry/>
    }
}
