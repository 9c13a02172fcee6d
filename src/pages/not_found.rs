use leptos::prelude::*;
use news_i18n::Msg;
use news_views::components::not_found_message::NotFoundMessage;
use news_views::words::Words;

use super::page_head::PageHead;

/// Any address the app has no page for.
#[component]
pub fn NotFound() -> impl IntoView {
    Effect::new(move |_| super::page_ready());
    view! {
        <PageHead title=Words::from_context().text(Msg::NotFoundTitle)/>
        <NotFoundMessage/>
    }
}
