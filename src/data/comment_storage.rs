//! Reader comments in `localStorage`, in the versioned format of `news_model::shelf`, and the
//! reader's unfinished comment in `sessionStorage`.
//!
//! Every storage call can throw (storage disabled, sandboxed frames, quota), so each one is
//! a `Result` here and becomes a message for the reader; nothing in this module panics, and a
//! value this version cannot read is copied aside before anything is written over it.

use std::cell::RefCell;

use js_sys::Reflect;
use news_i18n::{Catalog, Msg, Plural};
use news_model::{
    storage_key, Comment, CommentShelf, ShelfFull, Slug, StoredCommentsError,
    MAX_COMMENTS_PER_ARTICLE,
};
use serde::{Deserialize, Serialize};
use web_sys::Storage;

use super::dates::now_millis;

/// Why comments could not be read or saved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CommentStorageError {
    /// The browser does not let this page use `localStorage`.
    Unavailable,
    /// `localStorage` is full.
    Full,
    /// The story already has the most comments one browser keeps.
    LimitReached,
}

impl CommentStorageError {
    /// What the reader is told, in the site's language.
    pub fn message(&self, words: &Catalog) -> String {
        match self {
            CommentStorageError::Unavailable => words.text(Msg::StorageUnavailable).to_owned(),
            CommentStorageError::Full => words.text(Msg::StorageFull).to_owned(),
            CommentStorageError::LimitReached => {
                words.plural(Plural::StorageLimitReached, MAX_COMMENTS_PER_ARTICLE)
            }
        }
    }
}

/// What was found in storage for one article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShelvedComments {
    pub comments: Vec<Comment>,
    /// Something the reader should know about what was stored.
    pub notice: Option<StorageNotice>,
}

/// What was stored for an article but could not all be read: always kept aside under
/// `side_key`, never overwritten.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageNotice {
    /// Some comments could not be read; those that could are shown.
    PartlyUnreadable { side_key: String },
    /// Nothing could be read; new comments start a fresh list.
    Unreadable {
        error: StoredCommentsError,
        side_key: String,
    },
}

impl StorageNotice {
    /// What the reader is told, in the site's language.
    pub fn message(&self, words: &Catalog) -> String {
        match self {
            StorageNotice::PartlyUnreadable { side_key } => {
                words.fill(Msg::StoragePartlyUnreadable, &[("key", side_key)])
            }
            StorageNotice::Unreadable { error, side_key } => {
                let problem = match error {
                    StoredCommentsError::Unrecognised => {
                        words.text(Msg::StorageUnrecognised).to_owned()
                    }
                    StoredCommentsError::NewerVersion(version) => words.fill(
                        Msg::StorageNewerVersion,
                        &[("version", &words.number(*version as usize))],
                    ),
                };
                words.fill(
                    Msg::StorageCopyKept,
                    &[("problem", &problem), ("key", side_key)],
                )
            }
        }
    }
}

/// Reads an article's comments, setting aside anything that cannot be read.
pub fn load_comments(slug: &Slug) -> Result<ShelvedComments, CommentStorageError> {
    let storage = local_storage()?;
    let key = storage_key(slug);
    let Some(raw) = storage
        .get_item(&key)
        .map_err(|_| CommentStorageError::Unavailable)?
    else {
        return Ok(ShelvedComments {
            comments: Vec::new(),
            notice: None,
        });
    };
    match CommentShelf::decode(&raw) {
        Ok(decoded) if decoded.n_unreadable == 0 && !decoded.was_migrated => {
            remember(&key, raw, &decoded.shelf);
            Ok(ShelvedComments {
                comments: decoded.shelf.comments,
                notice: None,
            })
        }
        Ok(decoded) => {
            // Rewrite in the current format, keeping the original value beside it.
            let side_key = set_aside(&storage, &key, &raw)?;
            write(&storage, &key, &decoded.shelf)?;
            let notice =
                (decoded.n_unreadable > 0).then_some(StorageNotice::PartlyUnreadable { side_key });
            Ok(ShelvedComments {
                comments: decoded.shelf.comments,
                notice,
            })
        }
        Err(error) => {
            let side_key = set_aside(&storage, &key, &raw)?;
            let _ = storage.remove_item(&key);
            Ok(ShelvedComments {
                comments: Vec::new(),
                notice: Some(StorageNotice::Unreadable { error, side_key }),
            })
        }
    }
}

/// The list as it will be once `comment` is saved, without saving it, so the page can show
/// the comment at once and save it right after with [`add_comment`]. Refused, as
/// `add_comment` would be, when the story already holds the most comments one browser keeps.
pub fn with_comment(slug: &Slug, comment: Comment) -> Result<Vec<Comment>, CommentStorageError> {
    let storage = local_storage()?;
    let mut shelf = read_shelf(&storage, &storage_key(slug))?;
    shelf
        .add(comment)
        .map_err(|ShelfFull| CommentStorageError::LimitReached)?;
    Ok(shelf.comments)
}

/// Saves a new comment next to those already stored (including ones another tab wrote since
/// this page loaded) and returns the full list.
pub fn add_comment(slug: &Slug, comment: Comment) -> Result<Vec<Comment>, CommentStorageError> {
    rewrite(slug, |shelf| {
        shelf
            .add(comment)
            .map_err(|ShelfFull| CommentStorageError::LimitReached)
    })
}

