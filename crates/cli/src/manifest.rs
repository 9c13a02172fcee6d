//! The build manifest: what the last build read, kept in the output folder, so a rebuild reads,
//! renders and compresses only the articles whose documents changed. Everything is rendered
//! again when anything every page shares changed (the page template, the site address, the
//! content settings, the program itself).

use std::collections::HashMap;
use std::fs;
use std::path::Path;
use std::sync::OnceLock;
use std::time::UNIX_EPOCH;

use news_model::related::RelatedBy;
use news_model::{Article, Seo, Slug, Timestamp};
use serde::{Deserialize, Serialize};

use crate::files::{write_json, FileError};

/// The manifest's file in the output folder. A dot file: hosts need not publish it, and the
/// precompression step leaves it alone.
pub const MANIFEST_FILE: &str = ".news-blog-manifest.json";

/// Bumped when the manifest's meaning changes; a manifest of another format is ignored.
const FORMAT: u32 = 4;

/// What one build read.
#[derive(Debug, Serialize, Deserialize)]
pub struct Manifest {
    format: u32,
    /// [`fingerprint`] of everything every page depends on.
    shared: u64,
    /// Every article that parsed, by slug (its document's file name).
    articles: HashMap<String, Recorded>,
}

/// One article document as the build read it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recorded {
    /// The document's size and modification time: when both match, it is not read again.
    size: u64,
    modified_ns: u64,
    /// The document's bytes' [`fingerprint`]: a document touched but not changed is not
    /// rendered again.
    hash: u64,
    /// The dates the feeds and the sitemap order and stamp the article by.
    pub published: Option<String>,
    pub updated: Option<String>,
    /// What its related stories are picked by, and a fingerprint of those its page lists: a
    /// new story may change them without the article changing.
    pub section: Option<String>,
    pub tags: Vec<String>,
    pub related: Vec<String>,
    pub related_hash: u64,
    /// Who wrote it: the author pages list it.
    pub authors: Vec<String>,
    /// Its `seo.noindex`: the sitemap leaves it out.
    pub is_noindex: bool,
}

/// An article document's size and modification time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stat {
    size: u64,
    modified_ns: u64,
}

impl Stat {
    pub fn of(path: &Path) -> Result<Stat, FileError> {
        let metadata = fs::metadata(path).map_err(FileError::at(path))?;
        let modified_ns = metadata
            .modified()
            .ok()
            .and_then(|time| time.duration_since(UNIX_EPOCH).ok())
            .map_or(0, |since| {
                u64::try_from(since.as_nanos()).unwrap_or(u64::MAX)
            });
        Ok(Stat {
            size: metadata.len(),
            modified_ns,
        })
    }
}

impl Recorded {
    /// The record of `article`, read from a document of `stat` and `hash`, whose page lists
    /// related stories of `related_hash`.
    pub fn new(stat: Stat, hash: u64, article: &Article, seo: &Seo, related_hash: u64) -> Self {
        let date = |date: &Option<Timestamp>| date.as_ref().map(|d| d.as_rfc3339().to_owned());
        Recorded {
            size: stat.size,
            modified_ns: stat.modified_ns,
            hash,
            published: date(&article.published),
            updated: date(&article.updated),
            section: article.section.clone(),
            tags: article.tags.clone(),
            related: article
                .related
                .iter()
                .map(|slug| slug.as_str().to_owned())
                .collect(),
            related_hash,
            authors: article.authors.clone(),
            is_noindex: seo.is_noindex,
        }
    }

    /// What the recorded article's related stories are picked by; `None` when the record
    /// does not read back.
    pub fn related_by(&self, slug: &str) -> Option<RelatedBy> {
        Some(RelatedBy {
            slug: Slug::parse(slug)?,
            related: self
                .related
                .iter()
                .filter_map(|slug| Slug::parse(slug))
                .collect(),
            section: self.section.clone(),
            tags: self.tags.clone(),
        })
    }

    pub fn has_related_hash(&self, related_hash: u64) -> bool {
        self.related_hash == related_hash
    }

    /// Whether the document is as recorded without reading it: same size, same time.
    pub fn has_stat(&self, stat: Stat) -> bool {
        self.size == stat.size && self.modified_ns == stat.modified_ns
    }

    pub fn has_hash(&self, hash: u64) -> bool {
        self.hash == hash
    }

