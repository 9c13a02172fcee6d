use leptos::prelude::*;
use news_model::Route;

use crate::site::Site;

/// Any address that is no page (or names a story that does not exist), with a way home.
#[component]
pub fn NotFoundMessage() -> impl IntoView {
    let home = use_context::<Site>().map(|site| site.href(&Route::Home));
    view! {
        <div class="not-found" role="alert">
            <h1>"Page not found"</h1>
            <p>"There's no page at this address. It may have been mistyped, or the story may have moved."</p>
            <p><a href=home>"Go to the home page"</a></p>
        </div>
    }
}
