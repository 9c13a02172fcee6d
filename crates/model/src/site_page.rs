//! Site pages (content format 1.2): the site's own About, Contact or Corrections pages, at
//! `content/pages/{slug}.json` and `/page/{slug}`, and the list of those the footer links.

use serde_json::Value;

use crate::article::{parse_article_value, Access, Article};
use crate::block::Block;
use crate::date::Timestamp;
use crate::document::parse_json;
use crate::language::LanguageTag;
use crate::problem::{Findings, JsonPath, Parsed, Problem, Rejected, Severity};
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
            seo_title: None,
            access: Access::Whole,
        }
    }
}

/// The article's fields that file, date or credit a story: a site page has none of them.
const STORY_FIELDS: [&str; 8] = [
    "section",
    "published",
    "authors",
    "tags",
    "image",
    "source",
    "comments",
    "related",
];

/// Parses and validates a site page document: refused, like an article, only when it is not
/// JSON or lacks a valid `slug`, a `title` or a non-empty `body`. A story's field (a section,
/// authors, an image block …) is a warning, in place of whatever its value's own problems are:
/// the page does not show it.
pub fn parse_site_page(json: &str) -> Result<Parsed<SitePage>, Rejected> {
    parse_site_page_value(&parse_json(json)?)
}

/// As [`parse_site_page`], for JSON that is already parsed.
pub fn parse_site_page_value(value: &Value) -> Result<Parsed<SitePage>, Rejected> {
    let parsed = parse_article_value(value)?;
    let present: Vec<&str> = STORY_FIELDS
        .into_iter()
        .filter(|field| value.get(field).is_some())
        .collect();
    let mut problems: Vec<Problem> = parsed
        .problems
        .into_iter()
        .filter(|problem| !present.iter().any(|field| is_within(&problem.path, field)))
        .collect();
    problems.extend(present.into_iter().map(|field| Problem {
        path: field.to_owned(),
        message: "is a story's field: a site page does not show it".to_owned(),
        severity: Severity::Warning,
    }));
    Ok(Parsed {
        document: SitePage::of_article(parsed.document),
        problems,
    })
}

/// Whether the JSON path `path` is `field` or lies inside it (`image.alt`, `authors[0]`).
fn is_within(path: &str, field: &str) -> bool {
    path.strip_prefix(field)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
}

/// A site page as the footer links it: its slug and the title the link reads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageLink {
    pub slug: Slug,
    pub title: String,
}

/// The footer's pages a feed index lists (its optional `pages`, content format 1.2), in order,
/// with what is wrong with them: each needs a valid slug and a title; one without is left out
/// and reported, and so is a repeated slug. None for an index that is not a JSON object (which
/// [`crate::parse_feed_index`] reports).
///
/// Read apart from the rest of the index, by the build and the checker only: the app reads
/// the page setting [`crate::FOOTER_PAGES_META`] (see [`parse_page_links`]), so its reading of
/// the index, on every first page, carries none of this.
pub fn parse_footer_pages(index_json: &str) -> Parsed<Vec<PageLink>> {
    let mut findings = Findings::default();
    let value = serde_json::from_str::<Value>(index_json).unwrap_or(Value::Null);
    let links = match value.get("pages") {
        Some(_) => Fields::of(&value, JsonPath::default(), &mut findings)
            .and_then(|fields| {
                let items = fields.array("pages", &mut findings)?;
                Some(page_links(
                    items,
                    &fields.path.field("pages"),
                    &mut findings,
                ))
            })
            .unwrap_or_default(),
        None => Vec::new(),
    };
    Parsed {
        document: links,
        problems: findings.problems,
    }
}

fn page_links(items: &[Value], path: &JsonPath, findings: &mut Findings) -> Vec<PageLink> {
    usable_links(items, |idx, is_repeat| {
        let item = path.index(idx);
        if is_repeat {
            findings.warn(
                &item.field("slug"),
                "is listed twice; only the first is linked",
            );
        } else {
            findings.error(&item, "needs a valid slug and a title: it is left out");
        }
    })
}

