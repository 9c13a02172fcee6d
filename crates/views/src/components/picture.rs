use leptos::prelude::*;
use news_model::Image;

use crate::site::LinkResolver;

/// Whether a picture is the first thing a reader sees, which decides how eagerly it loads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Placement {
    /// At the top of the page: loaded first.
    Lead,
    /// Further down: loaded when the reader scrolls near it.
    BelowFold,
}

/// An `<img>` with its size reserved, so nothing moves when it arrives. Draws nothing when the
/// source cannot be resolved.
#[component]
pub fn Picture(image: Image, placement: Placement, class: &'static str) -> impl IntoView {
    let src = use_context::<LinkResolver>()
        .and_then(|resolver| resolver.resolve(&image.src))
        .map(|link| link.url);
    let (width, height) = image
        .size
        .map(|size| (size.width.to_string(), size.height.to_string()))
        .unzip();
    let is_lead = placement == Placement::Lead;
    src.map(|src| {
        view! {
            <img
                class=class
                src=src
                alt=image.alt
                width=width
                height=height
                loading=if is_lead { "eager" } else { "lazy" }
                decoding="async"
                fetchpriority=is_lead.then_some("high")
            />
        }
    })
}
