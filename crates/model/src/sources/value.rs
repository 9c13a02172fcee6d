//! Reading loosely typed API answers: a missing or mistyped field is simply absent.

use serde_json::Value;

use crate::article::Source;
use crate::date::Timestamp;
use crate::html::{text_from_html, without_controls, HtmlParser};
use crate::image::{Image, ImageSource, Size};
use crate::language::LanguageTag;
use crate::link::{Link, LinkKind};
use crate::route::Key;

/// The string at `path` (object keys), if there is one.
pub(crate) fn text_at<'a>(value: &'a Value, path: &[&str]) -> Option<&'a str> {
    at(value, path)?.as_str()
}

/// The value at `path` (object keys).
pub(crate) fn at<'a>(value: &'a Value, path: &[&str]) -> Option<&'a Value> {
    path.iter()
        .try_fold(value, |value, key| value.get(key))
        .filter(|value| !value.is_null())
}

/// Non-blank plain text at `path`, without control characters.
pub(crate) fn plain_at(value: &Value, path: &[&str]) -> Option<String> {
    let text = without_controls(text_at(value, path)?);
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

/// The language tag at `path`, written as BCP 47 or as a locale (`de_DE`).
pub(crate) fn language_at(value: &Value, path: &[&str]) -> Option<LanguageTag> {
    LanguageTag::from_locale(text_at(value, path)?)
}

/// The text of the HTML at `path` (entities decoded, tags gone).
pub(crate) fn html_text_at(
    value: &Value,
    path: &[&str],
    parser: &dyn HtmlParser,
) -> Option<String> {
    text_from_html(parser, text_at(value, path)?)
}

/// Whether the `name` of `item`, as plain text, has `key` (a section's, tag's or author's).
pub(crate) fn has_key(item: &Value, key: &Key, parser: &dyn HtmlParser) -> bool {
    html_text_at(item, &["name"], parser)
        .and_then(|name| Key::from_name(&name))
        .as_ref()
        == Some(key)
}

/// The `name` of each object in the list at `path` (authors), as plain text.
pub(crate) fn names_at(value: &Value, path: &[&str]) -> Vec<String> {
    at(value, path)
        .and_then(Value::as_array)
        .map(|items| {
            items
                .iter()
                .filter_map(|item| plain_at(item, &["name"]))
                .collect()
        })
        .unwrap_or_default()
}

/// `updated`, when it is more than `grace_seconds` after `published` (sources stamp every
/// save, and a story saved right after publishing was not updated for readers).
pub(crate) fn later_update(
    published: Option<&Timestamp>,
    updated: Option<Timestamp>,
    grace_seconds: i64,
) -> Option<Timestamp> {
    updated.filter(|updated| {
        published.is_none_or(|published| {
            updated.unix_seconds() > published.unix_seconds() + grace_seconds
        })
    })
}

/// The story's own page as its source line.
pub(crate) fn source_at(link: Link) -> Source {
    Source {
        name: link.to_string(),
        link: Some(link),
    }
}

/// A whole number ≥ 1 at `path`.
pub(crate) fn number_at(value: &Value, path: &[&str]) -> Option<u32> {
    at(value, path)?
        .as_u64()
        .and_then(|number| u32::try_from(number).ok())
        .filter(|number| *number > 0)
}

/// An absolute web address from a source, through the allow-list.
pub(crate) fn web_link(raw: &str) -> Option<Link> {
    Link::parse(raw)
        .ok()
        .filter(|link| link.kind() == LinkKind::Web)
}

/// A lead picture from its parts; `None` without an allowed address.
pub(crate) fn picture(
    src: &str,
    alt: Option<String>,
    caption: Option<String>,
    size: Option<(u32, u32)>,
    mut sources: Vec<ImageSource>,
) -> Option<Image> {
    let src = web_link(src)?;
    sources.retain(|source| source.src != src);
    let mut widths = Vec::new();
    sources.retain(|source| {
        let is_new = !widths.contains(&source.width);
        widths.push(source.width);
        is_new
    });
    Some(Image {
        src,
        alt: alt.unwrap_or_default(),
        caption,
        credit: None,
        size: size.map(|(width, height)| Size { width, height }),
        sources,
    })
}

/// The last non-empty path segment of a URL, as a slug if it is a valid one (`.html` and
/// similar endings dropped).
pub(crate) fn slug_from_url(url: &str) -> Option<crate::slug::Slug> {
    let path = url.split(['?', '#']).next()?;
    let after_host = path.split_once("//").map_or(path, |(_, rest)| rest);
    let path = after_host.split_once('/').map_or("", |(_, path)| path);
    let last = path.split('/').rev().find(|segment| !segment.is_empty())?;
    let last = last
        .strip_suffix(".html")
        .or_else(|| last.strip_suffix(".htm"))
        .or_else(|| last.strip_suffix(".php"))
        .unwrap_or(last);
    crate::slug::Slug::parse(&last.to_ascii_lowercase())
}
