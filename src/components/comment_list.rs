use leptos::prelude::*;
use news_model::{Comment, Timestamp};

use super::date_text::DateText;
use crate::data::dates::DateStyle;

/// The comments on a story, oldest first.
#[component]
pub fn CommentList(
    #[prop(into)] comments: Signal<Vec<Comment>>,
    #[prop(into)] on_delete: Callback<String>,
) -> impl IntoView {
    view! {
        <ol class="comment-list">
            <For each=move || comments.get() key=|comment| comment.id.clone() let:comment>
                <CommentItem comment on_delete/>
            </For>
        </ol>
    }
}

/// One comment, with a delete button that asks before it deletes.
#[component]
fn CommentItem(comment: Comment, on_delete: Callback<String>) -> impl IntoView {
    let is_confirming = RwSignal::new(false);
    let name = comment.display_name().to_owned();
    let posted = Timestamp::parse(&comment.posted);
    let id = comment.id;
    let delete_label = format!("Delete the comment by {name}");
    view! {
        <li class="comment">
            <p class="comment__meta">
                <span class="comment__name">{name}</span>
                {posted.map(|date| view! { <DateText timestamp=date style=DateStyle::DayAndTime/> })}
            </p>
            <p class="comment__text">{comment.text}</p>
            <Show
                when=move || is_confirming.get()
                fallback=move || view! {
                    <button type="button" class="button button--quiet" aria-label=delete_label.clone() on:click=move |_| is_confirming.set(true)>
                        "Delete"
                    </button>
                }
            >
                <p class="comment__confirm" role="group" aria-label="Confirm deletion">
                    "Delete this comment? "
                    <button type="button" class="button button--danger" on:click={
                        let id = id.clone();
                        move |_| on_delete.run(id.clone())
                    }>"Yes, delete"</button>
                    <button type="button" class="button button--quiet" on:click=move |_| is_confirming.set(false)>"Keep it"</button>
                </p>
            </Show>
        </li>
    }
}
