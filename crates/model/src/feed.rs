//! The feed index (`content/index.json`): the site's title and its list of stories.

use std::collections::HashSet;

use serde_json::Value;

use crate::date::Timestamp;
use crate::document::{finish, parse_json, read_slug};
use crate::image::{read_image, Image};
use crate::language::{read_language, LanguageTag};
use crate::link::Link;
use crate::problem::{quoted, Findings, JsonPath, Parsed, Rejected};
use crate::reader::Fields;
use crate::slug::Slug;

/// Where a story in the feed is read.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum StoryLink {
    /// On this site, at `/article/{slug}`: every entry of this format's index.
    Here(Slug),
    /// Only at its own address: a JSON Feed item whose address gives no usable slug.
    Elsewhere(Link),
}

impl StoryLink {
    /// The story's slug, when it is read on this site.
    pub fn slug(&self) -> Option<&Slug> {
        match self {
            StoryLink::Here(slug) => Some(slug),
            StoryLink::Elsewhere(_) => None,
        }
    }
}

/// One story in the feed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FeedEntry {
    pub story: StoryLink,
    pub title: String,
    pub summary: Option<String>,
    pub published: Option<Timestamp>,
    pub section: Option<String>,
    /// Content format 1.1.
    pub tags: Vec<String>,
    /// The story's authors, as its article names them. Not a field of the index format: a
    /// source's list gives them, and the build takes them from the articles for the author
    /// pages (1.2).
    pub authors: Vec<String>,
    pub image: Option<Image>,
    /// Content format 1.2: the story's language, when it differs from the site's; `None`
    /// (absent or invalid) means the site's language.
    pub language: Option<LanguageTag>,
}

/// How many stories the home page lists at first: the lead story and two dozen more, enough
/// to fill a large screen twice while a 10,000-entry index still draws at once. The
/// prerendered home lists the same number, so the app takes over without a shift.
pub const STORIES_ON_FIRST_SCREEN: usize = 25;

/// How many more stories each "More stories" adds (a multiple of the grid's 2 and 3 columns,
/// so rows stay full).
pub const STORIES_PER_MORE: usize = 24;

/// One page of the feed index.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FeedIndex {
    pub title: String,
    pub description: Option<String>,
    /// In file order; see [`FeedIndex::newest_first`].
    pub entries: Vec<FeedEntry>,
    /// The next, older page, relative to this document's URL.
    pub next: Option<Link>,
    /// Content format 1.2: the site's language as the content names it; `None` (absent or
    /// invalid) leaves it to the page's settings, else the source, else English.
    pub language: Option<LanguageTag>,
}

impl FeedIndex {
    /// Entries as the home feed shows them: dated ones newest first, then undated ones in
    /// file order.
    pub fn newest_first(&self) -> Vec<&FeedEntry> {
        let mut entries: Vec<&FeedEntry> = self.entries.iter().collect();
        entries.sort_by_key(|entry| newest_first_key(entry));
        entries
    }

    /// As [`FeedIndex::newest_first`], taking the entries instead of borrowing them.
    pub fn into_newest_first(self) -> Vec<FeedEntry> {
        let mut entries = self.entries;
        entries.sort_by_key(newest_first_key);
        entries
    }
}

/// Sorting by this key with a stable sort keeps file order among equal dates and among the
/// undated, which come last.
fn newest_first_key(entry: &FeedEntry) -> std::cmp::Reverse<Option<i64>> {
    std::cmp::Reverse(entry.published.as_ref().map(Timestamp::unix_seconds))
}

/// Parses and validates a feed index page.
///
/// Refused only when it is not JSON or lacks `title` or the `articles` array; an entry without
/// a valid slug or a title is left out and reported, and so is a repeated slug.
pub fn parse_feed_index(json: &str) -> Result<Parsed<FeedIndex>, Rejected> {
    let value = parse_json(json)?;
    parse_feed_index_value(&value)
}

/// As [`parse_feed_index`], for JSON that is already parsed.
pub fn parse_feed_index_value(value: &Value) -> Result<Parsed<FeedIndex>, Rejected> {
    let mut findings = Findings::default();
    let index = read_feed_index(value, &mut findings);
    finish(index, findings)
}

fn read_feed_index(value: &Value, findings: &mut Findings) -> Option<FeedIndex> {
    let fields = Fields::of(value, JsonPath::default(), findings)?;
    let title = fields.required_text("title", findings);
    let path = fields.path.field("articles");
    let entries = match fields.array("articles", findings) {
        Some(items) => Some(read_entries(items, &path, findings)),
        None => {
            if !fields.has("articles") {
                findings.error(&path, "is required (it may be an empty array)");
            }
            None
        }
    };
    Some(FeedIndex {
        title: title?,
        description: fields.text("description", findings),
        entries: entries?,
        next: fields.link("next", findings),
        language: read_language(&fields, findings),
    })
}

fn read_entries(items: &[Value], path: &JsonPath, findings: &mut Findings) -> Vec<FeedEntry> {
    let mut seen = HashSet::new();
    let mut entries = Vec::with_capacity(items.len());
    for (idx, item) in items.iter().enumerate() {
        let Some(entry) = read_entry(item, path.index(idx), findings) else {
            continue;
        };
        let Some(slug) = entry.story.slug().cloned() else {
            continue;
        };
        if seen.insert(slug.clone()) {
            entries.push(entry);
        } else {
            findings.error(
                &path.index(idx).field("slug"),
                format!(
                    "{} is listed twice; only the first entry is shown",
                    quoted(slug.as_str())
                ),
            );
        }
    }
    entries
}

fn read_entry(value: &Value, path: JsonPath, findings: &mut Findings) -> Option<FeedEntry> {
    let fields = Fields::of(value, path, findings)?;
    let slug = read_slug(&fields, findings);
    let title = fields.required_text("title", findings);
    let image = fields
        .get("image")
        .and_then(|image| read_image(image, fields.path.field("image"), findings));
    Some(FeedEntry {
        story: StoryLink::Here(slug?),
        title: title?,
        summary: fields.text("summary", findings),
        published: fields.date("published", findings),
        section: fields.text("section", findings),
        tags: fields.texts("tags", findings),
        authors: Vec::new(),
        image,
        language: read_language(&fields, findings),
    })
}
