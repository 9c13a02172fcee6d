use leptos::prelude::*;
use news_i18n::Msg;
use news_model::Image;

use super::picture::{Picture, Placement};
use crate::words::Words;

/// How wide a picture in the article's column is drawn (`--measure` is 44rem).
const COLUMN_SIZES: &str = "(min-width: 46rem) 44rem, 100vw";

/// A picture with its caption and "Image copyright …" credit, as a `<figure>`.
#[component]
pub fn ImageBlock(image: Image, placement: Placement) -> impl IntoView {
    let credit = image
        .credit
        .as_deref()
        .map(|who| Words::from_context().fill(Msg::ImageCredit, &[("who", who)]));
    let caption = image.caption.clone();
    let has_figcaption = caption.is_some() || credit.is_some();
    view! {
        <figure class="image-block">
            <Picture image placement class="image-block__picture" sizes=COLUMN_SIZES/>
            {has_figcaption.then(|| view! {
                <figcaption>
                    {caption.map(|caption| view! { <span class="image-block__caption">{caption}</span> })}
                    // A space between the two, for what reads the text without the layout
                    // (the search index, a reader without styles); the column drops it.
                    " "
                    {credit.map(|credit| view! { <span class="image-block__credit">{credit}</span> })}
                </figcaption>
            })}
        </figure>
    }
}
