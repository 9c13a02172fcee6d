//! What the offline worker (`sw.js`, written by the build) tells the app. A copy the worker
//! answers from the reader's device rather than the network carries when it was saved
//! ([`news_model::SAVED_HEADER`]) and which stories the device keeps
//! ([`news_model::SAVED_STORIES_HEADER`]). Without the worker there is neither, and the pages
//! draw as they always did. (A new build waiting to take over is the boot script's to offer:
//! see `crates/cli/src/boot.js`.)

use std::cell::RefCell;

use news_model::{FeedEntry, Timestamp, SAVED_HEADER, SAVED_STORIES_HEADER};

/// A document the page shows from the device: when it was saved, when the worker knows.
#[derive(Clone, Debug, PartialEq)]
pub struct SavedCopy {
    pub saved: Option<Timestamp>,
}

thread_local! {
    // The stories the device keeps, space-separated, as its last answer from the device said.
    static SAVED_STORIES: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Whether an answer with these headers came from the device (see the module notes), and the
/// stories the device keeps, noted for [`saved_entries`].
pub fn saved_copy_of(headers: &web_sys::Headers) -> Option<SavedCopy> {
    let header = |name: &str| headers.get(name).ok().flatten();
    let saved = header(SAVED_HEADER)?;
    let stories = header(SAVED_STORIES_HEADER).unwrap_or_default();
    SAVED_STORIES.with(|saved| *saved.borrow_mut() = stories);
    Some(SavedCopy {
        saved: Timestamp::parse(&saved),
    })
}

/// Those of `entries` the device keeps for reading offline, last opened first (none until the
/// device has answered for the network).
pub fn saved_entries(entries: &[FeedEntry]) -> Vec<FeedEntry> {
    SAVED_STORIES.with(|saved| {
        let mut kept = Vec::new();
        // Plain loops: iterator adapters here cost the first page more wasm.
        for slug in saved.borrow().split(' ') {
            for entry in entries {
                if entry
                    .story
                    .slug()
                    .is_some_and(|story| story.as_str() == slug)
                {
                    kept.push(entry.clone());
                }
            }
        }
        kept
    })
}

/// Whether the browser knows it has no network.
pub fn is_offline() -> bool {
    web_sys::window().is_some_and(|window| !window.navigator().on_line())
}
