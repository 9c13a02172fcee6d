//! Machine-readable views of the site: JSON Feed 1.1, RSS 2.0, a sitemap and robots.txt.

use news_model::{Article, Route, Timestamp};
use news_views::content_urls::ContentUrls;
use news_views::site::{LinkResolver, Site};
use serde_json::{json, Value};
use time::format_description::well_known::{Rfc2822, Rfc3339};
use time::OffsetDateTime;

use crate::article_scan::Listed;
use crate::html::escape;
use crate::site::{article_page_url, site_file_url};

/// How many of the newest stories the JSON Feed and RSS carry: what feed readers fetch again
/// and again, so a long archive does not make every poll (and every rebuild) heavy.
pub const STORIES_PER_FEED: usize = 50;

/// Stories newest first by `published` (seconds since 1970), undated last, as the feeds show
/// them.
pub fn newest_first<T>(stories: &[T], published: impl Fn(&T) -> Option<i64>) -> Vec<&T> {
    let mut sorted: Vec<&T> = stories.iter().collect();
    sorted.sort_by_key(|story| std::cmp::Reverse(published(story)));
    sorted
}

fn published(article: &Article) -> Option<i64> {
    article.published.as_ref().map(Timestamp::unix_seconds)
}

/// The absolute URL of an article's picture, as feeds and meta tags need it.
pub fn image_url(site: &Site, content_urls: &ContentUrls, article: &Article) -> Option<String> {
    let image = article.image.as_ref()?;
    let document_url = content_urls.article_url(&article.slug);
    let resolved = LinkResolver::new(document_url, site.clone()).resolve(&image.src)?;
    Some(resolved.absolute)
}

/// What a feed says about the site: its title, description and language.
pub struct FeedHead<'a> {
    pub title: &'a str,
    pub description: Option<&'a str>,
    /// The site's language, a BCP 47 tag (`en-GB`, `ar`).
    pub language: &'a str,
}

