//! Ghost Content API (`/ghost/api/content/posts/`) onto the feed index and the article.

use serde_json::Value;

use super::value::{
    at, has_key, html_text_at, later_update, names_at, picture, plain_at, source_at, text_at,
    web_link,
};
use super::{standfirst, Detail, SourceArticle, SourceError, SourcePage};
use crate::article::{Access, Article};
use crate::date::Timestamp;
use crate::feed::{FeedEntry, StoryLink};
use crate::html::{blocks_from_html, HtmlParser};
use crate::image::{Image, ImageSource};
use crate::problem::quoted;
use crate::route::{percent_encode, Key};
use crate::seo::{Preview, Seo};
use crate::slug::Slug;
use crate::topic::TopicKind;

const INCLUDE: &str = "include=tags,authors";

/// The widths Ghost resizes its own uploads to on request (`/content/images/size/w600/…`).
const GHOST_WIDTHS: [u32; 4] = [600, 1000, 1600, 2000];

pub(super) fn posts_url(site: &str, key: &str, query: &str) -> String {
    format!(
        "{site}ghost/api/content/posts/?key={}&{INCLUDE}&{query}",
        percent_encode(key)
    )
}

/// `posts` with the query `query` alone: no tags or authors (a listing of ids needs none).
pub(super) fn listing_url(site: &str, key: &str, query: &str) -> String {
    format!(
        "{site}ghost/api/content/posts/?key={}&{query}",
        percent_encode(key)
    )
}

pub(super) fn post_url(site: &str, key: &str, slug: &Slug) -> String {
    format!(
        "{site}ghost/api/content/posts/slug/{slug}/?key={}&{INCLUDE}",
        percent_encode(key)
    )
}

/// Ghost's tags (sections are primary tags) or authors.
#[derive(Clone, Copy)]
pub(super) enum TermCollection {
    Tags,
    Authors,
}

impl TermCollection {
    pub(super) fn of(kind: TopicKind) -> TermCollection {
        match kind {
            TopicKind::Section | TopicKind::Tag => TermCollection::Tags,
            TopicKind::Author => TermCollection::Authors,
        }
    }

    fn name(self) -> &'static str {
        match self {
            TermCollection::Tags => "tags",
            TermCollection::Authors => "authors",
        }
    }
}

/// A Ghost slug: lower-case ASCII letters, digits, `-` and `_`, at most 191 bytes (Ghost's
/// own slugs and its slug column's size; nothing else is put in a filter).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GhostSlug(String);

