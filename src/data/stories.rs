//! Where the pages get their stories: this project's own JSON documents, or a publisher's
//! WordPress, Ghost or JSON Feed read live (fetched here, read by the model's mappings, see
//! [`super::source_reading`]). Pages ask for "the first page", "the next page", "this story"
//! and need not know which.
//!
//! Kept to a few plain async functions around one non-generic fetch: every generic future
//! is compiled once per use, and all of it ships on the first page.

use std::cell::Cell;
use std::rc::Rc;

use news_model::search::RESULTS_PER_PAGE;
use news_model::sources::{ContentSource, Detail, PageNumber, Paging, WordPressRoutes};
use news_model::topic::Topic;
use news_model::{Article, FeedIndex, Slug, STORIES_ON_FIRST_SCREEN};
use news_views::load_error::LoadError;
use news_views::site::UrlParser;

use super::fetch::{cached_or_fetched, forget, load_article, load_feed_index, Body, Loaded};
use super::links::BrowserUrls;
use super::settings::Settings;
use super::source_reading::{read_article, read_feed_page};

/// How far a JSON Feed is followed to find a story that is not on its first page.
const MAX_FEED_PAGES_SEARCHED: u32 = 10;

thread_local! {
    // How the WordPress site's API is addressed, found out on the first request.
    static WORDPRESS_ROUTES: Cell<WordPressRoutes> = const { Cell::new(WordPressRoutes::Pretty) };
    // Whether an answer has come through that style yet (then a failure is not its fault).
    static ROUTES_ANSWERED: Cell<bool> = const { Cell::new(false) };
}

fn paging() -> Paging {
    Paging {
        routes: WORDPRESS_ROUTES.with(Cell::get),
        // The first page fills the first screen, as the prerendered home does.
        per_page: STORIES_ON_FIRST_SCREEN as u32,
        detail: Detail::Summaries,
    }
}

fn source(settings: &Settings) -> Result<ContentSource, LoadError> {
    settings.source.clone().map_err(LoadError::Settings)
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
    Source,
}

