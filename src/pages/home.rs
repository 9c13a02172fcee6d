use leptos::context::Provider;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use news_model::{FeedEntry, FeedIndex};

use crate::components::feed_entry::FeedEntryCard;
use crate::components::load_error_message::LoadErrorMessage;
use crate::components::picture::Placement;
use crate::components::skeletons::FeedSkeleton;
use crate::data::fetch::{load_feed_index, retryable, Loaded};
use crate::data::links::LinkResolver;
use crate::data::settings::Settings;

/// `/`: the site's title and its stories, newest first.
#[component]
pub fn Home() -> impl IntoView {
    let settings = expect_context::<Settings>();
    let url = settings.index_url.clone();
    let (index, on_retry) = retryable(move || load_feed_index(url.clone()));

    view! {
        <Transition fallback=|| view! { <FeedSkeleton/> }>
            {move || index.get().map(|loaded| match loaded {
                Ok(loaded) => {
                    Effect::new(move |_| super::page_ready());
                    view! { <Feed first_page=loaded/> }.into_any()
                }
                Err(error) => view! {
                    <Title text=error.headline()/>
                    <LoadErrorMessage error on_retry/>
                }
                .into_any(),
            })}
        </Transition>
    }
}

/// The first page of the feed, and older pages the reader asks for.
#[component]
fn Feed(first_page: Loaded<FeedIndex>) -> impl IntoView {
    let settings = expect_context::<Settings>();
    let FeedIndex {
        title, description, ..
    } = first_page.document.clone();
    let meta_description = description.clone().unwrap_or_else(|| title.clone());
    let first = page_view(&first_page, &settings, true);
    let next_url = LinkResolver::new(first_page.url.clone(), settings.clone())
        .resolve_next(&first_page.document);

    view! {
        <Title text=title.clone()/>
        <Meta name="description" content=meta_description/>
        <div class="feed">
            <header class="feed__header">
                <h1 class="feed__title">{title}</h1>
                {description.map(|description| view! { <p class="feed__description">{description}</p> })}
            </header>
            {first}
            {next_url.map(|url| view! { <OlderStories url/> })}
        </div>
    }
}

/// Loads older pages of the index one at a time when the reader asks.
#[component]
fn OlderStories(url: String) -> impl IntoView {
    let settings = expect_context::<Settings>();
    let pages = RwSignal::new(Vec::<Loaded<FeedIndex>>::new());
    let next_url = RwSignal::new(Some(url));
    let is_loading = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);

    let load_more = Callback::new(move |()| {
        let Some(url) = next_url.get_untracked() else {
            return;
        };
        is_loading.set(true);
        error.set(None);
        let settings = settings.clone();
        leptos::task::spawn_local(async move {
            match load_feed_index(url).await {
                Ok(page) => {
                    next_url.set(
                        LinkResolver::new(page.url.clone(), settings).resolve_next(&page.document),
                    );
                    pages.update(|pages| pages.push(page));
                }
                Err(load_error) => error.set(Some(format!(
                    "{} {}",
                    load_error.headline(),
                    load_error.advice()
                ))),
            }
            is_loading.set(false);
        });
    });

    let settings = expect_context::<Settings>();
    view! {
        <For each=move || pages.get() key=|page| page.url.clone() let:page>
            {page_view(&page, &settings, false)}
        </For>
        {move || error.get().map(|message| view! { <p class="notice notice--error" role="alert">{message}</p> })}
        <Show when=move || next_url.get().is_some()>
            <p class="feed__more">
                <button type="button" class="button" on:click=move |_| load_more.run(()) disabled=move || is_loading.get()>
                    {move || if is_loading.get() { "Loading older stories…" } else { "More stories" }}
                </button>
            </p>
        </Show>
    }
}

/// One page of entries as a list; its images resolve against the page's own URL.
fn page_view(page: &Loaded<FeedIndex>, settings: &Settings, is_first_page: bool) -> AnyView {
    let resolver = LinkResolver::new(page.url.clone(), settings.clone());
    let entries: Vec<FeedEntry> = page.document.newest_first().into_iter().cloned().collect();
    view! {
        <Provider value=resolver>
            <ol class="feed__list">
                {entries.into_iter().enumerate().map(|(entry_idx, entry)| {
                    let placement = if is_first_page && entry_idx == 0 { Placement::Lead } else { Placement::BelowFold };
                    view! { <FeedEntryCard entry placement/> }
                }).collect_view()}
            </ol>
        </Provider>
    }
    .into_any()
}
