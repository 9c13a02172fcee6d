use leptos::prelude::*;
use news_model::{DateStyle, FeedEntry, Route, StoryLink};

use super::date_text::DateText;
use news_i18n::Msg;

use crate::site::Site;
use crate::words::Words;

/// The stories listed under an article (see `news_model::related`): headline links with their
/// dates. Nothing at all when there are none. The app lists the stories saved for reading
/// offline the same way, under its own `heading` and with a sentence of `intro` under it.
#[component]
pub fn RelatedStories(
    stories: Vec<FeedEntry>,
    #[prop(optional)] heading: Option<Msg>,
    #[prop(optional)] intro: Option<Msg>,
) -> impl IntoView {
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
        let words = Words::from_context();
        let heading = words.text(heading.unwrap_or(Msg::RelatedHeading));
        let intro = intro.map(|intro| words.text(intro));
        view! {
            <section class="related" aria-labelledby="related-heading">
                <h2 id="related-heading" class="related__heading">{heading}</h2>
                {intro.map(|intro| view! { <p>{intro}</p> })}
                <ul class="related__list">{items}</ul>
            </section>
        }
    })
}
