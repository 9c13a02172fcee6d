use leptos::prelude::*;
use news_model::{DateStyle, FeedEntry, Route, Slug};

use super::date_text::DateText;
use super::picture::{Picture, Placement};
use crate::site::Site;

/// How wide the lead story's picture is drawn: the whole column on phones, three fifths of
/// the 72rem page beside its text on wider screens (see `feed.css`).
const LEAD_SIZES: &str = "(min-width: 48rem) 43rem, 100vw";

/// How wide the other cards' pictures are drawn: one, two or three columns.
const CARD_SIZES: &str = "(min-width: 70rem) 24rem, (min-width: 48rem) 50vw, 100vw";

/// One story in a list of stories: picture, section, headline link, summary and date.
/// `on_intent` runs when the reader points at or focuses the headline (about to open it).
#[component]
pub fn FeedEntryCard(
    entry: FeedEntry,
    placement: Placement,
    #[prop(optional)] on_intent: Option<Callback<Slug>>,
) -> impl IntoView {
    let href = use_context::<Site>().map(|site| site.href(&Route::Article(entry.slug.clone())));
    let slug = entry.slug;
    let intent = move || {
        if let Some(on_intent) = on_intent {
            on_intent.run(slug.clone());
        }
    };
    let (entry_class, sizes) = match placement {
        Placement::Lead => ("feed-entry feed-entry--lead", LEAD_SIZES),
        Placement::BelowFold => ("feed-entry", CARD_SIZES),
    };
    view! {
        <li class=entry_class>
            <article class="feed-entry__card">
                {entry.image.map(|image| view! { <Picture image placement class="feed-entry__image" sizes/> })}
                <div class="feed-entry__text">
                    {entry.section.map(|section| view! { <p class="kicker">{section}</p> })}
                    <h2 class="feed-entry__title">
                        <a href=href on:pointerenter={let intent = intent.clone(); move |_| intent()} on:focus=move |_| intent()>
                            {entry.title}
                        </a>
                    </h2>
                    {entry.summary.map(|summary| view! { <p class="feed-entry__summary">{summary}</p> })}
                    {entry.published.map(|date| view! {
                        <p class="feed-entry__date"><DateText timestamp=date style=DateStyle::Day/></p>
                    })}
                </div>
            </article>
        </li>
    }
}
