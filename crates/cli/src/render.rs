//! The app's markup, written as HTML text at build time so that readers without JavaScript,
//! crawlers and link previews see the page. It mirrors the Leptos components class for class,
//! so the app can take the page over without anything moving.

use news_model::{
    Article, Block, FeedEntry, FeedIndex, HeadingLevel, Image, Inline, Link, LinkKind, Slug,
    Timestamp, STORIES_ON_FIRST_SCREEN,
};
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;
use url::Url;

use crate::html::escape;

/// Where the site lives and what it is called.
pub struct Site {
    /// The public URL of the app's root, ending in `/`.
    pub base_url: Url,
    pub name: String,
}

impl Site {
    pub fn article_url(&self, slug: &Slug) -> Url {
        self.join(&format!("article/{slug}/"))
    }

    pub fn article_document_url(&self, slug: &Slug) -> Url {
        self.join(&format!("content/articles/{slug}.json"))
    }

    pub fn index_document_url(&self) -> Url {
        self.join("content/index.json")
    }

    pub fn join(&self, relative: &str) -> Url {
        self.base_url
            .join(relative)
            .unwrap_or_else(|_| self.base_url.clone())
    }

    /// The app's path for an article, as its links write it.
    fn article_path(&self, slug: &Slug) -> String {
        format!("{}article/{slug}", self.base_url.path())
    }

    /// Resolves a content link as the app does (see `src/data/links.rs`).
    pub fn resolve(
        &self,
        link: &Link,
        document_url: &Url,
    ) -> Option<(String, Option<&'static str>)> {
        let url = match link.kind() {
            LinkKind::SiteRelative => self.base_url.join(link.as_str().trim_start_matches('/')),
            LinkKind::DocumentRelative | LinkKind::Web => document_url.join(link.as_str()),
            LinkKind::Mail => Url::parse(link.as_str()),
        }
        .ok()?;
        if !matches!(url.scheme(), "http" | "https" | "mailto") {
            return None;
        }
        if url.origin() != self.base_url.origin() {
            return Some((url.to_string(), Some("noopener noreferrer")));
        }
        let rel = if self.is_app_route(&url) {
            None
        } else {
            Some("external")
        };
        // Same-site addresses are written without the origin, so the pages also work when the
        // site is previewed on another host or port than its public URL.
        let path = &url[url::Position::BeforePath..];
        Some((path.to_owned(), rel))
    }

    fn is_app_route(&self, url: &Url) -> bool {
        let Some(route) = url.path().strip_prefix(self.base_url.path()) else {
            return false;
        };
        route.is_empty()
            || route
                .strip_prefix("article/")
                .is_some_and(|slug| Slug::parse(slug.trim_end_matches('/')).is_some())
    }
}

/// The page frame around `main_content`, as the app's `App` draws it.
pub fn page_frame(site: &Site, main_content: &str) -> String {
    let home = escape(site.base_url.path());
    let name = escape(&site.name);
    format!(
        "<a class=\"skip-link\" href=\"#main\" rel=\"external\">Skip to content</a>\
<header class=\"site-header\"><div class=\"site-header__inner\"><a class=\"site-header__name\" href=\"{home}\">{name}</a></div></header>\
<main id=\"main\" class=\"site-main\" tabindex=\"-1\">{main_content}</main>\
<footer class=\"site-footer\"><p><a href=\"{home}\">Home</a> · Comments you write are stored in this browser only.</p></footer>"
    )
}