/// Which stories a list page shows: the home's, or a section's or tag's.
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
    let (loaded, format) = match source(&settings)? {
        ContentSource::Json => (
            load_feed_index(settings.content.index_url.clone()).await?,
            PageFormat::Own,
        ),
        source => {
            let answer = source_answer(&source, &|routes| {
                source.feed_page_url(number, Paging { routes, ..paging() })
            })
            .await?;
            (feed_page_of(&settings, answer, number)?, PageFormat::Source)
        }
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
        let is_live_source = !matches!(source(&settings)?, ContentSource::Json);
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
    if let Some(page) = source_topic_page(&settings, &topic).await {
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
/// `None` when the source has no search. Its later pages are read with [`next_feed_page`].
pub async fn first_source_search_page(
    settings: Settings,
    query: String,
) -> Option<Result<FeedPage, LoadError>> {
    let source = settings.source.clone().ok()?;
    let number = PageNumber(1);
    let paging = Paging {
        per_page: RESULTS_PER_PAGE as u32,
        ..paging()
    };
    source.search_page_url(&query, number, paging)?;
    let answer = source_answer(&source, &|routes| {
        source.search_page_url(&query, number, Paging { routes, ..paging })
    })
    .await;
    let loaded = match answer {
        Ok(answer) => feed_page_of(&settings, answer, number),
        Err(error) => Err(error),
    };
    Some(loaded.map(|loaded| FeedPage {
        loaded,
        number,
        format: PageFormat::Source,
    }))
}

/// The first page of a topic's stories by the source's own filtering (WordPress categories
/// and tags, Ghost's tags); `None` for sources that cannot filter.
async fn source_topic_page(
    settings: &Settings,
    topic: &Topic,
) -> Option<Result<FeedPage, LoadError>> {
    let source = settings.source.clone().ok()?;
    let number = PageNumber(1);
    let term = match source.topic_term_url(topic, WORDPRESS_ROUTES.with(Cell::get)) {
        None => None,
        Some(_) => {
            match source_answer(&source, &|routes| source.topic_term_url(topic, routes)).await {
                Ok((_, body)) => Some(body),
                Err(error) => return Some(Err(error)),
            }
        }
    };
    let term = term.as_ref().map(|body| body.text.as_str());
    // WordPress knows no such term: nothing to list.
    source.topic_page_url(topic, term, number, paging())?;
    let answer = source_answer(&source, &|routes| {
        source.topic_page_url(topic, term, number, Paging { routes, ..paging() })
    })
    .await;
    let loaded = match answer {
        Ok(answer) => feed_page_of(settings, answer, number),
        Err(error) => Err(error),
    };
    Some(loaded.map(|loaded| FeedPage {
        loaded: Loaded {
            document: topic.titled(loaded.document),
            url: loaded.url,
        },
        number,
        format: PageFormat::Source,
    }))
}

/// The page after `previous` (number and format), at `url` (the previous page's `next`).
pub async fn next_feed_page(
    settings: Settings,
    url: String,
    previous: (PageNumber, PageFormat),
) -> Result<FeedPage, LoadError> {
    let (previous, format) = previous;
    let number = PageNumber(previous.0 + 1);
    let loaded = match (format, source(&settings)?) {
        (PageFormat::Own, _) | (_, ContentSource::Json) => load_feed_index(url).await?,
        (PageFormat::Source, _) => {
            let body = cached_or_fetched(&url).await?;
            feed_page_of(&settings, (url, body), number)?
        }
    };
    Ok(FeedPage {
        loaded,
        number,
        format,
    })
}

/// One story.
pub async fn story(settings: Settings, slug: Slug) -> Result<Loaded<Article>, LoadError> {
    let source = source(&settings)?;
    match source {
        ContentSource::Json => load_article(settings.article_url(&slug)).await,
        ContentSource::JsonFeed { .. } => story_from_feed(&source, &settings, &slug).await,
        _ => {
            let (url, body) =
                source_answer(&source, &|routes| source.article_url(&slug, routes)).await?;
            let read = read_article(&source, &url, &body)
                // An address that names one story but answers with another is not that story.
                .and_then(|article| {
                    (article.slug == slug)
                        .then_some(article)
                        .ok_or(LoadError::NotFound)
                });
            if read.is_err() {
                forget(&url);
            }
            Ok(Loaded {
                document: read?,
                url,
            })
        }
    }
}

/// Where a story is loaded from, to start loading it early; `None` when it comes in a feed.
pub fn story_url(settings: &Settings, slug: &Slug) -> Option<String> {
    match settings.source.as_ref().ok()? {
        ContentSource::Json => Some(settings.article_url(slug)),
        source => source.article_url(slug, WORDPRESS_ROUTES.with(Cell::get)),
    }
}

/// The source's answer at the address `url_for` writes in the remembered WordPress route
/// style. Until the pretty `wp-json/` address has answered once, a 404 or a page instead of
/// JSON there (pretty permalinks off) switches to `?rest_route=` for this visit.
async fn source_answer(
    source: &ContentSource,
    url_for: &dyn Fn(WordPressRoutes) -> Option<String>,
) -> Result<(String, Rc<Body>), LoadError> {
    let no_address = || LoadError::Settings("the source has no address".into());
    let routes = WORDPRESS_ROUTES.with(Cell::get);
    let url = url_for(routes).ok_or_else(no_address)?;
    let answer = match cached_or_fetched(&url).await {
        Err(LoadError::NotFound | LoadError::NotJson)
            if matches!(source, ContentSource::WordPress { .. })
                && routes == WordPressRoutes::Pretty
                && !ROUTES_ANSWERED.with(Cell::get) =>
        {
            WORDPRESS_ROUTES.with(|routes| routes.set(WordPressRoutes::Query));
            let url = url_for(WordPressRoutes::Query).ok_or_else(no_address)?;
            let body = cached_or_fetched(&url).await?;
            (url, body)
        }
        answer => (url, answer?),
    };
    ROUTES_ANSWERED.with(|answered| answered.set(true));
    Ok(answer)
}

fn feed_page_of(
    settings: &Settings,
    (url, body): (String, Rc<Body>),
    number: PageNumber,
) -> Result<Loaded<FeedIndex>, LoadError> {
    match read_feed_page(&source(settings)?, &settings.site.name, &url, &body, number) {
        Ok(page) => Ok(Loaded {
            document: page.index,
            url,
        }),
        Err(error) => {
            forget(&url);
            Err(error)
        }
    }
}

/// A feed carries its stories whole: the story is found in its pages.
async fn story_from_feed(
    source: &ContentSource,
    settings: &Settings,
    slug: &Slug,
) -> Result<Loaded<Article>, LoadError> {
    let mut url = source
        .feed_page_url(PageNumber(1), paging())
        .ok_or_else(|| LoadError::Settings("the feed has no address".into()))?;
    for number in 1..=MAX_FEED_PAGES_SEARCHED {
        let body = cached_or_fetched(&url).await?;
        let page = read_feed_page(source, &settings.site.name, &url, &body, PageNumber(number))
            .inspect_err(|_| forget(&url))?;
        if let Some(found) = page
            .articles
            .into_iter()
            .find(|article| article.slug == *slug)
        {
            return Ok(Loaded {
                document: found,
                url,
            });
        }
        url = page.index.next.ok_or(LoadError::NotFound)?.to_string();
    }
    Err(LoadError::NotFound)
}
