use std::collections::HashSet;
use std::sync::Arc;

use leptos::context::Provider;
use leptos::prelude::*;
use news_i18n::{Msg, Plural};
use news_model::{
    FeedEntry, FeedIndex, Slug, StoryLink, STORIES_ON_FIRST_SCREEN, STORIES_PER_MORE,
};
use news_views::components::feed::Feed;
use news_views::components::feed_entry::FeedEntryCard;
use news_views::components::later::Later;
use news_views::components::picture::Placement;
use news_views::components::skeletons::FeedSkeleton;
use news_views::pacing::Pacer;
use news_views::site::LinkResolver;
use news_views::words::Words;
use wasm_bindgen::JsCast;

use super::page_head::PageHead;
use super::{Page, Shown};
use crate::components::stale_notice::StaleNotice;
use crate::data::device::saved_entries;
use crate::data::fetch::saved_copy;
use crate::data::fetch::{prefetch, retryable, Loaded};
use crate::data::freshness::check_while_visible;
use crate::data::links::next_page_url;
use crate::data::settings::Settings;
use crate::data::stories::{
    first_page, fresh_first_page, next_feed_page, story_url, FeedPage, Listing,
};

/// `/`: the site's title and its stories, newest first.
pub fn home_page() -> Page {
    let settings = expect_context::<Settings>();
    let (index, on_retry) = retryable(move || first_page(settings.clone(), Listing::Home));

    Page::loading(
        || view! { <Later><PageHead title=""/> <FeedSkeleton/></Later> }.into_any(),
        move || {
            index.get().map(|loaded| match loaded {
                Ok(loaded) => {
                    Shown::content(view! { <Stories first_page=loaded listing=Listing::Home/> })
                }
                Err(error) => Shown::failed(error, on_retry),
            })
        },
    )
}

