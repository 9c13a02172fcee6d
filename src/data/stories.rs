//! Where the pages get their stories: this project's own JSON documents, or a publisher's
//! WordPress, Ghost or JSON Feed read live ([`live`]). Pages ask for "the first page", "the
//! next page", "this story" and need not know which: this build's [`StoryReader`] answers.
//!
//! Kept to a few plain async functions around one non-generic fetch: every generic future
//! is compiled once per use, and all of it ships on the first page.

// The build chooses its reader here (see `ThisBuildsReader`), and only here.
#[cfg(feature = "live-sources")]
pub mod live;

use std::convert::Infallible;
use std::future::{ready, Future};

use leptos::prelude::{Callback, LocalResource};
use news_model::sources::PageNumber;
use news_model::topic::Topic;
use news_model::{Article, FeedIndex, Route, Slug};
use news_views::load_error::LoadError;
use news_views::site::UrlParser;

use super::fetch::{forget, load_article, load_feed_index, retryable, Loaded};
use super::links::BrowserUrls;
use super::settings::Settings;

/// The reader of this build of the app. There are two builds, and a page's boot script loads
/// the one its settings call for: `news_blog` reads this project's own JSON documents
/// ([`OwnDocuments`]), `news_blog_live` (the cargo feature `live-sources`) a publisher's
/// source (`live::LiveSources`). The build chooses here, once, and every call below is to
/// that reader's functions, so the other's reading is never called and the linker leaves it
/// out of the wasm: a site of its own JSON carries none of the sources' code. (A run-time
/// choice between both would not: async functions compile to state machines that keep every
/// branch a run-time value may take.)
#[cfg(not(feature = "live-sources"))]
pub type ThisBuildsReader = OwnDocuments;
#[cfg(feature = "live-sources")]
pub type ThisBuildsReader = live::LiveSources;

/// The served page's settings, with what this build's reader reads of them: the boot script
/// gives a page that names a publisher's source the build that reads sources, whose reader
/// reads the source's settings.
pub fn page_settings() -> Settings {
    let mut settings = Settings::from_page();
    ThisBuildsReader::read_settings(&mut settings);
    settings
}

/// How a build of the app reads stories (see [`ThisBuildsReader`]). A reader of a source also
/// says why it cannot read a site's source (its settings are unusable, or name this project's
/// own JSON, which the other build reads).
pub trait StoryReader {
    /// What a page of the source's own format carries: nothing, for a reader that reads
    /// one; [`Infallible`] for one that does not, so that no such page can exist in its build.
    type SourcePageMark: Clone + Copy + std::fmt::Debug + PartialEq + Eq;
    /// Whether it reads a publisher's source (else this project's own JSON documents).
    const READS_A_SOURCE: bool;
    /// Reads the page settings this reader needs into `settings` (a source's address).
    fn read_settings(settings: &mut Settings);
    /// The first page of the stories, and its format.
    fn first_feed_page(
        settings: &Settings,
    ) -> impl Future<Output = Result<(Loaded<FeedIndex>, PageFormat), LoadError>>;
    /// The first page of a topic's stories by the source's own filtering; `None` when it
    /// cannot filter by the topic.
    fn first_topic_page(
        settings: &Settings,
        topic: &Topic,
    ) -> impl Future<Output = Option<Result<FeedPage, LoadError>>>;
    /// The first page of the source's own search for `query`; `None` without one.
    fn first_search_page(
        settings: &Settings,
        query: &str,
    ) -> impl Future<Output = Option<Result<FeedPage, LoadError>>>;
    /// Page `number` of the source's stories, at `url` (the previous page's `next`).
    fn next_source_page(
        settings: &Settings,
        url: String,
        number: PageNumber,
        page: Self::SourcePageMark,
    ) -> impl Future<Output = Result<Loaded<FeedIndex>, LoadError>>;
    /// One story, or one of the site's own pages.
    fn story(
        settings: &Settings,
        slug: &Slug,
        document: Document,
    ) -> impl Future<Output = Result<Loaded<Article>, LoadError>>;
    /// Where a story is loaded from, to start loading it early; `None` when it comes in a feed.
    fn story_url(settings: &Settings, slug: &Slug) -> Option<String>;
}

/// This project's own JSON documents: the content folder's index pages and articles. The
/// build that reads them never reads a source's settings, so its source is always this.
pub struct OwnDocuments;

impl StoryReader for OwnDocuments {
    type SourcePageMark = Infallible;
    const READS_A_SOURCE: bool = false;

    // Its settings are the content URLs every build reads.
    fn read_settings(_settings: &mut Settings) {}

    async fn first_feed_page(
        settings: &Settings,
    ) -> Result<(Loaded<FeedIndex>, PageFormat), LoadError> {
        let loaded = load_feed_index(settings.content.index_url.clone()).await?;
        Ok((loaded, PageFormat::Own))
    }

    fn first_topic_page(
        _settings: &Settings,
        _topic: &Topic,
    ) -> impl Future<Output = Option<Result<FeedPage, LoadError>>> {
        ready(None)
    }

    fn first_search_page(
        _settings: &Settings,
        _query: &str,
    ) -> impl Future<Output = Option<Result<FeedPage, LoadError>>> {
        ready(None)
    }

    async fn next_source_page(
        _settings: &Settings,
        _url: String,
        _number: PageNumber,
        page: Infallible,
    ) -> Result<Loaded<FeedIndex>, LoadError> {
        match page {}
    }

    fn story(
        settings: &Settings,
        slug: &Slug,
        document: Document,
    ) -> impl Future<Output = Result<Loaded<Article>, LoadError>> {
        load_article(match document {
            Document::Article => settings.article_url(slug),
            Document::SitePage => settings.content.page_url(&settings.site, slug),
        })
    }

    fn story_url(settings: &Settings, slug: &Slug) -> Option<String> {
        Some(settings.article_url(slug))
    }
}

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
    /// The answer of the source the site reads (WordPress, Ghost, a JSON Feed); a build that
    /// reads none has no such pages.
    Source(<ThisBuildsReader as StoryReader>::SourcePageMark),
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
    let (loaded, format) = ThisBuildsReader::first_feed_page(&settings).await?;
    Ok(FeedPage {
        loaded,
        number: PageNumber(1),
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
            Err(_) if ThisBuildsReader::READS_A_SOURCE => {}
            Err(error) => return Err(error),
        }
    }
    if let Some(page) = ThisBuildsReader::first_topic_page(&settings, &topic).await {
        match page {
            // Nothing there (a key the source spells otherwise): look in the feed below.
            Ok(page) if page.loaded.document.entries.is_empty() => {}
            page => return page,
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
pub async fn first_source_search_page(
    settings: Settings,
    query: String,
) -> Option<Result<FeedPage, LoadError>> {
    ThisBuildsReader::first_search_page(&settings, &query).await
}

/// The page after `previous` (number and format), at `url` (the previous page's `next`).
pub async fn next_feed_page(
    settings: Settings,
    url: String,
    previous: (PageNumber, PageFormat),
) -> Result<FeedPage, LoadError> {
    let (previous, format) = previous;
    let number = PageNumber(previous.0 + 1);
    let loaded = match format {
        PageFormat::Own => load_feed_index(url).await?,
        PageFormat::Source(page) => {
            ThisBuildsReader::next_source_page(&settings, url, number, page).await?
        }
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
    ThisBuildsReader::story(&settings, &slug, document).await
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
    ThisBuildsReader::story_url(settings, slug)
}
