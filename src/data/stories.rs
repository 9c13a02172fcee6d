//! Where the pages get their stories: this project's own JSON documents, or a publisher's
//! WordPress, Ghost or JSON Feed read live ([`live`], only in the build that reads sources).
//! Pages ask for "the first page", "the next page", "this story" and need not know which.
//!
//! Kept to a few plain async functions around one non-generic fetch: every generic future
//! is compiled once per use, and all of it ships on the first page.

#[cfg(feature = "live-sources")]
mod live;

use leptos::prelude::{Callback, LocalResource};
use news_model::sources::{ContentSource, PageNumber};
use news_model::topic::Topic;
use news_model::{Article, FeedIndex, Route, Slug};
use news_views::load_error::{LoadError, SettingsProblem};
use news_views::site::UrlParser;

#[cfg(not(feature = "live-sources"))]
use super::fetch::load_article;
use super::fetch::{forget, load_feed_index, retryable, Loaded};
use super::links::BrowserUrls;
use super::settings::Settings;

/// Which kind of document a slug names: a story, or one of the site's own pages (About).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Document {
    Article,
    SitePage,
}

impl Document {
    /// The slug and the kind of document `route` names, if it names one.
    pub fn of_route(route: Route) -> Option<(Slug, Document)> {
        match route {
            Route::Article(slug) => Some((slug, Document::Article)),
            Route::Page(slug) => Some((slug, Document::SitePage)),
            _ => None,
        }
    }
}

/// Where this build reads stories from. There are two builds of the app, and a page's boot
/// script loads the one its settings call for: one reads this project's own JSON documents,
/// the other (the `live-sources` feature) a publisher's source, so neither carries the other's
/// reading on its first page. A `cfg`, not a run-time value: the state machines of async
/// functions keep every branch a run-time value may take.
enum Reading {
    /// This project's own JSON documents.
    #[cfg(not(feature = "live-sources"))]
    Own,
    /// A publisher's WordPress, Ghost or JSON Feed, read live.
    #[cfg(feature = "live-sources")]
    Source(ContentSource),
}

fn reading(settings: &Settings) -> Result<Reading, LoadError> {
    let source = settings
        .source
        .clone()
        .map_err(|problem| LoadError::Settings(SettingsProblem::Source(problem)))?;
    let wrong_build = |source: &ContentSource| {
        LoadError::Settings(SettingsProblem::WrongBuild {
            source: source.kind_name(),
        })
    };
    match source {
        #[cfg(not(feature = "live-sources"))]
        ContentSource::Json => Ok(Reading::Own),
        #[cfg(feature = "live-sources")]
        ContentSource::Json => Err(wrong_build(&source)),
        #[cfg(not(feature = "live-sources"))]
        source => Err(wrong_build(&source)),
        #[cfg(feature = "live-sources")]
        source => Ok(Reading::Source(source)),
    }
}

/// A page of the feed: its stories, the number to ask for the next one, and how the next one
/// is read.
#[derive(Clone)]
pub struct FeedPage {
    pub loaded: Loaded<FeedIndex>,
    pub number: PageNumber,
    pub format: PageFormat,
}

/// How a page of stories was written, and so how the page its `next` names is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PageFormat {
    /// This project's index format (the content folder, a topic's documents).
    Own,
    /// The answer of the source the site reads (WordPress, Ghost, a JSON Feed).
    #[cfg(feature = "live-sources")]
    Source,
}

/// Which stories a list page shows: the home's, or a section's, tag's or author's.
#[derive(Clone, Debug, PartialEq)]
pub enum Listing {
    Home,
    Topic(Topic),
}

/// The first page of `listing`'s stories.
pub async fn first_page(settings: Settings, listing: Listing) -> Result<FeedPage, LoadError> {
    match listing {
        Listing::Home => first_feed_page(settings).await,
        Listing::Topic(topic) => first_topic_page(settings, topic).await,
    }
}

/// The first page of `listing` as it is now, asked again rather than taken from this visit's
/// cache (`shown` is the address it came from); the browser revalidates with the server where
/// it can, so an unchanged page costs a 304.
pub async fn fresh_first_page(
    settings: Settings,
    listing: Listing,
    shown: &str,
) -> Result<FeedPage, LoadError> {
    forget(shown);
    first_page(settings, listing).await
}

/// The first page of stories.
pub async fn first_feed_page(settings: Settings) -> Result<FeedPage, LoadError> {
    let number = PageNumber(1);
    let (loaded, format) = match reading(&settings)? {
        #[cfg(not(feature = "live-sources"))]
        Reading::Own => (
            load_feed_index(settings.content.index_url.clone()).await?,
            PageFormat::Own,
        ),
        #[cfg(feature = "live-sources")]
        Reading::Source(source) => (
            live::first_feed_page(&source, &settings).await?,
            PageFormat::Source,
        ),
    };
    Ok(FeedPage {
        loaded,
        number,
        format,
    })
}

