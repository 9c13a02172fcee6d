use std::collections::HashSet;
use std::sync::Arc;

use leptos::context::Provider;
use leptos::prelude::*;
use news_model::{
    FeedEntry, FeedIndex, Slug, StoryLink, STORIES_ON_FIRST_SCREEN, STORIES_PER_MORE,
};
use news_views::components::feed::Feed;
use news_views::components::feed_entry::FeedEntryCard;
use news_views::components::picture::Placement;
use news_views::components::skeletons::FeedSkeleton;
use news_views::site::LinkResolver;

use super::load_failed::LoadFailed;
use super::page_head::PageHead;
use crate::data::fetch::{prefetch, retryable, Loaded};
use crate::data::links::next_page_url;
use crate::data::settings::Settings;
use crate::data::stories::{first_feed_page, next_feed_page, story_url, FeedPage};

/// `/`: the site's title and its stories, newest first.
#[component]
pub fn Home() -> impl IntoView {
    let settings = expect_context::<Settings>();
    let (index, on_retry) = retryable(move || first_feed_page(settings.clone()));

    view! {
        <Transition fallback=|| view! { <PageHead title=""/> <FeedSkeleton/> }>
            {move || index.get().map(|loaded| match loaded {
                Ok(loaded) => {
                    Effect::new(move |_| super::page_ready());
                    view! { <Stories first_page=loaded/> }.into_any()
                }
                Err(error) => view! { <LoadFailed error on_retry/> }.into_any(),
            })}
        </Transition>
    }
}

/// The stories, a screenful at a time: "More stories" shows more of what is loaded, then
/// loads the next, older page of the index. Only what is shown is drawn, so an index of
/// 10,000 entries draws as fast as one of 25.
#[component]
pub(super) fn Stories(first_page: FeedPage) -> impl IntoView {
    let settings = expect_context::<Settings>();
    let title = first_page.loaded.document.title.clone();
    let description = first_page.loaded.document.description.clone();
    let meta_description = description.clone().unwrap_or_else(|| title.clone());

    let stories = StoredValue::new(Stories::default());
    let n_shown = RwSignal::new(0_usize);
    let next_url = RwSignal::new(None::<String>);
    let last_page = StoredValue::new((first_page.number, first_page.format));
    let is_loading = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);

    let add_page = {
        let settings = settings.clone();
        move |page: FeedPage| {
            last_page.set_value((page.number, page.format));
            let page: Loaded<FeedIndex> = page.loaded;
            let resolver = Arc::new(LinkResolver::new(page.url.clone(), settings.site.clone()));
            next_url.set(next_page_url(&resolver, &page.document));
            stories.update_value(|stories| stories.add_page(page.document, resolver));
        }
    };
    add_page(first_page);
    n_shown.set(stories.with_value(|stories| stories.len().min(STORIES_ON_FIRST_SCREEN)));

    let show_next_batch = move || {
        let n_loaded = stories.with_value(Stories::len);
        n_shown.update(|n_shown| *n_shown = (*n_shown + STORIES_PER_MORE).min(n_loaded));
    };
    let show_more = Callback::new({
        let settings = settings.clone();
        move |()| {
            if n_shown.get_untracked() < stories.with_value(Stories::len) {
                show_next_batch();
                return;
            }
            let Some(url) = next_url.get_untracked() else {
                return;
            };
            if is_loading.get_untracked() {
                return;
            }
            is_loading.set(true);
            error.set(None);
            let add_page = add_page.clone();
            let settings = settings.clone();
            leptos::task::spawn_local(async move {
                match next_feed_page(settings, url, last_page.get_value()).await {
                    Ok(page) => {
                        add_page(page);
                        show_next_batch();
                    }
                    Err(load_error) => error.set(Some(format!(
                        "{} {}",
                        load_error.headline(),
                        load_error.advice()
                    ))),
                }
                is_loading.set(false);
            });
        }
    });
    let has_more =
        move || n_shown.get() < stories.with_value(Stories::len) || next_url.get().is_some();
    let shown = move || stories.with_value(|stories| stories.first(n_shown.get()));

    // Pointing at or focusing a headline starts loading its story, so opening it is instant.
    let on_intent = Callback::new(move |slug: Slug| {
        if let Some(url) = story_url(&settings, &slug) {
            prefetch(url);
        }
    });
    let more_stories = move || {
        view! {
            {move || error.get().map(|message| view! { <p class="notice notice--error" role="alert">{message}</p> })}
            <Show when=has_more>
                <p class="feed__more">
                    // aria-disabled rather than disabled: a disabled button drops keyboard focus.
                    <button type="button" class="button" aria-disabled=move || is_loading.get().to_string() on:click=move |_| show_more.run(())>
                        {move || if is_loading.get() { "Loading older stories…" } else { "More stories" }}
                    </button>
                </p>
            </Show>
        }
        .into_any()
    };

    view! {
        <PageHead title=title.clone() description=meta_description/>
        <Feed title description after_list=Box::new(more_stories)>
            <For
                each=shown
                key=|(_, story)| story.entry.story.clone()
                children=move |(position, story)| {
                    let placement = if position == 0 { Placement::Lead } else { Placement::BelowFold };
                    view! {
                        <Provider value=LinkResolver::clone(&story.resolver)>
                            <FeedEntryCard entry=story.entry placement on_intent/>
                        </Provider>
                    }
                }
            />
        </Feed>
    }
}

/// Every story loaded so far, in the order the feed lists them: each page's entries newest
/// first, pages in order. A story already listed from an earlier page is not listed twice
/// (where it is read keys its place in the list).
#[derive(Default)]
struct Stories {
    list: Vec<Story>,
    listed: HashSet<StoryLink>,
}

/// One story and the resolver for the index page it came from (its picture's address is
/// relative to that page).
#[derive(Clone)]
struct Story {
    entry: FeedEntry,
    resolver: Arc<LinkResolver>,
}

impl Stories {
    fn add_page(&mut self, page: FeedIndex, resolver: Arc<LinkResolver>) {
        for entry in page.into_newest_first() {
            if self.listed.insert(entry.story.clone()) {
                self.list.push(Story {
                    entry,
                    resolver: Arc::clone(&resolver),
                });
            }
        }
    }

    fn len(&self) -> usize {
        self.list.len()
    }

    /// The first `n` stories with their positions.
    fn first(&self, n: usize) -> Vec<(usize, Story)> {
        self.list.iter().take(n).cloned().enumerate().collect()
    }
}