/// An article, as `ArticleView` draws it.
pub fn article(site: &Site, article: &Article) -> String {
    let document_url = site.article_document_url(&article.slug);
    let mut html = String::from("<article class=\"article\" aria-labelledby=\"headline\"><header class=\"article__header\">");
    if let Some(section) = &article.section {
        html += &format!("<p class=\"kicker\">{}</p>", escape(section));
    }
    html += &format!(
        "<h1 id=\"headline\" class=\"article__headline\">{}</h1>",
        escape(&article.title)
    );
    if let Some(summary) = &article.summary {
        html += &format!("<p class=\"standfirst\">{}</p>", escape(summary));
    }
    html += "<p class=\"article__meta\">";
    if let Some(byline) = article.byline() {
        html += &format!("<span class=\"article__byline\">{}</span>", escape(&byline));
    }
    for (label, date) in [
        ("Published", &article.published),
        ("Updated", &article.updated),
    ] {
        if let Some(date) = date {
            html += &format!("<span>{label} {}</span>", time_element(date, true));
        }
    }
    html += "</p></header>";
    if let Some(image) = &article.image {
        html += &image_block(site, image, &document_url, true);
    }
    html += "<div class=\"article__body\">";
    for block in &article.body {
        html += &body_block(site, block, &document_url);
    }
    html += "</div>";
    if let Some(source) = &article.source {
        let name = escape(&source.name);
        let linked = source
            .link
            .as_ref()
            .and_then(|link| site.resolve(link, &document_url));
        html += &match linked {
            Some((url, rel)) => format!(
                "<p class=\"article__source\">Source: <a href=\"{}\"{}>{name}</a></p>",
                escape(&url),
                rel_attribute(rel)
            ),
            None => format!("<p class=\"article__source\">Source: {name}</p>"),
        };
    }
    if !article.tags.is_empty() {
        html += "<ul class=\"tags\" aria-label=\"Tags\">";
        for tag in &article.tags {
            html += &format!("<li>{}</li>", escape(tag));
        }
        html += "</ul>";
    }
    html + "</article>"
}

/// The home feed, as the `Home` page draws it.
pub fn feed(site: &Site, index: &FeedIndex) -> String {
    let document_url = site.index_document_url();
    let mut html = format!(
        "<div class=\"feed\"><header class=\"feed__header\"><h1 class=\"feed__title\">{}</h1>",
        escape(&index.title)
    );
    if let Some(description) = &index.description {
        html += &format!("<p class=\"feed__description\">{}</p>", escape(description));
    }
    html += "</header><ol class=\"feed__list\">";
    // The first screenful, as the app lists it; the app adds "More stories" below.
    let first_screen = index
        .newest_first()
        .into_iter()
        .take(STORIES_ON_FIRST_SCREEN);
    for (entry_idx, entry) in first_screen.enumerate() {
        html += &feed_entry(site, entry, &document_url, entry_idx == 0);
    }
    html + "</ol></div>"
}

fn feed_entry(site: &Site, entry: &FeedEntry, document_url: &Url, is_lead: bool) -> String {
    let class = if is_lead {
        "feed-entry feed-entry--lead"
    } else {
        "feed-entry"
    };
    let mut html = format!("<li class=\"{class}\"><article class=\"feed-entry__card\">");
    if let Some(image) = &entry.image {
        html += &picture(
            site,
            image,
            document_url,
            is_lead,
            Some("feed-entry__image"),
        );
    }
    html += "<div class=\"feed-entry__text\">";
    if let Some(section) = &entry.section {
        html += &format!("<p class=\"kicker\">{}</p>", escape(section));
    }
    html += &format!(
        "<h2 class=\"feed-entry__title\"><a href=\"{}\">{}</a></h2>",
        escape(&site.article_path(&entry.slug)),
        escape(&entry.title)
    );
    if let Some(summary) = &entry.summary {
        html += &format!("<p class=\"feed-entry__summary\">{}</p>", escape(summary));
    }
    if let Some(date) = &entry.published {
        html += &format!(
            "<p class=\"feed-entry__date\">{}</p>",
            time_element(date, false)
        );
    }
    html + "</div></article></li>"
}

