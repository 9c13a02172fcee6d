use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use leptos::ev;
use leptos::prelude::*;
use news_i18n::{Catalog, Msg, Plural};
use news_model::{Comment, CommentDraft, Slug};

use news_views::components::later::Later;
use news_views::words::Words;

use crate::components::comment_form::{CommentForm, CommentFormState};
use crate::components::comment_list::CommentList;
use crate::data::comment_storage::{
    add_comment, delete_comment, is_comments_key, load_comments, load_draft, restore_missing,
    save_draft, with_comment, Draft,
};
use crate::data::dates::{now_millis, now_rfc3339};

/// The local comment box under an article: the comments this browser holds for it, and a form
/// to add one. Comments posted in another tab appear here without a reload.
#[component]
pub fn CommentSection(slug: Slug) -> impl IntoView {
    // The catalog, not `Words`: a reference the closures below copy.
    let words = Words::from_context().catalog();
    let comments = RwSignal::new(Vec::<Comment>::new());
    let storage_notice = RwSignal::new(None::<String>);
    // When storage is unavailable from the start, comments live in this page only.
    let is_memory_only = RwSignal::new(false);
    // Comments posted from this tab: put back if another tab's save at the same moment lost them.
    let written_here = StoredValue::new(Vec::<Comment>::new());

    match load_comments(&slug) {
        Ok(shelved) => {
            comments.set(shelved.comments);
            storage_notice.set(shelved.notice.map(|notice| notice.message(words)));
        }
        Err(error) => {
            is_memory_only.set(true);
            storage_notice.set(Some(error.message(words)));
        }
    }

    let listener = {
        let slug = slug.clone();
        window_event_listener(ev::storage, move |event| {
            if is_comments_key(event.key().as_deref(), &slug) {
                if let Ok(all) = written_here.with_value(|mine| restore_missing(&slug, mine)) {
                    comments.set(all);
                }
            }
        })
    };
    on_cleanup(move || listener.remove());

    // The form starts from the reader's unfinished comment; a comment whose save fails after
    // it was shown goes back into it.
    let form = CommentFormState::new(load_draft(&slug));
    let on_post = {
        let slug = slug.clone();
        Callback::new(move |draft: CommentDraft| -> Result<(), String> {
            let comment = draft.clone().into_comment(new_comment_id(), now_rfc3339());
            if is_memory_only.get_untracked() {
                comments.update(|all| all.push(comment));
                return Ok(());
            }
            // Shown at once; written to storage once the browser has drawn it, since writing a
            // long thread takes a while.
            let shown =
                with_comment(&slug, comment.clone()).map_err(|error| error.message(words))?;
            comments.set(shown);
            let slug = slug.clone();
            after_next_paint(move || {
                let posted = Posted {
                    comment,
                    draft,
                    comments,
                    written_here,
                    form,
                };
                save_posted(&slug, posted, words)
            });
            Ok(())
        })
    };

    let on_delete = {
        let slug = slug.clone();
        Callback::new(move |id: String| {
            written_here.update_value(|mine| mine.retain(|comment| comment.id != id));
            if is_memory_only.get_untracked() {
                comments.update(|all| all.retain(|comment| comment.id != id));
                return;
            }
            match delete_comment(&slug, &id) {
                Ok(all) => comments.set(all),
                Err(error) => storage_notice.set(Some(words.fill(
                    Msg::CommentsDeleteFailed,
                    &[("reason", &error.message(words))],
                ))),
            }
        })
    };

    let on_draft = Callback::new(move |draft: Draft| save_draft(&slug, &draft));

    let intro = words.text(Msg::CommentsIntro);
    let heading = move || match comments.with(Vec::len) {
        0 => words.text(Msg::CommentsNone).to_owned(),
        n_comments => words.plural(Plural::CommentsCount, n_comments),
    };

    view! {
        <section class="comments" aria-labelledby="comments-heading">
            <h2 id="comments-heading">{heading}</h2>
            <p class="comments__intro">{intro}</p>
            {move || storage_notice.get().map(|notice| view! { <p class="notice" role="alert">{notice}</p> })}
            <CommentList comments=comments on_delete/>
            <Later><CommentForm state=form on_draft on_post/></Later>
        </section>
    }
}

/// Runs `work` in a task after the next frame is drawn; or after [`MAX_DEFER_MS`] when no
/// frame comes (a tab hidden right after posting draws none); or as the page goes, when the
/// reader reloads or leaves before either: the work is never lost.
fn after_next_paint(work: impl FnOnce() + 'static) {
    let work = Rc::new(Cell::new(Some(work)));
    let run = move || {
        if let Some(work) = work.take() {
            work();
        }
    };
    let after_frame = run.clone();
    request_animation_frame(move || set_timeout(after_frame, Duration::ZERO));
    set_timeout(run.clone(), Duration::from_millis(MAX_DEFER_MS));
    let on_leave = window_event_listener(ev::pagehide, move |_| run());
    // Once the work has run the listener does nothing; it goes when the delay is over.
    set_timeout(
        move || on_leave.remove(),
        Duration::from_millis(MAX_DEFER_MS),
    );
}

/// See [`after_next_paint`].
const MAX_DEFER_MS: u64 = 100;

/// Writes a comment the page already shows. On failure it leaves the list and goes back into
/// the form with the reason. The section may be gone by then (the reader moved on); the
/// comment is saved all the same.
fn save_posted(slug: &Slug, posted: Posted, words: &Catalog) {
    let Posted {
        comment,
        draft,
        comments,
        written_here,
        form,
    } = posted;
    let id = comment.id.clone();
    match add_comment(slug, comment.clone()) {
        Ok(all) => {
            let _ = written_here.try_update_value(|mine| mine.push(comment));
            let _ = comments.try_set(all);
        }
        Err(error) => {
            let _ = comments.try_update(|all| all.retain(|comment| comment.id != id));
            form.put_back(draft, error.message(words));
        }
    }
}

/// A comment shown at once, and where it goes back to if saving it fails.
struct Posted {
    comment: Comment,
    draft: CommentDraft,
    comments: RwSignal<Vec<Comment>>,
    written_here: StoredValue<Vec<Comment>>,
    form: CommentFormState,
}

/// Unique enough within one reader's comments on one story: the time plus a random part, so
/// two tabs posting in the same millisecond still differ.
fn new_comment_id() -> String {
    let random = (js_sys::Math::random() * 1e12) as u64;
    format!("{}-{random:x}", now_millis() as u64)
}
