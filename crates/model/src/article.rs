//! An article document (`content/articles/{slug}.json`).

use serde_json::Value;

use crate::block::{read_body, Block};
use crate::date::Timestamp;
use crate::document::{finish, parse_json, read_slug};
use crate::image::{read_image, Image};
use crate::language::{read_language, LanguageTag};
use crate::link::Link;
use crate::problem::{quoted, Findings, JsonPath, Parsed, Rejected};
use crate::reader::Fields;
use crate::slug::Slug;

/// Where the story came from. Shown only when there is a name or a link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    /// The name to show; the URL itself when the content gives only a URL.
    pub name: String,
    pub link: Option<Link>,
}

/// How much of the story an article's body is (content format 1.2 `access`). A preview is
/// never passed off as the whole story: the page says where the rest is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Access {
    /// The whole story (no `access`).
    #[default]
    Whole,
    /// `"access": "members"`: only what the publisher shows everyone (a free preview, or, read
    /// live from a source, nothing); the rest is for the publisher's members, at the source's
    /// link, which such an article always has.
    Members,
    /// Nothing of it: the story is protected by a password at its source (a WordPress post
    /// read live), and read there, at the source's link. Not a value of the format: a document
    /// has a body.
    Password,
}

/// One news story, ready to render.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Article {
    pub slug: Slug,
    pub title: String,
    pub section: Option<String>,
    pub summary: Option<String>,
    pub published: Option<Timestamp>,
    pub updated: Option<Timestamp>,
    pub authors: Vec<String>,
    pub tags: Vec<String>,
    pub image: Option<Image>,
    pub body: Vec<Block>,
    pub source: Option<Source>,
    /// False when the article sets `"comments": false`.
    pub has_comments: bool,
    /// Content format 1.1: up to [`MAX_RELATED`] other stories to show under this one.
    pub related: Vec<Slug>,
    /// Content format 1.2: the story's own language, when it differs from the site's; `None`
    /// (absent or invalid) means the site's language. The article's element carries it as
    /// `lang`, with `dir` from [`LanguageTag::direction`].
    pub language: Option<LanguageTag>,
    /// Content format 1.2 `seo.title`: the page's whole title as the publisher wrote it for
    /// search engines and the browser's tab (Ghost's `meta_title`, Yoast's title); `None`
    /// means "{title} – {site}". The other `seo` fields only the build reads
    /// ([`crate::parse_article_with_seo`]), so the app's wasm holds none of their code.
    pub seo_title: Option<String>,
    /// Content format 1.2 `access`: whether the body is the whole story.
    pub access: Access,
}

/// The most related stories an article may name.
pub const MAX_RELATED: usize = 6;

/// Parses and validates an article document.
///
/// The article is refused only when it is not JSON or lacks a valid `slug`, a `title` or a
/// non-empty `body`; every other fault leaves out just the faulty part and is reported.
pub fn parse_article(json: &str) -> Result<Parsed<Article>, Rejected> {
    let value = parse_json(json)?;
    parse_article_value(&value)
}

/// As [`parse_article`], for JSON that is already parsed.
pub fn parse_article_value(value: &Value) -> Result<Parsed<Article>, Rejected> {
    let mut findings = Findings::default();
    let article = read_article(value, &mut findings);
    finish(article, findings)
}

fn read_article(value: &Value, findings: &mut Findings) -> Option<Article> {
    let fields = Fields::of(value, JsonPath::default(), findings)?;
    let slug = read_slug(&fields, findings);
    let title = fields.required_text("title", findings);
    let body = read_required_body(&fields, findings);
    let image = fields
        .get("image")
        .and_then(|image| read_image(image, fields.path.field("image"), findings));
    let source = read_source(&fields, findings);
    let access = read_access(&fields, source.as_ref(), findings);
    Some(Article {
        title: title?,
        section: fields.text("section", findings),
        summary: fields.text("summary", findings),
        published: fields.date("published", findings),
        updated: fields.date("updated", findings),
        authors: fields.texts("authors", findings),
        tags: fields.texts("tags", findings),
        image,
        body: body?,
        seo_title: read_seo_title(&fields, findings),
        access: access?,
        source,
        has_comments: fields.flag("comments", findings).unwrap_or(true),
        related: read_related(&fields, slug.as_ref(), findings),
        language: read_language(&fields, findings),
        slug: slug?,
    })
}

/// Reads `related`: valid slugs other than the article's own, each once, at most
/// [`MAX_RELATED`]; the rest is left out and reported.
fn read_related(fields: &Fields<'_>, own: Option<&Slug>, findings: &mut Findings) -> Vec<Slug> {
    let path = fields.path.field("related");
    let mut related: Vec<Slug> = Vec::new();
    for (idx, text) in fields.texts("related", findings).iter().enumerate() {
        match Slug::parse(text) {
            Some(slug) if Some(&slug) == own || related.contains(&slug) => findings.warn(
                &path.index(idx),
                format!(
                    "{} is this article or already listed; left out",
                    quoted(text)
                ),
            ),
            Some(slug) => related.push(slug),
            None => findings.error(
                &path.index(idx),
                format!("{} is not a valid slug; left out", quoted(text)),
            ),
        }
    }
    if related.len() > MAX_RELATED {
        findings.warn(
            &path,
            format!(
                "names {} stories; only the first {MAX_RELATED} are shown",
                related.len()
            ),
        );
        related.truncate(MAX_RELATED);
    }
    related
}

/// Reads `access`. A story for members needs a link to where its members read it: without
/// one the document is refused, since its preview would pass for the whole story or leave the
/// reader nowhere to go. A value other than `members` is an error and read as `members`, the
/// side that never passes a part off as the whole.
fn read_access(
    fields: &Fields<'_>,
    source: Option<&Source>,
    findings: &mut Findings,
) -> Option<Access> {
    let Some(value) = fields.get("access") else {
        return Some(Access::Whole);
    };
    if value.as_str() != Some("members") {
        findings.error(
            &fields.path.field("access"),
            "must be \"members\" (the only value); read as \"members\"",
        );
    }
    if source.and_then(|source| source.link.as_ref()).is_none() {
        findings.error(
            &fields.path.field("source").field("url"),
            "is required for a story for members: the link where they read the rest",
        );
        return None;
    }
    Some(Access::Members)
}

/// Reads `seo.title`, the one `seo` field the app shows (in the tab's title).
fn read_seo_title(fields: &Fields<'_>, findings: &mut Findings) -> Option<String> {
    let seo = Fields::of(fields.get("seo")?, fields.path.field("seo"), findings)?;
    seo.text("title", findings)
}

fn read_required_body(fields: &Fields<'_>, findings: &mut Findings) -> Option<Vec<Block>> {
    let path = fields.path.field("body");
    let Some(items) = fields.array("body", findings) else {
        if !fields.has("body") {
            findings.error(&path, "is required");
        }
        return None;
    };
    if items.is_empty() {
        findings.error(&path, "must have at least one block");
        return None;
    }
    Some(read_body(items, &path, findings))
}

fn read_source(fields: &Fields<'_>, findings: &mut Findings) -> Option<Source> {
    let source = Fields::of(fields.get("source")?, fields.path.field("source"), findings)?;
    let name = source.text("name", findings);
    let link = source.link("url", findings);
    // The seed page printed an empty "Source –" line; a source with nothing to show is dropped.
    let name = name.or_else(|| link.as_ref().map(Link::to_string))?;
    Some(Source { name, link })
}
