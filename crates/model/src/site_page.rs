//! Site pages (content format 1.2): the site's own About, Contact or Corrections pages, at
//! `content/pages/{slug}.json` and `/page/{slug}`, and the list of those the footer links.

use serde_json::Value;

use crate::article::{parse_article, parse_article_value, Article};
use crate::block::Block;
use crate::date::Timestamp;
use crate::document::read_slug;
use crate::language::LanguageTag;
use crate::problem::{Findings, JsonPath, Parsed, Rejected};
use crate::reader::Fields;
use crate::slug::Slug;

/// One of the site's own pages: an article's slug, title, summary, update date, language and
/// body, and nothing that files or dates it as a story.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SitePage {
    pub slug: Slug,
    pub title: String,
    pub summary: Option<String>,
    pub updated: Option<Timestamp>,
    /// The page's own language, when it differs from the site's.
    pub language: Option<LanguageTag>,
    pub body: Vec<Block>,
}

impl SitePage {
    /// The page a document read as an article makes (a site page is an article without the
    /// story's fields, which are ignored): one parser for both keeps the app small.
    pub fn of_article(article: Article) -> SitePage {
        SitePage {
            slug: article.slug,
            title: article.title,
            summary: article.summary,
            updated: article.updated,
            language: article.language,
            body: article.body,
        }
    }
}

impl SitePage {
    /// The page as an article with only the page's fields, drawn by the article's view
    /// without a story's parts (one view for both keeps the app small).
    pub fn into_article(self) -> Article {
        Article {
            slug: self.slug,
            title: self.title,
            section: None,
            summary: self.summary,
            published: None,
            updated: self.updated,
            authors: Vec::new(),
            tags: Vec::new(),
            image: None,
            body: self.body,
            source: None,
            has_comments: false,
            related: Vec::new(),
            language: self.language,
        }
    }
}

/// Parses and validates a site page document: refused, like an article, only when it is not
/// JSON or lacks a valid `slug`, a `title` or a non-empty `body`.
pub fn parse_site_page(json: &str) -> Result<Parsed<SitePage>, Rejected> {
    parse_article(json).map(site_page_of)
}

/// As [`parse_site_page`], for JSON that is already parsed.
pub fn parse_site_page_value(value: &Value) -> Result<Parsed<SitePage>, Rejected> {
    parse_article_value(value).map(site_page_of)
}

fn site_page_of(parsed: Parsed<Article>) -> Parsed<SitePage> {
    Parsed {
        document: SitePage::of_article(parsed.document),
        problems: parsed.problems,
    }
}

/// A site page as the footer links it: its slug and the title the link reads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageLink {
    pub slug: Slug,
    pub title: String,
}

/// Reads the footer's pages from the array under `key` (the index's `pages`): each needs a
/// valid slug and a title; one without is left out and reported, and so is a repeated slug.
pub(crate) fn read_page_links(
    fields: &Fields<'_>,
    key: &str,
    findings: &mut Findings,
) -> Vec<PageLink> {
    match fields.array(key, findings) {
        Some(items) => page_links(items, &fields.path.field(key), findings),
        None => Vec::new(),
    }
}

fn page_links(items: &[Value], path: &JsonPath, findings: &mut Findings) -> Vec<PageLink> {
    let mut links: Vec<PageLink> = Vec::with_capacity(items.len());
    for (idx, item) in items.iter().enumerate() {
        let Some(link) = Fields::of(item, path.index(idx), findings).and_then(|link| {
            let slug = read_slug(&link, findings);
            let title = link.required_text("title", findings);
            Some(PageLink {
                slug: slug?,
                title: title?,
            })
        }) else {
            continue;
        };
        if links.iter().any(|listed| listed.slug == link.slug) {
            findings.warn(
                &path.index(idx).field("slug"),
                "is listed twice; only the first is linked",
            );
            continue;
        }
        links.push(link);
    }
    links
}

/// The footer's pages from the page setting [`crate::FOOTER_PAGES_META`]: the same JSON array
/// as the index's `pages`. Anything unusable is left out; a value that is not JSON gives none.
pub fn parse_page_links(setting: &str) -> Vec<PageLink> {
    match serde_json::from_str::<Value>(setting) {
        Ok(Value::Array(items)) => {
            page_links(&items, &JsonPath::default(), &mut Findings::default())
        }
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_site_page_keeps_the_pages_fields_and_ignores_a_storys() {
        let json = r#"{"slug": "about", "title": "About us", "summary": "Who we are",
            "updated": "2026-01-02T03:04:05Z", "section": "World", "tags": ["Rain"],
            "authors": ["Ana"], "body": [{"type": "paragraph", "text": "We report."}]}"#;
        let page = parse_site_page(json).expect("page").document;
        assert_eq!(page.slug.as_str(), "about");
        assert_eq!(page.title, "About us");
        assert_eq!(page.summary.as_deref(), Some("Who we are"));
        assert!(page.updated.is_some());
        assert_eq!(page.body.len(), 1);
    }

    #[test]
    fn a_site_page_without_a_body_is_refused() {
        assert!(parse_site_page(r#"{"slug": "about", "title": "About us"}"#).is_err());
        assert!(parse_site_page(r#"{"slug": "About", "title": "A", "body": []}"#).is_err());
    }

    #[test]
    fn footer_pages_keep_their_order_and_drop_what_is_unusable() {
        let links = parse_page_links(
            r#"[{"slug": "about", "title": "About us"}, {"slug": "Bad Slug", "title": "X"},
                {"slug": "contact"}, {"slug": "corrections", "title": "<b>Corrections</b>"},
                {"slug": "about", "title": "Again"}]"#,
        );
        let read: Vec<(&str, &str)> = links
            .iter()
            .map(|link| (link.slug.as_str(), link.title.as_str()))
            .collect();
        assert_eq!(
            read,
            [("about", "About us"), ("corrections", "<b>Corrections</b>")]
        );
        assert_eq!(parse_page_links("not json"), vec![]);
        assert_eq!(parse_page_links(r#"{"slug": "about"}"#), vec![]);
    }
}
