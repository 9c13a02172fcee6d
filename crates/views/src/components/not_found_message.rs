use leptos::prelude::*;
use news_model::Route;

use news_i18n::Msg;

use crate::site::Site;
use crate::words::Words;

/// Any address that is no page (or names a story that does not exist), with a way home.
#[component]
pub fn NotFoundMessage() -> impl IntoView {
    let home = use_context::<Site>().map(|site| site.href(&Route::Home));
    let words = Words::from_context();
    let title = words.text(Msg::NotFoundTitle);
    let message = words.text(Msg::NotFoundMessage);
    let home_link = words.text(Msg::CommonHomeLink);
    view! {
        <div class="not-found" role="alert">
            <h1>{title}</h1>
            <p>{message}</p>
            <p><a href=home>{home_link}</a></p>
        </div>
    }
}