/// The first page of a section's or tag's stories: the topic's own index document when the
/// site has one (a built site, whichever source it reads), else the stories of the feed's first
/// page that belong to it (content without topic documents, a source read live). `NotFound`
/// when there are none.
async fn first_topic_page(settings: Settings, topic: Topic) -> Result<FeedPage, LoadError> {
    let number = PageNumber(1);
    let url = BrowserUrls
        .join(&settings.content.index_url, &topic.document_path(1))
        .map(|url| url.href);
    if let Some(url) = url {
        let is_live_source = cfg!(feature = "live-sources");
        match load_feed_index(url).await {
            Ok(loaded) => {
                return Ok(FeedPage {
                    loaded,
                    number,
                    format: PageFormat::Own,
                })
            }
            // No document for this topic; or a site reading a source live, which may have no
            // content folder at all: filter the feed instead.
            Err(LoadError::NotFound) => {}
            Err(_) if is_live_source => {}
            Err(error) => return Err(error),
        }
    }
    #[cfg(feature = "live-sources")]
    if let Ok(Reading::Source(source)) = reading(&settings) {
        if let Some(page) = live::first_topic_page(&source, &settings, &topic).await {
            match page {
                // Nothing there (a key the source spells otherwise): look in the feed below.
                Ok(page) if page.loaded.document.entries.is_empty() => {}
                page => return page,
            }
        }
    }
    let first = first_feed_page(settings).await?;
    let entries = first.loaded.document.into_newest_first();
    let document = topic.filtered(&entries).ok_or(LoadError::NotFound)?;
    Ok(FeedPage {
        loaded: Loaded {
            document,
            url: first.loaded.url,
        },
        number,
        format: first.format,
    })
}

/// The first page of what the source's own search (WordPress, Ghost) finds for `query`;
/// `None` when the site reads no source or its source has no search. Its later pages are read
/// with [`next_feed_page`].
#[cfg_attr(not(feature = "live-sources"), allow(unused_variables))]
pub async fn first_source_search_page(
    settings: Settings,
    query: String,
) -> Option<Result<FeedPage, LoadError>> {
    match reading(&settings).ok()? {
        #[cfg(not(feature = "live-sources"))]
        Reading::Own => None,
        #[cfg(feature = "live-sources")]
        Reading::Source(source) => live::first_search_page(&source, &settings, &query).await,
    }
}

/// The page after `previous` (number and format), at `url` (the previous page's `next`).
#[cfg_attr(not(feature = "live-sources"), allow(unused_variables))]
pub async fn next_feed_page(
    settings: Settings,
    url: String,
    previous: (PageNumber, PageFormat),
) -> Result<FeedPage, LoadError> {
    let (previous, format) = previous;
    let number = PageNumber(previous.0 + 1);
    let loaded = match format {
        PageFormat::Own => load_feed_index(url).await?,
        #[cfg(feature = "live-sources")]
        PageFormat::Source => match reading(&settings)? {
            Reading::Source(source) => {
                live::next_feed_page(&source, &settings, url, number).await?
            }
        },
    };
    Ok(FeedPage {
        loaded,
        number,
        format,
    })
}

/// One story, or one of the site's own pages (About, Contact: `content/pages/{slug}.json`, or
/// the source's `pages`), read as a story is: the page drops a story's parts (see
/// `news_model::SitePage`).
pub async fn story(
    settings: Settings,
    slug: Slug,
    document: Document,
) -> Result<Loaded<Article>, LoadError> {
    match reading(&settings)? {
        #[cfg(not(feature = "live-sources"))]
        Reading::Own => {
            let url = match document {
                Document::Article => settings.article_url(&slug),
                Document::SitePage => settings.content.page_url(&settings.site, &slug),
            };
            load_article(url).await
        }
        #[cfg(feature = "live-sources")]
        Reading::Source(source) => live::story(&source, &settings, &slug, document).await,
    }
}

/// [`story`] as a load the reader can retry (see [`retryable`]). The article page and the
/// widget both load through this one function: a resource's code is compiled once per
/// closure type, and all of it ships on the first page.
pub fn retryable_story(
    settings: Settings,
    slug: Slug,
    document: Document,
) -> (
    LocalResource<Result<Loaded<Article>, LoadError>>,
    Callback<()>,
) {
    retryable(move || story(settings.clone(), slug.clone(), document))
}

/// Where a story is loaded from, to start loading it early; `None` when it comes in a feed.
pub fn story_url(settings: &Settings, slug: &Slug) -> Option<String> {
    match reading(settings).ok()? {
        #[cfg(not(feature = "live-sources"))]
        Reading::Own => Some(settings.article_url(slug)),
        #[cfg(feature = "live-sources")]
        Reading::Source(source) => live::story_url(&source, slug),
    }
}
