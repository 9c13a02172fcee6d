//! Drawing a page as several short main-thread tasks while the app takes over a prerendered
//! page.
//!
//! The reader is already reading the prerendered story while the app draws its own copy out
//! of sight, and a long task then delays whatever they do (a tap, a scroll). Most of that
//! first drawing's time is the browser compiling each wasm function the first time it runs,
//! which a page can spread but not avoid. So the app draws each part of a page wrapped in
//! [`Later`](crate::components::later::Later) in a task of its own, in the order asked for,
//! while it is out of sight; once it is on screen, parts are drawn at once, so nothing
//! appears piecemeal (except those marked `even_on_screen`, below the story). The build
//! renders every part at once: it provides no pacer.

use leptos::prelude::*;

/// When and how the app draws a part in a later task. Provided as context by the app only.
#[derive(Clone, Copy)]
pub struct Pacer {
    is_deferring: fn() -> bool,
    run_later: fn(Box<dyn FnOnce()>),
}

impl Pacer {
    /// A pacer that defers parts while `is_deferring` says so (the app: while it draws out of
    /// sight), handing each to `run_later`, which must run each in a later task of its own, in
    /// the order given (the app: a zero-delay timeout).
    pub fn new(is_deferring: fn() -> bool, run_later: fn(Box<dyn FnOnce()>)) -> Self {
        Pacer {
            is_deferring,
            run_later,
        }
    }

    /// The pacer of this part of the page, if the app provides one and it defers parts now.
    pub(crate) fn deferring() -> Option<Pacer> {
        use_context::<Pacer>().filter(|pacer| (pacer.is_deferring)())
    }

    /// Runs `work` after every part asked for before it has been drawn: in a later task while
    /// parts are deferred, else (on screen, or in the build) at once.
    pub fn after_parts_drawn(work: impl FnOnce() + 'static) {
        match Pacer::deferring() {
            Some(pacer) => pacer.run_later(work),
            None => work(),
        }
    }

    /// Resolves in a later task while `pacer` defers parts, at once otherwise (or without
    /// one): for a load, so that reading a document and drawing it are two tasks.
    pub async fn next_task_while_deferring(pacer: Option<Pacer>) {
        let Some(pacer) = pacer.filter(|pacer| (pacer.is_deferring)()) else {
            return;
        };
        let (done, due) = futures_channel::oneshot::channel();
        pacer.run_later(move || {
            let _ = done.send(());
        });
        // The sender is dropped unsent only if the page goes first, and then nobody waits.
        let _ = due.await;
    }

    pub(crate) fn run_later(self, work: impl FnOnce() + 'static) {
        (self.run_later)(Box::new(work));
    }
}
