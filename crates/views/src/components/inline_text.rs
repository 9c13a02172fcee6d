use leptos::prelude::*;
use news_model::{Inline, Span};

use crate::site::LinkResolver;

/// A run of styled text. Text is always text: nothing here is parsed as HTML.
#[component]
pub fn InlineText(inline: Inline) -> impl IntoView {
    inline
        .0
        .into_iter()
        .map(|span| view! { <InlineSpan span/> })
        .collect_view()
}

#[component]
fn InlineSpan(span: Span) -> impl IntoView {
    let Span {
        text,
        link,
        is_em,
        is_strong,
    } = span;
    let styled = match (is_strong, is_em) {
        (true, true) => view! { <strong><em>{text}</em></strong> }.into_any(),
        (true, false) => view! { <strong>{text}</strong> }.into_any(),
        (false, true) => view! { <em>{text}</em> }.into_any(),
        (false, false) => text.into_any(),
    };
    // A link whose target cannot be resolved is shown as its words alone.
    let resolved = link.and_then(|link| use_context::<LinkResolver>()?.resolve(&link));
    match resolved {
        Some(resolved) => {
            view! { <a href=resolved.url.clone() rel=resolved.rel()>{styled}</a> }.into_any()
        }
        None => styled,
    }
}
