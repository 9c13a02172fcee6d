//! One function per route, and the parts of pages that reach outside them (the comment box
//! with its storage, the document head); each page loads its document and composes
//! components.
//!
//! A page is a [`Page`]: what it shows while its document loads, then a [`Shown`], which
//! carries the page's [`Readiness`] with its view. The frame draws the page and passes the
//! readiness on (see `crate::app::App`), so a page cannot show its content, its "not found" or
//! its failure without the frame knowing.

pub mod article;
pub mod comment_section;
pub mod home;
mod load_failed;
mod not_found;
pub mod page_head;
pub mod search;
pub mod topic;

use std::sync::Arc;

use leptos::prelude::*;
use news_views::load_error::LoadError;
use news_views::pacing::Pacer;

use self::load_failed::LoadFailed;
use self::not_found::NotFound;

/// What a page came out as, once drawn.
#[derive(Clone, Copy, Debug)]
pub enum Readiness {
    /// Its content is drawn.
    Drawn,
    /// It drew its "not found" message.
    NotFound,
    /// Its content could not load; it drew the message, and `retry` loads it again.
    Failed { retry: Callback<()> },
}

/// What a page shows once it knows what to show, with the [`Readiness`] that stands for.
pub struct Shown {
    view: AnyView,
    readiness: Readiness,
}

impl Shown {
    /// The page's content.
    pub fn content(view: impl IntoView + 'static) -> Self {
        Shown {
            view: view.into_any(),
            readiness: Readiness::Drawn,
        }
    }

    /// The "not found" page (its message and tab title).
    pub fn not_found() -> Self {
        Shown {
            view: view! { <NotFound/> }.into_any(),
            readiness: Readiness::NotFound,
        }
    }

    /// Why the content could not load (in the page and the tab title), with the button that
    /// calls `retry`.
    pub fn failed(error: LoadError, retry: Callback<()>) -> Self {
        Shown {
            view: view! { <LoadFailed error on_retry=retry/> }.into_any(),
            readiness: Readiness::Failed { retry },
        }
    }

    /// The same, with `more` drawn after it (the stories a failed page offers instead).
    pub fn followed_by(self, more: impl IntoView + 'static) -> Self {
        let view = self.view;
        Shown {
            view: view! { {view} {more} }.into_any(),
            readiness: self.readiness,
        }
    }

    /// The view, telling `on_shown` the readiness once it is drawn: content and "not found"
    /// once the parts it draws in later tasks are drawn too (see [`Pacer`]), a failure at once.
    fn reported_to(self, on_shown: Callback<Readiness>) -> AnyView {
        let readiness = self.readiness;
        Effect::new(move |_| match readiness {
            Readiness::Drawn | Readiness::NotFound => {
                Pacer::after_parts_drawn(move || on_shown.run(readiness));
            }
            Readiness::Failed { .. } => on_shown.run(readiness),
        });
        self.view
    }
}

/// A page: what it shows while its document loads, if it loads one, then what it shows.
pub enum Page {
    /// Shown at once.
    Shown(Shown),
    /// `loading` until `shown` has something to show: read in a `Transition`, so that a load
    /// again ("Try again") keeps the page on screen until it has its answer.
    Loading {
        loading: ViewFn,
        shown: Arc<dyn Fn() -> Option<Shown> + Send + Sync>,
    },
}

impl Page {
    /// A page that loads its document.
    pub fn loading(
        loading: impl Fn() -> AnyView + Send + Sync + 'static,
        shown: impl Fn() -> Option<Shown> + Send + Sync + 'static,
    ) -> Self {
        Page::Loading {
            loading: ViewFn::from(loading),
            shown: Arc::new(shown),
        }
    }

    /// The "not found" page, for an address no page reads.
    pub fn not_found() -> Self {
        Page::Shown(Shown::not_found())
    }

    /// Draws the page, telling `on_shown` what it came out as (see [`Shown::reported_to`]).
    pub fn draw(self, on_shown: Callback<Readiness>) -> AnyView {
        match self {
            Page::Shown(shown) => shown.reported_to(on_shown),
            Page::Loading { loading, shown } => view! {
                <Transition fallback=move || loading.run()>
                    {move || shown().map(|shown| shown.reported_to(on_shown))}
                </Transition>
            }
            .into_any(),
        }
    }
}
