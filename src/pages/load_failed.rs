use leptos::prelude::*;
use news_views::components::load_error_message::LoadErrorMessage;
use news_views::load_error::LoadError;
use news_views::words::Words;

use super::page_head::PageHead;

/// A page whose document could not load: the message in the page and the tab title. Drawn
/// only as a [`super::Shown::failed`], so the frame hears of it (a prerendered page the
/// reader already sees stays).
#[component]
pub(super) fn LoadFailed(error: LoadError, on_retry: Callback<()>) -> impl IntoView {
    view! {
        <PageHead title=error.headline(&Words::from_context())/>
        <LoadErrorMessage error on_retry/>
    }
}
