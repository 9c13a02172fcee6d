//! Writing documents back out in this format, for tools that produce content (an import from
//! another source). What is written parses back to the same values.

use serde_json::{json, Map, Value};

use crate::article::{Access, Article};
use crate::block::{Block, HeadingLevel};
use crate::feed::{FeedEntry, FeedIndex};
use crate::image::Image;
use crate::inline::Inline;
use crate::language::LanguageTag;
use crate::link::Link;
use crate::seo::Seo;
use crate::site_page::{PageLink, SitePage};

/// An article document, with its `seo` fields beyond the title (`seo`, empty when none).
pub fn article_to_json(article: &Article, seo: &Seo) -> Value {
    let mut out = Map::new();
    out.insert("slug".into(), json!(article.slug.as_str()));
    out.insert("title".into(), json!(article.title));
    put_text(&mut out, "section", article.section.as_deref());
    put_text(&mut out, "summary", article.summary.as_deref());
    put_text(
        &mut out,
        "published",
        article.published.as_ref().map(|d| d.as_rfc3339()),
    );
    put_text(
        &mut out,
        "updated",
        article.updated.as_ref().map(|d| d.as_rfc3339()),
    );
    put_list(&mut out, "authors", &article.authors);
    put_list(&mut out, "tags", &article.tags);
    if let Some(image) = &article.image {
        out.insert("image".into(), image_to_json(image));
    }
    out.insert(
        "body".into(),
        article.body.iter().map(block_to_json).collect(),
    );
    if let Some(source) = &article.source {
        let mut value = Map::new();
        value.insert("name".into(), json!(source.name));
        if let Some(link) = &source.link {
            value.insert("url".into(), json!(link.as_str()));
        }
        out.insert("source".into(), Value::Object(value));
    }
    if !article.has_comments {
        out.insert("comments".into(), json!(false));
    }
    if !article.related.is_empty() {
        let related: Vec<&str> = article.related.iter().map(|slug| slug.as_str()).collect();
        out.insert("related".into(), json!(related));
    }
    put_text(
        &mut out,
        "language",
        article.language.as_ref().map(LanguageTag::as_str),
    );
    // (A story protected by a password has no body, and so no document.)
    if article.access == Access::Members {
        out.insert("access".into(), json!("members"));
    }
    let seo = seo_to_json(article.seo_title.as_deref(), seo);
    if !seo.is_empty() {
        out.insert("seo".into(), Value::Object(seo));
    }
    Value::Object(out)
}

/// An article's `seo` object: its title and the other fields.
fn seo_to_json(title: Option<&str>, seo: &Seo) -> Map<String, Value> {
    let mut out = Map::new();
    put_text(&mut out, "title", title);
    put_text(&mut out, "description", seo.description.as_deref());
    put_text(
        &mut out,
        "canonical",
        seo.canonical.as_ref().map(Link::as_str),
    );
    if seo.is_noindex {
        out.insert("noindex".into(), json!(true));
    }
    for (prefix, preview) in [("og", &seo.open_graph), ("twitter", &seo.twitter)] {
        put_text(
            &mut out,
            &format!("{prefix}_title"),
            preview.title.as_deref(),
        );
        put_text(
            &mut out,
            &format!("{prefix}_description"),
            preview.description.as_deref(),
        );
        put_text(
            &mut out,
            &format!("{prefix}_image"),
            preview.image.as_ref().map(Link::as_str),
        );
    }
    out
}

/// A site page as its document (`pages/{slug}.json`) writes it.
pub fn site_page_to_json(page: &SitePage) -> Value {
    let mut out = Map::new();
    out.insert("slug".into(), json!(page.slug.as_str()));
    out.insert("title".into(), json!(page.title));
    put_text(&mut out, "summary", page.summary.as_deref());
    put_text(
        &mut out,
        "updated",
        page.updated.as_ref().map(|d| d.as_rfc3339()),
    );
    put_text(
        &mut out,
        "language",
        page.language.as_ref().map(LanguageTag::as_str),
    );
    let body: Vec<Value> = page.body.iter().map(block_to_json).collect();
    out.insert("body".into(), Value::Array(body));
    Value::Object(out)
}

/// A feed index page; `next` is written as given. Entries read only elsewhere
/// ([`crate::StoryLink::Elsewhere`]) have no place in this format and are left out.
pub fn feed_index_to_json(index: &FeedIndex) -> Value {
    let mut out = Map::new();
    out.insert("title".into(), json!(index.title));
    put_text(&mut out, "description", index.description.as_deref());
    put_text(
        &mut out,
        "language",
        index.language.as_ref().map(LanguageTag::as_str),
    );
    let entries: Vec<Value> = index.entries.iter().filter_map(entry_to_json).collect();
    out.insert("articles".into(), Value::Array(entries));
    if let Some(next) = &index.next {
        out.insert("next".into(), json!(next.as_str()));
    }
    Value::Object(out)
}

/// The footer's pages as the index's `pages` and the page setting
/// [`crate::FOOTER_PAGES_META`] write them: `[{"slug": "about", "title": "About us"}]`.
pub fn page_links_to_json(pages: &[PageLink]) -> Value {
    pages
        .iter()
        .map(|page| json!({"slug": page.slug.as_str(), "title": page.title}))
        .collect()
}

