use leptos::prelude::*;
use news_model::{Article, Route, Slug};
use news_views::components::article_view::ArticleView;
use news_views::components::skeletons::ArticleSkeleton;
use news_views::site::LinkResolver;

use super::comment_section::CommentSection;
use super::load_failed::LoadFailed;
use super::page_head::PageHead;
use crate::components::in_later_task::InLaterTask;
use crate::components::share_button::ShareButton;
use crate::data::fetch::retryable;
use crate::data::settings::Settings;
use crate::data::stories::story;

/// `/article/{slug}`: the story, then its comment box in a later task.
#[component]
pub fn ArticlePage(slug: Slug) -> impl IntoView {
    let settings = expect_context::<Settings>();
    let (article, on_retry) = {
        let (settings, slug) = (settings.clone(), slug.clone());
        retryable(move || story(settings.clone(), slug.clone()))
    };

    view! {
        <Transition fallback=|| view! { <PageHead title="Loading…"/> <ArticleSkeleton/> }>
            {move || article.get().map(|loaded| match loaded {
                Ok(loaded) => {
                    provide_context(LinkResolver::new(loaded.url, settings.site.clone()));
                    let article = loaded.document;
                    let description = article.summary.clone().unwrap_or_else(|| article.title.clone());
                    let comments = article.has_comments.then(|| article.slug.clone());
                    let share_button = share_button(&settings, &article);
                    Effect::new(move |_| super::page_ready());
                    view! {
                        <PageHead title=article.title.clone() description/>
                        <ArticleView article share_button/>
                        {comments.map(|slug| view! { <InLaterTask><CommentSection slug=slug.clone()/></InLaterTask> })}
                    }
                    .into_any()
                }
                Err(error) => view! { <LoadFailed error on_retry/> }.into_any(),
            })}
        </Transition>
    }
}

/// The share or copy button for `article`, with its public address.
fn share_button(settings: &Settings, article: &Article) -> ViewFn {
    let title = article.title.clone();
    let url = settings
        .site
        .page_url(&Route::Article(article.slug.clone()));
    ViewFn::from(move || view! { <ShareButton title=title.clone() url=url.clone()/> })
}
