use leptos::prelude::*;
use news_model::Image;

use crate::data::links::LinkResolver;

/// Whether a picture is the first thing a reader sees, which decides how eagerly it loads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Placement {
    /// At the top of the page: loaded first.
    Lead,
    /// Further down: loaded when the reader scrolls near it.
    BelowFold,
}

/// A picture with its caption and "Image copyright …" credit, as a `<figure>`.
#[component]
pub fn ImageBlock(image: Image, placement: Placement) -> impl IntoView {
    let src = use_context::<LinkResolver>()
        .and_then(|resolver| resolver.resolve(&image.src))
        .map(|link| link.url);
    let credit = image.credit_line();
    let caption = image.caption;
    let has_figcaption = caption.is_some() || credit.is_some();
    let (width, height) = match image.size {
        Some(size) => (Some(size.width.to_string()), Some(size.height.to_string())),
        None => (None, None),
    };
    let is_lead = placement == Placement::Lead;
    view! {
        <figure class="image-block">
            {src.map(|src| view! {
                <img
                    src=src
                    alt=image.alt
                    width=width
                    height=height
                    loading=if is_lead { "eager" } else { "lazy" }
                    decoding="async"
                    fetchpriority=is_lead.then_some("high")
                />
            })}
            {has_figcaption.then(|| view! {
                <figcaption>
                    {caption.map(|caption| view! { <span class="image-block__caption">{caption}</span> })}
                    {credit.map(|credit| view! { <span class="image-block__credit">{credit}</span> })}
                </figcaption>
            })}
        </figure>
    }
}
