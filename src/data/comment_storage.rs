//! Reader comments in `localStorage`, in the versioned format of `news_model::comment`.
//!
//! Every storage call can throw (storage disabled, sandboxed frames, quota), so each one is
//! a `Result` here and becomes a message for the reader; nothing in this module panics.

use std::fmt;

use js_sys::Reflect;
use news_model::{
    decode_comments, encode_comments, storage_key, with_comment, Comment, Slug, StoredCommentsError,
};
use web_sys::Storage;

use super::dates::now_millis;

/// Why comments could not be read or saved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CommentStorageError {
    /// The browser does not let this page use `localStorage`.
    Unavailable,
    /// `localStorage` is full.
    Full,
    /// The stored value could not be read; it was kept aside, not deleted.
    Unreadable(StoredCommentsError),
}

impl fmt::Display for CommentStorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CommentStorageError::Unavailable => f.write_str(
                "This browser isn't letting the site save comments (storage is turned off or blocked). Comments you post now are kept only until you leave this page.",
            ),
            CommentStorageError::Full => f.write_str(
                "Your comment couldn't be saved because this browser's storage for the site is full. Your text is still in the box: free some space (for example by deleting old comments) and post again.",
            ),
            CommentStorageError::Unreadable(error) => write!(f, "{error} It was set aside, and new comments are saved in a fresh list."),
        }
    }
}

/// What was found in storage for one article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShelvedComments {
    pub comments: Vec<Comment>,
    /// Set when something in storage could not be read (the rest is still shown).
    pub problem: Option<CommentStorageError>,
}

/// Reads an article's comments.
pub fn load_comments(slug: &Slug) -> Result<ShelvedComments, CommentStorageError> {
    let storage = local_storage()?;
    let raw = storage
        .get_item(&storage_key(slug))
        .map_err(|_| CommentStorageError::Unavailable)?;
    let Some(raw) = raw else {
        return Ok(ShelvedComments {
            comments: Vec::new(),
            problem: None,
        });
    };
    Ok(match decode_comments(&raw) {
        Ok(stored) if stored.n_unreadable == 0 => ShelvedComments {
            comments: stored.comments,
            problem: None,
        },
        Ok(stored) => ShelvedComments {
            comments: stored.comments,
            problem: Some(CommentStorageError::Unreadable(
                StoredCommentsError::Unrecognised,
            )),
        },
        Err(error) => ShelvedComments {
            comments: Vec::new(),
            problem: Some(CommentStorageError::Unreadable(error)),
        },
    })
}

/// Saves a new comment next to those already stored (including ones another tab wrote since
/// this page loaded) and returns the full list.
pub fn add_comment(slug: &Slug, comment: Comment) -> Result<Vec<Comment>, CommentStorageError> {
    rewrite(slug, |stored| with_comment(stored, comment))
}

/// Deletes one comment and returns what is left.
pub fn delete_comment(slug: &Slug, id: &str) -> Result<Vec<Comment>, CommentStorageError> {
    rewrite(slug, |mut stored| {
        stored.retain(|comment| comment.id != id);
        stored
    })
}

fn rewrite(
    slug: &Slug,
    change: impl FnOnce(Vec<Comment>) -> Vec<Comment>,
) -> Result<Vec<Comment>, CommentStorageError> {
    let storage = local_storage()?;
    let key = storage_key(slug);
    let raw = storage
        .get_item(&key)
        .map_err(|_| CommentStorageError::Unavailable)?;
    let stored = match raw.as_deref().map(decode_comments) {
        None => Vec::new(),
        Some(Ok(stored)) => {
            if stored.n_unreadable > 0 {
                set_aside(&storage, &key, raw.as_deref().unwrap_or_default())?;
            }
            stored.comments
        }
        Some(Err(_)) => {
            set_aside(&storage, &key, raw.as_deref().unwrap_or_default())?;
            Vec::new()
        }
    };
    let comments = change(stored);
    storage
        .set_item(&key, &encode_comments(&comments))
        .map_err(|error| storage_error(&error))?;
    Ok(comments)
}

/// Keeps a value we cannot read under a side key instead of overwriting it: it may be a
/// reader's words in a format this version does not know.
fn set_aside(storage: &Storage, key: &str, raw: &str) -> Result<(), CommentStorageError> {
    let side_key = format!("{key}:unreadable:{}", now_millis() as u64);
    storage
        .set_item(&side_key, raw)
        .map_err(|error| storage_error(&error))
}

fn local_storage() -> Result<Storage, CommentStorageError> {
    // The `localStorage` getter itself throws where storage is disabled.
    web_sys::window()
        .and_then(|window| window.local_storage().ok().flatten())
        .ok_or(CommentStorageError::Unavailable)
}

fn storage_error(error: &wasm_bindgen::JsValue) -> CommentStorageError {
    let name = Reflect::get(error, &"name".into())
        .ok()
        .and_then(|name| name.as_string())
        .unwrap_or_default();
    if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
        CommentStorageError::Full
    } else {
        CommentStorageError::Unavailable
    }
}

/// Whether `key` (from a `storage` event) holds this article's comments; `None` means storage
/// was cleared.
pub fn is_comments_key(key: Option<&str>, slug: &Slug) -> bool {
    key.is_none_or(|key| key == storage_key(slug))
}
