use leptos::prelude::*;
use news_model::FeedEntry;

use super::date_text::DateText;
use super::picture::{Picture, Placement};
use crate::data::dates::DateStyle;
use crate::data::fetch::prefetch;
use crate::data::settings::Settings;

/// One story in the home feed: picture, section, headline link, summary and date.
#[component]
pub fn FeedEntryCard(entry: FeedEntry, placement: Placement) -> impl IntoView {
    let settings = use_context::<Settings>();
    let href = settings
        .as_ref()
        .map(|settings| settings.article_path(&entry.slug))
        .unwrap_or_default();
    // Pointing at or focusing a headline starts loading its story, so opening it is instant.
    let content_url = settings.map(|settings| settings.article_url(&entry.slug));
    let prefetch_story = move || {
        if let Some(url) = &content_url {
            prefetch(url.clone());
        }
    };
    let is_lead = placement == Placement::Lead;
    let entry_class = if is_lead {
        "feed-entry feed-entry--lead"
    } else {
        "feed-entry"
    };
    view! {
        <li class=entry_class>
            <article class="feed-entry__card">
                {entry.image.map(|image| view! { <Picture image placement class="feed-entry__image"/> })}
                <div class="feed-entry__text">
                    {entry.section.map(|section| view! { <p class="kicker">{section}</p> })}
                    <h2 class="feed-entry__title">
                        <a href=href on:pointerenter={let prefetch_story = prefetch_story.clone(); move |_| prefetch_story()} on:focus=move |_| prefetch_story()>
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
