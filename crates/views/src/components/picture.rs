use leptos::prelude::*;
use news_model::{Image, Link};

use crate::site::LinkResolver;

/// Whether a picture is the first thing a reader sees, which decides how eagerly it loads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Placement {
    /// At the top of the page: loaded first.
    Lead,
    /// Further down: loaded when the reader scrolls near it.
    BelowFold,
}

/// An `<img>` with its size reserved, so nothing moves when it arrives, and its other sizes
/// offered to the browser (`sizes` says how wide it is drawn). Draws nothing when the source
/// cannot be resolved.
#[component]
pub fn Picture(
    image: Image,
    placement: Placement,
    class: &'static str,
    sizes: &'static str,
) -> impl IntoView {
    let resolver = use_context::<LinkResolver>();
    let resolve = |link: &Link| {
        resolver
            .as_ref()
            .and_then(|resolver| resolver.resolve(link))
            .map(|link| link.url)
    };
    let src = resolve(&image.src);
    let srcset = src_set(&image, resolve);
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
                srcset=srcset.clone()
                sizes=srcset.is_some().then_some(sizes)
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

/// The `srcset` of a picture with other sizes: each one that resolves, and the main source
/// when its width is known. A URL with a comma is left out, since `srcset` would split it.
fn src_set(image: &Image, resolve: impl Fn(&Link) -> Option<String>) -> Option<String> {
    if image.sources.is_empty() {
        return None;
    }
    let main = image.size.map(|size| (&image.src, size.width));
    let candidates: Vec<String> = image
        .sources
        .iter()
        .map(|source| (&source.src, source.width))
        .chain(main)
        .filter_map(|(link, width)| Some((resolve(link)?, width)))
        .filter(|(url, _)| !url.contains(','))
        .map(|(url, width)| format!("{url} {width}w"))
        .collect();
    (!candidates.is_empty()).then(|| candidates.join(", "))
}