fn entry_to_json(entry: &FeedEntry) -> Option<Value> {
    let mut out = Map::new();
    out.insert("slug".into(), json!(entry.story.slug()?.as_str()));
    out.insert("title".into(), json!(entry.title));
    put_text(&mut out, "summary", entry.summary.as_deref());
    put_text(
        &mut out,
        "published",
        entry.published.as_ref().map(|d| d.as_rfc3339()),
    );
    put_text(&mut out, "section", entry.section.as_deref());
    put_list(&mut out, "tags", &entry.tags);
    if let Some(image) = &entry.image {
        out.insert("image".into(), image_to_json(image));
    }
    put_text(
        &mut out,
        "language",
        entry.language.as_ref().map(LanguageTag::as_str),
    );
    Some(Value::Object(out))
}

fn image_to_json(image: &Image) -> Value {
    let mut out = Map::new();
    out.insert("src".into(), json!(image.src.as_str()));
    out.insert("alt".into(), json!(image.alt));
    put_text(&mut out, "caption", image.caption.as_deref());
    put_text(&mut out, "credit", image.credit.as_deref());
    if let Some(size) = image.size {
        out.insert("width".into(), json!(size.width));
        out.insert("height".into(), json!(size.height));
    }
    if !image.sources.is_empty() {
        let sources: Vec<Value> = image
            .sources
            .iter()
            .map(|source| json!({ "src": source.src.as_str(), "width": source.width }))
            .collect();
        out.insert("sources".into(), Value::Array(sources));
    }
    Value::Object(out)
}

fn block_to_json(block: &Block) -> Value {
    match block {
        Block::Paragraph(text) => json!({ "type": "paragraph", "text": inline_to_json(text) }),
        Block::Heading { level, text } => json!({
            "type": "heading",
            "level": if *level == HeadingLevel::H2 { 2 } else { 3 },
            "text": text,
        }),
        Block::Quote { text, cite } => {
            let mut out = json!({ "type": "quote", "text": inline_to_json(text) });
            if let Some(cite) = cite {
                out["cite"] = json!(cite);
            }
            out
        }
        Block::List { is_ordered, items } => json!({
            "type": "list",
            "ordered": is_ordered,
            "items": items.iter().map(inline_to_json).collect::<Vec<_>>(),
        }),
        Block::Image(image) => {
            let mut out = image_to_json(image);
            out["type"] = json!("image");
            out
        }
        Block::Embed(embed) => {
            let mut out = json!({ "type": "embed", "url": embed.url.as_str() });
            if let Some(provider) = &embed.provider {
                out["provider"] = json!(provider);
            }
            if let Some(title) = &embed.title {
                out["title"] = json!(title);
            }
            out
        }
    }
}

/// Plain text as a string; styled text as spans with only the styles they have.
fn inline_to_json(inline: &Inline) -> Value {
    let is_plain = inline
        .spans()
        .iter()
        .all(|span| span.link.is_none() && !span.is_em && !span.is_strong);
    if is_plain {
        return json!(inline.to_plain_text());
    }
    inline
        .spans()
        .iter()
        .map(|span| {
            let mut out = json!({ "text": span.text });
            if let Some(link) = &span.link {
                out["href"] = json!(link.as_str());
            }
            if span.is_em {
                out["em"] = json!(true);
            }
            if span.is_strong {
                out["strong"] = json!(true);
            }
            out
        })
        .collect()
}

fn put_text(out: &mut Map<String, Value>, key: &str, text: Option<&str>) {
    if let Some(text) = text {
        out.insert(key.into(), json!(text));
    }
}

fn put_list(out: &mut Map<String, Value>, key: &str, items: &[String]) {
    if !items.is_empty() {
        out.insert(key.into(), json!(items));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::seo::parse_article_with_seo;

    #[test]
    fn an_article_written_out_reads_back_the_same() {
        let original = json!({
            "slug": "a-story", "title": "A <story>", "section": "World", "summary": "S",
            "published": "2024-05-01T10:00:00Z", "updated": "2024-05-01T12:00:00+02:00",
            "authors": ["Ana"], "tags": ["T"],
            "image": {"src": "https://x.example/a.jpg", "alt": "", "caption": "C", "width": 10, "height": 5,
                "sources": [{"src": "https://x.example/a-5.jpg", "width": 5}]},
            "body": [
                {"type": "paragraph", "text": "Plain\nlines"},
                {"type": "paragraph", "text": [{"text": "a"}, {"text": "b", "href": "https://x.example", "em": true, "strong": true}]},
                {"type": "heading", "level": 3, "text": "H"},
                {"type": "quote", "text": "Q", "cite": "Who"},
                {"type": "list", "ordered": true, "items": ["one", [{"text": "two", "em": true}]]},
                {"type": "image", "src": "b.jpg", "alt": "B"},
                {"type": "embed", "url": "https://v.example/1", "provider": "V", "title": "Clip"}
            ],
            "source": {"name": "Origin", "url": "https://x.example/o"},
            "comments": false,
            "related": ["other"],
            "language": "AR-eg",
            "access": "members",
            "seo": {"title": "T | Site", "description": "D", "canonical": "https://x.example/first",
                    "noindex": true, "og_title": "OT", "og_description": "OD",
                    "og_image": "https://x.example/og.jpg", "twitter_title": "TT",
                    "twitter_description": "TD", "twitter_image": "https://x.example/tw.jpg"}
        });
        let (article, seo) = parse_article_with_seo(&original.to_string())
            .expect("parses")
            .document;
        assert_eq!(article.access, Access::Members);
        assert_eq!(seo.twitter.title.as_deref(), Some("TT"));
        let written = article_to_json(&article, &seo);
        let again = parse_article_with_seo(&written.to_string()).expect("parses again");
        assert_eq!(again.problems, vec![]);
        assert_eq!(again.document, (article, seo));
    }
}
