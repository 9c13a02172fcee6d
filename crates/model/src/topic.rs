//! Sections and tags (content format 1.1) and authors (1.2) as pages: which stories belong to
//! one, where its index documents are, and what its page is called.

use crate::feed::{FeedEntry, FeedIndex};
use crate::route::{percent_encode, Key, Route};

/// A section, a tag or an author.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TopicKind {
    Section,
    Tag,
    Author,
}

impl TopicKind {
    pub const ALL: [TopicKind; 3] = [TopicKind::Section, TopicKind::Tag, TopicKind::Author];

    /// The folder of this kind's pages, and of its index documents under the content folder:
    /// `section`, `tag`, `author`.
    pub fn folder(self) -> &'static str {
        match self {
            TopicKind::Section => "section",
            TopicKind::Tag => "tag",
            TopicKind::Author => "author",
        }
    }

    /// The names of this kind on `entry`: its section, its tags or its authors.
    pub fn names(self, entry: &FeedEntry) -> &[String] {
        match self {
            TopicKind::Section => entry.section.as_slice(),
            TopicKind::Tag => &entry.tags,
            TopicKind::Author => &entry.authors,
        }
    }
}

/// One section's, tag's or author's page: its kind and key.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Topic {
    pub kind: TopicKind,
    pub key: Key,
}

impl Topic {
    /// The topic of a section, tag or author page's route.
    pub fn of_route(route: &Route) -> Option<Topic> {
        match route {
            Route::Section(key) => Some(Topic::new(TopicKind::Section, key.clone())),
            Route::Tag(key) => Some(Topic::new(TopicKind::Tag, key.clone())),
            Route::Author(key) => Some(Topic::new(TopicKind::Author, key.clone())),
            _ => None,
        }
    }

    pub fn new(kind: TopicKind, key: Key) -> Topic {
        Topic { kind, key }
    }

    pub fn route(&self) -> Route {
        match self.kind {
            TopicKind::Section => Route::Section(self.key.clone()),
            TopicKind::Tag => Route::Tag(self.key.clone()),
            TopicKind::Author => Route::Author(self.key.clone()),
        }
    }

    /// The name of this topic as `entry` writes it, if the entry belongs to it.
    pub fn name_in<'a>(&self, entry: &'a FeedEntry) -> Option<&'a str> {
        self.kind
            .names(entry)
            .iter()
            .find(|name| Key::from_name(name).as_ref() == Some(&self.key))
            .map(String::as_str)
    }

    /// The address of the topic's `page`-th index document (1 for the first), relative to
    /// the content folder's index: `section/middle-east.json`, `tag/rain-2.json`; the key is
    /// percent-encoded, so the name is one safe path segment whatever letters it has.
    pub fn document_path(&self, page: usize) -> String {
        format!(
            "{}/{}",
            self.folder(),
            document_name(&percent_encode(self.key.as_str()), page)
        )
    }

    /// The file of that document on disk, relative to the content folder: the key as it reads
    /// (servers decode the address before they look for the file).
    pub fn document_file(&self, page: usize) -> String {
        format!(
            "{}/{}",
            self.folder(),
            document_name(self.key.as_str(), page)
        )
    }

    /// The `page`-th document's address relative to the first (its `next` link is relative).
    pub fn document_name(&self, page: usize) -> String {
        document_name(&percent_encode(self.key.as_str()), page)
    }

    fn folder(&self) -> &'static str {
        self.kind.folder()
    }

    /// The stories of `newest_first` that belong to this topic, as an index page named after
    /// it (as the newest of them writes it), without a count (`newest_first` may be only the
    /// newest of the site's stories); `None` when there are none.
    pub fn filtered(&self, newest_first: &[FeedEntry]) -> Option<FeedIndex> {
        let entries: Vec<FeedEntry> = newest_first
            .iter()
            .filter(|entry| self.name_in(entry).is_some())
            .cloned()
            .collect();
        let title = self.name_in(entries.first()?)?.to_owned();
        Some(FeedIndex {
            title,
            description: None,
            entries,
            next: None,
            language: None,
        })
    }

    /// A page of this topic's stories as a source's own filtering answered it: named after the
    /// topic as the first story naming it writes it (else its key), without a count (the
    /// source pages it; its first page is not all of it).
    pub fn titled(&self, mut page: FeedIndex) -> FeedIndex {
        page.title = page
            .entries
            .iter()
            .find_map(|entry| self.name_in(entry))
            .unwrap_or(self.key.as_str())
            .to_owned();
        page.description = None;
        page
    }
}

fn document_name(key: &str, page: usize) -> String {
    if page <= 1 {
        format!("{key}.json")
    } else {
        format!("{key}-{page}.json")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse_feed_index;

    #[test]
    fn a_topic_gathers_the_stories_whose_names_share_its_key() {
        let json = serde_json::json!({"title": "T", "articles": [
            {"slug": "a", "title": "A", "section": "Middle East", "tags": ["Rain"]},
            {"slug": "b", "title": "B", "section": "middle-east"},
            {"slug": "c", "title": "C", "section": "Sport", "tags": ["RAIN!"]},
        ]});
        let index = parse_feed_index(&json.to_string()).expect("index").document;
        let section = Topic::new(
            TopicKind::Section,
            Key::from_name("Middle East").expect("key"),
        );
        let found = section.filtered(&index.entries).expect("stories");
        assert_eq!(found.title, "Middle East");
        assert_eq!(found.entries.len(), 2);
        assert_eq!(
            found.description, None,
            "a count of only the newest is not said"
        );
        let tag = Topic::new(TopicKind::Tag, Key::from_name("rain").expect("key"));
        assert_eq!(
            tag.filtered(&index.entries).expect("stories").entries.len(),
            2
        );
        let none = Topic::new(TopicKind::Tag, Key::from_name("snow").expect("key"));
        assert!(none.filtered(&index.entries).is_none());
    }

    #[test]
    fn a_sources_filtered_page_is_named_after_the_topic_without_a_count() {
        let json = serde_json::json!({"title": "Site", "description": "About", "articles": [
            {"slug": "a", "title": "A", "section": "Weather", "tags": ["Other"]},
            {"slug": "b", "title": "B", "section": "Sport", "tags": ["Rain"]},
        ]});
        let index = parse_feed_index(&json.to_string()).expect("index").document;
        let tag = Topic::new(TopicKind::Tag, Key::from_name("rain").expect("key"));
        let titled = tag.titled(index.clone());
        assert_eq!(titled.title, "Rain");
        assert_eq!(titled.description, None);
        assert_eq!(titled.entries.len(), 2, "the source chose the stories");
        let unnamed = Topic::new(TopicKind::Tag, Key::from_name("hail").expect("key"));
        assert_eq!(unnamed.titled(index).title, "hail");
    }

    #[test]
    fn document_names_are_one_encoded_segment() {
        let topic = Topic::new(
            TopicKind::Section,
            Key::from_name("Économie & Société").expect("key"),
        );
        assert_eq!(
            topic.document_path(1),
            "section/%C3%A9conomie-soci%C3%A9t%C3%A9.json"
        );
        assert_eq!(topic.document_file(3), "section/économie-société-3.json");
        assert_eq!(
            Topic::new(TopicKind::Tag, Key::from_name("Rain").expect("key")).document_path(2),
            "tag/rain-2.json"
        );
    }
}
