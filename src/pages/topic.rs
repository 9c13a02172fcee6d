use leptos::prelude::*;
use news_i18n::Msg;
use news_model::topic::Topic;
use news_views::components::later::Later;
use news_views::components::skeletons::FeedSkeleton;
use news_views::load_error::LoadError;
use news_views::words::Words;

use super::home::Stories;
use super::load_failed::LoadFailed;
use super::not_found::NotFound;
use super::page_head::PageHead;
use crate::data::fetch::retryable;
use crate::data::settings::Settings;
use crate::data::stories::{first_page, Listing};

/// `/section/{key}`, `/tag/{key}`, `/author/{key}`: the section's, tag's or author's name, its
/// count and its stories, newest first, with "More stories" like the home page. A key with no
/// stories is not found.
#[component]
pub fn TopicPage(topic: Topic) -> impl IntoView {
    let settings = expect_context::<Settings>();
    let listing = Listing::Topic(topic);
    let (page, on_retry) = {
        let listing = listing.clone();
        retryable(move || first_page(settings.clone(), listing.clone()))
    };

    view! {
        <Transition fallback=|| view! { <Later><PageHead title=Words::from_context().text(Msg::HeadLoadingTitle)/> <FeedSkeleton/></Later> }>
            {move || page.get().map(|loaded| match loaded {
                Ok(first_page) => {
                    Effect::new(move |_| super::page_ready());
                    view! { <Stories first_page listing=listing.clone()/> }.into_any()
                }
                Err(LoadError::NotFound) => view! { <NotFound/> }.into_any(),
                Err(error) => view! { <LoadFailed error on_retry/> }.into_any(),
            })}
        </Transition>
    }
}
