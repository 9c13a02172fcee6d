use leptos::prelude::*;

use crate::components::page_head::PageHead;
use crate::data::settings::Settings;

/// Any path the app has no page for.
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <PageHead title="Page not found"/>
        <NotFoundMessage/>
    }
}

/// The message itself, also shown for an article address with an invalid slug.
#[component]
pub fn NotFoundMessage() -> impl IntoView {
    Effect::new(move |_| super::page_ready());
    let home = use_context::<Settings>()
        .map(|settings| settings.home_path())
        .unwrap_or_else(|| "/".into());
    view! {
        <div class="not-found" role="alert">
            <h1>"Page not found"</h1>
            <p>"There's no page at this address. It may have been mistyped, or the story may have moved."</p>
            <p><a href=home>"Go to the home page"</a></p>
        </div>
    }
}
