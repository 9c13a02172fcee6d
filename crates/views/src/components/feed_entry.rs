use leptos::prelude::*;
use news_model::{DateStyle, FeedEntry, Route, Slug, StoryLink};

use super::article_view::story_language;
use super::date_text::DateText;
use super::picture::{Picture, Placement};
use crate::site::{LinkResolver, Site};

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
    // A story of this site opens in the app; one that is read only at its own address (a
    // feed item without a usable slug) is an ordinary link there.
    let (href, rel) = match &entry.story {
        StoryLink::Here(slug) => (
            use_context::<Site>().map(|site| site.href(&Route::Article(slug.clone()))),
            None,
        ),
        StoryLink::Elsewhere(link) => {
            let resolved =
                use_context::<LinkResolver>().and_then(|resolver| resolver.resolve(link));
            let rel = resolved.as_ref().and_then(|resolved| resolved.rel());
            (resolved.map(|resolved| resolved.url), rel)
        }
    };
    let slug = entry.story.slug().cloned();
    let intent = move || {
        if let (Some(on_intent), Some(slug)) = (on_intent, &slug) {
            on_intent.run(slug.clone());
        }
    };
    let (lang, dir) = story_language(entry.language.as_ref());
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
                    <h2 class="feed-entry__title" lang=lang.clone() dir=dir>
                        <a href=href rel=rel on:pointerenter={let intent = intent.clone(); move |_| intent()} on:focus=move |_| intent()>
                            {entry.title}
                        </a>
                    </h2>
                    {entry.summary.map(|summary| view! { <p class="feed-entry__summary" lang=lang.clone() dir=dir>{summary}</p> })}
                    {entry.published.map(|date| view! {
                        <p class="feed-entry__date"><DateText timestamp=date style=DateStyle::Day/></p>
                    })}
                </div>
            </article>
        </li>
    }
}
