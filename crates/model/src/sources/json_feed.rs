//! JSON Feed 1.1 (and 1.0's `author`) onto the feed index and the articles: a feed carries
//! each story whole, so one answer gives both.

use std::collections::HashSet;

use serde_json::Value;

use super::value::{
    at, language_at, later_update, names_at, picture, plain_at, slug_from_url, source_at, text_at,
    web_link,
};
use super::{standfirst, Skipped, SourceArticle, SourcePage};
use crate::article::{Access, Article};
use crate::block::Block;
use crate::date::Timestamp;
use crate::feed::{FeedEntry, FeedIndex, StoryLink};
use crate::html::{blocks_from_html, without_controls, HtmlParser};
use crate::inline::Inline;
use crate::language::LanguageTag;
use crate::link::Link;
use crate::problem::quoted;
use crate::slug::Slug;

pub(super) fn read_feed(
    value: &Value,
    parser: &dyn HtmlParser,
    feed_url: &str,
) -> Result<SourcePage, super::SourceError> {
    let is_feed = text_at(value, &["version"])
        .is_some_and(|version| version.starts_with("https://jsonfeed.org/version/"));
    let items = at(value, &["items"]).and_then(Value::as_array);
    let (true, Some(items)) = (is_feed, items) else {
        return Err(super::SourceError::Unreadable(
            "a JSON Feed (with \"version\" and \"items\") was expected".into(),
        ));
    };
    let resolve = |raw: &str| {
        parser
            .join_url(feed_url, raw)
            .and_then(|url| web_link(&url))
    };
    let mut page = SourcePage {
        index: FeedIndex {
            title: plain_at(value, &["title"]).unwrap_or_else(|| "News".into()),
            description: plain_at(value, &["description"]),
            entries: Vec::new(),
            next: text_at(value, &["next_url"]).and_then(resolve),
            language: language_at(value, &["language"]),
        },
        articles: Vec::new(),
        skipped: Vec::new(),
    };
    let mut seen = HashSet::new();
    for item in items {
        let url = text_at(item, &["url"]).and_then(resolve);
        let story = url
            .as_ref()
            .map(ToString::to_string)
            .or_else(|| plain_at(item, &["id"]))
            .unwrap_or_else(|| "an item".into());
        let Some(url) = url else {
            page.skipped.push(Skipped {
                story,
                reason: "it has no web address (url) to name it by".into(),
            });
            continue;
        };
        // An item whose address gives no slug, or that carries only a summary (the rest is on
        // the publisher's page), is listed, linking to its own page: never shown as a story.
        let slug = slug_from_url(url.as_str()).filter(|_| has_content(item));
        let Some(slug) = slug else {
            match elsewhere_entry(item, url) {
                Some(entry) => page.index.entries.push(FeedEntry {
                    language: own_language(item, page.index.language.as_ref()),
                    ..entry
                }),
                None => page.skipped.push(Skipped {
                    story,
                    reason: "it has no title".into(),
                }),
            }
            continue;
        };
        let read = read_item(item, parser, url, slug, &resolve).map(|mut mapped| {
            mapped.article.language = own_language(item, page.index.language.as_ref());
            mapped
        });
        match read {
            Ok(mut mapped) if seen.insert(mapped.article.slug.clone()) => {
                page.index.entries.push(entry_of(&mapped.article));
                // The list keeps the summary; the story shows it only if it is not the body's
                // start (a feed's summary is often its first sentence).
                mapped.article.summary =
                    standfirst(mapped.article.summary.take(), &mapped.article.body);
                page.articles.push(mapped);
            }
            Ok(mapped) => page.skipped.push(Skipped {
                story,
                reason: format!(
                    "its slug {} is already used by another item",
                    quoted(mapped.article.slug.as_str())
                ),
            }),
            Err(reason) => page.skipped.push(Skipped { story, reason }),
        }
    }
    Ok(page)
}

/// An item's `language` when it differs from the feed's (JSON Feed 1.1): a story in another
/// language than the site.
fn own_language(item: &Value, feed_language: Option<&LanguageTag>) -> Option<LanguageTag> {
    language_at(item, &["language"]).filter(|tag| Some(tag) != feed_language)
}

