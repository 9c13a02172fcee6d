use leptos::prelude::*;
use news_i18n::{Msg, Plural};
use news_model::{Comment, DateStyle, Timestamp};
use news_views::components::date_text::DateText;
use news_views::words::Words;

/// How many of the newest comments are listed at first; a story can hold thousands.
const COMMENTS_AT_FIRST: usize = 50;
/// How many earlier ones each "Show earlier comments" adds.
const EARLIER_COMMENTS_PER_CLICK: usize = 100;

/// The comments on a story, oldest first: the newest [`COMMENTS_AT_FIRST`], and earlier ones
/// when the reader asks. Only listed comments are drawn, so a long thread costs nothing until
/// it is opened.
#[component]
pub fn CommentList(
    #[prop(into)] comments: Signal<Vec<Comment>>,
    #[prop(into)] on_delete: Callback<String>,
) -> impl IntoView {
    let n_listed = RwSignal::new(COMMENTS_AT_FIRST);
    let n_hidden = move || comments.with(Vec::len).saturating_sub(n_listed.get());
    let listed =
        move || comments.with(|all| all[all.len().saturating_sub(n_listed.get())..].to_vec());
    let show_earlier = move |_| n_listed.update(|n| *n += EARLIER_COMMENTS_PER_CLICK);
    // The catalog, not `Words`: a reference the closures below copy.
    let words = Words::from_context().catalog();
    view! {
        <Show when=move || { n_hidden() > 0 }>
            <p class="comment-list__earlier">
                <button type="button" class="button button--quiet" on:click=show_earlier>
                    {move || match n_hidden() {
                        n if n <= EARLIER_COMMENTS_PER_CLICK => words.plural(Plural::CommentsShowEarlier, n),
                        n => words.plural_with(
                            Plural::CommentsShowSomeEarlier,
                            n,
                            &[("shown", &words.number(EARLIER_COMMENTS_PER_CLICK))],
                        ),
                    }}
                </button>
            </p>
        </Show>
        <ol class="comment-list">
            <For each=listed key=|comment| comment.id.clone() let:comment>
                <CommentItem comment on_delete/>
            </For>
        </ol>
    }
}

/// One comment, with a delete button that asks before it deletes.
#[component]
fn CommentItem(comment: Comment, on_delete: Callback<String>) -> impl IntoView {
    let is_confirming = RwSignal::new(false);
    let words = Words::from_context();
    let name = comment
        .given_name()
        .unwrap_or(words.text(Msg::CommentsAnonymous))
        .to_owned();
    let posted = Timestamp::parse(&comment.posted);
    let id = comment.id;
    let delete_label = words.fill(Msg::CommentsDeleteLabel, &[("name", &name)]);
    let delete_button = words.text(Msg::CommentsDeleteButton);
    let confirm_label = words.text(Msg::CommentsConfirmLabel);
    let confirm_question = words.text(Msg::CommentsConfirmQuestion);
    let confirm_yes = words.text(Msg::CommentsConfirmYes);
    let confirm_keep = words.text(Msg::CommentsConfirmKeep);
    view! {
        <li class="comment">
            <p class="comment__meta">
                // Isolated: a reader's name may run the other way from the site's words.
                <bdi class="comment__name">{name}</bdi>
                {posted.map(|date| view! { <DateText timestamp=date style=DateStyle::DayAndTime/> })}
            </p>
            <p class="comment__text">{comment.text}</p>
            <Show
                when=move || is_confirming.get()
                fallback=move || view! {
                    <button type="button" class="button button--quiet" aria-label=delete_label.clone() on:click=move |_| is_confirming.set(true)>
                        {delete_button}
                    </button>
                }
            >
                <p class="comment__confirm" role="group" aria-label=confirm_label>
                    {confirm_question}" "
                    <button type="button" class="button button--danger" on:click={
                        let id = id.clone();
                        move |_| on_delete.run(id.clone())
                    }>{confirm_yes}</button>
                    <button type="button" class="button button--quiet" on:click=move |_| is_confirming.set(false)>{confirm_keep}</button>
                </p>
            </Show>
        </li>
    }
}
