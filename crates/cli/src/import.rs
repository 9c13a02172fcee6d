//! `news-blog import`: a publisher's WordPress, Ghost or JSON Feed stories written out as this
//! project's own content folder (a paged index and one file per article; pictures stay where
//! they are, referenced by URL), for fully static hosting, migration, or a build to prerender.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use news_model::html::native::{document_language, NativeHtml};
use news_model::sources::{ContentSource, Detail, PageNumber, Paging, Skipped, WordPressRoutes};
use news_model::{
    article_to_json, feed_index_to_json, FeedEntry, FeedIndex, LanguageTag, Link, StoryLink,
};
use serde_json::Value;

use crate::files::{write, FileError};
use crate::progress::Progress;
use crate::source_client::{Client, FetchError, Fetched};

/// Stories asked for per request, and listed per index page written.
const PER_PAGE: u32 = 50;
/// A source that pages on past this is not followed further.
const MAX_PAGES: u32 = 100_000;

/// What an import wrote and what it left out.
pub struct Imported {
    pub n_articles: usize,
    pub site_name: String,
    /// The site's language, as the source says it.
    pub language: Option<LanguageTag>,
    pub skipped: Vec<Skipped>,
    /// What the body mapping left out across all stories, with counts.
    pub dropped: BTreeMap<String, usize>,
}

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("this source is the project's own JSON format: there is nothing to import")]
    OwnFormat,
    #[error(transparent)]
    Fetch(#[from] FetchError),
    #[error("{url}: {reason}")]
    Unreadable { url: String, reason: String },
    #[error(transparent)]
    File(#[from] FileError),
}

/// Imports every story of `source` into the content folder `out` (its `index*.json` and
/// `articles/*.json` are replaced).
pub fn import(source: &ContentSource, out: &Path) -> Result<Imported, ImportError> {
    if *source == ContentSource::Json {
        return Err(ImportError::OwnFormat);
    }
    let client = Client::new();
    let parser = NativeHtml;
    let (routes, first) = first_page(&client, source)?;
    let SiteFacts {
        name: site_name,
        language,
    } = site_facts(&client, source, routes, &first);
    clear_content(out)?;

    let mut imported = Imported {
        n_articles: 0,
        site_name: site_name.clone(),
        language: language.clone(),
        skipped: Vec::new(),
        dropped: BTreeMap::new(),
    };
    let mut entries: Vec<FeedEntry> = Vec::new();
    let mut description = None;
    let total = first
        .total_items
        .or_else(|| ghost_total(&first))
        .map(|total| total as usize);
    let mut progress = Progress::new("posts fetched", total);
    let mut fetched = first;
    let paging = paging(routes);
    for number in 1..=MAX_PAGES {
        let page = source
            .read_feed_page(
                fetched.answer(PageNumber(number)),
                &parser,
                &site_name,
                paging.detail,
            )
            .map_err(|error| ImportError::Unreadable {
                url: fetched.url.clone(),
                reason: error.to_string(),
            })?;
        description = description.or(page.index.description);
        for mapped in page.articles {
            progress.tick();
            for what in mapped.dropped {
                *imported.dropped.entry(what).or_default() += 1;
            }
            let path = out
                .join("articles")
                .join(format!("{}.json", mapped.article.slug));
            write(&path, pretty(&article_to_json(&mapped.article)))?;
            imported.n_articles += 1;
        }
        imported.skipped.extend(page.skipped);
        for entry in page.index.entries {
            match entry.story {
                StoryLink::Here(_) => entries.push(entry),
                StoryLink::Elsewhere(link) => imported.skipped.push(Skipped {
                    story: link.to_string(),
                    reason: "it is read at its own address (which gives no slug this format can use, or the feed carries only its summary): a live feed lists it, linking there".into(),
                }),
            }
        }
        let Some(next) = page.index.next else {
            break;
        };
        fetched = client.get_json(next.as_str())?;
    }
    progress.finish();
    write_index(
        out,
        IndexHead {
            title: &site_name,
            description,
            language,
        },
        entries,
    )?;
    Ok(imported)
}

/// Pages of [`PER_PAGE`] whole stories.
fn paging(routes: WordPressRoutes) -> Paging {
    Paging {
        routes,
        per_page: PER_PAGE,
        detail: Detail::WholeStories,
    }
}

/// The first page, finding out on the way how a WordPress site's API is addressed: its
/// `wp-json/` path, or `?rest_route=` when pretty permalinks are off.
fn first_page(
    client: &Client,
    source: &ContentSource,
) -> Result<(WordPressRoutes, Fetched), ImportError> {
    let url = |routes| {
        source
            .feed_page_url(PageNumber(1), paging(routes))
            .ok_or(ImportError::OwnFormat)
    };
    match client.get_json(&url(WordPressRoutes::Pretty)?) {
        Err(FetchError::Status { status: 404, .. } | FetchError::NotJson { .. })
            if matches!(source, ContentSource::WordPress { .. }) =>
        {
            let fetched = client.get_json(&url(WordPressRoutes::Query)?)?;
            Ok((WordPressRoutes::Query, fetched))
        }
        result => Ok((WordPressRoutes::Pretty, result?)),
    }
}

/// What a source says about the site itself.
struct SiteFacts {
    /// Its own name: WordPress's and Ghost's settings, a feed's title; else its host.
    name: String,
    /// Its language: a feed's `language`, Ghost's `locale`, the `<html lang>` of a WordPress
    /// site's home page (its REST API does not say).
    language: Option<LanguageTag>,
}

fn site_facts(
    client: &Client,
    source: &ContentSource,
    routes: WordPressRoutes,
    first: &Fetched,
) -> SiteFacts {
    let json = |url: String| -> Option<Value> {
        serde_json::from_str(&client.get_json(&url).ok()?.body).ok()
    };
    let (about, name_at, language) = match source {
        ContentSource::WordPress { site } => (
            json(match routes {
                WordPressRoutes::Pretty => format!("{site}wp-json/"),
                WordPressRoutes::Query => format!("{site}?rest_route=/"),
            }),
            &["name"][..],
            client
                .get_html(site)
                .ok()
                .and_then(|home| document_language(&home.body))
                .and_then(|lang| LanguageTag::from_locale(&lang)),
        ),
        ContentSource::Ghost { site, key } => {
            let settings = json(format!("{site}ghost/api/content/settings/?key={key}"));
            let language = settings
                .as_ref()
                .and_then(|settings| text_at(settings, &["settings", "locale"]))
                .and_then(LanguageTag::from_locale);
            (settings, &["settings", "title"][..], language)
        }
        ContentSource::JsonFeed { .. } => {
            let feed = serde_json::from_str::<Value>(&first.body).ok();
            let language = feed
                .as_ref()
                .and_then(|feed| text_at(feed, &["language"]))
                .and_then(LanguageTag::from_locale);
            (feed, &["title"][..], language)
        }
        ContentSource::Json => (None, &[][..], None),
    };
    let name = about
        .as_ref()
        .and_then(|about| text_at(about, name_at))
        .and_then(|name| news_model::html::text_from_html(&NativeHtml, name))
        .or_else(|| {
            let address = source.address()?;
            let host = url::Url::parse(address).ok()?.host_str()?.to_owned();
            Some(host)
        })
        .unwrap_or_else(|| news_model::DEFAULT_SITE_NAME.to_owned());
    SiteFacts { name, language }
}

/// The string at `path` (object keys) of a JSON answer.
fn text_at<'a>(value: &'a Value, path: &[&str]) -> Option<&'a str> {
    path.iter()
        .try_fold(value, |value, key| value.get(key))?
        .as_str()
}

