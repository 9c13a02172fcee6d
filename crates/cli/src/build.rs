//! `news-blog build`: turns the single-page build in `dist/` into a site that works on any
//! static file server, at the root or under a sub-path, with or without JavaScript.
//!
//! It writes, next to Trunk's output: a real page per article (`article/{slug}/index.html`)
//! and a prerendered home page, each with its title, description, canonical URL, Open Graph
//! and Twitter tags and, for articles, schema.org `NewsArticle` JSON-LD; `404.html`;
//! `feed.json`, `rss.xml`, `sitemap.xml` and `robots.txt`; the loader script as a file; and
//! precompressed `.br` and `.gz` copies of every text and wasm file.

use std::fs;
use std::path::Path;

use news_model::{parse_article, parse_feed_index, Article, FeedIndex, LinkKind};
use serde_json::{json, Value};
use url::Url;

use crate::compress;
use crate::feeds;
use crate::html::{escape, script_json};
use crate::render::{self, Site};
use crate::template;

/// What the build writes, for the summary line.
pub struct Built {
    pub n_articles: usize,
    pub skipped: Vec<String>,
}

/// Prerenders the site in `dist` for the public URL `site_url` (its path is the base path).
pub fn build(dist: &Path, site_url: &str) -> Result<Built, String> {
    let base_url = site_base_url(site_url)?;
    let template_path = dist.join("index.html");
    let trunk_page = fs::read_to_string(&template_path)
        .map_err(|error| format!("{}: {error}", template_path.display()))?;
    // The template is Trunk's page; a second run starts again from the copy kept beside it.
    let spa_copy = dist.join("spa.html");
    let trunk_page = if trunk_page.contains("id=\"prerendered\"") {
        fs::read_to_string(&spa_copy).map_err(|error| format!("{}: {error}", spa_copy.display()))?
    } else {
        write(&spa_copy, &trunk_page)?;
        trunk_page
    };

    let page = template::set_base(&trunk_page, base_url.path())?;
    let (_, loader) = template::extract_loader(&page, "")?;
    let loader = template::story_first_loader(&loader)?;
    // Named by its content, like Trunk's own files, so it can be cached forever.
    let loader_file = format!("boot-{:016x}.js", fnv1a(loader.as_bytes()));
    let (page, _) = template::extract_loader(&page, &loader_file)?;
    write(&dist.join(&loader_file), &loader)?;
    // Prerendered pages are readable without JavaScript; the "needs JavaScript" note is for
    // the bare app page only.
    let page = template::without_noscript(&page);
    let site = Site {
        base_url,
        name: meta_content(&page, "application-name").unwrap_or_else(|| "News Blog".into()),
    };

    let content = dist.join("content");
    let index = read_index(&content)?;
    let (articles, skipped) = read_articles(&content)?;

    let home = render::page_frame(&site, &render::feed(&site, &index));
    let description = index
        .description
        .clone()
        .unwrap_or_else(|| index.title.clone());
    let mut head = social_tags(
        &site,
        site.base_url.as_str(),
        &index.title,
        &description,
        None,
        "website",
    );
    if let Some(index_url) = meta_content(&page, "news-blog-index-url") {
        head += &preload_tag(&index_url);
    }
    let article_url_template = meta_content(&page, "news-blog-article-url");
    write(
        &template_path,
        &template::set_body(
            &template::set_head(&page, &index.title, &description, &head)?,
            &home,
        )?,
    )?;

    for article in &articles {
        let url = site.article_url(&article.slug);
        let description = article
            .summary
            .clone()
            .unwrap_or_else(|| article.title.clone());
        let image = feeds::image_url(&site, article);
        let mut head = social_tags(
            &site,
            url.as_str(),
            &article.title,
            &description,
            image.as_deref(),
            "article",
        );
        head += &format!(
            "\n<script type=\"application/ld+json\">{}</script>",
            script_json(&news_article(&site, article, image.as_deref()))
        );
        head += &format!(
            "\n<link rel=\"alternate\" type=\"application/json+oembed\" href=\"{}\" title=\"{}\">",
            escape(site.join(&format!("oembed/{}.json", article.slug)).as_str()),
            escape(&article.title)
        );
        if let Some(template) = &article_url_template {
            head += &preload_tag(&template.replace("{slug}", article.slug.as_str()));
        }
        let title = format!("{} – {}", article.title, site.name);
        let body = render::page_frame(&site, &render::article(&site, article));
        let page = template::set_body(
            &template::set_head(&page, &title, &description, &head)?,
            &body,
        )?;
        write(
            &dist
                .join("article")
                .join(article.slug.as_str())
                .join("index.html"),
            &page,
        )?;
    }

    let not_found = render::page_frame(
        &site,
        &format!(
            "<div class=\"not-found\" role=\"alert\"><h1>Page not found</h1><p>There's no page at this address. It may have been mistyped, or the story may have moved.</p><p><a href=\"{}\">Go to the home page</a></p></div>",
            escape(site.base_url.path())
        ),
    );
    let title = format!("Page not found – {}", site.name);
    let head = "<meta name=\"robots\" content=\"noindex\">";
    // The widget pages carry no prerendered story: the app draws them for the host page's frame.
    for article in &articles {
        let title = format!("{} – {}", article.title, site.name);
        let head = "<meta name=\"robots\" content=\"noindex\">";
        let embed_page = template::set_head(&page, &title, &article.title, head)?;
        write(
            &dist
                .join("embed/article")
                .join(article.slug.as_str())
                .join("index.html"),
            &embed_page,
        )?;
        write(
            &dist.join("oembed").join(format!("{}.json", article.slug)),
            &oembed(&site, article),
        )?;
    }

    // A static host answers any unknown address with 404.html. The app then shows the page for
    // that address itself (an article added since the build, or its own "not found"), so the
    // prerendered message is only for readers without JavaScript.
    let not_found_page = template::set_head(&page, &title, &description, head)?;
    write(
        &dist.join("404.html"),
        &template::set_noscript_body(&not_found_page, &not_found)?,
    )?;

    write(
        &dist.join("feed.json"),
        &feeds::json_feed(&site, &index.title, index.description.as_deref(), &articles),
    )?;
    write(
        &dist.join("rss.xml"),
        &feeds::rss(&site, &index.title, index.description.as_deref(), &articles),
    )?;
    write(&dist.join("sitemap.xml"), &feeds::sitemap(&site, &articles))?;
    write(&dist.join("robots.txt"), &feeds::robots(&site))?;
    compress::precompress(dist)?;
    Ok(Built {
        n_articles: articles.len(),
        skipped,
    })
}

