//! How one article's comments are stored in the reader's browser.
//!
//! One `localStorage` value per article, under [`storage_key`]:
//!
//! ```json
//! {"version": 1,
//!  "comments": [{"id": "…", "name": "", "text": "…", "posted": "2026-11-25T10:00:00.000Z"}],
//!  "deleted": ["…"]}
//! ```
//!
//! `deleted` remembers removed ids, so a tab that still shows a deleted comment does not bring
//! it back when it re-saves its own. Format 0, a bare array of `{name, text, posted}` without
//! ids (as hand-written or exported lists are), is migrated when read.

use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::comment::{count_chars, with_thousands, Comment};
use crate::slug::Slug;

/// The format version written into every stored value.
pub const STORAGE_VERSION: u64 = 1;
/// The most comments kept for one article in one browser.
pub const MAX_COMMENTS_PER_ARTICLE: usize = 5000;
/// How many deleted ids are remembered; older ones are forgotten first.
const MAX_REMEMBERED_DELETIONS: usize = 1000;

/// The storage key for one article's comments.
pub fn storage_key(slug: &Slug) -> String {
    format!("news-blog:comments:{slug}")
}

/// One article's stored comments, oldest first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CommentShelf {
    pub comments: Vec<Comment>,
    /// Ids of deleted comments.
    pub deleted: Vec<String>,
}

/// What was read from storage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodedShelf {
    pub shelf: CommentShelf,
    /// Entries that could not be read and were left out.
    pub n_unreadable: usize,
    /// True when the value was in an older format and was converted.
    pub was_migrated: bool,
}

/// Why a stored value could not be read at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoredCommentsError {
    /// Not JSON, or not our shape: something else wrote under our key.
    Unrecognised,
    /// Written by a newer version of the app.
    NewerVersion(u64),
}

impl fmt::Display for StoredCommentsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoredCommentsError::Unrecognised => {
                f.write_str("The comments saved in this browser for this story could not be read.")
            }
            StoredCommentsError::NewerVersion(version) => write!(
                f,
                "The comments saved in this browser were written by a newer version of this site (format {version})."
            ),
        }
    }
}

/// The shelf already holds [`MAX_COMMENTS_PER_ARTICLE`] comments.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ShelfFull;

impl fmt::Display for ShelfFull {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "This browser already keeps {} comments on this story, the most it can. Delete an older one to post yours; your text is still in the box.",
            with_thousands(MAX_COMMENTS_PER_ARTICLE)
        )
    }
}

#[derive(Serialize)]
struct StoredV1<'a> {
    version: u64,
    comments: &'a [Comment],
    deleted: &'a [String],
}

/// A comment in format 0: no id, and the time may be missing.
#[derive(Deserialize)]
struct CommentV0 {
    #[serde(default)]
    name: String,
    text: String,
    #[serde(default)]
    posted: String,
}

