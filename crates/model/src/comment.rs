//! Reader comments: the rules a comment must meet and the versioned format they are stored in.
//!
//! Comments live in the reader's browser under [`storage_key`], one value per article, holding
//! `{"version": 1, "comments": [{"id", "name", "text", "posted"}, …]}` (see the project docs).

use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::slug::Slug;

/// The longest comment, in characters after trimming.
pub const MAX_COMMENT_CHARS: usize = 2000;
/// The longest name, in characters after trimming.
pub const MAX_NAME_CHARS: usize = 80;
/// The version written into every stored value; see [`decode_comments`].
pub const STORAGE_VERSION: u64 = 1;

/// A posted comment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comment {
    /// Unique within the article; lets two tabs merge what they wrote.
    pub id: String,
    /// Empty when the reader gave no name.
    #[serde(default)]
    pub name: String,
    pub text: String,
    /// When it was posted, RFC 3339.
    pub posted: String,
}

impl Comment {
    /// The name shown above the comment.
    pub fn display_name(&self) -> &str {
        if self.name.is_empty() {
            "Anonymous"
        } else {
            &self.name
        }
    }
}

/// What the reader typed, checked and trimmed, ready to become a [`Comment`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CommentDraft {
    pub name: String,
    pub text: String,
}

/// Why a draft cannot be posted yet; each message tells the reader what to change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DraftProblem {
    TextEmpty,
    TextTooLong { n_chars: usize },
    NameTooLong { n_chars: usize },
}

impl DraftProblem {
    /// True when the problem is about the name field rather than the comment text.
    pub fn is_about_name(&self) -> bool {
        matches!(self, DraftProblem::NameTooLong { .. })
    }
}

impl fmt::Display for DraftProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DraftProblem::TextEmpty => f.write_str("Write a comment before posting."),
            // The limit is spelled out ("2,000") as readers write numbers.
            DraftProblem::TextTooLong { n_chars } => write!(
                f,
                "Your comment is {} too long: shorten it to 2,000 characters or fewer.",
                characters(n_chars - MAX_COMMENT_CHARS)
            ),
            DraftProblem::NameTooLong { n_chars } => write!(
                f,
                "Your name is {} too long: use {MAX_NAME_CHARS} characters or fewer.",
                characters(n_chars - MAX_NAME_CHARS)
            ),
        }
    }
}

fn characters(n_chars: usize) -> String {
    if n_chars == 1 {
        "1 character".to_owned()
    } else {
        format!("{n_chars} characters")
    }
}

/// Characters counted the way the limit is applied: Unicode characters after trimming.
pub fn count_chars(text: &str) -> usize {
    text.trim().chars().count()
}

impl CommentDraft {
    /// Checks a name and text as typed; every problem is reported, not just the first.
    pub fn check(name: &str, text: &str) -> Result<CommentDraft, Vec<DraftProblem>> {
        let mut problems = Vec::new();
        let n_name_chars = count_chars(name);
        if n_name_chars > MAX_NAME_CHARS {
            problems.push(DraftProblem::NameTooLong {
                n_chars: n_name_chars,
            });
        }
        match count_chars(text) {
            0 => problems.push(DraftProblem::TextEmpty),
            n_chars if n_chars > MAX_COMMENT_CHARS => {
                problems.push(DraftProblem::TextTooLong { n_chars })
            }
            _ => {}
        }
        if problems.is_empty() {
            Ok(CommentDraft {
                name: name.trim().to_owned(),
                text: text.trim().to_owned(),
            })
        } else {
            Err(problems)
        }
    }

    /// The comment this draft becomes when posted with `id` at `posted` (RFC 3339).
    pub fn into_comment(self, id: String, posted: String) -> Comment {
        Comment {
            id,
            name: self.name,
            text: self.text,
            posted,
        }
    }
}

/// The storage key for one article's comments.
pub fn storage_key(slug: &Slug) -> String {
    format!("news-blog:comments:{slug}")
}

#[derive(Serialize)]
struct StoredCommentsOut<'a> {
    version: u64,
    comments: &'a [Comment],
}

/// The stored value for `comments`, in the current format.
pub fn encode_comments(comments: &[Comment]) -> String {
    let stored = StoredCommentsOut {
        version: STORAGE_VERSION,
        comments,
    };
    serde_json::to_string(&stored).expect("invariant: comments serialize as plain JSON strings")
}

/// The comments read from a stored value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredComments {
    pub comments: Vec<Comment>,
    /// Entries that could not be read and were left out (and kept in storage until rewritten).
    pub n_unreadable: usize,
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
                "The comments saved in this browser were written by a newer version of this site (format {version}); reload the page to get it."
            ),
        }
    }
}

/// Reads a stored value; a single unreadable comment is skipped, not the whole list.
pub fn decode_comments(raw: &str) -> Result<StoredComments, StoredCommentsError> {
    let value: Value = serde_json::from_str(raw).map_err(|_| StoredCommentsError::Unrecognised)?;
    let version = value.get("version").and_then(Value::as_u64);
    match version {
        Some(STORAGE_VERSION) => {}
        Some(newer) if newer > STORAGE_VERSION => {
            return Err(StoredCommentsError::NewerVersion(newer))
        }
        _ => return Err(StoredCommentsError::Unrecognised),
    }
    let Some(items) = value.get("comments").and_then(Value::as_array) else {
        return Err(StoredCommentsError::Unrecognised);
    };
    let comments: Vec<Comment> = items
        .iter()
        .filter_map(|item| serde_json::from_value::<Comment>(item.clone()).ok())
        .filter(|comment| !comment.id.is_empty() && count_chars(&comment.text) > 0)
        .collect();
    Ok(StoredComments {
        n_unreadable: items.len() - comments.len(),
        comments,
    })
}

