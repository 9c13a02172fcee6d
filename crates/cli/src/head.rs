//! What a prerendered page says in its `<head>` for crawlers, link previews and embedders:
//! canonical URL, Open Graph and Twitter tags, schema.org `NewsArticle` JSON-LD, the oEmbed
//! link and answer.

use news_model::{Article, Link, Route, Seo, StoryOutput};
use news_views::content_urls::ContentUrls;
use news_views::site::{LinkResolver, Site};
use news_views::words::Words;
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

/// What a link preview (Open Graph, or an X card) shows of a page.
#[derive(Clone, Copy)]
struct Card<'a> {
    title: &'a str,
    description: &'a str,
    image: Option<&'a str>,
}

/// [`social_tags`] for a page of the site that is not an article (home, section, tag,
/// search), at `route`'s public address.
pub fn website_tags(site: &Site, route: &Route, title: &str, description: &str) -> String {
    let card = Card {
        title,
        description,
        image: None,
    };
    social_tags(site, PageKind::Website, &site.page_url(route), card, card)
}

/// Canonical URL, Open Graph and Twitter card tags, and the feed links.
fn social_tags(
    site: &Site,
    kind: PageKind,
    url: &str,
    open_graph: Card<'_>,
    twitter: Card<'_>,
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
        format!(
            "<meta property=\"og:title\" content=\"{}\">",
            escape(open_graph.title)
        ),
        format!(
            "<meta property=\"og:description\" content=\"{}\">",
            escape(open_graph.description)
        ),
        format!("<meta property=\"og:url\" content=\"{}\">", escape(url)),
        format!(
            "<meta name=\"twitter:card\" content=\"{}\">",
            if twitter.image.is_some() {
                "summary_large_image"
            } else {
                "summary"
            }
        ),
        format!(
            "<meta name=\"twitter:title\" content=\"{}\">",
            escape(twitter.title)
        ),
        format!(
            "<meta name=\"twitter:description\" content=\"{}\">",
            escape(twitter.description)
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
    if let Some(image) = open_graph.image {
        tags.push(format!(
            "<meta property=\"og:image\" content=\"{}\">",
            escape(image)
        ));
    }
    if let Some(image) = twitter.image {
        tags.push(format!(
            "<meta name=\"twitter:image\" content=\"{}\">",
            escape(image)
        ));
    }
    tags.join("\n")
}

/// The `<title>` of an article's page: the publisher's own (`seo.title`), else "{title} –
/// {site}" in the site's words.
pub fn article_title(words: &Words, site: &Site, article: &Article) -> String {
    article
        .seo_title
        .clone()
        .unwrap_or_else(|| words.page_title(&article.title, &site.name))
}

/// The meta description of an article's page: `seo.description`, else the summary, else the
/// headline.
pub fn article_description<'a>(article: &'a Article, seo: &'a Seo) -> &'a str {
    seo.description
        .as_deref()
        .or(article.summary.as_deref())
        .unwrap_or(&article.title)
}

/// An article page's head: its social tags, `NewsArticle` JSON-LD and oEmbed link, with what
/// the publisher wrote for search engines and link previews (`seo`) over the defaults: Open
/// Graph's title from `og_title`, else `seo.title`, else the headline; its description from
/// `og_description`, else the page's; its picture from `og_image`, else the story's; an X
/// card's from `twitter_*`, else Open Graph's; the canonical address from `seo.canonical`,
/// else the page's own; and `noindex` as a robots tag.
pub fn article_tags(
    site: &Site,
    content_urls: &ContentUrls,
    article: &Article,
    seo: &Seo,
) -> String {
    let own_url = article_page_url(site, &article.slug);
    let resolve = |link: &Link| {
        LinkResolver::new(content_urls.article_url(&article.slug), site.clone())
            .resolve(link)
            .map(|resolved| resolved.absolute)
    };
    let url = seo.canonical.as_ref().and_then(resolve).unwrap_or(own_url);
    let description = article_description(article, seo);
    let picture = feeds::image_url(site, content_urls, article);
    let og_image = seo.open_graph.image.as_ref().and_then(resolve).or(picture);
    let open_graph = Card {
        title: seo
            .open_graph
            .title
            .as_deref()
            .or(article.seo_title.as_deref())
            .unwrap_or(&article.title),
        description: seo.open_graph.description.as_deref().unwrap_or(description),
        image: og_image.as_deref(),
    };
    let twitter_image = seo.twitter.image.as_ref().and_then(resolve);
    let twitter = Card {
        title: seo.twitter.title.as_deref().unwrap_or(open_graph.title),
        description: seo
            .twitter
            .description
            .as_deref()
            .unwrap_or(open_graph.description),
        image: twitter_image.as_deref().or(open_graph.image),
    };
    let mut tags = social_tags(site, PageKind::Article, &url, open_graph, twitter);
    if seo.is_noindex {
        tags += "\n<meta name=\"robots\" content=\"noindex\">";
    }
    tags += &format!(
        "\n<script type=\"application/ld+json\">{}</script>",
        script_json(&news_article(
            site,
            article,
            seo.description.as_deref().or(article.summary.as_deref()),
            og_image.as_deref()
        ))
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
fn news_article(
    site: &Site,
    article: &Article,
    description: Option<&str>,
    image: Option<&str>,
) -> Value {
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
        ("description", description.map(Value::from)),
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

#[cfg(test)]
mod tests {
    use news_model::parse_article_with_seo;

    use super::*;

    fn site() -> Site {
        crate::site::site(
            &url::Url::parse("https://news.example/").expect("url"),
            "Harbour News".into(),
        )
    }

    /// The title and head tags of the article `json` on `site()`.
    fn head_of(json: serde_json::Value) -> (String, String) {
        let site = site();
        let (content_urls, _) = ContentUrls::new(&site, None, None);
        let (article, seo) = parse_article_with_seo(&json.to_string())
            .expect("parses")
            .document;
        (
            article_title(&Words::english(), &site, &article),
            article_tags(&site, &content_urls, &article, &seo),
        )
    }

    fn story(extra: serde_json::Value) -> serde_json::Value {
        let mut story = serde_json::json!({
            "slug": "ferry", "title": "Ferry timetable", "summary": "Every forty minutes.",
            "image": {"src": "../images/ferry.png", "alt": "The ferry"},
            "body": [{"type": "paragraph", "text": "From Monday."}]
        });
        if let (Some(story), Some(extra)) = (story.as_object_mut(), extra.as_object()) {
            story.extend(extra.clone());
        }
        story
    }

    #[test]
    fn without_seo_fields_the_head_says_what_the_story_says() {
        let (title, tags) = head_of(story(serde_json::json!({})));
        assert_eq!(title, "Ferry timetable – Harbour News");
        for tag in [
            r#"<link rel="canonical" href="https://news.example/article/ferry/">"#,
            r#"<meta property="og:title" content="Ferry timetable">"#,
            r#"<meta property="og:description" content="Every forty minutes.">"#,
            r#"<meta name="twitter:title" content="Ferry timetable">"#,
            r#"<meta property="og:image" content="https://news.example/content/images/ferry.png">"#,
            r#"<meta name="twitter:image" content="https://news.example/content/images/ferry.png">"#,
        ] {
            assert!(tags.contains(tag), "{tag} in {tags}");
        }
        assert!(!tags.contains("robots"));
    }

    #[test]
    fn the_publishers_seo_fields_come_first_and_each_falls_back_in_turn() {
        let (title, tags) = head_of(story(serde_json::json!({"seo": {
            "title": "Winter ferries | Harbour News",
            "description": "Every sailing from Monday.",
            "canonical": "https://ferries.example/news/winter",
            "og_image": "https://cdn.example/ferry-social.png",
            "twitter_description": "A sailing every forty minutes."
        }})));
        assert_eq!(title, "Winter ferries | Harbour News");
        for tag in [
            r#"<link rel="canonical" href="https://ferries.example/news/winter">"#,
            r#"<meta property="og:url" content="https://ferries.example/news/winter">"#,
            // No og_title: the SEO title; no twitter_title: Open Graph's.
            r#"<meta property="og:title" content="Winter ferries | Harbour News">"#,
            r#"<meta name="twitter:title" content="Winter ferries | Harbour News">"#,
            r#"<meta property="og:description" content="Every sailing from Monday.">"#,
            r#"<meta name="twitter:description" content="A sailing every forty minutes.">"#,
            r#"<meta property="og:image" content="https://cdn.example/ferry-social.png">"#,
            r#"<meta name="twitter:image" content="https://cdn.example/ferry-social.png">"#,
            r#""description":"Every sailing from Monday.""#,
        ] {
            assert!(tags.contains(tag), "{tag} in {tags}");
        }
    }

    #[test]
    fn a_story_marked_noindex_tells_robots_not_to_index_it() {
        let (_, tags) = head_of(story(serde_json::json!({"seo": {"noindex": true}})));
        assert!(tags.contains(r#"<meta name="robots" content="noindex">"#));
    }
}