/// JSON Feed 1.1 (<https://www.jsonfeed.org/version/1.1/>).
pub fn json_feed(
    site: &Site,
    content_urls: &ContentUrls,
    head: &FeedHead<'_>,
    articles: &[Article],
) -> String {
    let items: Vec<Value> = newest_first(articles, published)
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
                // A story in another language than the site's says so, as in this format.
                (
                    "language",
                    article
                        .language
                        .as_ref()
                        .map(|language| Value::from(language.as_str())),
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
        "title": head.title,
        "home_page_url": site.base_url,
        "feed_url": site_file_url(site, "feed.json"),
        "language": head.language,
        "items": items,
    });
    if let Some(description) = head.description {
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
pub fn rss(site: &Site, head: &FeedHead<'_>, articles: &[Article]) -> String {
    let mut xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n<channel>\n<title>{}</title>\n<link>{}</link>\n<description>{}</description>\n<language>{}</language>\n<atom:link href=\"{}\" rel=\"self\" type=\"application/rss+xml\"/>\n",
        escape(head.title),
        escape(&site.base_url),
        escape(head.description.unwrap_or(head.title)),
        escape(head.language),
        escape(&site_file_url(site, "rss.xml")),
    );
    for article in newest_first(articles, published)
        .into_iter()
        .take(STORIES_PER_FEED)
    {
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

/// The most URLs one sitemap file may list (<https://www.sitemaps.org/protocol.html>).
pub const SITEMAP_URL_LIMIT: usize = 50_000;

/// The sitemap of the home page, the other `pages` (sections, tags) and every article but
/// those marked `noindex`, as `(file name, XML)`: `sitemap.xml`
/// alone while the site fits in one file of `limit` URLs; otherwise `sitemap-1.xml`,
/// `sitemap-2.xml` … of at most `limit` URLs each, newest first, and `sitemap.xml` as their
/// index. `robots.txt` names `sitemap.xml` either way.
pub fn sitemaps(
    site: &Site,
    pages: &[Route],
    articles: &[Listed],
    limit: usize,
) -> Vec<(String, String)> {
    let mut urls: Vec<(String, Option<&Timestamp>)> = vec![(site.page_url(&Route::Home), None)];
    urls.extend(pages.iter().map(|route| (site.page_url(route), None)));
    // A story its publisher asked search engines not to index is not offered to them.
    let indexed: Vec<&Listed> = articles
        .iter()
        .filter(|listed| !listed.is_noindex)
        .collect();
    let newest = newest_first(&indexed, |listed| {
        listed.published.as_ref().map(Timestamp::unix_seconds)
    });
    urls.extend(
        newest
            .into_iter()
            .map(|listed| (article_page_url(site, &listed.slug), listed.last_modified())),
    );
    if urls.len() <= limit {
        return vec![("sitemap.xml".to_owned(), url_set(&urls))];
    }
    let mut index = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    let mut files = Vec::new();
    for (n, chunk) in urls.chunks(limit.max(1)).enumerate() {
        let name = format!("sitemap-{}.xml", n + 1);
        index += &format!(
            "<sitemap><loc>{}</loc>",
            escape(&site_file_url(site, &name))
        );
        let newest = chunk
            .iter()
            .filter_map(|(_, date)| *date)
            .max_by_key(|date| date.unix_seconds());
        if let Some(date) = newest {
            index += &format!("<lastmod>{}</lastmod>", escape(date.as_rfc3339()));
        }
        index += "</sitemap>\n";
        files.push((name, url_set(chunk)));
    }
    files.push(("sitemap.xml".to_owned(), index + "</sitemapindex>\n"));
    files
}

/// Whether `name` is one of the numbered files [`sitemaps`] writes for a large site.
pub fn is_numbered_sitemap(name: &str) -> bool {
    name.strip_prefix("sitemap-")
        .and_then(|rest| rest.split('.').next())
        .is_some_and(|number| !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()))
        && (name.ends_with(".xml") || name.ends_with(".xml.br") || name.ends_with(".xml.gz"))
}

fn url_set(urls: &[(String, Option<&Timestamp>)]) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (url, date) in urls {
        xml += &format!("<url><loc>{}</loc>", escape(url));
        if let Some(date) = date {
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

#[cfg(test)]
mod tests {
    use news_model::Seo;

    use super::*;

    fn article(n: usize) -> Article {
        let json = format!(
            r#"{{"slug": "story-{n}", "title": "Story {n}", "published": "2030-01-01T00:{n:02}:00Z",
                "body": [{{"type": "paragraph", "text": "Text."}}]}}"#
        );
        news_model::parse_article(&json).expect("article").document
    }

    #[test]
    fn a_story_marked_noindex_is_left_out_of_the_sitemap() {
        let site = crate::site::site(
            &url::Url::parse("https://example.org/").expect("url"),
            "N".into(),
        );
        let noindex = Seo {
            is_noindex: true,
            ..Seo::default()
        };
        let articles = [
            Listed::of(&article(1), &Seo::default()),
            Listed::of(&article(2), &noindex),
        ];
        let files = sitemaps(&site, &[], &articles, 100);
        assert!(files[0]
            .1
            .contains("<loc>https://example.org/article/story-1/</loc>"));
        assert!(!files[0].1.contains("story-2"), "{}", files[0].1);
    }

    #[test]
    fn a_site_beyond_the_limit_gets_numbered_sitemaps_and_an_index() {
        let site = crate::site::site(
            &url::Url::parse("https://example.org/news/").expect("url"),
            "N".into(),
        );
        let articles: Vec<Listed> = (0..7)
            .map(|n| Listed::of(&article(n), &Seo::default()))
            .collect();
        assert_eq!(
            sitemaps(&site, &[], &articles, 8)
                .iter()
                .map(|(name, _)| name.as_str())
                .collect::<Vec<_>>(),
            ["sitemap.xml"]
        );
        let files = sitemaps(&site, &[], &articles, 3);
        let names: Vec<&str> = files.iter().map(|(name, _)| name.as_str()).collect();
        assert_eq!(
            names,
            [
                "sitemap-1.xml",
                "sitemap-2.xml",
                "sitemap-3.xml",
                "sitemap.xml"
            ]
        );
        assert_eq!(files[0].1.matches("<url>").count(), 3);
        assert_eq!(files[2].1.matches("<url>").count(), 2);
        let index = &files[3].1;
        assert!(index.contains("<sitemapindex"));
        assert!(index.contains(
            "<sitemap><loc>https://example.org/news/sitemap-1.xml</loc><lastmod>2030-01-01T00:06:00Z</lastmod></sitemap>"
        ));
        assert_eq!(index.matches("<sitemap>").count(), 3);
        assert!(is_numbered_sitemap("sitemap-12.xml.br"));
        assert!(!is_numbered_sitemap("sitemap.xml"));
        assert!(!is_numbered_sitemap("sitemap-x.xml"));
    }
}