/// Adds `comment` to `stored` unless a comment with its id is already there, so writing from
/// two tabs keeps both tabs' comments.
pub fn with_comment(mut stored: Vec<Comment>, comment: Comment) -> Vec<Comment> {
    if !stored.iter().any(|existing| existing.id == comment.id) {
        stored.push(comment);
    }
    stored
}

#[cfg(test)]
mod tests {
    use super::*;

    fn comment(id: &str, text: &str) -> Comment {
        Comment {
            id: id.into(),
            name: String::new(),
            text: text.into(),
            posted: "2026-11-25T10:00:00Z".into(),
        }
    }

    #[test]
    fn comment_of_one_to_2000_characters_is_accepted() {
        assert!(CommentDraft::check("", "x").is_ok());
        assert!(CommentDraft::check("", &"é".repeat(MAX_COMMENT_CHARS)).is_ok());
    }

    #[test]
    fn blank_comment_is_refused() {
        assert_eq!(
            CommentDraft::check("Ana", " \n\t "),
            Err(vec![DraftProblem::TextEmpty])
        );
    }

    #[test]
    fn comment_over_2000_chars_is_refused() {
        let text = "a".repeat(MAX_COMMENT_CHARS + 1);
        assert_eq!(
            CommentDraft::check("", &text),
            Err(vec![DraftProblem::TextTooLong {
                n_chars: MAX_COMMENT_CHARS + 1
            }])
        );
    }

    #[test]
    fn spaces_around_the_text_do_not_count_towards_the_limit() {
        let text = format!("  {}  \n", "a".repeat(MAX_COMMENT_CHARS));
        assert_eq!(
            CommentDraft::check("", &text).map(|draft| draft.text.len()),
            Ok(MAX_COMMENT_CHARS)
        );
    }

    #[test]
    fn long_name_and_empty_text_are_both_reported() {
        let problems = CommentDraft::check(&"n".repeat(MAX_NAME_CHARS + 5), "").unwrap_err();
        assert_eq!(
            problems,
            vec![
                DraftProblem::NameTooLong {
                    n_chars: MAX_NAME_CHARS + 5
                },
                DraftProblem::TextEmpty
            ]
        );
        assert_eq!(
            problems[0].to_string(),
            "Your name is 5 characters too long: use 80 characters or fewer."
        );
    }

    #[test]
    fn too_long_message_counts_the_excess_in_words() {
        let problems = CommentDraft::check("", &"a".repeat(MAX_COMMENT_CHARS + 1)).unwrap_err();
        assert_eq!(
            problems[0].to_string(),
            "Your comment is 1 character too long: shorten it to 2,000 characters or fewer."
        );
    }

    #[test]
    fn comment_without_a_name_is_shown_as_anonymous() {
        let draft = CommentDraft::check("   ", "Hello").unwrap();
        assert_eq!(
            draft.into_comment("1".into(), "t".into()).display_name(),
            "Anonymous"
        );
    }

    #[test]
    fn stored_comments_round_trip() {
        let comments = vec![
            comment("a", "First\nwith a line break"),
            Comment {
                name: "Ana <b>".into(),
                ..comment("b", "<script>x</script>")
            },
        ];
        let decoded = decode_comments(&encode_comments(&comments)).unwrap();
        assert_eq!(
            decoded,
            StoredComments {
                comments,
                n_unreadable: 0
            }
        );
    }

    #[test]
    fn stored_value_names_its_version() {
        let raw = encode_comments(&[comment("a", "x")]);
        assert!(raw.starts_with(r#"{"version":1,"comments":["#), "{raw}");
    }

    #[test]
    fn corrupt_or_foreign_values_are_unrecognised() {
        for raw in [
            "",
            "not json",
            "[]",
            "{}",
            r#"{"version":1}"#,
            r#"{"version":"1","comments":[]}"#,
            r#"{"comments":[]}"#,
            "null",
        ] {
            assert_eq!(
                decode_comments(raw),
                Err(StoredCommentsError::Unrecognised),
                "{raw:?}"
            );
        }
    }

    #[test]
    fn value_from_a_newer_version_is_not_mistaken_for_corrupt() {
        assert_eq!(
            decode_comments(r#"{"version":7,"comments":[]}"#),
            Err(StoredCommentsError::NewerVersion(7))
        );
    }

    #[test]
    fn one_unreadable_comment_does_not_hide_the_others() {
        let raw = r#"{"version":1,"comments":[{"id":"a","text":"ok","posted":"t"},{"id":5},{"id":"c","text":"  ","posted":"t"},{"id":"d","name":"N","text":"fine","posted":"t"}]}"#;
        let decoded = decode_comments(raw).unwrap();
        assert_eq!(
            decoded
                .comments
                .iter()
                .map(|c| c.id.as_str())
                .collect::<Vec<_>>(),
            ["a", "d"]
        );
        assert_eq!(decoded.n_unreadable, 2);
    }

    #[test]
    fn adding_a_comment_keeps_those_another_tab_wrote() {
        let from_other_tab = vec![comment("other", "theirs")];
        let merged = with_comment(from_other_tab, comment("mine", "ours"));
        assert_eq!(
            merged.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(),
            ["other", "mine"]
        );
    }

    #[test]
    fn adding_the_same_comment_twice_keeps_one() {
        let merged = with_comment(vec![comment("a", "x")], comment("a", "x"));
        assert_eq!(merged.len(), 1);
    }

    #[test]
    fn storage_key_is_per_article() {
        let slug = Slug::parse("raqqa").unwrap();
        assert_eq!(storage_key(&slug), "news-blog:comments:raqqa");
    }
}
