//! Machine-readable views of the site: JSON Feed 1.1, RSS 2.0, a sitemap and robots.txt.

use news_model::{Article, Route};
use news_views::content_urls::ContentUrls;
use news_views::site::{LinkResolver, Site};
use serde_json::{json, Value};
use time::format_description::well_known::{Rfc2822, Rfc3339};
use time::OffsetDateTime;

use crate::html::escape;
use crate::site::{article_page_url, site_file_url};

/// How many of the newest stories the JSON Feed and RSS carry: what feed readers fetch again
/// and again, so a long archive does not make every poll (and every rebuild) heavy.
pub const STORIES_PER_FEED: usize = 50;

/// Articles newest first, undated last, as the feed shows them.
pub fn newest_first(articles: &[Article]) -> Vec<&Article> {
    let mut sorted: Vec<&Article> = articles.iter().collect();
    sorted.sort_by_key(|article| {
        std::cmp::Reverse(article.published.as_ref().map(|date| date.unix_seconds()))
    });
    sorted
}

/// The absolute URL of an article's picture, as feeds and meta tags need it.
pub fn image_url(site: &Site, content_urls: &ContentUrls, article: &Article) -> Option<String> {
    let image = article.image.as_ref()?;
    let document_url = content_urls.article_url(&article.slug);
    let resolved = LinkResolver::new(document_url, site.clone()).resolve(&image.src)?;
    Some(resolved.absolute)
}

/// JSON Feed 1.1 (<https://www.jsonfeed.org/version/1.1/>).
pub fn json_feed(
    site: &Site,
    content_urls: &ContentUrls,
    title: &str,
    description: Option<&str>,
    articles: &[Article],
) -> String {
    let items: Vec<Value> = newest_first(articles)
        .into_iter()
        .take(STORIES_PER_FEED)
        .map(|article| {
            let url = article_page_url(site, &article.slug);
            let mut item = json!({
                "id": url,
                "url": url,
                "title": article.title,
                "content_text": article.summary.clone().unwrap_or_else(|| article.title.clone()),
            });
            let fields = [
                ("summary", article.summary.clone().map(Value::from)),
                (
                    "image",
                    image_url(site, content_urls, article).map(Value::from),
                ),
                (
                    "date_published",
                    article
                        .published
                        .as_ref()
                        .map(|date| Value::from(date.as_rfc3339())),
                ),
                (
                    "date_modified",
                    article
                        .updated
                        .as_ref()
                        .map(|date| Value::from(date.as_rfc3339())),
                ),
                (
                    "authors",
                    (!article.authors.is_empty()).then(|| {
                        article
                            .authors
                            .iter()
                            .map(|name| json!({"name": name}))
                            .collect()
                    }),
                ),
                (
                    "tags",
                    (!article.tags.is_empty()).then(|| Value::from(article.tags.clone())),
                ),
            ];
            for (key, value) in fields {
                if let Some(value) = value {
                    item[key] = value;
                }
            }
            item
        })
        .collect();
    let mut feed = json!({
        "version": "https://jsonfeed.org/version/1.1",
        "title": title,
        "home_page_url": site.base_url,
        "feed_url": site_file_url(site, "feed.json"),
        "language": "en-GB",
        "items": items,
    });
    if let Some(description) = description {
        feed["description"] = Value::from(description);
    }
    serde_json::to_string_pretty(&feed).expect("invariant: a JSON value serializes")
}

fn rfc2822(rfc3339: &str) -> Option<String> {
    OffsetDateTime::parse(rfc3339, &Rfc3339)
        .ok()?
        .format(&Rfc2822)
        .ok()
}

/// RSS 2.0 (<https://www.rssboard.org/rss-specification>).
pub fn rss(site: &Site, title: &str, description: Option<&str>, articles: &[Article]) -> String {
    let mut xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n<channel>\n<title>{}</title>\n<link>{}</link>\n<description>{}</description>\n<language>en-GB</language>\n<atom:link href=\"{}\" rel=\"self\" type=\"application/rss+xml\"/>\n",
        escape(title),
        escape(&site.base_url),
        escape(description.unwrap_or(title)),
        escape(&site_file_url(site, "rss.xml")),
    );
    for article in newest_first(articles).into_iter().take(STORIES_PER_FEED) {
        let url = article_page_url(site, &article.slug);
        xml += &format!(
            "<item>\n<title>{}</title>\n<link>{}</link>\n<guid isPermaLink=\"true\">{}</guid>\n",
            escape(&article.title),
            escape(&url),
            escape(&url)
        );
        if let Some(summary) = &article.summary {
            xml += &format!("<description>{}</description>\n", escape(summary));
        }
        if let Some(date) = article
            .published
            .as_ref()
            .and_then(|date| rfc2822(date.as_rfc3339()))
        {
            xml += &format!("<pubDate>{date}</pubDate>\n");
        }
        for tag in &article.tags {
            xml += &format!("<category>{}</category>\n", escape(tag));
        }
        xml += "</item>\n";
    }
    xml + "</channel>\n</rss>\n"
}

/// A sitemap (<https://www.sitemaps.org/protocol.html>) of the home page and every article.
pub fn sitemap(site: &Site, articles: &[Article]) -> String {
    let mut xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n<url><loc>{}</loc></url>\n",
        escape(&site.page_url(&Route::Home))
    );
    for article in newest_first(articles) {
        xml += &format!(
            "<url><loc>{}</loc>",
            escape(&article_page_url(site, &article.slug))
        );
        if let Some(date) = article.updated.as_ref().or(article.published.as_ref()) {
            xml += &format!("<lastmod>{}</lastmod>", escape(date.as_rfc3339()));
        }
        xml += "</url>\n";
    }
    xml + "</urlset>\n"
}

pub fn robots(site: &Site) -> String {
    format!(
        "User-agent: *\nAllow: /\nSitemap: {}\n",
        site_file_url(site, "sitemap.xml")
    )
}