/// Deletes one comment and returns what is left.
pub fn delete_comment(slug: &Slug, id: &str) -> Result<Vec<Comment>, CommentStorageError> {
    rewrite(slug, |shelf| {
        shelf.delete(id);
        Ok(())
    })
}

/// After another tab saved: puts back any comment this tab wrote that the other tab's save
/// lost, and returns the full list.
pub fn restore_missing(
    slug: &Slug,
    written_here: &[Comment],
) -> Result<Vec<Comment>, CommentStorageError> {
    let storage = local_storage()?;
    let key = storage_key(slug);
    let mut shelf = read_shelf(&storage, &key)?;
    if shelf.restore_missing(written_here) {
        write(&storage, &key, &shelf)?;
    }
    Ok(shelf.comments)
}

fn rewrite(
    slug: &Slug,
    change: impl FnOnce(&mut CommentShelf) -> Result<(), CommentStorageError>,
) -> Result<Vec<Comment>, CommentStorageError> {
    let storage = local_storage()?;
    let key = storage_key(slug);
    let mut shelf = read_shelf(&storage, &key)?;
    change(&mut shelf)?;
    write(&storage, &key, &shelf)?;
    Ok(shelf.comments)
}

/// The stored shelf; a value that cannot be read is set aside and replaced by an empty one.
fn read_shelf(storage: &Storage, key: &str) -> Result<CommentShelf, CommentStorageError> {
    let Some(raw) = storage
        .get_item(key)
        .map_err(|_| CommentStorageError::Unavailable)?
    else {
        return Ok(CommentShelf::default());
    };
    if let Some(shelf) = remembered(key, &raw) {
        return Ok(shelf);
    }
    match CommentShelf::decode(&raw) {
        Ok(decoded) => {
            if decoded.n_unreadable > 0 {
                set_aside(storage, key, &raw)?;
            } else {
                remember(key, raw, &decoded.shelf);
            }
            Ok(decoded.shelf)
        }
        Err(_) => {
            set_aside(storage, key, &raw)?;
            Ok(CommentShelf::default())
        }
    }
}

fn write(storage: &Storage, key: &str, shelf: &CommentShelf) -> Result<(), CommentStorageError> {
    let raw = shelf.encode();
    storage
        .set_item(key, &raw)
        .map_err(|error| storage_error(&error))?;
    remember(key, raw, shelf);
    Ok(())
}

/// The value this page last read or wrote under a key, and what it decodes to.
struct SeenShelf {
    key: String,
    raw: String,
    shelf: CommentShelf,
}

thread_local! {
    // While storage still holds exactly the text this page last read or wrote (no other tab
    // has written since), posting need not parse thousands of comments again.
    static LAST_SEEN: RefCell<Option<SeenShelf>> = const { RefCell::new(None) };
}

fn remember(key: &str, raw: String, shelf: &CommentShelf) {
    let seen = SeenShelf {
        key: key.to_owned(),
        raw,
        shelf: shelf.clone(),
    };
    LAST_SEEN.with(|last| *last.borrow_mut() = Some(seen));
}

fn remembered(key: &str, raw: &str) -> Option<CommentShelf> {
    LAST_SEEN.with(|last| {
        last.borrow()
            .as_ref()
            .filter(|seen| seen.key == key && seen.raw == raw)
            .map(|seen| seen.shelf.clone())
    })
}

/// Keeps a value we cannot fully read under a side key instead of overwriting it: it may hold
/// a reader's words in a format this version does not know. Returns the side key.
fn set_aside(storage: &Storage, key: &str, raw: &str) -> Result<String, CommentStorageError> {
    let side_key = format!("{key}:unreadable:{}", now_millis() as u64);
    storage
        .set_item(&side_key, raw)
        .map_err(|error| storage_error(&error))?;
    Ok(side_key)
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

/// A comment the reader has started but not posted.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub name: String,
    pub text: String,
}

fn draft_key(slug: &Slug) -> String {
    format!("news-blog:draft:{slug}")
}

fn session_storage() -> Option<Storage> {
    web_sys::window().and_then(|window| window.session_storage().ok().flatten())
}

/// The unfinished comment for this story in this tab, if any. Drafts live in
/// `sessionStorage`: they survive a reload but stay with the tab they were typed in.
pub fn load_draft(slug: &Slug) -> Draft {
    session_storage()
        .and_then(|storage| storage.get_item(&draft_key(slug)).ok().flatten())
        .and_then(|raw| serde_json::from_str(&raw).ok())
        .unwrap_or_default()
}

/// Remembers the unfinished comment; best effort, since the text is still on screen.
pub fn save_draft(slug: &Slug, draft: &Draft) {
    let Some(storage) = session_storage() else {
        return;
    };
    if draft.name.is_empty() && draft.text.is_empty() {
        let _ = storage.remove_item(&draft_key(slug));
    } else if let Ok(raw) = serde_json::to_string(draft) {
        let _ = storage.set_item(&draft_key(slug), &raw);
    }
}
