use leptos::prelude::*;

use news_model::Route;

use crate::load_error::LoadError;
use news_i18n::Msg;

use crate::site::Site;
use crate::words::Words;

/// A failed load, said plainly, with a retry and a way home.
#[component]
pub fn LoadErrorMessage(error: LoadError, #[prop(into)] on_retry: Callback<()>) -> impl IntoView {
    let home = use_context::<Site>().map(|site| site.href(&Route::Home));
    let words = Words::from_context();
    let (headline, advice) = (error.headline(&words), error.advice(&words));
    let try_again = words.text(Msg::CommonTryAgain);
    let home_link = words.text(Msg::CommonHomeLink);
    view! {
        <div class="load-error" role="alert">
            <h1 class="load-error__headline">{headline}</h1>
            <p>{advice}</p>
            <p class="load-error__actions">
                <button type="button" class="button" on:click=move |_| on_retry.run(())>{try_again}</button>
                <a href=home>{home_link}</a>
            </p>
        </div>
    }
}
