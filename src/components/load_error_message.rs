use leptos::prelude::*;

use crate::data::load_error::LoadError;
use crate::data::settings::Settings;

/// A failed load, said plainly, with a retry and a way home.
#[component]
pub fn LoadErrorMessage(error: LoadError, #[prop(into)] on_retry: Callback<()>) -> impl IntoView {
    Effect::new(move |_| crate::takeover::page_failed());
    let home = use_context::<Settings>()
        .map(|settings| settings.home_path())
        .unwrap_or_else(|| "/".into());
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