/// The stories, a screenful at a time: "More stories" shows more of what is loaded, then
/// loads the next, older page of the index. Only what is shown is drawn, so an index of
/// 10,000 entries draws as fast as one of 25. While the page is open it looks for new stories
/// (see [`check_while_visible`]) and offers them in a pill that floats over the page, so the
/// list never moves under the reader.
#[component]
pub(super) fn Stories(first_page: FeedPage, listing: Listing) -> impl IntoView {
    let settings = expect_context::<Settings>();
    let first_url = first_page.loaded.url.clone();
    // Drawn from the copy kept on the device: the stories it keeps come first, under their own
    // heading, and the rest are marked as not available offline.
    let saved_copy = saved_copy(&first_url);
    let saved_list = saved_copy
        .is_some()
        .then(|| saved_entries(&first_page.loaded.document.entries));
    // Their pictures are not on the device either: drawn, they would be broken images.
    let draws_pictures = saved_copy.is_none();
    let title = first_page.loaded.document.title.clone();
    let description = first_page.loaded.document.description.clone();
    let meta_description = description.clone().unwrap_or_else(|| title.clone());

    // The stories kept on the device are not listed again below them: listed already.
    let mut stories = Stories::default();
    for entry in saved_list.iter().flatten() {
        stories.listed.insert(entry.story.clone());
    }
    let stories = StoredValue::new(stories);
    let n_shown = RwSignal::new(0_usize);
    let next_url = RwSignal::new(None::<String>);
    let last_page = StoredValue::new((first_page.number, first_page.format));
    let is_loading = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    // The catalog, not `Words`: a reference the closures below copy.
    let words = Words::from_context().catalog();

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
    let n_first_screen = stories.with_value(|stories| stories.len().min(STORIES_ON_FIRST_SCREEN));
    // While the app takes over a prerendered page, the first stories are drawn in this task and
    // the rest of the screenful in the next (see `news_views::pacing`); on screen, all at once.
    n_shown.set(n_first_screen.min(STORIES_IN_FIRST_PART));
    Pacer::after_parts_drawn(move || {
        let _ = n_shown.try_set(n_first_screen);
    });

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
                        load_error.headline(words),
                        load_error.advice(words)
                    ))),
                }
                is_loading.set(false);
            });
        }
    });
    let has_more =
        move || n_shown.get() < stories.with_value(Stories::len) || next_url.get().is_some();
    let shown = move || stories.with_value(|stories| stories.first(n_shown.get()));

    // New stories: the first page asked again; those not listed wait for the reader to ask.
    let waiting = StoredValue::new_local(None::<FeedPage>);
    let n_new = RwSignal::new(0_usize);
    let is_checking = StoredValue::new(false);
    {
        let settings = settings.clone();
        check_while_visible(move || {
            if is_checking.get_value() {
                return;
            }
            is_checking.set_value(true);
            let (settings, listing, first_url) =
                (settings.clone(), listing.clone(), first_url.clone());
            leptos::task::spawn_local(async move {
                let fresh = fresh_first_page(settings, listing, &first_url).await;
                is_checking.set_value(false);
                if let Ok(page) = fresh {
                    let n = stories.with_value(|stories| stories.count_new(&page.loaded.document));
                    waiting.set_value((n > 0).then_some(page));
                    n_new.set(n);
                }
            });
        });
    }
    let show_new = {
        let settings = settings.clone();
        move |_| {
            let Some(page) = waiting.try_update_value(Option::take).flatten() else {
                return;
            };
            let resolver = Arc::new(LinkResolver::new(
                page.loaded.url.clone(),
                settings.site.clone(),
            ));
            let n_added = stories
                .try_update_value(|stories| stories.add_newer(page.loaded.document, resolver))
                .unwrap_or(0);
            n_shown.update(|n_shown| *n_shown += n_added);
            n_new.set(0);
            window().scroll_to_with_x_and_y(0.0, 0.0);
            request_animation_frame(focus_first_story);
        }
    };

    // Pointing at or focusing a headline starts loading its story, so opening it is instant.
    let on_intent = Callback::new(move |slug: Slug| {
        if let Some(url) = story_url(&settings, &slug) {
            prefetch(url);
        }
    });
    let new_stories = move |n: usize| words.plural(Plural::FeedNewStories, n);
    let more_stories = move || {
        view! {
            {move || error.get().map(|message| view! { <p class="notice notice--error" role="alert">{message}</p> })}
            <Show when=has_more>
                <p class="feed__more">
                    // aria-disabled rather than disabled: a disabled button drops keyboard focus.
                    <button type="button" class="button" aria-disabled=move || is_loading.get().to_string() on:click=move |_| show_more.run(())>
                        {move || words.text(if is_loading.get() { Msg::FeedLoadingMore } else { Msg::FeedMoreButton }).to_owned()}
                    </button>
                </p>
            </Show>
        }
        .into_any()
    };

    view! {
        <PageHead title=title.clone() description=meta_description/>
        <div class="new-stories" role="status">
            <Show when=move || { n_new.get() > 0 }>
                <button type="button" class="button new-stories__button" on:click=show_new.clone()>
                    {move || new_stories(n_new.get())}
                </button>
            </Show>
        </div>
        <Feed title description saved_for_offline=saved_list after_list=Box::new(more_stories)>
            <For
                each=shown
                // The lead story is drawn larger: a story that stops (or starts) leading is
                // drawn again.
                key=|(position, story)| (story.entry.story.clone(), *position == 0)
                children=move |(position, story)| {
                    let placement = if position == 0 { Placement::Lead } else { Placement::BelowFold };
                    let mut entry = story.entry;
                    if !draws_pictures {
                        entry.image = None;
                    }
                    view! {
                        <Provider value=LinkResolver::clone(&story.resolver)>
                            <FeedEntryCard entry placement on_intent/>
                        </Provider>
                    }
                }
            />
        </Feed>
        {saved_copy.map(|copy| view! { <StaleNotice built=copy.saved/> })}
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

    /// How many of `page`'s stories are not listed yet.
    fn count_new(&self, page: &FeedIndex) -> usize {
        page.entries
            .iter()
            .filter(|entry| !self.listed.contains(&entry.story))
            .count()
    }

    /// Puts `page`'s stories that are not listed yet at the top, newest first; how many.
    fn add_newer(&mut self, page: FeedIndex, resolver: Arc<LinkResolver>) -> usize {
        let newer: Vec<Story> = page
            .into_newest_first()
            .into_iter()
            .filter(|entry| self.listed.insert(entry.story.clone()))
            .map(|entry| Story {
                entry,
                resolver: Arc::clone(&resolver),
            })
            .collect();
        let n_added = newer.len();
        self.list.splice(0..0, newer);
        n_added
    }

    fn len(&self) -> usize {
        self.list.len()
    }

    /// The first `n` stories with their positions.
    fn first(&self, n: usize) -> Vec<(usize, Story)> {
        self.list.iter().take(n).cloned().enumerate().collect()
    }
}

/// Stories drawn in the first task while the app takes over a prerendered list.
const STORIES_IN_FIRST_PART: usize = 8;

/// Moves focus to the first story's headline link, where the new stories start.
fn focus_first_story() {
    let link = document()
        .query_selector("#main .feed__list a")
        .ok()
        .flatten()
        .and_then(|link| link.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(link) = link {
        let _ = link.focus();
    }
}
