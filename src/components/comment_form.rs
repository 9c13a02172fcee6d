use crate::data::comment_storage::Draft;
use leptos::ev::SubmitEvent;
use leptos::html;
use leptos::prelude::*;
use news_i18n::{Catalog, Msg, Plural};
use news_model::{count_chars, CommentDraft, DraftProblem, MAX_COMMENT_CHARS, MAX_NAME_CHARS};
use news_views::words::Words;

/// What the form holds. The comment section owns it, so a comment whose save fails after it
/// was shown can go back into the box.
#[derive(Clone, Copy)]
pub struct CommentFormState {
    name: RwSignal<String>,
    text: RwSignal<String>,
    post_error: RwSignal<Option<String>>,
    posted_note: RwSignal<Option<String>>,
}

impl CommentFormState {
    /// A form starting from the reader's unfinished `draft`.
    pub fn new(draft: Draft) -> CommentFormState {
        CommentFormState {
            name: RwSignal::new(draft.name),
            text: RwSignal::new(draft.text),
            post_error: RwSignal::new(None),
            posted_note: RwSignal::new(None),
        }
    }

    /// Puts a posted comment that could not be saved back into the box, with the reason. Does
    /// nothing once the form is gone (the reader moved on).
    pub fn put_back(self, draft: CommentDraft, reason: String) {
        let _ = self.name.try_set(draft.name);
        let _ = self.text.try_set(draft.text);
        let _ = self.posted_note.try_set(None);
        let _ = self.post_error.try_set(Some(reason));
    }
}

/// The "Leave a Comment" form. `on_draft` hears every change so the draft can outlive a
/// reload; `on_post` posts the comment or says why it could not, and on failure the reader's
/// text stays in the box.
#[component]
pub fn CommentForm(
    state: CommentFormState,
    #[prop(into)] on_draft: Callback<Draft>,
    #[prop(into)] on_post: Callback<CommentDraft, Result<(), String>>,
) -> impl IntoView {
    let CommentFormState {
        name,
        text,
        post_error,
        posted_note,
    } = state;
    Effect::new(move |_| {
        on_draft.run(Draft {
            name: name.get(),
            text: text.get(),
        });
    });
    // Messages appear once the reader has tried to post, then follow every keystroke.
    let has_tried = RwSignal::new(false);
    let name_input = NodeRef::<html::Input>::new();
    let text_input = NodeRef::<html::Textarea>::new();

    let problems = move || {
        CommentDraft::check(&name.get(), &text.get())
            .err()
            .unwrap_or_default()
    };
    // The catalog, not `Words`: a reference the closures below copy.
    let words = Words::from_context().catalog();
    let problem_about = move |is_name: bool| {
        has_tried
            .get()
            .then(|| {
                problems()
                    .into_iter()
                    .find(|problem| problem.is_about_name() == is_name)
            })
            .flatten()
            .map(|problem| problem_text(words, &problem))
    };
    let text_error = move || problem_about(false);
    let name_error = move || problem_about(true);
    let n_chars = move || text.with(|text| count_chars(text));
    let counter = move || counter_text(words, n_chars());
    let posted_text = words.text(Msg::CommentsPosted);
    let heading = words.text(Msg::CommentsFormHeading);
    let name_label = words.text(Msg::CommentsNameLabel);
    let optional = words.text(Msg::CommentsOptional);
    let text_label = words.text(Msg::CommentsTextLabel);
    let post_button = words.text(Msg::CommentsPostButton);
    let counter_class = move || {
        if n_chars() > MAX_COMMENT_CHARS {
            "field__count field__count--over"
        } else {
            "field__count"
        }
    };

    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        has_tried.set(true);
        posted_note.set(None);
        match CommentDraft::check(&name.get_untracked(), &text.get_untracked()) {
            Ok(draft) => match on_post.run(draft) {
                Ok(()) => {
                    text.set(String::new());
                    has_tried.set(false);
                    post_error.set(None);
                    posted_note.set(Some(posted_text.to_owned()));
                }
                Err(message) => post_error.set(Some(message)),
            },
            Err(problems) => {
                let is_name_wrong = problems.iter().any(DraftProblem::is_about_name);
                let focused = if is_name_wrong {
                    name_input.get().map(|input| input.focus())
                } else {
                    text_input.get().map(|input| input.focus())
                };
                drop(focused);
            }
        }
    };

    view! {
        <form class="comment-form" novalidate on:submit=on_submit aria-labelledby="comment-form-heading">
            <h3 id="comment-form-heading">{heading}</h3>
            <div class="field">
                <label for="comment-name">{name_label}" "<span class="field__hint">{optional}</span></label>
                <input
                    id="comment-name"
                    name="name"
                    type="text"
                    autocomplete="name"
                    node_ref=name_input
                    prop:value=move || name.get()
                    on:input=move |event| name.set(event_target_value(&event))
                    aria-invalid=move || name_error().is_some().then_some("true")
                    aria-describedby=move || name_error().map(|_| "comment-name-error")
                />
                {move || name_error().map(|message| view! { <p id="comment-name-error" class="field__error">{message}</p> })}
            </div>
            <div class="field">
                <label for="comment-text">{text_label}</label>
                <textarea
                    id="comment-text"
                    name="text"
                    rows="5"
                    required
                    node_ref=text_input
                    prop:value=move || text.get()
                    on:input=move |event| text.set(event_target_value(&event))
                    aria-invalid=move || text_error().is_some().then_some("true")
                    aria-describedby=move || if text_error().is_some() { "comment-text-count comment-text-error" } else { "comment-text-count" }
                ></textarea>
                <p
                    id="comment-text-count"
                    class=counter_class
                >
                    {counter}
                </p>
                {move || text_error().map(|message| view! { <p id="comment-text-error" class="field__error">{message}</p> })}
            </div>
            {move || post_error.get().map(|message| view! { <p class="notice notice--error" role="alert">{message}</p> })}
            <p class="comment-form__actions">
                <button type="submit" class="button">{post_button}</button>
                <span class="comment-form__status" role="status">{move || posted_note.get()}</span>
            </p>
        </form>
    }
}

/// What to fix in a draft, in the site's language.
fn problem_text(words: &Catalog, problem: &DraftProblem) -> String {
    match problem {
        DraftProblem::TextEmpty => words.text(Msg::CommentsTextEmpty).to_owned(),
        DraftProblem::TextTooLong { n_chars } => words.plural_with(
            Plural::CommentsTextTooLong,
            n_chars.saturating_sub(MAX_COMMENT_CHARS),
            &[("limit", &words.number(MAX_COMMENT_CHARS))],
        ),
        DraftProblem::NameTooLong { n_chars } => words.plural_with(
            Plural::CommentsNameTooLong,
            n_chars.saturating_sub(MAX_NAME_CHARS),
            &[("limit", &words.number(MAX_NAME_CHARS))],
        ),
    }
}

/// "12 of 2,000 characters", or how many to cut once over the limit.
fn counter_text(words: &Catalog, n_chars: usize) -> String {
    let (count, limit) = (words.number(n_chars), words.number(MAX_COMMENT_CHARS));
    if n_chars > MAX_COMMENT_CHARS {
        words.plural_with(
            Plural::CommentsCounterOver,
            n_chars - MAX_COMMENT_CHARS,
            &[("count", &count), ("limit", &limit)],
        )
    } else {
        words.plural_with(
            Plural::CommentsCounter,
            MAX_COMMENT_CHARS,
            &[("count", &count)],
        )
    }
}
