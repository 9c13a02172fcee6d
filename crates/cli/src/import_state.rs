//! What the last import of a WordPress or Ghost source fetched, kept beside the content it
//! wrote (`.news-blog-import.json`), so the next one asks only for what changed since.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use news_model::sources::ContentSource;
use news_model::Timestamp;
use serde::{Deserialize, Serialize};

use crate::files::{remove_file_if_present, write_json, FileError};

/// The state's file in the content folder. A dot file: hosts need not publish it.
pub const STATE_FILE: &str = ".news-blog-import.json";

/// Bumped when the state's meaning changes; a state of another format is not used.
const FORMAT: u32 = 1;

/// What one import fetched.
#[derive(Debug, Serialize, Deserialize)]
pub struct ImportState {
    format: u32,
    /// The source's kind and address: another source is fetched whole.
    source: String,
    /// [`crate::manifest::program_fingerprint`]: another version of the program maps posts
    /// differently, so it fetches them all again.
    program: u64,
    /// Every post the source listed, by its id: those it wrote and those it skipped.
    pub posts: BTreeMap<String, KnownPost>,
}

/// One post as the last import fetched it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KnownPost {
    /// When it last changed (RFC 3339, UTC), as the source said.
    pub modified: Option<String>,
    /// The slug of its article, when it was written (a protected post, or one whose body maps
    /// to nothing, is known but has none).
    pub slug: Option<String>,
}

/// Why the last import's state cannot be used; its message is for the person running the
/// command.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum Unusable {
    /// There is none (a first import, or `--fetch-all` removed it): no need to say so.
    #[error("there is no earlier import")]
    Absent,
    #[error("{} could not be read ({reason})", path.display())]
    Unreadable { path: PathBuf, reason: String },
    #[error("{} does not parse ({reason})", path.display())]
    Unparsable { path: PathBuf, reason: String },
    #[error("{} was written in another format", path.display())]
    OtherFormat { path: PathBuf },
    #[error("the last import read another source ({read})")]
    OtherSource { read: String },
    #[error("the last import was made by another version of this program")]
    OtherProgram,
}

impl ImportState {
    pub fn new(source: &ContentSource, program: u64) -> ImportState {
        ImportState {
            format: FORMAT,
            source: source_name(source),
            program,
            posts: BTreeMap::new(),
        }
    }

    /// The last import's state in `content` when it was written by this program for `source`.
    pub fn previous(
        content: &Path,
        source: &ContentSource,
        program: Option<u64>,
    ) -> Result<ImportState, Unusable> {
        let path = content.join(STATE_FILE);
        let text = match fs::read_to_string(&path) {
            Ok(text) => text,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                return Err(Unusable::Absent)
            }
            Err(error) => {
                return Err(Unusable::Unreadable {
                    path,
                    reason: error.to_string(),
                })
            }
        };
        let state: ImportState =
            serde_json::from_str(&text).map_err(|error| Unusable::Unparsable {
                path: path.clone(),
                reason: error.to_string(),
            })?;
        if state.format != FORMAT {
            return Err(Unusable::OtherFormat { path });
        }
        if state.source != source_name(source) {
            return Err(Unusable::OtherSource { read: state.source });
        }
        if Some(state.program) != program {
            return Err(Unusable::OtherProgram);
        }
        Ok(state)
    }

    /// The newest change among the posts, in seconds since the epoch.
    pub fn newest_change(&self) -> Option<i64> {
        self.posts
            .values()
            .filter_map(|post| post.modified.as_deref().and_then(Timestamp::parse))
            .map(|modified| modified.unix_seconds())
            .max()
    }

    /// Removes the state from `content`: done before an import changes the content, so an
    /// import cut short leaves none, and the next one fetches everything.
    pub fn forget(content: &Path) -> Result<(), FileError> {
        remove_file_if_present(&content.join(STATE_FILE))
    }

    /// Writes the state into `content`, the last step of an import.
    pub fn save(&self, content: &Path) -> Result<(), FileError> {
        write_json(&content.join(STATE_FILE), self)
    }
}

fn source_name(source: &ContentSource) -> String {
    format!(
        "{} {}",
        source.kind_name(),
        source.address().unwrap_or_default()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temporary_folder(name: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "news-blog-import-state-{name}-{}",
            std::process::id()
        ));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("temporary folder");
        dir
    }

    fn wordpress(site: &str) -> ContentSource {
        ContentSource::WordPress {
            site: site.to_owned(),
        }
    }

    #[test]
    fn a_state_is_used_only_for_the_same_source_and_program() {
        let dir = temporary_folder("round-trip");
        let source = wordpress("https://example.org/");
        let mut state = ImportState::new(&source, 7);
        state.posts.insert(
            "12".to_owned(),
            KnownPost {
                modified: Some("2024-01-02T03:04:05Z".to_owned()),
                slug: Some("a-story".to_owned()),
            },
        );
        state.save(&dir).expect("saved");
        let read = ImportState::previous(&dir, &source, Some(7)).expect("read back");
        assert_eq!(read.posts, state.posts);
        assert_eq!(
            read.newest_change(),
            Timestamp::parse("2024-01-02T03:04:05Z").map(|date| date.unix_seconds())
        );
        assert_eq!(
            ImportState::previous(&dir, &wordpress("https://other.example/"), Some(7)).err(),
            Some(Unusable::OtherSource {
                read: "wordpress https://example.org/".to_owned()
            })
        );
        assert_eq!(
            ImportState::previous(&dir, &source, Some(8)).err(),
            Some(Unusable::OtherProgram)
        );
        assert_eq!(
            ImportState::previous(&dir, &source, None).err(),
            Some(Unusable::OtherProgram)
        );
        fs::write(dir.join(STATE_FILE), "{not json").expect("spoil");
        assert!(matches!(
            ImportState::previous(&dir, &source, Some(7)),
            Err(Unusable::Unparsable { .. })
        ));
        ImportState::forget(&dir).expect("forgotten");
        assert_eq!(
            ImportState::previous(&dir, &source, Some(7)).err(),
            Some(Unusable::Absent)
        );
        let _ = fs::remove_dir_all(&dir);
    }
}