/// Whether an item carries its story (`content_html` or `content_text`), not a summary alone.
fn has_content(item: &Value) -> bool {
    ["content_html", "content_text"]
        .iter()
        .any(|field| text_at(item, &[field]).is_some_and(|text| !text.trim().is_empty()))
}

/// An item with a usable address and slug, as a whole story.
fn read_item(
    item: &Value,
    parser: &dyn HtmlParser,
    url: Link,
    slug: Slug,
    resolve: &dyn Fn(&str) -> Option<Link>,
) -> Result<SourceArticle, String> {
    let (body, dropped) = match (
        text_at(item, &["content_html"]),
        plain_at(item, &["content_text"]),
    ) {
        (Some(html), _) if !html.trim().is_empty() => {
            let mapped = blocks_from_html(parser, html, url.as_str());
            (mapped.blocks, mapped.dropped)
        }
        (_, Some(text)) => (
            text.split("\n\n")
                .map(str::trim)
                .filter(|paragraph| !paragraph.is_empty())
                .map(|paragraph| Block::Paragraph(Inline::plain(paragraph)))
                .collect(),
            Vec::new(),
        ),
        _ => (Vec::new(), Vec::new()),
    };
    if body.is_empty() {
        return Err("its content maps to nothing this site can show".into());
    }
    // JSON Feed titles are plain text.
    let title = plain_at(item, &["title"]).ok_or("it has no title")?;
    let published = text_at(item, &["date_published"]).and_then(Timestamp::parse);
    let updated = later_update(
        published.as_ref(),
        text_at(item, &["date_modified"]).and_then(Timestamp::parse),
        0,
    );
    let authors = names(item);
    let tags: Vec<String> = at(item, &["tags"])
        .and_then(Value::as_array)
        .map(|tags| {
            tags.iter()
                .filter_map(Value::as_str)
                .map(|tag| without_controls(tag).trim().to_owned())
                .filter(|tag| !tag.is_empty())
                .collect()
        })
        .unwrap_or_default();
    let image = ["image", "banner_image"]
        .into_iter()
        .find_map(|field| text_at(item, &[field]))
        .and_then(resolve)
        .and_then(|src| picture(src.as_str(), None, None, None, Vec::new()));
    let source_link = text_at(item, &["external_url"])
        .and_then(resolve)
        .unwrap_or(url);
    let article = Article {
        slug,
        title,
        section: None,
        summary: plain_at(item, &["summary"]),
        published,
        updated,
        authors,
        tags,
        image,
        body,
        source: Some(source_at(source_link)),
        has_comments: true,
        related: Vec::new(),
        language: None,
        seo_title: None,
        access: Access::Whole,
    };
    Ok(SourceArticle { article, dropped })
}

/// The item's authors: JSON Feed 1.1's `authors`, else 1.0's `author`.
fn names(item: &Value) -> Vec<String> {
    let mut authors = names_at(item, &["authors"]);
    if authors.is_empty() {
        authors.extend(plain_at(item, &["author", "name"]));
    }
    authors
}

/// A feed entry that links to the item's own page: its title, summary and date.
fn elsewhere_entry(item: &Value, url: Link) -> Option<FeedEntry> {
    Some(FeedEntry {
        story: StoryLink::Elsewhere(url),
        title: plain_at(item, &["title"])?,
        summary: plain_at(item, &["summary"]),
        published: text_at(item, &["date_published"]).and_then(Timestamp::parse),
        section: None,
        tags: Vec::new(),
        authors: names(item),
        image: None,
        language: None,
    })
}

fn entry_of(article: &Article) -> FeedEntry {
    FeedEntry {
        story: StoryLink::Here(article.slug.clone()),
        title: article.title.clone(),
        summary: article.summary.clone(),
        published: article.published.clone(),
        section: article.section.clone(),
        tags: article.tags.clone(),
        authors: article.authors.clone(),
        image: article.image.clone(),
        language: article.language.clone(),
    }
}