impl CommentShelf {
    /// Reads a stored value. A single unreadable comment is skipped, not the whole list.
    pub fn decode(raw: &str) -> Result<DecodedShelf, StoredCommentsError> {
        let mut value: Value =
            serde_json::from_str(raw).map_err(|_| StoredCommentsError::Unrecognised)?;
        if let Value::Array(items) = &value {
            return Ok(migrate_v0(items));
        }
        match value.get("version").and_then(Value::as_u64) {
            Some(STORAGE_VERSION) => {}
            Some(newer) if newer > STORAGE_VERSION => {
                return Err(StoredCommentsError::NewerVersion(newer))
            }
            _ => return Err(StoredCommentsError::Unrecognised),
        }
        // Taken out of the document, so each comment is read without a copy.
        let Some(Value::Array(items)) = value.get_mut("comments").map(Value::take) else {
            return Err(StoredCommentsError::Unrecognised);
        };
        let n_items = items.len();
        let comments: Vec<Comment> = items
            .into_iter()
            .filter_map(|item| serde_json::from_value::<Comment>(item).ok())
            .filter(|comment| !comment.id.is_empty() && count_chars(&comment.text) > 0)
            .collect();
        let deleted = value
            .get("deleted")
            .and_then(Value::as_array)
            .map(|ids| {
                ids.iter()
                    .filter_map(Value::as_str)
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default();
        Ok(DecodedShelf {
            n_unreadable: n_items - comments.len(),
            shelf: CommentShelf { comments, deleted },
            was_migrated: false,
        })
    }

    /// The stored value, in the current format.
    pub fn encode(&self) -> String {
        let stored = StoredV1 {
            version: STORAGE_VERSION,
            comments: &self.comments,
            deleted: &self.deleted,
        };
        serde_json::to_string(&stored).expect("invariant: comments serialize as plain JSON strings")
    }

    /// Adds a comment, unless one with its id is already there or was deleted (a save that
    /// arrives after its comment was deleted must not bring it back).
    pub fn add(&mut self, comment: Comment) -> Result<(), ShelfFull> {
        if self.contains(&comment.id) || self.deleted.contains(&comment.id) {
            return Ok(());
        }
        if self.comments.len() >= MAX_COMMENTS_PER_ARTICLE {
            return Err(ShelfFull);
        }
        self.comments.push(comment);
        Ok(())
    }

    /// Removes a comment and remembers that it was removed.
    pub fn delete(&mut self, id: &str) {
        self.comments.retain(|comment| comment.id != id);
        if !self.deleted.iter().any(|deleted| deleted == id) {
            self.deleted.push(id.to_owned());
        }
        let excess = self.deleted.len().saturating_sub(MAX_REMEMBERED_DELETIONS);
        self.deleted.drain(..excess);
    }

    /// Puts back comments this tab wrote that another tab's save lost (both wrote at the same
    /// moment); deleted ones stay deleted. Returns whether anything was put back.
    pub fn restore_missing(&mut self, written_here: &[Comment]) -> bool {
        let mut is_changed = false;
        for comment in written_here {
            let is_deleted = self.deleted.contains(&comment.id);
            if !is_deleted && !self.contains(&comment.id) && self.add(comment.clone()).is_ok() {
                is_changed = true;
            }
        }
        if is_changed {
            // Keep the oldest-first order whatever order the tabs saved in.
            self.comments.sort_by(|a, b| a.posted.cmp(&b.posted));
        }
        is_changed
    }

    fn contains(&self, id: &str) -> bool {
        self.comments.iter().any(|comment| comment.id == id)
    }
}

fn migrate_v0(items: &[Value]) -> DecodedShelf {
    let comments: Vec<Comment> = items
        .iter()
        .filter_map(|item| serde_json::from_value::<CommentV0>(item.clone()).ok())
        .filter(|old| count_chars(&old.text) > 0)
        .enumerate()
        .map(|(idx, old)| Comment {
            id: format!("v0-{idx}"),
            name: old.name.trim().to_owned(),
            text: old.text.trim().to_owned(),
            posted: old.posted,
        })
        .collect();
    DecodedShelf {
        n_unreadable: items.len() - comments.len(),
        shelf: CommentShelf {
            comments,
            deleted: Vec::new(),
        },
        was_migrated: true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn comment(id: &str, posted: &str) -> Comment {
        Comment {
            id: id.into(),
            name: String::new(),
            text: format!("text {id}"),
            posted: posted.into(),
        }
    }

    fn shelf_of(ids: &[&str]) -> CommentShelf {
        CommentShelf {
            comments: ids
                .iter()
                .map(|id| comment(id, "2026-11-25T10:00:00Z"))
                .collect(),
            deleted: Vec::new(),
        }
    }

    #[test]
    fn stored_comments_round_trip() {
        let mut shelf = shelf_of(&["a", "b"]);
        shelf.comments[0].text = "First\nwith a line break <script>x</script>".into();
        shelf.comments[1].name = "Ana <b>".into();
        shelf.delete("gone");
        let decoded = CommentShelf::decode(&shelf.encode()).unwrap();
        assert_eq!(
            decoded,
            DecodedShelf {
                shelf,
                n_unreadable: 0,
                was_migrated: false
            }
        );
    }

    #[test]
    fn stored_value_names_its_version() {
        assert!(shelf_of(&["a"])
            .encode()
            .starts_with(r#"{"version":1,"comments":["#));
    }

    #[test]
    fn corrupt_or_foreign_values_are_unrecognised() {
        for raw in [
            "",
            "not json",
            "{}",
            r#"{"version":1}"#,
            r#"{"version":"1","comments":[]}"#,
            r#"{"comments":[]}"#,
            "null",
            "42",
        ] {
            assert_eq!(
                CommentShelf::decode(raw),
                Err(StoredCommentsError::Unrecognised),
                "{raw:?}"
            );
        }
    }

    #[test]
    fn value_from_a_newer_version_is_not_mistaken_for_corrupt() {
        assert_eq!(
            CommentShelf::decode(r#"{"version":7,"comments":[]}"#),
            Err(StoredCommentsError::NewerVersion(7))
        );
    }

    #[test]
    fn one_unreadable_comment_does_not_hide_the_others() {
        let raw = r#"{"version":1,"comments":[{"id":"a","text":"ok","posted":"t"},{"id":5},{"id":"c","text":"  ","posted":"t"},{"id":"d","name":"N","text":"fine","posted":"t"}]}"#;
        let decoded = CommentShelf::decode(raw).unwrap();
        assert_eq!(
            decoded
                .shelf
                .comments
                .iter()
                .map(|c| c.id.as_str())
                .collect::<Vec<_>>(),
            ["a", "d"]
        );
        assert_eq!(decoded.n_unreadable, 2);
    }

    #[test]
    fn format_0_list_is_migrated_not_dropped() {
        let raw = r#"[{"name":"Ana","text":" Old words ","posted":"2020-01-01T00:00:00Z"},{"text":"No name or time"},{"nonsense":true}]"#;
        let decoded = CommentShelf::decode(raw).unwrap();
        assert!(decoded.was_migrated);
        assert_eq!(decoded.n_unreadable, 1);
        let texts: Vec<&str> = decoded
            .shelf
            .comments
            .iter()
            .map(|c| c.text.as_str())
            .collect();
        assert_eq!(texts, ["Old words", "No name or time"]);
        assert_eq!(decoded.shelf.comments[0].given_name(), Some("Ana"));
        let ids: Vec<&str> = decoded
            .shelf
            .comments
            .iter()
            .map(|c| c.id.as_str())
            .collect();
        assert_eq!(ids, ["v0-0", "v0-1"]);
        let reread = CommentShelf::decode(&decoded.shelf.encode()).unwrap();
        assert_eq!(reread.shelf, decoded.shelf);
    }

    #[test]
    fn adding_the_same_comment_twice_keeps_one() {
        let mut shelf = shelf_of(&["a"]);
        assert_eq!(shelf.add(comment("a", "t")), Ok(()));
        assert_eq!(shelf.comments.len(), 1);
    }

    #[test]
    fn a_deleted_comment_is_not_added_again() {
        let mut shelf = shelf_of(&["a"]);
        shelf.delete("a");
        assert_eq!(shelf.add(comment("a", "t")), Ok(()));
        assert!(shelf.comments.is_empty());
    }

    #[test]
    fn the_comment_after_the_limit_is_refused() {
        let ids: Vec<String> = (0..MAX_COMMENTS_PER_ARTICLE)
            .map(|n| n.to_string())
            .collect();
        let mut shelf = shelf_of(&ids.iter().map(String::as_str).collect::<Vec<_>>());
        assert_eq!(shelf.add(comment("one-more", "t")), Err(ShelfFull));
        assert_eq!(shelf.comments.len(), MAX_COMMENTS_PER_ARTICLE);
        assert!(ShelfFull
            .to_string()
            .starts_with("This browser already keeps 5,000 comments"));
    }

    #[test]
    fn comment_lost_to_another_tabs_save_is_put_back() {
        let mine = comment("mine", "2026-11-25T10:00:01Z");
        // The other tab read before this tab saved, then saved only its own comment.
        let mut stored = CommentShelf {
            comments: vec![comment("theirs", "2026-11-25T10:00:02Z")],
            deleted: Vec::new(),
        };
        assert!(stored.restore_missing(&[mine]));
        let ids: Vec<&str> = stored.comments.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["mine", "theirs"]);
        assert!(
            !stored.restore_missing(&[comment("mine", "2026-11-25T10:00:01Z")]),
            "nothing left to restore"
        );
    }

    #[test]
    fn comment_deleted_in_another_tab_is_not_brought_back() {
        let mut stored = shelf_of(&["mine"]);
        stored.delete("mine");
        assert!(!stored.restore_missing(&[comment("mine", "t")]));
        assert!(stored.comments.is_empty());
    }

    #[test]
    fn remembered_deletions_are_bounded() {
        let mut shelf = CommentShelf::default();
        for n in 0..(MAX_REMEMBERED_DELETIONS + 10) {
            shelf.delete(&n.to_string());
        }
        assert_eq!(shelf.deleted.len(), MAX_REMEMBERED_DELETIONS);
        assert_eq!(shelf.deleted[0], "10");
    }

    #[test]
    fn storage_key_is_per_article() {
        let slug = Slug::parse("raqqa").unwrap();
        assert_eq!(storage_key(&slug), "news-blog:comments:raqqa");
    }
}