    /// The same record with the document's new size and time (touched, not changed).
    pub fn with_stat(self, stat: Stat) -> Self {
        Recorded {
            size: stat.size,
            modified_ns: stat.modified_ns,
            ..self
        }
    }
}

impl Manifest {
    pub fn new(shared: u64, articles: HashMap<String, Recorded>) -> Self {
        Manifest {
            format: FORMAT,
            shared,
            articles,
        }
    }

    /// The last build's manifest in `dist` when it was written for the same `shared`
    /// fingerprint; `None` when there is none, it does not parse, or it is of another format
    /// or for other shared inputs (then everything is rendered again).
    pub fn previous(dist: &Path, shared: u64) -> Option<Manifest> {
        let text = fs::read_to_string(dist.join(MANIFEST_FILE)).ok()?;
        serde_json::from_str::<Manifest>(&text)
            .ok()
            .filter(|manifest| manifest.format == FORMAT && manifest.shared == shared)
    }

    pub fn article(&self, slug: &str) -> Option<&Recorded> {
        self.articles.get(slug)
    }

    /// The slugs this manifest records that `current` (a later build's records) does not:
    /// articles deleted, or broken, since.
    pub fn gone_from(&self, current: &HashMap<String, Recorded>) -> Vec<String> {
        self.articles
            .keys()
            .filter(|slug| !current.contains_key(*slug))
            .cloned()
            .collect()
    }

    /// Writes the manifest into `dist`; the last step of a build, so an interrupted build
    /// leaves the one before it, and the next build redoes what it had not finished.
    pub fn save(&self, dist: &Path) -> Result<(), FileError> {
        write_json(&dist.join(MANIFEST_FILE), self)
    }
}

/// A fingerprint of this program's own bytes (a new version maps and renders differently),
/// read once per run; `None` when the program cannot read itself, and then nothing an earlier
/// run left may be taken as it was.
pub fn program_fingerprint() -> Option<u64> {
    static PROGRAM: OnceLock<Option<u64>> = OnceLock::new();
    *PROGRAM.get_or_init(|| {
        let program = std::env::current_exe().and_then(fs::read).ok()?;
        Some(fingerprint([program.as_slice()]))
    })
}

/// FNV-1a of `parts`, each followed by a separator so `["ab", "c"]` and `["a", "bc"]` differ:
/// a short, stable name for content (not a security hash).
pub fn fingerprint<'a>(parts: impl IntoIterator<Item = &'a [u8]>) -> u64 {
    parts.into_iter().fold(0xcbf2_9ce4_8422_2325, |hash, part| {
        part.iter()
            .chain(std::iter::once(&0xff))
            .fold(hash, |hash, byte| {
                (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3)
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temporary_folder(name: &str) -> std::path::PathBuf {
        let dir =
            std::env::temp_dir().join(format!("news-blog-manifest-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("temporary folder");
        dir
    }

    #[test]
    fn a_manifest_is_read_back_only_for_the_same_shared_inputs() {
        let dir = temporary_folder("round-trip");
        let stat = Stat {
            size: 10,
            modified_ns: 20,
        };
        let article = news_model::parse_article(
            r#"{"slug": "a-story", "title": "A", "published": "2025-01-01T00:00:00Z",
                "tags": ["Rain"], "body": [{"type": "paragraph", "text": "Text."}]}"#,
        )
        .expect("article")
        .document;
        let recorded = Recorded::new(stat, 30, &article, &Seo::default(), 40);
        let manifest = Manifest::new(7, HashMap::from([("a-story".to_owned(), recorded.clone())]));
        manifest.save(&dir).expect("saved");
        let read = Manifest::previous(&dir, 7).expect("read back");
        assert_eq!(read.article("a-story"), Some(&recorded));
        assert_eq!(
            recorded.related_by("a-story"),
            Some(RelatedBy::of(&article))
        );
        assert!(Manifest::previous(&dir, 8).is_none(), "other shared inputs");
        fs::write(dir.join(MANIFEST_FILE), "{not json").expect("spoil");
        assert!(Manifest::previous(&dir, 7).is_none(), "a broken manifest");
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn fingerprints_tell_apart_how_the_parts_are_split() {
        assert_ne!(
            fingerprint([&b"ab"[..], b"c"]),
            fingerprint([&b"a"[..], b"bc"])
        );
        assert_eq!(fingerprint([&b"x"[..]]), fingerprint([&b"x"[..]]));
    }
}