/// Ghost's count of all posts (`meta.pagination.total`), for the progress line.
fn ghost_total(first: &Fetched) -> Option<u32> {
    let value: Value = serde_json::from_str(&first.body).ok()?;
    let total = value
        .get("meta")?
        .get("pagination")?
        .get("total")?
        .as_u64()?;
    u32::try_from(total).ok()
}

/// Removes what an earlier import or the sample content left: the index pages and articles.
fn clear_content(out: &Path) -> Result<(), FileError> {
    let remove_json = |dir: PathBuf, only_index: bool| -> Result<(), FileError> {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            return Ok(());
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            let is_json = name.ends_with(".json");
            let is_index = name == "index.json" || name.starts_with("index-");
            if is_json && (!only_index || is_index) {
                std::fs::remove_file(&path).map_err(FileError::at(&path))?;
            }
        }
        Ok(())
    };
    remove_json(out.join("articles"), false)?;
    remove_json(out.to_owned(), true)
}

/// What every index page says about the site.
struct IndexHead<'a> {
    title: &'a str,
    description: Option<String>,
    language: Option<LanguageTag>,
}

/// The index, newest first, as pages of [`PER_PAGE`] linked by `next`.
fn write_index(out: &Path, head: IndexHead<'_>, entries: Vec<FeedEntry>) -> Result<(), FileError> {
    let entries = FeedIndex {
        title: String::new(),
        description: None,
        entries,
        next: None,
        language: None,
    }
    .into_newest_first();
    let chunks: Vec<&[FeedEntry]> = if entries.is_empty() {
        vec![&[]]
    } else {
        entries.chunks(PER_PAGE as usize).collect()
    };
    let n_pages = chunks.len();
    for (idx, chunk) in chunks.into_iter().enumerate() {
        let page = FeedIndex {
            title: head.title.to_owned(),
            description: head.description.clone(),
            entries: chunk.to_vec(),
            next: (idx + 1 < n_pages)
                .then(|| Link::parse(&index_file(idx + 1)).ok())
                .flatten(),
            language: head.language.clone(),
        };
        write(
            &out.join(index_file(idx)),
            pretty(&feed_index_to_json(&page)),
        )?;
    }
    Ok(())
}

/// `index.json`, then `index-2.json`, `index-3.json` …
fn index_file(idx: usize) -> String {
    if idx == 0 {
        "index.json".to_owned()
    } else {
        format!("index-{}.json", idx + 1)
    }
}

fn pretty(value: &Value) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_else(|_| value.to_string());
    text.push('\n');
    text
}
