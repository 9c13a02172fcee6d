use leptos::prelude::*;
use news_model::{DateStyle, FeedEntry, Route, StoryLink};

use super::date_text::DateText;
use news_i18n::Msg;

use crate::site::Site;
use crate::words::Words;

/// The stories listed under an article (see `news_model::related`): headline links with their
/// dates. Nothing at all when there are none.
#[component]
pub fn RelatedStories(stories: Vec<FeedEntry>) -> impl IntoView {
    let site = use_context::<Site>();
    let items: Vec<_> = stories
        .into_iter()
        .filter_map(|entry| {
            let StoryLink::Here(slug) = entry.story else {
                return None;
            };
            let href = site.as_ref()?.href(&Route::Article(slug));
            Some(view! {
                <li class="related__item">
                    <a class="related__link" href=href>{entry.title}</a>
                    {entry.published.map(|date| view! {
                        <span class="related__date"><DateText timestamp=date style=DateStyle::Day/></span>
                    })}
                </li>
            })
        })
        .collect();
    (!items.is_empty()).then(|| {
        let heading = Words::from_context().text(Msg::RelatedHeading);
        view! {
            <section class="related" aria-labelledby="related-heading">
                <h2 id="related-heading" class="related__heading">{heading}</h2>
                <ul class="related__list">{items}</ul>
            </section>
        }
    })
}
