//! WordPress REST API v2 (`/wp/v2/posts?_embed`) onto the feed index and the article.

use serde_json::Value;

use super::value::{
    at, has_key, html_text_at, language_at, later_update, number_at, picture, plain_at, source_at,
    text_at, web_link,
};
use super::{standfirst, Detail, SourceArticle, SourceError, SourcePage, WordPressRoutes};
use crate::article::{Access, Article};
use crate::date::Timestamp;
use crate::feed::{FeedEntry, StoryLink};
use crate::html::{blocks_from_html, HtmlParser};
use crate::image::{Image, ImageSource};
use crate::language::LanguageTag;
use crate::problem::quoted;
use crate::route::{percent_encode, Key};
use crate::seo::{Preview, Seo};
use crate::slug::Slug;

/// `posts` with the query `query`, in the site's route style.
pub(super) fn posts_url(site: &str, routes: WordPressRoutes, query: &str) -> String {
    api_url(site, routes, "posts", query)
}

/// The REST API's `collection` (`posts`, `categories`, `tags`) with the query `query`.
pub(super) fn api_url(
    site: &str,
    routes: WordPressRoutes,
    collection: &str,
    query: &str,
) -> String {
    match routes {
        WordPressRoutes::Pretty => format!("{site}wp-json/wp/v2/{collection}?{query}"),
        WordPressRoutes::Query => format!(
            "{site}?rest_route={}&{query}",
            percent_encode(&format!("/wp/v2/{collection}"))
        ),
    }
}

/// The id of the term or user in `value` (a list of them) whose name, as text, has `key`.
pub(super) fn term_id(value: &Value, key: &Key, parser: &dyn HtmlParser) -> Option<u64> {
    value
        .as_array()?
        .iter()
        .find(|term| has_key(term, key, parser))?
        .get("id")?
        .as_u64()
}

pub(super) fn read_posts(
    value: &Value,
    parser: &dyn HtmlParser,
    site_name: &str,
    detail: Detail,
) -> Result<SourcePage, SourceError> {
    let posts = value
        .as_array()
        .ok_or_else(|| SourceError::Unreadable("a list of posts was expected".into()))?;
    Ok(SourcePage::of_posts(
        posts,
        site_name,
        detail,
        "link",
        |post| entry(post, parser),
        |post| article(post, parser),
    ))
}

/// The answer to `posts?slug=…`: a list of zero or one post.
pub(super) fn read_single(
    value: &Value,
    parser: &dyn HtmlParser,
) -> Result<SourceArticle, SourceError> {
    let posts = value
        .as_array()
        .ok_or_else(|| SourceError::Unreadable("a list of posts was expected".into()))?;
    let post = posts.first().ok_or(SourceError::NotFound)?;
    article(post, parser)
}

fn entry(post: &Value, parser: &dyn HtmlParser) -> Result<FeedEntry, String> {
    let slug = slug_of(post)?;
    // Listed, its story would only say it is protected: left out, as the import leaves it.
    let is_protected = ["content", "excerpt"]
        .iter()
        .any(|field| at(post, &[field, "protected"]).and_then(Value::as_bool) == Some(true));
    if is_protected {
        return Err("it is protected by a password".into());
    }
    let title = html_text_at(post, &["title", "rendered"], parser).ok_or("it has no title")?;
    Ok(FeedEntry {
        story: StoryLink::Here(slug),
        title,
        summary: summary(post, parser),
        published: date(post, "date_gmt"),
        section: section(post, parser),
        tags: terms(post, "post_tag", parser),
        authors: authors(post, parser),
        image: featured_image(post, parser),
        language: post_language(post),
    })
}

fn article(post: &Value, parser: &dyn HtmlParser) -> Result<SourceArticle, SourceError> {
    let slug = slug_of(post).map_err(SourceError::Unreadable)?;
    let title = html_text_at(post, &["title", "rendered"], parser)
        .ok_or_else(|| SourceError::Unreadable("the post has no title".into()))?;
    let is_protected = at(post, &["content", "protected"]).and_then(Value::as_bool) == Some(true);
    let content = text_at(post, &["content", "rendered"]).unwrap_or_default();
    let link = text_at(post, &["link"]).and_then(web_link);
    let base = link.as_ref().map_or("about:blank", |link| link.as_str());
    let mapped = blocks_from_html(parser, content, base);
    // Asked without its password, WordPress sends a protected post's headline and none of its
    // text: the page says so, and links to the publisher's page where the password is asked.
    let access = match (mapped.blocks.is_empty(), is_protected, &link) {
        (false, _, _) => Access::Whole,
        (true, true, Some(_)) => Access::Password,
        (true, true, None) => {
            return Err(SourceError::Unreadable(
                "the post is protected and has no address (link) where it is read".into(),
            ))
        }
        (true, false, _) => return Err(SourceError::Empty),
    };
    let published = date(post, "date_gmt");
    let updated = later_update(published.as_ref(), date(post, "modified_gmt"), 0);
    Ok(SourceArticle {
        article: Article {
            slug,
            title,
            section: section(post, parser),
            summary: standfirst(summary(post, parser), &mapped.blocks),
            published,
            updated,
            authors: authors(post, parser),
            tags: terms(post, "post_tag", parser),
            image: featured_image(post, parser),
            body: mapped.blocks,
            source: link.map(source_at),
            has_comments: text_at(post, &["comment_status"]) != Some("closed"),
            related: Vec::new(),
            language: post_language(post),
            seo_title: html_text_at(post, &["yoast_head_json", "title"], parser),
            access,
        },
        dropped: mapped.dropped,
    })
}

