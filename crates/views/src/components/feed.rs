use leptos::prelude::*;

/// A page of stories: its title and description, the list (its children: `<li>` entries, see
/// [`FeedEntryCard`](super::feed_entry::FeedEntryCard)) and what comes after it (the app's
/// "More stories").
#[component]
pub fn Feed(
    title: String,
    description: Option<String>,
    children: Children,
    #[prop(optional)] after_list: Option<Children>,
) -> impl IntoView {
    view! {
        <div class="feed">
            <header class="feed__header">
                <h1 class="feed__title">{title}</h1>
                {description.map(|description| view! { <p class="feed__description">{description}</p> })}
            </header>
            <ol class="feed__list">{children()}</ol>
            {after_list.map(|after_list| after_list())}
        </div>
    }
}
