//! The related stories under each article's page, picked from the first index page as the app
//! picks them, and a fingerprint of what the list shows, which tells a rebuild whether an
//! unchanged article's page must be drawn again.

use news_model::feed_index_to_json;
use news_model::related::{related_stories, RelatedBy};
use news_model::{FeedEntry, FeedIndex};

use crate::manifest::fingerprint;

/// The first index page's stories, newest first, each with the fingerprint of how a related
/// list draws it. A rebuild fingerprints every article's list; the stories are serialised
/// once here rather than once for each article that lists them.
pub(super) struct RelatedLists {
    newest_first: Vec<FeedEntry>,
    fingerprints: Vec<u64>,
}

impl RelatedLists {
    pub(super) fn new(newest_first: Vec<FeedEntry>) -> RelatedLists {
        let fingerprints = newest_first.iter().map(entry_fingerprint).collect();
        RelatedLists {
            newest_first,
            fingerprints,
        }
    }

    /// The related stories a page picked by `by` lists.
    pub(super) fn of(&self, by: &RelatedBy) -> Vec<FeedEntry> {
        self.picked(by)
            .into_iter()
            .map(|position| self.newest_first[position].clone())
            .collect()
    }

    /// A fingerprint of what a page picked by `by` shows of its related stories: which
    /// stories, in which order, with every field the list can draw.
    pub(super) fn fingerprint(&self, by: &RelatedBy) -> u64 {
        let parts: Vec<[u8; 8]> = self
            .picked(by)
            .into_iter()
            .map(|position| self.fingerprints[position].to_le_bytes())
            .collect();
        fingerprint(parts.iter().map(|part| &part[..]))
    }

    /// The positions in the first page of the stories picked by `by`, in the list's order.
    fn picked(&self, by: &RelatedBy) -> Vec<usize> {
        let entries: Vec<&FeedEntry> = self.newest_first.iter().collect();
        related_stories(by, &entries)
            .into_iter()
            .filter_map(|picked| {
                entries
                    .iter()
                    .position(|entry| std::ptr::eq(*entry, picked))
            })
            .collect()
    }
}

/// The fingerprint of one story as the index format writes it.
fn entry_fingerprint(entry: &FeedEntry) -> u64 {
    let alone = FeedIndex {
        title: String::new(),
        description: None,
        entries: vec![entry.clone()],
        next: None,
        language: None,
    };
    fingerprint([feed_index_to_json(&alone).to_string().as_bytes()])
}

#[cfg(test)]
mod tests {
    use super::*;
    use news_model::{parse_feed_index, Slug};

    fn lists(json: &str) -> RelatedLists {
        let index = parse_feed_index(json).expect("index").document;
        RelatedLists::new(index.entries)
    }

    fn by(slug: &str, section: &str) -> RelatedBy {
        RelatedBy {
            slug: Slug::parse(slug).expect("slug"),
            related: Vec::new(),
            section: Some(section.to_owned()),
            tags: Vec::new(),
        }
    }

    const INDEX: &str = r#"{"title":"T","articles":[
        {"slug":"a","title":"A","section":"World","published":"2026-01-03T00:00:00Z"},
        {"slug":"b","title":"B","section":"World","published":"2026-01-02T00:00:00Z"},
        {"slug":"c","title":"C","section":"Sport","published":"2026-01-01T00:00:00Z"}]}"#;

    #[test]
    fn picks_as_the_app_does() {
        let lists = lists(INDEX);
        let titles: Vec<String> = lists
            .of(&by("c", "World"))
            .into_iter()
            .map(|entry| entry.title)
            .collect();
        assert_eq!(titles, ["A", "B"]);
        assert!(lists.of(&by("c", "Culture")).is_empty());
    }

    #[test]
    fn the_fingerprint_follows_what_the_list_shows() {
        let before = lists(INDEX);
        let world = by("c", "World");
        // Another article with the same list: the same fingerprint.
        assert_eq!(
            before.fingerprint(&world),
            before.fingerprint(&by("d", "World"))
        );
        // Another list, an empty one, and a listed story retitled: each differs.
        assert_ne!(
            before.fingerprint(&world),
            before.fingerprint(&by("a", "World"))
        );
        assert_ne!(
            before.fingerprint(&world),
            before.fingerprint(&by("c", "Culture"))
        );
        let retitled = lists(&INDEX.replace(r#""title":"B""#, r#""title":"B, updated""#));
        assert_ne!(before.fingerprint(&world), retitled.fingerprint(&world));
        // A story the list does not show changes nothing.
        let other = lists(&INDEX.replace(r#""title":"C""#, r#""title":"C, updated""#));
        assert_eq!(before.fingerprint(&world), other.fingerprint(&world));
    }
}
