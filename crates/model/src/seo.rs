//! Content format 1.2 `seo`: what a publisher wrote for search engines and link previews
//! (Ghost's `meta_description`, `og_*`, `twitter_*` and `canonical_url`; Yoast's description,
//! canonical, robots and `og:image`). Only the build reads these, into the prerendered
//! `<head>` and the sitemap; the app reads the title alone ([`Article::seo_title`]). Kept out
//! of the article's parser so that none of this is in the app's wasm, which every reader
//! downloads.

use serde_json::Value;

use crate::article::{parse_article_value, Article};
use crate::document::parse_json;
use crate::link::Link;
use crate::problem::{Findings, JsonPath, Parsed, Rejected};
use crate::reader::Fields;

/// An article's `seo` fields beyond its title; every one optional, each falling back to what
/// the page says without it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Seo {
    /// `seo.description`: the meta description; else the summary.
    pub description: Option<String>,
    /// `seo.canonical`: where the story's page of record is, when it is not this page (a
    /// story first published elsewhere).
    pub canonical: Option<Link>,
    /// `seo.noindex`: the publisher asks search engines not to index the page; it is left
    /// out of the sitemap and its page says `<meta name="robots" content="noindex">`.
    pub is_noindex: bool,
    /// `seo.og_title`, `seo.og_description`, `seo.og_image`: the link preview (Open Graph).
    pub open_graph: Preview,
    /// `seo.twitter_title`, `seo.twitter_description`, `seo.twitter_image`: the X (Twitter)
    /// card; each falls back to the Open Graph one.
    pub twitter: Preview,
}

/// A link preview's own title, description and picture.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Preview {
    pub title: Option<String>,
    pub description: Option<String>,
    pub image: Option<Link>,
}

/// As [`crate::parse_article`], with the article's `seo` fields beyond its title, and their
/// problems with the article's.
pub fn parse_article_with_seo(json: &str) -> Result<Parsed<(Article, Seo)>, Rejected> {
    let value = parse_json(json)?;
    let parsed = parse_article_value(&value)?;
    let mut findings = Findings {
        problems: parsed.problems,
    };
    let seo = read_seo(&value, &mut findings);
    Ok(Parsed {
        document: (parsed.document, seo),
        problems: findings.problems,
    })
}

/// Reads `seo` of an article document; a field of the wrong kind is reported and left out.
/// (A `seo` that is not an object the article's parser has reported already.)
fn read_seo(article: &Value, findings: &mut Findings) -> Seo {
    let Some(seo @ Value::Object(_)) = article.get("seo") else {
        return Seo::default();
    };
    let Some(seo) = Fields::of(seo, JsonPath::default().field("seo"), findings) else {
        return Seo::default();
    };
    let preview = |prefix: &str, findings: &mut Findings| Preview {
        title: seo.text(&format!("{prefix}_title"), findings),
        description: seo.text(&format!("{prefix}_description"), findings),
        image: seo.link(&format!("{prefix}_image"), findings),
    };
    Seo {
        description: seo.text("description", findings),
        canonical: seo.link("canonical", findings),
        is_noindex: seo.flag("noindex", findings).unwrap_or(false),
        open_graph: preview("og", findings),
        twitter: preview("twitter", findings),
    }
}

impl Seo {
    /// Whether there is nothing in it: a document need not carry it.
    pub fn is_empty(&self) -> bool {
        self == &Seo::default()
    }
}
