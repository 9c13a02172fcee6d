use leptos::prelude::*;
use news_i18n::Msg;
use news_model::related::{related_stories, RelatedBy};
use news_model::{Article, FeedEntry, Route, SitePage, Slug};
use news_views::components::article_view::ArticleView;
use news_views::components::later::Later;
use news_views::components::related_stories::RelatedStories;
use news_views::components::skeletons::ArticleSkeleton;
use news_views::load_error::LoadError;
use news_views::pacing::Pacer;
use news_views::site::LinkResolver;
use news_views::words::Words;

use super::comment_section::CommentSection;
use super::page_head::PageHead;
use super::{Page, Shown};
use crate::components::share_button::ShareButton;
use crate::components::stale_notice::StaleNotice;
use crate::data::device::saved_entries;
use crate::data::fetch::saved_copy;
use crate::data::settings::Settings;
use crate::data::stories::{first_feed_page, retryable_story, Document, FeedPage};

/// `/article/{slug}`: the story, its related stories when the feed's first page is there, then
/// its comment box in a later task. `/page/{slug}` (a [`Document::SitePage`]): one of the
/// site's own pages, drawn as a story without a story's parts (one page for both keeps the
/// app small).
pub fn article_page(slug: Slug, document: Document) -> Page {
    let settings = expect_context::<Settings>();
    let is_site_page = document == Document::SitePage;
    let (article, on_retry) = retryable_story(settings.clone(), slug.clone(), document);
    // The stories to pick related ones from, loaded alongside: the first page of the feed (as
    // the build picks them), usually cached from the home page. A signal, not a resource, so
    // the story does not wait for it; without it, there is no related list.
    let first_page = RwSignal::new(None::<FeedPage>);
    if !is_site_page {
        let settings = settings.clone();
        let pacer = use_context::<Pacer>();
        leptos::task::spawn_local(async move {
            if let Ok(page) = first_feed_page(settings).await {
                Pacer::next_task_while_deferring(pacer).await;
                let _ = first_page.try_set(Some(page));
            }
        });
    }

    Page::loading(
        || {
            view! { <Later><PageHead title=Words::from_context().text(Msg::HeadLoadingTitle)/> <ArticleSkeleton/></Later> }.into_any()
        },
        move || {
            article.get().map(|loaded| match loaded {
                Ok(loaded) => {
                    let saved_copy = saved_copy(&loaded.url);
                    provide_context(LinkResolver::new(loaded.url, settings.site.clone()));
                    // A site page keeps only a page's fields of what it was read as.
                    let article = if is_site_page {
                        SitePage::of_article(loaded.document).into_article()
                    } else {
                        loaded.document
                    };
                    let description = article.summary.clone().unwrap_or_else(|| article.title.clone());
                    let comments = article.has_comments.then(|| article.slug.clone());
                    let share_button = share_button(&settings, &article);
                    let related_by = RelatedBy::of(&article);
                    Shown::content(view! {
                        <PageHead title=article.title.clone() description whole_title=article.seo_title.clone()/>
                        <ArticleView article share_button is_site_page/>
                        {move || first_page.with(|page| page.as_ref().map(|page| {
                            view! { <RelatedStories stories=related_of(&related_by, page)/> }
                        }))}
                        {comments.map(|slug| view! { <Later even_on_screen=true><CommentSection slug=slug.clone()/></Later> })}
                        {saved_copy.map(|copy| view! { <StaleNotice built=copy.saved/> })}
                    })
                }
                // An address of a site page with no page there is an address that is no page.
                Err(LoadError::NotFound) if is_site_page => Shown::not_found(),
                // Out of reach, and not kept on this device: the ones that are, when it keeps any.
                Err(error) => {
                    let is_out_of_reach = matches!(error, LoadError::Offline | LoadError::Network | LoadError::Timeout { .. });
                    Shown::failed(error, on_retry).followed_by(move || {
                        first_page.with(|page| page.as_ref().filter(|_| is_out_of_reach).map(saved_instead))
                    })
                }
            })
        },
    )
}

/// The stories of `page` to list under the article picked `by`.
fn related_of(by: &RelatedBy, page: &FeedPage) -> Vec<FeedEntry> {
    // Sorted as the home sorts (one copy of the sorting code in the wasm, not two).
    let newest_first = page.loaded.document.clone().into_newest_first();
    let newest_first: Vec<&FeedEntry> = newest_first.iter().collect();
    related_stories(by, &newest_first)
        .into_iter()
        .cloned()
        .collect()
}

/// The stories of `page` the device keeps for reading offline, offered instead of a story it
/// does not keep; nothing when it keeps none of them.
fn saved_instead(page: &FeedPage) -> impl IntoView {
    let saved = saved_entries(&page.loaded.document.entries);
    view! { <RelatedStories stories=saved heading=Msg::OfflineSavedHeading intro=Msg::OfflineStoryNotSaved/> }
}

/// The share or copy button for `article`, with its public address.
fn share_button(settings: &Settings, article: &Article) -> ViewFn {
    let title = article.title.clone();
    let url = settings
        .site
        .page_url(&Route::Article(article.slug.clone()));
    ViewFn::from(move || view! { <ShareButton title=title.clone() url=url.clone()/> })
}