/// The footer's pages from the page setting [`crate::FOOTER_PAGES_META`]: the same JSON array
/// as the index's `pages`. Anything unusable is left out; a value that is not JSON gives none.
pub fn parse_page_links(setting: &str) -> Vec<PageLink> {
    match serde_json::from_str::<Value>(setting) {
        Ok(Value::Array(items)) => usable_links(&items, |_, _| {}),
        _ => Vec::new(),
    }
}

/// The links of `items` the footer can show, in order: each with a valid slug and a title that
/// is not blank, and a slug listed once. `left_out` hears of each other item: its position, and
/// whether it only repeats a slug. (The app reads the setting with this and nothing more: no
/// paths or messages in every reader's wasm.)
fn usable_links(items: &[Value], mut left_out: impl FnMut(usize, bool)) -> Vec<PageLink> {
    let mut links: Vec<PageLink> = Vec::new();
    for (idx, item) in items.iter().enumerate() {
        match page_link(item) {
            Some(link) if links.iter().any(|listed| listed.slug == link.slug) => {
                left_out(idx, true)
            }
            Some(link) => links.push(link),
            None => left_out(idx, false),
        }
    }
    links
}

/// One of the footer's pages: a valid slug and a title that is not blank, else `None`.
fn page_link(item: &Value) -> Option<PageLink> {
    let title = item.get("title")?.as_str()?;
    let slug = Slug::parse(item.get("slug")?.as_str()?)?;
    (!title.trim().is_empty()).then(|| PageLink {
        slug,
        title: title.to_owned(),
    })
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
    fn a_storys_field_on_a_site_page_is_one_warning_in_place_of_its_problems() {
        let json = r#"{"slug": "about", "title": "About us", "section": "World",
            "image": {"src": "javascript:alert(1)"}, "comments": false,
            "body": [{"type": "paragraph", "text": "We report."}]}"#;
        let problems = parse_site_page(json).expect("page").problems;
        let read: Vec<(&str, Severity)> = problems
            .iter()
            .map(|problem| (problem.path.as_str(), problem.severity))
            .collect();
        assert_eq!(
            read,
            [
                ("section", Severity::Warning),
                ("image", Severity::Warning),
                ("comments", Severity::Warning)
            ]
        );
        assert_eq!(
            problems[0].message,
            "is a story's field: a site page does not show it"
        );
    }

    #[test]
    fn a_site_page_with_only_a_pages_fields_has_no_problems() {
        let json = r#"{"slug": "about", "title": "About us", "summary": "Who we are",
            "updated": "2026-01-02T03:04:05Z", "language": "en",
            "body": [{"type": "paragraph", "text": "We report."}]}"#;
        assert_eq!(parse_site_page(json).expect("page").problems, vec![]);
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

    #[test]
    fn the_indexs_footer_pages_are_read_with_the_path_of_each_problem() {
        let footer = parse_footer_pages(
            r#"{"title": "News", "articles": [], "pages": [{"slug": "about", "title": "About us"},
                {"slug": "contact"}, {"slug": "about", "title": "Again"}]}"#,
        );
        let slugs: Vec<&str> = footer
            .document
            .iter()
            .map(|page| page.slug.as_str())
            .collect();
        assert_eq!(slugs, ["about"]);
        let problems: Vec<(&str, Severity)> = footer
            .problems
            .iter()
            .map(|problem| (problem.path.as_str(), problem.severity))
            .collect();
        assert_eq!(
            problems,
            [
                ("pages[1]", Severity::Error),
                ("pages[2].slug", Severity::Warning)
            ]
        );
    }

    #[test]
    fn an_index_without_footer_pages_has_none_and_no_problem() {
        for index in [r#"{"title": "News", "articles": []}"#, "not json", "[]"] {
            let footer = parse_footer_pages(index);
            assert_eq!(footer.document, vec![]);
            assert_eq!(footer.problems, vec![]);
        }
        let footer = parse_footer_pages(r#"{"title": "News", "articles": [], "pages": "about"}"#);
        assert_eq!(footer.document, vec![]);
        assert_eq!(footer.problems.len(), 1);
    }
}
