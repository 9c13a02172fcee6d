use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use news_model::Slug;

use super::not_found::NotFoundMessage;
use crate::components::article_view::ArticleView;
use crate::components::comment_section::CommentSection;
use crate::components::in_later_task::InLaterTask;
use crate::components::load_error_message::LoadErrorMessage;
use crate::components::page_head::PageHead;
use crate::components::skeletons::ArticleSkeleton;
use crate::data::fetch::{load_article, retryable};
use crate::data::links::LinkResolver;
use crate::data::settings::Settings;

/// `/article/{slug}`. A slug that breaks the slug rules is "not found" at once and never
/// reaches a URL.
#[component]
pub fn ArticlePage() -> impl IntoView {
    let params = use_params_map();
    let slug = Memo::new(move |_| {
        params.with(|params| params.get("slug").and_then(|slug| Slug::parse(&slug)))
    });
    move || match slug.get() {
        Some(slug) => view! { <LoadedArticle slug/> }.into_any(),
        None => view! {
            <PageHead title="Story not found"/>
            <NotFoundMessage/>
        }
        .into_any(),
    }
}

#[component]
fn LoadedArticle(slug: Slug) -> impl IntoView {
    let settings = expect_context::<Settings>();
    let url = settings.article_url(&slug);
    let (article, on_retry) = retryable(move || load_article(url.clone()));

    view! {
        <Transition fallback=|| view! { <PageHead title="Loading…"/> <ArticleSkeleton/> }>
            {move || article.get().map(|loaded| match loaded {
                Ok(loaded) => {
                    provide_context(LinkResolver::new(loaded.url, settings.clone()));
                    let article = loaded.document;
                    let description = article.summary.clone().unwrap_or_else(|| article.title.clone());
                    let comments = article.has_comments.then(|| article.slug.clone());
                    Effect::new(move |_| super::page_ready());
                    view! {
                        <PageHead title=article.title.clone() description/>
                        <ArticleView article/>
                        {comments.map(|slug| view! { <InLaterTask><CommentSection slug=slug.clone()/></InLaterTask> })}
                    }
                    .into_any()
                }
                Err(error) => view! {
                    <PageHead title=error.headline()/>
                    <LoadErrorMessage error on_retry/>
                }
                .into_any(),
            })}
        </Transition>
    }
}