/// The post's author (WordPress has one a post) from the embedded `users` answer.
fn authors(post: &Value, parser: &dyn HtmlParser) -> Vec<String> {
    at(post, &["_embedded", "author"])
        .and_then(Value::as_array)
        .map(|authors| {
            authors
                .iter()
                .filter_map(|author| html_text_at(author, &["name"], parser))
                .collect()
        })
        .unwrap_or_default()
}

/// A post's own language where a translation plugin writes one into the REST answer (Polylang's
/// `lang`, WPML's `wpml_current_locale`); WordPress itself gives posts none.
fn post_language(post: &Value) -> Option<LanguageTag> {
    language_at(post, &["lang"]).or_else(|| language_at(post, &["wpml_current_locale"]))
}

fn slug_of(post: &Value) -> Result<Slug, String> {
    let raw = text_at(post, &["slug"]).unwrap_or_default();
    Slug::parse(raw).ok_or_else(|| {
        format!(
            "its slug {} is not a valid slug here (lower-case letters, digits and single hyphens)",
            quoted(raw)
        )
    })
}

/// The excerpt as text; WordPress writes one from the content when the post has none.
fn summary(post: &Value, parser: &dyn HtmlParser) -> Option<String> {
    let is_protected = at(post, &["excerpt", "protected"]).and_then(Value::as_bool) == Some(true);
    (!is_protected)
        .then(|| html_text_at(post, &["excerpt", "rendered"], parser))
        .flatten()
}

/// `date_gmt` and `modified_gmt` carry no zone: they are UTC.
fn date(post: &Value, field: &str) -> Option<Timestamp> {
    let text = text_at(post, &[field])?;
    Timestamp::parse(&format!("{text}Z")).or_else(|| Timestamp::parse(text))
}

/// The embedded terms of one taxonomy, in order, as text.
fn terms(post: &Value, taxonomy: &str, parser: &dyn HtmlParser) -> Vec<String> {
    let Some(groups) = at(post, &["_embedded", "wp:term"]).and_then(Value::as_array) else {
        return Vec::new();
    };
    groups
        .iter()
        .filter_map(Value::as_array)
        .flatten()
        .filter(|term| text_at(term, &["taxonomy"]) == Some(taxonomy))
        .filter_map(|term| html_text_at(term, &["name"], parser))
        .collect()
}

/// The first category, found by its taxonomy, never by position.
fn section(post: &Value, parser: &dyn HtmlParser) -> Option<String> {
    terms(post, "category", parser).into_iter().next()
}

fn featured_image(post: &Value, parser: &dyn HtmlParser) -> Option<Image> {
    let media = at(post, &["_embedded", "wp:featuredmedia"])?
        .as_array()?
        .first()?;
    // An embedded item the reader may not see comes back as an error object with a `code`.
    if at(media, &["code"]).is_some() {
        return None;
    }
    let src = text_at(media, &["source_url"])?;
    let size = number_at(media, &["media_details", "width"])
        .zip(number_at(media, &["media_details", "height"]));
    let sources = at(media, &["media_details", "sizes"])
        .and_then(Value::as_object)
        .map(|sizes| {
            sizes
                .values()
                // Cropped sizes (the square thumbnail) are other pictures, not other sizes.
                .filter(|candidate| {
                    match (
                        size,
                        number_at(candidate, &["width"]),
                        number_at(candidate, &["height"]),
                    ) {
                        (Some((width, height)), Some(w), Some(h)) => {
                            let expected = f64::from(w) * f64::from(height) / f64::from(width);
                            (f64::from(h) - expected).abs() <= expected * 0.02 + 1.0
                        }
                        _ => true,
                    }
                })
                .filter_map(|size| {
                    Some(ImageSource {
                        src: web_link(text_at(size, &["source_url"])?)?,
                        width: number_at(size, &["width"])?,
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    picture(
        src,
        plain_at(media, &["alt_text"]),
        html_text_at(media, &["caption", "rendered"], parser),
        size,
        sources,
    )
}

/// The fields Yoast SEO adds to a post as `yoast_head_json` (its documented "raw" head data,
/// Yoast SEO 16.7 and later), beyond its `title` (see [`super::ContentSource::read_seo`]).
/// Its strings are read as HTML text, as WordPress's own are.
pub(super) fn seo(post: &Value, parser: &dyn HtmlParser) -> Seo {
    let Some(yoast) = at(post, &["yoast_head_json"]) else {
        return Seo::default();
    };
    let text = |field: &str| html_text_at(yoast, &[field], parser);
    let own_address = text_at(post, &["link"]);
    Seo {
        description: text("description"),
        // Yoast's canonical is the post's own address unless its editor set another: only
        // that one names a page of record other than this site's.
        canonical: text_at(yoast, &["canonical"])
            .filter(|canonical| Some(*canonical) != own_address)
            .and_then(web_link),
        is_noindex: text_at(yoast, &["robots", "index"]) == Some("noindex"),
        open_graph: Preview {
            title: text("og_title"),
            description: text("og_description"),
            image: at(yoast, &["og_image"])
                .and_then(Value::as_array)
                .and_then(|images| images.first())
                .and_then(|image| text_at(image, &["url"]))
                .and_then(web_link),
        },
        twitter: Preview {
            title: text("twitter_title"),
            description: text("twitter_description"),
            image: text_at(yoast, &["twitter_image"]).and_then(web_link),
        },
    }
}
