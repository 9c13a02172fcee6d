//! Grey shapes of the page that is loading, the same size as the real thing, so nothing jumps
//! when the content arrives.

use leptos::prelude::*;
use news_i18n::Msg;

use crate::words::Words;

#[component]
fn LoadingStatus(text: Msg) -> impl IntoView {
    let text = Words::from_context().text(text);
    view! { <p class="visually-hidden" role="status">{text}</p> }
}

#[component]
pub fn ArticleSkeleton() -> impl IntoView {
    view! {
        <div class="article skeleton">
            <LoadingStatus text=Msg::ArticleLoading/>
            <div aria-hidden="true">
                <div class="skeleton__line skeleton__line--kicker"></div>
                <div class="skeleton__line skeleton__line--headline"></div>
                <div class="skeleton__line skeleton__line--headline skeleton__line--short"></div>
                <div class="skeleton__line skeleton__line--text"></div>
                <div class="skeleton__line skeleton__line--text skeleton__line--short"></div>
                <div class="skeleton__picture"></div>
                {(0..6).map(|_| view! { <div class="skeleton__line skeleton__line--text"></div> }).collect_view()}
            </div>
        </div>
    }
}

#[component]
pub fn FeedSkeleton() -> impl IntoView {
    view! {
        <div class="feed skeleton">
            <LoadingStatus text=Msg::FeedLoading/>
            <div aria-hidden="true">
                {(0..4).map(|_| view! {
                    <div class="feed-entry__card">
                        <div class="skeleton__picture feed-entry__image"></div>
                        <div class="feed-entry__text">
                            <div class="skeleton__line skeleton__line--kicker"></div>
                            <div class="skeleton__line skeleton__line--headline"></div>
                            <div class="skeleton__line skeleton__line--text"></div>
                        </div>
                    </div>
                }).collect_view()}
            </div>
        </div>
    }
}