fn body_block(site: &Site, block: &Block, document_url: &Url) -> String {
    match block {
        Block::Paragraph(text) => format!("<p>{}</p>", inline(site, text, document_url)),
        Block::Heading {
            level: HeadingLevel::H2,
            text,
        } => format!("<h2>{}</h2>", escape(text)),
        Block::Heading {
            level: HeadingLevel::H3,
            text,
        } => format!("<h3>{}</h3>", escape(text)),
        Block::Quote { text, cite } => {
            let cite = cite
                .as_ref()
                .map(|cite| format!("<footer><cite>{}</cite></footer>", escape(cite)))
                .unwrap_or_default();
            format!(
                "<blockquote class=\"quote\"><p>{}</p>{cite}</blockquote>",
                inline(site, text, document_url)
            )
        }
        Block::List { is_ordered, items } => {
            let tag = if *is_ordered { "ol" } else { "ul" };
            let items: String = items
                .iter()
                .map(|item| format!("<li>{}</li>", inline(site, item, document_url)))
                .collect();
            format!("<{tag}>{items}</{tag}>")
        }
        Block::Image(image) => image_block(site, image, document_url, false),
    }
}

fn inline(site: &Site, text: &Inline, document_url: &Url) -> String {
    text.spans()
        .iter()
        .map(|span| {
            let mut html = escape(&span.text);
            if span.is_em {
                html = format!("<em>{html}</em>");
            }
            if span.is_strong {
                html = format!("<strong>{html}</strong>");
            }
            match span
                .link
                .as_ref()
                .and_then(|link| site.resolve(link, document_url))
            {
                Some((url, rel)) => format!(
                    "<a href=\"{}\"{}>{html}</a>",
                    escape(&url),
                    rel_attribute(rel)
                ),
                None => html,
            }
        })
        .collect()
}

fn image_block(site: &Site, image: &Image, document_url: &Url, is_lead: bool) -> String {
    let mut html = String::from("<figure class=\"image-block\">");
    html += &picture(site, image, document_url, is_lead, None);
    let credit = image.credit_line();
    if image.caption.is_some() || credit.is_some() {
        html += "<figcaption>";
        if let Some(caption) = &image.caption {
            html += &format!(
                "<span class=\"image-block__caption\">{}</span>",
                escape(caption)
            );
        }
        if let Some(credit) = credit {
            html += &format!(
                "<span class=\"image-block__credit\">{}</span>",
                escape(&credit)
            );
        }
        html += "</figcaption>";
    }
    html + "</figure>"
}

fn picture(
    site: &Site,
    image: &Image,
    document_url: &Url,
    is_lead: bool,
    class: Option<&str>,
) -> String {
    let Some((src, _)) = site.resolve(&image.src, document_url) else {
        return String::new();
    };
    let class = class
        .map(|class| format!(" class=\"{class}\""))
        .unwrap_or_default();
    let size = image
        .size
        .map(|size| format!(" width=\"{}\" height=\"{}\"", size.width, size.height))
        .unwrap_or_default();
    let loading = if is_lead {
        "loading=\"eager\" decoding=\"async\" fetchpriority=\"high\""
    } else {
        "loading=\"lazy\" decoding=\"async\""
    };
    format!(
        "<img{class} src=\"{}\" alt=\"{}\"{size} {loading}>",
        escape(&src),
        escape(&image.alt)
    )
}

fn rel_attribute(rel: Option<&str>) -> String {
    rel.map(|rel| format!(" rel=\"{rel}\"")).unwrap_or_default()
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// `<time datetime>` with the date in UTC: "15 October 2017", or "… at 09:30 UTC".
fn time_element(date: &Timestamp, with_time: bool) -> String {
    let shown = OffsetDateTime::parse(date.as_rfc3339(), &Rfc3339)
        .map(|instant| {
            let utc = instant.to_offset(time::UtcOffset::UTC);
            let day = format!(
                "{} {} {}",
                utc.day(),
                MONTHS[usize::from(u8::from(utc.month())) - 1],
                utc.year()
            );
            if with_time {
                format!("{day} at {:02}:{:02} UTC", utc.hour(), utc.minute())
            } else {
                day
            }
        })
        .unwrap_or_default();
    format!(
        "<time datetime=\"{}\">{}</time>",
        escape(date.as_rfc3339()),
        escape(&shown)
    )
}
