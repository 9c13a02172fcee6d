use leptos::prelude::*;
use news_i18n::Msg;
use news_views::components::not_found_message::NotFoundMessage;
use news_views::words::Words;

use super::page_head::PageHead;

/// Any address the app has no page for: drawn only as a [`super::Shown::not_found`].
#[component]
pub(super) fn NotFound() -> impl IntoView {
    view! {
        <PageHead title=Words::from_context().text(Msg::NotFoundTitle)/>
        <NotFoundMessage/>
    }
}
