//! The stories listed under an article: the ones its editors named, else the newest sharing a
//! tag or its section. The app and the build pick them from the same list (the first page of
//! the index), so the prerendered page and the app show the same ones.

use crate::article::Article;
use crate::feed::{FeedEntry, StoryLink};
use crate::route::Key;
use crate::slug::Slug;

/// How many related stories are shown.
pub const RELATED_SHOWN: usize = 4;

/// What an article's related stories are picked by.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RelatedBy {
    pub slug: Slug,
    /// The editors' choice (content format 1.1 `related`), in their order.
    pub related: Vec<Slug>,
    pub section: Option<String>,
    pub tags: Vec<String>,
}

impl RelatedBy {
    pub fn of(article: &Article) -> RelatedBy {
        RelatedBy {
            slug: article.slug.clone(),
            related: article.related.clone(),
            section: article.section.clone(),
            tags: article.tags.clone(),
        }
    }
}

/// Up to [`RELATED_SHOWN`] stories of `newest_first` (a feed's entries, newest first) for the
/// article `by`: those its `related` names, in that order, when it names any that are listed;
/// else the newest that share its section or one of its tags (as their keys compare). Never
/// the article itself, never a story read on another site.
pub fn related_stories<'a>(by: &RelatedBy, newest_first: &[&'a FeedEntry]) -> Vec<&'a FeedEntry> {
    let slug_of = |entry: &FeedEntry| match &entry.story {
        StoryLink::Here(slug) => Some(slug.clone()),
        StoryLink::Elsewhere(_) => None,
    };
    let candidates = || {
        newest_first
            .iter()
            .copied()
            .filter(move |entry| slug_of(entry).is_some_and(|slug| slug != by.slug))
    };
    let named: Vec<&FeedEntry> = by
        .related
        .iter()
        .filter_map(|wanted| candidates().find(|entry| slug_of(entry).as_ref() == Some(wanted)))
        .take(RELATED_SHOWN)
        .collect();
    if !named.is_empty() {
        return named;
    }
    let keys = |section: &Option<String>, tags: &[String]| -> Vec<Key> {
        section
            .iter()
            .chain(tags)
            .filter_map(|name| Key::from_name(name))
            .collect()
    };
    let wanted = keys(&by.section, &by.tags);
    if wanted.is_empty() {
        return Vec::new();
    }
    candidates()
        .filter(|entry| {
            keys(&entry.section, &entry.tags)
                .iter()
                .any(|key| wanted.contains(key))
        })
        .take(RELATED_SHOWN)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse_feed_index;

    fn index() -> crate::FeedIndex {
        let entry = |slug: &str, section: &str, tags: &[&str], day: u32| {
            serde_json::json!({"slug": slug, "title": slug, "section": section, "tags": tags,
                "published": format!("2025-01-{day:02}T00:00:00Z")})
        };
        let json = serde_json::json!({"title": "T", "articles": [
            entry("old-rain", "Weather", &["Rain"], 1),
            entry("new-rain", "Weather", &[], 9),
            entry("vote", "Politics", &["Rain"], 5),
            entry("market", "Business", &[], 7),
            entry("me", "Weather", &["Rain"], 8),
            {"url": "https://elsewhere.example/rain", "title": "Elsewhere", "section": "Weather"},
        ]});
        parse_feed_index(&json.to_string()).expect("index").document
    }

    fn by(related: &[&str]) -> RelatedBy {
        RelatedBy {
            slug: Slug::parse("me").expect("slug"),
            related: related
                .iter()
                .filter_map(|slug| Slug::parse(slug))
                .collect(),
            section: Some("weather".to_owned()),
            tags: vec!["RAIN".to_owned()],
        }
    }

    fn titles(entries: Vec<&FeedEntry>) -> Vec<&str> {
        entries.iter().map(|entry| entry.title.as_str()).collect()
    }

    #[test]
    fn named_stories_come_first_in_their_order_when_listed() {
        let index = index();
        let newest = index.newest_first();
        assert_eq!(
            titles(related_stories(
                &by(&["market", "gone", "me", "old-rain"]),
                &newest
            )),
            ["market", "old-rain"],
            "unlisted and itself left out"
        );
    }

    #[test]
    fn otherwise_the_newest_sharing_a_section_or_tag_key() {
        let index = index();
        let newest = index.newest_first();
        assert_eq!(
            titles(related_stories(&by(&["gone"]), &newest)),
            ["new-rain", "vote", "old-rain"]
        );
        let nothing_shared = RelatedBy {
            section: None,
            tags: Vec::new(),
            ..by(&[])
        };
        assert!(related_stories(&nothing_shared, &newest).is_empty());
    }
}
