use leptos::prelude::*;
use news_i18n::Msg;
use news_model::FeedEntry;

use super::related_stories::RelatedStories;
use crate::words::Words;

/// A page of stories: its title and description, the list (its children: `<li>` entries, see
/// [`FeedEntryCard`](super::feed_entry::FeedEntryCard)) and what comes after it (the app's
/// "More stories").
///
/// The app drawing the page from the copy kept on the reader's device passes the stories the
/// device keeps as `saved_for_offline`: they come first, listed as related stories are, under
/// "Saved for offline reading", and the list is headed "Not available offline". Data rather
/// than a view of the app's: a child view would be one more type-erased view in the first
/// page's wasm.
#[component]
pub fn Feed(
    title: String,
    description: Option<String>,
    children: Children,
    #[prop(optional_no_strip)] saved_for_offline: Option<Vec<FeedEntry>>,
    #[prop(optional)] after_list: Option<Children>,
) -> impl IntoView {
    let saved_for_offline = saved_for_offline.map(|stories| {
        let not_saved = Words::from_context().text(Msg::OfflineNotSavedHeading);
        view! {
            <RelatedStories stories heading=Msg::OfflineSavedHeading/>
            <h2 class="related__heading">{not_saved}</h2>
        }
    });
    view! {
        <div class="feed">
            <header class="feed__header">
                <h1 class="feed__title">{title}</h1>
                {description.map(|description| view! { <p class="feed__description">{description}</p> })}
            </header>
            {saved_for_offline}
            <ol class="feed__list">{children()}</ol>
            {after_list.map(|after_list| after_list())}
        </div>
    }
}
