//! What a prerendered page says in its `<head>` for crawlers, link previews and embedders:
//! canonical URL, Open Graph and Twitter tags, schema.org `NewsArticle` JSON-LD, the oEmbed
//! link and answer.

use news_model::{Article, Route, StoryOutput};
use news_views::content_urls::ContentUrls;
use news_views::site::Site;
use serde_json::{json, Value};

use crate::feeds;
use crate::html::{escape, script_json};
use crate::site::{article_page_url, site_file_url};

/// What a page is, in Open Graph's words.
#[derive(Clone, Copy)]
pub enum PageKind {
    Website,
    Article,
}

/// [`social_tags`] for a page of the site that is not an article (home, section, tag,
/// search), at `route`'s public address.
pub fn website_tags(site: &Site, route: &Route, title: &str, description: &str) -> String {
    social_tags(
        site,
        PageKind::Website,
        &site.page_url(route),
        (title, description),
        None,
    )
}

/// Canonical URL, Open Graph and Twitter card tags, and the feed links.
fn social_tags(
    site: &Site,
    kind: PageKind,
    url: &str,
    (title, description): (&str, &str),
    image: Option<&str>,
) -> String {
    let kind = match kind {
        PageKind::Website => "website",
        PageKind::Article => "article",
    };
    let mut tags = vec![
        format!("<link rel=\"canonical\" href=\"{}\">", escape(url)),
        format!("<meta property=\"og:type\" content=\"{kind}\">"),
        format!(
            "<meta property=\"og:site_name\" content=\"{}\">",
            escape(&site.name)
        ),
        format!("<meta property=\"og:title\" content=\"{}\">", escape(title)),
        format!(
            "<meta property=\"og:description\" content=\"{}\">",
            escape(description)
        ),
        format!("<meta property=\"og:url\" content=\"{}\">", escape(url)),
        format!(
            "<meta name=\"twitter:card\" content=\"{}\">",
            if image.is_some() {
                "summary_large_image"
            } else {
                "summary"
            }
        ),
        format!(
            "<meta name=\"twitter:title\" content=\"{}\">",
            escape(title)
        ),
        format!(
            "<meta name=\"twitter:description\" content=\"{}\">",
            escape(description)
        ),
        format!(
            "<link rel=\"alternate\" type=\"application/feed+json\" title=\"{}\" href=\"{}\">",
            escape(&site.name),
            escape(&site_file_url(site, "feed.json"))
        ),
        format!(
            "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"{}\" href=\"{}\">",
            escape(&site.name),
            escape(&site_file_url(site, "rss.xml"))
        ),
    ];
    if let Some(image) = image {
        tags.push(format!(
            "<meta property=\"og:image\" content=\"{}\">",
            escape(image)
        ));
        tags.push(format!(
            "<meta name=\"twitter:image\" content=\"{}\">",
            escape(image)
        ));
    }
    tags.join("\n")
}

/// An article page's head: its social tags, `NewsArticle` JSON-LD and oEmbed link.
pub fn article_tags(site: &Site, content_urls: &ContentUrls, article: &Article) -> String {
    let url = article_page_url(site, &article.slug);
    let description = article.summary.as_deref().unwrap_or(&article.title);
    let image = feeds::image_url(site, content_urls, article);
    let mut tags = social_tags(
        site,
        PageKind::Article,
        &url,
        (&article.title, description),
        image.as_deref(),
    );
    tags += &format!(
        "\n<script type=\"application/ld+json\">{}</script>",
        script_json(&news_article(site, article, image.as_deref()))
    );
    tags += &format!(
        "\n<link rel=\"alternate\" type=\"application/json+oembed\" href=\"{}\" title=\"{}\">",
        escape(&site_file_url(
            site,
            &StoryOutput::OembedAnswer.file(&article.slug)
        )),
        escape(&article.title)
    );
    tags
}

/// The widget's default size in an oEmbed answer.
const EMBED_WIDTH: u32 = 640;
const EMBED_HEIGHT: u32 = 800;

/// An oEmbed `rich` answer (<https://oembed.com/>) whose `html` is the two-line embed snippet.
pub fn oembed(site: &Site, content_urls: &ContentUrls, article: &Article) -> String {
    let snippet = format!(
        "<div data-news-article=\"{}\"></div><script src=\"{}\" async></script>",
        escape(&article_page_url(site, &article.slug)),
        escape(&site_file_url(site, "embed.js"))
    );
    let mut answer = json!({
        "version": "1.0",
        "type": "rich",
        "title": article.title,
        "provider_name": site.name,
        "provider_url": site.page_url(&Route::Home),
        "html": snippet,
        "width": EMBED_WIDTH,
        "height": EMBED_HEIGHT,
    });
    if let Some(byline) = article.authors.first() {
        answer["author_name"] = Value::from(byline.as_str());
    }
    if let Some(image) = feeds::image_url(site, content_urls, article) {
        answer["thumbnail_url"] = Value::from(image);
        if let Some(size) = article.image.as_ref().and_then(|image| image.size) {
            answer["thumbnail_width"] = Value::from(size.width);
            answer["thumbnail_height"] = Value::from(size.height);
        }
    }
    serde_json::to_string_pretty(&answer).expect("invariant: a JSON value serializes")
}

/// schema.org `NewsArticle` (<https://schema.org/NewsArticle>).
fn news_article(site: &Site, article: &Article, image: Option<&str>) -> Value {
    let url = article_page_url(site, &article.slug);
    let mut value = json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "url": url,
        "mainEntityOfPage": url,
        "publisher": {"@type": "Organization", "name": site.name},
    });
    let fields = [
        ("description", article.summary.clone().map(Value::from)),
        (
            "datePublished",
            article
                .published
                .as_ref()
                .map(|date| Value::from(date.as_rfc3339())),
        ),
        (
            "dateModified",
            article
                .updated
                .as_ref()
                .or(article.published.as_ref())
                .map(|date| Value::from(date.as_rfc3339())),
        ),
        ("image", image.map(|image| json!([image]))),
        ("articleSection", article.section.clone().map(Value::from)),
        (
            "keywords",
            (!article.tags.is_empty()).then(|| Value::from(article.tags.join(", "))),
        ),
        (
            "author",
            (!article.authors.is_empty()).then(|| {
                article
                    .authors
                    .iter()
                    .map(|name| json!({"@type": "Person", "name": name}))
                    .collect()
            }),
        ),
    ];
    for (key, field) in fields {
        if let Some(field) = field {
            value[key] = field;
        }
    }
    value
}
