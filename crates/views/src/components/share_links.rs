use leptos::prelude::*;
use news_i18n::Msg;
use news_model::percent_encode;

use crate::words::Words;

/// Ways to pass a story on, under it. The e-mail link works everywhere, prerendered and without
/// script; the app adds its share or copy button (`button`) where it runs. No third-party
/// script, frame or pixel.
#[component]
pub fn ShareLinks(
    /// The headline, as the subject of the e-mail.
    title: String,
    /// The story's public address.
    url: String,
    #[prop(default = None)] button: Option<ViewFn>,
) -> impl IntoView {
    let email = format!(
        "mailto:?subject={}&body={}",
        percent_encode(&title),
        percent_encode(&url)
    );
    let words = Words::from_context();
    let label = words.text(Msg::ArticleShareLabel);
    let email_link = words.text(Msg::ArticleEmailLink);
    view! {
        <div class="share" role="group" aria-label=label data-pagefind-ignore="">
            {button.map(|button| button.run())}
            <a class="share__link" href=email>{email_link}</a>
        </div>
    }
}
