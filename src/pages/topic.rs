use leptos::prelude::*;
use news_i18n::Msg;
use news_model::topic::Topic;
use news_views::components::later::Later;
use news_views::components::skeletons::FeedSkeleton;
use news_views::load_error::LoadError;
use news_views::words::Words;

use super::home::Stories;
use super::page_head::PageHead;
use super::{Page, Shown};
use crate::data::fetch::retryable;
use crate::data::settings::Settings;
use crate::data::stories::{first_page, Listing};

/// `/section/{key}`, `/tag/{key}`, `/author/{key}`: the section's, tag's or author's name, its
/// count and its stories, newest first, with "More stories" like the home page. A key with no
/// stories is not found.
pub fn topic_page(topic: Topic) -> Page {
    let settings = expect_context::<Settings>();
    let listing = Listing::Topic(topic);
    let (page, on_retry) = {
        let listing = listing.clone();
        retryable(move || first_page(settings.clone(), listing.clone()))
    };

    Page::loading(
        || {
            view! { <Later><PageHead title=Words::from_context().text(Msg::HeadLoadingTitle)/> <FeedSkeleton/></Later> }.into_any()
        },
        move || {
            page.get().map(|loaded| match loaded {
                Ok(first_page) => {
                    Shown::content(view! { <Stories first_page listing=listing.clone()/> })
                }
                Err(LoadError::NotFound) => Shown::not_found(),
                Err(error) => Shown::failed(error, on_retry),
            })
        },
    )
}
