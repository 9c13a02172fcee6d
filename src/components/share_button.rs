use leptos::prelude::*;
use news_i18n::Msg;
use news_views::words::Words;

use crate::data::share::{copy, has_share_sheet, share, Shared};

/// "Share" (the browser's share sheet) where the browser has one, else "Copy link"; what
/// happened is said in a status line that screen readers announce. When neither works, the
/// address is shown to copy by hand.
#[component]
pub fn ShareButton(title: String, url: String) -> impl IntoView {
    let uses_sheet = has_share_sheet();
    let status = RwSignal::new(None::<String>);
    // The catalog, not `Words`: a reference the closures below copy.
    let words = Words::from_context().catalog();
    let label = words.text(if uses_sheet {
        Msg::ShareButton
    } else {
        Msg::ShareCopyButton
    });
    let on_click = {
        let url = url.clone();
        move |_| {
            let (title, url) = (title.clone(), url.clone());
            leptos::task::spawn_local(async move {
                let shared = if uses_sheet {
                    share(&title, &url).await
                } else {
                    copy(&url).await
                };
                status.set(match shared {
                    Shared::BySheet => None,
                    Shared::Copied => Some(words.text(Msg::ShareCopied).to_owned()),
                    Shared::Failed => Some(words.fill(Msg::ShareCopyFailed, &[("url", &url)])),
                });
            });
        }
    };
    view! {
        <button type="button" class="button button--quiet share__button" on:click=on_click>
            {label}
        </button>
        <span class="share__status" role="status">{move || status.get()}</span>
    }
}
