//! The sections, tags and authors of a site, each with its stories: what the build writes an
//! index document and a page for.

use std::collections::HashMap;

use news_model::topic::{Topic, TopicKind};
use news_model::{FeedEntry, FeedIndex, Key, Link};

/// How many stories one index document of a topic lists (like the imported index).
pub const STORIES_PER_DOCUMENT: usize = 50;

/// One section, tag or author: its name (as its newest story writes it) and its stories, newest
/// first.
pub struct TopicStories {
    pub topic: Topic,
    pub name: String,
    pub entries: Vec<FeedEntry>,
}

impl TopicStories {
    /// The topic's index documents: pages of [`STORIES_PER_DOCUMENT`], each linking the next
    /// and described by `story_count` (all its stories, in the site's language: "60 stories").
    pub fn documents(&self, story_count: &str) -> Vec<FeedIndex> {
        let chunks: Vec<&[FeedEntry]> = self.entries.chunks(STORIES_PER_DOCUMENT).collect();
        let n_pages = chunks.len();
        chunks
            .into_iter()
            .enumerate()
            .map(|(idx, chunk)| FeedIndex {
                title: self.name.clone(),
                description: Some(story_count.to_owned()),
                entries: chunk.to_vec(),
                next: (idx + 1 < n_pages)
                    .then(|| Link::parse(&self.topic.document_name(idx + 2)).ok())
                    .flatten(),
                language: None,
            })
            .collect()
    }
}

/// Every section, tag and author of `newest_first` (a whole index, newest first), in first-seen
/// order. Names whose key is empty, or too long for a file name, have no page.
pub fn topics<'a>(newest_first: impl IntoIterator<Item = &'a FeedEntry>) -> Vec<TopicStories> {
    let mut order: Vec<Topic> = Vec::new();
    let mut gathered: HashMap<Topic, TopicStories> = HashMap::new();
    for entry in newest_first {
        let names = TopicKind::ALL
            .into_iter()
            .flat_map(|kind| kind.names(entry).iter().map(move |name| (kind, name)));
        let mut seen_here: Vec<Topic> = Vec::new();
        for (kind, name) in names {
            let Some(key) = Key::from_name(name).filter(Key::has_page) else {
                continue;
            };
            let topic = Topic::new(kind, key);
            // Two tags of one story with the same key list it once.
            if seen_here.contains(&topic) {
                continue;
            }
            seen_here.push(topic.clone());
            gathered
                .entry(topic.clone())
                .or_insert_with(|| {
                    order.push(topic.clone());
                    TopicStories {
                        topic,
                        name: name.clone(),
                        entries: Vec::new(),
                    }
                })
                .entries
                .push(entry.clone());
        }
    }
    order
        .into_iter()
        .filter_map(|topic| gathered.remove(&topic))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stories_gather_under_each_section_and_tag_key_and_page_by_fifty() {
        let articles: Vec<_> = (0..60)
            .map(|n| {
                serde_json::json!({"slug": format!("s-{n}"), "title": format!("S {n}"),
                    "section": if n % 2 == 0 { "Middle East" } else { "middle-east" },
                    "tags": ["Rain", "rain", "!!!", "a".repeat(300)]})
            })
            .collect();
        let json = serde_json::json!({"title": "T", "articles": articles});
        let index = news_model::parse_feed_index(&json.to_string())
            .expect("index")
            .document;
        let found = topics(&index.entries);
        let names: Vec<(&str, usize)> = found
            .iter()
            .map(|t| (t.name.as_str(), t.entries.len()))
            .collect();
        assert_eq!(names, [("Middle East", 60), ("Rain", 60)]);
        let documents = found[0].documents("60 stories");
        assert_eq!(documents.len(), 2);
        assert_eq!(documents[0].entries.len(), 50);
        assert_eq!(
            documents[0].next.as_ref().map(Link::as_str),
            Some("middle-east-2.json")
        );
        assert_eq!(documents[1].next, None);
        assert_eq!(documents[1].description.as_deref(), Some("60 stories"));
    }

    #[test]
    fn each_author_of_a_story_lists_it_once_on_their_page() {
        let json = serde_json::json!({"title": "T", "articles": [
            {"slug": "a", "title": "A"}, {"slug": "b", "title": "B"}, {"slug": "c", "title": "C"},
        ]});
        let mut index = news_model::parse_feed_index(&json.to_string())
            .expect("index")
            .document;
        let names = [
            vec!["Ana Ruiz", "Bo Chen", "ana ruiz"],
            vec!["Bo Chen"],
            vec!["<b>Cy</b>"],
        ];
        for (entry, authors) in index.entries.iter_mut().zip(names) {
            entry.authors = authors.into_iter().map(str::to_owned).collect();
        }
        let found: Vec<(String, String, usize)> = topics(&index.entries)
            .iter()
            .map(|t| (t.topic.route().path(), t.name.clone(), t.entries.len()))
            .collect();
        assert_eq!(
            found,
            [
                ("author/ana-ruiz".to_owned(), "Ana Ruiz".to_owned(), 1),
                ("author/bo-chen".to_owned(), "Bo Chen".to_owned(), 2),
                ("author/b-cy-b".to_owned(), "<b>Cy</b>".to_owned(), 1),
            ]
        );
    }
}