impl GhostSlug {
    fn parse(text: &str) -> Option<GhostSlug> {
        let is_slug = !text.is_empty()
            && text.len() <= 191
            && text
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
        is_slug.then(|| GhostSlug(text.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The tags or authors whose names contain `word` (letters and digits only, as a key's are),
/// with their names and slugs.
pub(super) fn names_url(site: &str, key: &str, collection: TermCollection, word: &str) -> String {
    format!(
        "{site}ghost/api/content/{}/?key={}&fields=name,slug&limit=100&filter={}",
        collection.name(),
        percent_encode(key),
        percent_encode(&format!("name:~'{word}'"))
    )
}

/// The slug of the tag or author in `value` (an answer at [`names_url`]) whose name, as text,
/// has `key`.
pub(super) fn term_slug(
    value: &Value,
    collection: TermCollection,
    key: &Key,
    parser: &dyn HtmlParser,
) -> Option<GhostSlug> {
    at(value, &[collection.name()])?
        .as_array()?
        .iter()
        .find(|term| has_key(term, key, parser))
        .and_then(|term| GhostSlug::parse(text_at(term, &["slug"])?))
}

/// Ghost's own pages (About, Contact) with the query `query`.
pub(super) fn pages_url(site: &str, key: &str, query: &str) -> String {
    format!(
        "{site}ghost/api/content/pages/?key={}&{INCLUDE}&{query}",
        percent_encode(key)
    )
}

pub(super) fn page_url(site: &str, key: &str, slug: &Slug) -> String {
    format!(
        "{site}ghost/api/content/pages/slug/{slug}/?key={}&{INCLUDE}",
        percent_encode(key)
    )
}

/// The NQL filter for posts whose title contains `query` (quotes and backslashes escaped, so
/// the reader's text stays one string value).
pub(super) fn title_contains(query: &str) -> String {
    let escaped = query.replace('\\', "\\\\").replace('\'', "\\'");
    format!("title:~'{escaped}'")
}

/// `meta.pagination.next`: the next page's number, if there is one.
pub(super) fn next_page(value: &Value) -> Option<u32> {
    at(value, &["meta", "pagination", "next"])?
        .as_u64()
        .and_then(|page| u32::try_from(page).ok())
}

/// The posts of an answer, or its pages: Ghost answers `pages/` in the same shape.
pub(super) fn posts(value: &Value) -> Result<&Vec<Value>, SourceError> {
    at(value, &["posts"])
        .or_else(|| at(value, &["pages"]))
        .and_then(Value::as_array)
        .ok_or_else(|| {
            SourceError::Unreadable("an object with a list of posts was expected".into())
        })
}

pub(super) fn read_posts(
    value: &Value,
    parser: &dyn HtmlParser,
    site_name: &str,
    detail: Detail,
) -> Result<SourcePage, SourceError> {
    Ok(SourcePage::of_posts(
        posts(value)?,
        site_name,
        detail,
        "url",
        |post| entry(post, parser),
        |post| article(post, parser),
    ))
}

pub(super) fn read_single(
    value: &Value,
    parser: &dyn HtmlParser,
) -> Result<SourceArticle, SourceError> {
    let post = posts(value)?.first().ok_or(SourceError::NotFound)?;
    article(post, parser)
}

fn entry(post: &Value, parser: &dyn HtmlParser) -> Result<FeedEntry, String> {
    // Listed, a story for members of which Ghost sends no free preview would only say so:
    // left out, as the import leaves it. One with a preview is listed, and says the rest is
    // for members.
    if !is_whole(post) && !has_preview(post) {
        return Err(NO_PREVIEW.into());
    }
    Ok(FeedEntry {
        story: StoryLink::Here(slug_of(post)?),
        title: plain_at(post, &["title"]).ok_or("it has no title")?,
        summary: summary(post),
        published: date(post, "published_at"),
        section: section(post),
        tags: tags(post),
        authors: names_at(post, &["authors"]),
        image: feature_image(post, parser),
        language: None,
    })
}

fn article(post: &Value, parser: &dyn HtmlParser) -> Result<SourceArticle, SourceError> {
    let slug = slug_of(post).map_err(SourceError::Unreadable)?;
    let title = plain_at(post, &["title"])
        .ok_or_else(|| SourceError::Unreadable("the post has no title".into()))?;
    let link = text_at(post, &["url"]).and_then(web_link);
    let base = link.as_ref().map_or("about:blank", |link| link.as_str());
    let html = text_at(post, &["html"]).unwrap_or_default();
    let mapped = blocks_from_html(parser, html, base);
    // For a paid or members-only post Ghost sends an anonymous reader its free preview, if
    // any (the text before the paywall card), with `access: false`: never the whole story,
    // and the page says where the rest is.
    let access = if is_whole(post) {
        Access::Whole
    } else if link.is_some() {
        Access::Members
    } else {
        return Err(SourceError::Unreadable(
            "the post is for members and has no address (url) where they read it".into(),
        ));
    };
    if access == Access::Whole && mapped.blocks.is_empty() {
        return Err(SourceError::Empty);
    }
    let published = date(post, "published_at");
    let updated = later_update(published.as_ref(), date(post, "updated_at"), 60);
    let authors = names_at(post, &["authors"]);
    Ok(SourceArticle {
        article: Article {
            slug,
            title,
            section: section(post),
            summary: standfirst(hand_written_summary(post), &mapped.blocks),
            published,
            updated,
            authors,
            tags: tags(post),
            image: feature_image(post, parser),
            body: mapped.blocks,
            source: link.map(source_at),
            has_comments: true,
            related: Vec::new(),
            language: None,
            seo_title: plain_at(post, &["meta_title"]),
            access,
        },
        dropped: mapped.dropped,
    })
}

/// Why a post for members is not listed: Ghost sends an anonymous reader nothing of it.
const NO_PREVIEW: &str = "it is for the publisher's members, and Ghost sends no free preview of it";

/// Whether Ghost sent the whole story: a public post, or one this reader may read
/// (`access`, which an anonymous reader of a post for members never has).
fn is_whole(post: &Value) -> bool {
    text_at(post, &["visibility"]).is_none_or(|visibility| visibility == "public")
        || at(post, &["access"]).and_then(Value::as_bool) == Some(true)
}

/// Whether a post for members comes with a free preview (the text before its paywall card).
fn has_preview(post: &Value) -> bool {
    text_at(post, &["html"]).is_some_and(|html| !html.trim().is_empty())
}

fn slug_of(post: &Value) -> Result<Slug, String> {
    let raw = text_at(post, &["slug"]).unwrap_or_default();
    Slug::parse(raw).ok_or_else(|| format!("its slug {} is not a valid slug here", quoted(raw)))
}

/// Ghost's excerpts are plain text: the custom one, else the one it writes.
/// For lists: the editor's excerpt, else the one Ghost writes from the body.
fn summary(post: &Value) -> Option<String> {
    hand_written_summary(post).or_else(|| plain_at(post, &["excerpt"]))
}

/// For the story's standfirst: only the editor's excerpt. Ghost's own (`excerpt` without a
/// `custom_excerpt`) is always the body's first words, run together with its cards' text.
fn hand_written_summary(post: &Value) -> Option<String> {
    plain_at(post, &["custom_excerpt"])
}

fn date(post: &Value, field: &str) -> Option<Timestamp> {
    Timestamp::parse(text_at(post, &[field])?)
}

/// Public tags only: Ghost's internal tags (`#name`) organise the site, not the story.
fn tags(post: &Value) -> Vec<String> {
    at(post, &["tags"])
        .and_then(Value::as_array)
        .map(|tags| {
            tags.iter()
                .filter(|tag| text_at(tag, &["visibility"]).is_none_or(|v| v == "public"))
                .filter_map(|tag| plain_at(tag, &["name"]))
                .filter(|name| !name.starts_with('#'))
                .collect()
        })
        .unwrap_or_default()
}

/// The primary tag is Ghost's nearest thing to a section.
fn section(post: &Value) -> Option<String> {
    let primary = at(post, &["primary_tag"])?;
    (text_at(primary, &["visibility"]).is_none_or(|v| v == "public"))
        .then(|| plain_at(primary, &["name"]))
        .flatten()
}

fn feature_image(post: &Value, parser: &dyn HtmlParser) -> Option<Image> {
    let src = text_at(post, &["feature_image"])?;
    let sources = ghost_sizes(src);
    picture(
        src,
        plain_at(post, &["feature_image_alt"]),
        html_text_at(post, &["feature_image_caption"], parser),
        None,
        sources,
    )
}

/// Ghost serves its own uploads resized when `/size/w{width}/` follows `/content/images/`.
fn ghost_sizes(src: &str) -> Vec<ImageSource> {
    let Some((before, after)) = src.split_once("/content/images/") else {
        return Vec::new();
    };
    if after.starts_with("size/") {
        return Vec::new();
    }
    GHOST_WIDTHS
        .iter()
        .filter_map(|width| {
            Some(ImageSource {
                src: web_link(&format!("{before}/content/images/size/w{width}/{after}"))?,
                width: *width,
            })
        })
        .collect()
}

/// The SEO fields Ghost keeps for a post beyond its `meta_title` (see
/// [`super::ContentSource::read_seo`]). Ghost has no "noindex" of a post.
pub(super) fn seo(post: &Value) -> Seo {
    let preview = |prefix: &str| {
        let field = |name: &str| format!("{prefix}_{name}");
        Preview {
            title: plain_at(post, &[field("title").as_str()]),
            description: plain_at(post, &[field("description").as_str()]),
            image: text_at(post, &[field("image").as_str()]).and_then(web_link),
        }
    };
    Seo {
        description: plain_at(post, &["meta_description"]),
        // Set only by the editor, for a story first published elsewhere.
        canonical: text_at(post, &["canonical_url"]).and_then(web_link),
        is_noindex: false,
        open_graph: preview("og"),
        twitter: preview("twitter"),
    }
}
