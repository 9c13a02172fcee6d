//! Reader comments: what a comment is and the rules a new one must meet. How they are stored
//! is in [`crate::shelf`].

use std::fmt;

use serde::{Deserialize, Serialize};

/// The longest comment, in characters after trimming.
pub const MAX_COMMENT_CHARS: usize = 2000;
/// The longest name, in characters after trimming.
pub const MAX_NAME_CHARS: usize = 80;

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
    /// The name the reader gave, if any (a page shows its own word for none).
    pub fn given_name(&self) -> Option<&str> {
        (!self.name.is_empty()).then_some(self.name.as_str())
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

/// A count as readers write it: 2000 as "2,000".
pub fn with_thousands(number: usize) -> String {
    let digits = number.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (digit_idx, digit) in digits.chars().enumerate() {
        if digit_idx > 0 && (digits.len() - digit_idx).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    grouped
}

impl fmt::Display for DraftProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DraftProblem::TextEmpty => f.write_str("Write a comment before posting."),
            DraftProblem::TextTooLong { n_chars } => write!(
                f,
                "Your comment is {} too long: shorten it to {} characters or fewer.",
                characters(n_chars - MAX_COMMENT_CHARS),
                with_thousands(MAX_COMMENT_CHARS)
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

#[cfg(test)]
mod tests {
    use super::*;

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
    fn comment_without_a_name_has_none() {
        let draft = CommentDraft::check("   ", "Hello").unwrap();
        assert_eq!(
            draft.into_comment("1".into(), "t".into()).given_name(),
            None
        );
    }
}