fn site_base_url(site_url: &str) -> Result<Url, String> {
    let mut url = Url::parse(site_url)
        .map_err(|error| format!("--site-url {site_url:?} is not a URL: {error}"))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(format!(
            "--site-url {site_url:?} must be an http or https URL"
        ));
    }
    if !url.path().ends_with('/') {
        url.set_path(&format!("{}/", url.path()));
    }
    url.set_query(None);
    url.set_fragment(None);
    Ok(url)
}

/// Canonical URL, Open Graph and Twitter card tags.
fn social_tags(
    site: &Site,
    url: &str,
    title: &str,
    description: &str,
    image: Option<&str>,
    kind: &str,
) -> String {
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
            escape(site.join("feed.json").as_str())
        ),
        format!(
            "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"{}\" href=\"{}\">",
            escape(&site.name),
            escape(site.join("rss.xml").as_str())
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

/// The widget's default size in an oEmbed answer.
const EMBED_WIDTH: u32 = 640;
const EMBED_HEIGHT: u32 = 800;

/// An oEmbed `rich` answer (<https://oembed.com/>) whose `html` is the two-line embed snippet.
fn oembed(site: &Site, article: &Article) -> String {
    let url = format!("{}article/{}", site.base_url, article.slug);
    let snippet = format!(
        "<div data-news-article=\"{}\"></div><script src=\"{}\" async></script>",
        escape(&url),
        escape(site.join("embed.js").as_str())
    );
    let mut answer = json!({
        "version": "1.0",
        "type": "rich",
        "title": article.title,
        "provider_name": site.name,
        "provider_url": site.base_url.to_string(),
        "html": snippet,
        "width": EMBED_WIDTH,
        "height": EMBED_HEIGHT,
    });
    if let Some(byline) = article.authors.first() {
        answer["author_name"] = Value::from(byline.as_str());
    }
    if let Some(image) = feeds::image_url(site, article) {
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
    let url = site.article_url(&article.slug).to_string();
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

/// Starts the page's content request while the wasm downloads. `href` is the content setting
/// as written in the page (relative to its base), so it is the very URL the app asks for and
/// the browser hands the app the preloaded answer.
fn preload_tag(href: &str) -> String {
    format!(
        "\n<link rel=\"preload\" href=\"{}\" as=\"fetch\" crossorigin=\"anonymous\">",
        escape(href)
    )
}

fn meta_content(page: &str, name: &str) -> Option<String> {
    let marker = format!("<meta name=\"{name}\" content=\"");
    let start = page.find(&marker)? + marker.len();
    let end = start + page[start..].find('"')?;
    Some(page[start..end].to_owned())
}

/// The first page of the index, and the older pages its relative `next` links name.
fn read_index(content: &Path) -> Result<FeedIndex, String> {
    let path = content.join("index.json");
    let text = fs::read_to_string(&path).map_err(|error| format!("{}: {error}", path.display()))?;
    let mut index = parse_feed_index(&text)
        .map_err(|rejected| format!("{}: {rejected}", path.display()))?
        .document;
    let mut next = index.next.take();
    let mut n_pages = 1;
    while let Some(link) = next.filter(|link| link.kind() == LinkKind::DocumentRelative) {
        n_pages += 1;
        let Ok(text) = fs::read_to_string(content.join(link.as_str())) else {
            break;
        };
        let Ok(page) = parse_feed_index(&text) else {
            break;
        };
        index.entries.extend(page.document.entries);
        next = page.document.next.filter(|_| n_pages < 10_000);
    }
    Ok(index)
}

/// Every article that parses; the others are named in `skipped` (run `check` for details).
fn read_articles(content: &Path) -> Result<(Vec<Article>, Vec<String>), String> {
    let paths = crate::content::article_files(content)?;
    let mut articles = Vec::new();
    let mut skipped = Vec::new();
    for path in paths {
        let stem = path
            .file_stem()
            .map(|stem| stem.to_string_lossy().into_owned())
            .unwrap_or_default();
        match fs::read_to_string(&path)
            .ok()
            .and_then(|text| parse_article(&text).ok())
        {
            Some(parsed) if parsed.document.slug.as_str() == stem => articles.push(parsed.document),
            _ => skipped.push(format!("articles/{stem}.json")),
        }
    }
    Ok((articles, skipped))
}

/// FNV-1a: a short, stable name for a file's content (not a security hash).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(|error| format!("{}: {error}", parent.display()))?;
    }
    fs::write(path, text).map_err(|error| format!("{}: {error}", path.display()))
}
