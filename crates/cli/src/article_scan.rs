//! Reading a content folder's articles against the last build's manifest: an article whose
//! document is as recorded (and whose pages are still there) is neither read nor rendered
//! again; the others are parsed, to be rendered.

use std::collections::HashMap;
use std::path::Path;

use news_model::related::RelatedBy;
use news_model::{parse_article, parse_article_with_seo, Article, Seo, Slug, Timestamp};

use crate::files::FileError;
use crate::manifest::{fingerprint, Manifest, Recorded, Stat};

/// The articles of a content folder, measured against the last build.
pub struct ArticleScan {
    /// The articles to render: those whose documents changed or are new (every one, without
    /// a manifest), parsed.
    pub to_render: Vec<Article>,
    /// The `seo` fields beyond the title of the articles to render that have any: what their
    /// pages' heads say.
    pub seo: HashMap<Slug, Seo>,
    /// Every article that parsed, with its dates: what the feeds and the sitemap list.
    pub listed: Vec<Listed>,
    /// What the manifest of this build records.
    pub records: HashMap<String, Recorded>,
    /// Documents that do not parse (`articles/<name>.json`).
    pub skipped: Vec<String>,
}

/// An article as the feeds, the sitemap and the author pages list it.
#[derive(Clone, Debug)]
pub struct Listed {
    pub slug: Slug,
    pub published: Option<Timestamp>,
    pub updated: Option<Timestamp>,
    pub authors: Vec<String>,
    /// The publisher asks search engines not to index it (`seo.noindex`): the sitemap leaves
    /// it out.
    pub is_noindex: bool,
}

impl Listed {
    pub fn of(article: &Article, seo: &Seo) -> Listed {
        Listed {
            slug: article.slug.clone(),
            published: article.published.clone(),
            updated: article.updated.clone(),
            authors: article.authors.clone(),
            is_noindex: seo.is_noindex,
        }
    }

    /// When the article last changed: its update, else its publication.
    pub fn last_modified(&self) -> Option<&Timestamp> {
        self.updated.as_ref().or(self.published.as_ref())
    }
}

/// What one document turned out to be.
enum Outcome {
    Unchanged(Listed, Recorded),
    Changed(Box<(Article, Seo)>, Recorded),
    Skipped(String),
}

/// What a scan checks an article's recorded pages against.
pub struct Checks<H, R> {
    /// Whether the pages of the article with this slug are all there.
    pub has_pages: H,
    /// The fingerprint of the related stories a page picked by this would list.
    pub related_hash: R,
}

/// Reads `content/articles/*.json`. With the `previous` build's manifest, a document whose
/// size and time (or, failing that, bytes) are as recorded, whose pages exist and would list
/// the same related stories, is taken as it was; everything else is read and parsed.
pub fn scan<H, R>(
    content: &Path,
    previous: Option<&Manifest>,
    checks: &Checks<H, R>,
) -> Result<ArticleScan, FileError>
where
    H: Fn(&str) -> bool + Sync,
    R: Fn(&RelatedBy) -> u64 + Sync,
{
    let paths = crate::content::article_files(content)?;
    let outcomes = crate::parallel::map(&paths, |path| read_one(path, previous, checks));
    let mut scan = ArticleScan {
        to_render: Vec::new(),
        seo: HashMap::new(),
        listed: Vec::with_capacity(paths.len()),
        records: HashMap::with_capacity(paths.len()),
        skipped: Vec::new(),
    };
    for outcome in outcomes {
        match outcome {
            Outcome::Unchanged(listed, record) => {
                scan.records.insert(listed.slug.as_str().to_owned(), record);
                scan.listed.push(listed);
            }
            Outcome::Changed(read, record) => {
                let (article, seo) = *read;
                scan.records
                    .insert(article.slug.as_str().to_owned(), record);
                scan.listed.push(Listed::of(&article, &seo));
                if !seo.is_empty() {
                    scan.seo.insert(article.slug.clone(), seo);
                }
                scan.to_render.push(article);
            }
            Outcome::Skipped(file) => scan.skipped.push(file),
        }
    }
    Ok(scan)
}

fn read_one<H, R>(path: &Path, previous: Option<&Manifest>, checks: &Checks<H, R>) -> Outcome
where
    H: Fn(&str) -> bool + Sync,
    R: Fn(&RelatedBy) -> u64 + Sync,
{
    let stem = path
        .file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_default();
    let skipped = || Outcome::Skipped(format!("articles/{stem}.json"));
    let Ok(stat) = Stat::of(path) else {
        return skipped();
    };
    let recorded = previous
        .and_then(|manifest| manifest.article(&stem))
        .filter(|record| {
            record
                .related_by(&stem)
                .is_some_and(|by| record.has_related_hash((checks.related_hash)(&by)))
        })
        .filter(|_| (checks.has_pages)(&stem));
    if let Some(record) = recorded.filter(|record| record.has_stat(stat)) {
        if let Some(listed) = listed_from(&stem, record) {
            return Outcome::Unchanged(listed, record.clone());
        }
    }
    let Ok(text) = std::fs::read_to_string(path) else {
        return skipped();
    };
    let hash = fingerprint([text.as_bytes()]);
    if let Some(record) = recorded.filter(|record| record.has_hash(hash)) {
        if let Some(listed) = listed_from(&stem, record) {
            return Outcome::Unchanged(listed, record.clone().with_stat(stat));
        }
    }
    match parse_article_with_seo(&text) {
        Ok(parsed) if parsed.document.0.slug.as_str() == stem => {
            let (article, seo) = parsed.document;
            let related_hash = (checks.related_hash)(&RelatedBy::of(&article));
            let record = Recorded::new(stat, hash, &article, &seo, related_hash);
            Outcome::Changed(Box::new((article, seo)), record)
        }
        _ => skipped(),
    }
}

/// The listing of a recorded article; `None` when the record does not read back (then the
/// document is parsed again).
fn listed_from(stem: &str, record: &Recorded) -> Option<Listed> {
    let date = |text: &Option<String>| match text {
        Some(text) => Timestamp::parse(text).map(Some),
        None => Some(None),
    };
    Some(Listed {
        slug: Slug::parse(stem)?,
        published: date(&record.published)?,
        updated: date(&record.updated)?,
        authors: record.authors.clone(),
        is_noindex: record.is_noindex,
    })
}

/// The `n` newest articles, parsed: those this build rendered as they are, the others read
/// again from `content` (they are few: what the feeds carry).
pub fn newest_articles(content: &Path, scan: &ArticleScan, n: usize) -> Vec<Article> {
    let rendered: HashMap<&str, &Article> = scan
        .to_render
        .iter()
        .map(|article| (article.slug.as_str(), article))
        .collect();
    let newest: Vec<&Listed> = crate::feeds::newest_first(&scan.listed, |listed| {
        listed.published.as_ref().map(Timestamp::unix_seconds)
    })
    .into_iter()
    .take(n)
    .collect();
    let read = crate::parallel::map(&newest, |listed| {
        let slug = listed.slug.as_str();
        match rendered.get(slug) {
            Some(article) => Some((*article).clone()),
            None => read_article(&content.join("articles").join(format!("{slug}.json"))),
        }
    });
    read.into_iter().flatten().collect()
}

fn read_article(path: &Path) -> Option<Article> {
    let text = std::fs::read_to_string(path).ok()?;
    parse_article(&text).ok().map(|parsed| parsed.document)
}
