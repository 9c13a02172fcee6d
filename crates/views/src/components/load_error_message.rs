use leptos::prelude::*;

use news_model::Route;

use crate::load_error::LoadError;
use crate::site::Site;

/// A failed load, said plainly, with a retry and a way home.
#[component]
pub fn LoadErrorMessage(error: LoadError, #[prop(into)] on_retry: Callback<()>) -> impl IntoView {
    let home = use_context::<Site>().map(|site| site.href(&Route::Home));
    view! {
        <div class="load-error" role="alert">
            <h1 class="load-error__headline">{error.headline()}</h1>
            <p>{error.advice()}</p>
            <p class="load-error__actions">
                <button type="button" class="button" on:click=move |_| on_retry.run(())>"Try again"</button>
                <a href=home>"Go to the home page"</a>
            </p>
        </div>
    }
}
