//! A publisher's WordPress, Ghost or JSON Feed, read live: fetched here, read by the model's
//! mappings (see [`crate::data::source_reading`]). The reader of the build that a page loads
//! when its settings name a source (`src/bin/news_blog_live.rs`); the other build never calls
//! it, so all of this, and the mappings it calls, stay out of its wasm.

use std::cell::Cell;
use std::rc::Rc;

use news_model::search::RESULTS_PER_PAGE;
use news_model::sources::{
    ContentSource, Detail, PageNumber, Paging, SourceSettingError, WordPressRoutes,
};
use news_model::topic::Topic;
use news_model::{Article, FeedIndex, Slug, STORIES_ON_FIRST_SCREEN};
use news_views::load_error::{LoadError, SettingsProblem};

use super::{Document, FeedPage, PageFormat, StoryReader};
use crate::data::fetch::{cached_or_fetched, forget, Body, Loaded};
use crate::data::inert_html::BrowserHtml;
use crate::data::settings::{meta_content, Settings};
use crate::data::source_reading::{read_article, read_feed_page};

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

/// A publisher's WordPress, Ghost or JSON Feed, read live.
pub struct LiveSources;

impl StoryReader for LiveSources {
    type SourcePageMark = ();
    const READS_A_SOURCE: bool = true;

    fn read_settings(settings: &mut Settings) {
        // The source's address may be written relative to the page, like the content URLs.
        let source_url = meta_content(news_model::SOURCE_URL_META)
            .filter(|url| !url.trim().is_empty())
            .map(|url| {
                settings
                    .site
                    .urls
                    .join(&settings.site.base_url, url.trim())
                    .map_or(url, |parsed| parsed.href)
            });
        settings.source = ContentSource::from_settings(
            meta_content(news_model::SOURCE_META).as_deref(),
            source_url.as_deref(),
            meta_content(news_model::SOURCE_KEY_META).as_deref(),
        );
        if let Err(problem) = &settings.source {
            web_sys::console::error_1(&format!("news-blog-source: {problem}").into());
        }
    }

    async fn first_feed_page(
        settings: &Settings,
    ) -> Result<(Loaded<FeedIndex>, PageFormat), LoadError> {
        let loaded = first_feed_page(&source(settings)?, settings).await?;
        Ok((loaded, PageFormat::Source(())))
    }

    async fn first_topic_page(
        settings: &Settings,
        topic: &Topic,
    ) -> Option<Result<FeedPage, LoadError>> {
        first_topic_page(&source(settings).ok()?, settings, topic).await
    }

    async fn first_search_page(
        settings: &Settings,
        query: &str,
    ) -> Option<Result<FeedPage, LoadError>> {
        first_search_page(&source(settings).ok()?, settings, query).await
    }

    async fn next_source_page(
        settings: &Settings,
        url: String,
        number: PageNumber,
        (): (),
    ) -> Result<Loaded<FeedIndex>, LoadError> {
        next_feed_page(&source(settings)?, settings, url, number).await
    }

    async fn story(
        settings: &Settings,
        slug: &Slug,
        document: Document,
    ) -> Result<Loaded<Article>, LoadError> {
        story(&source(settings)?, settings, slug, document).await
    }

    fn story_url(settings: &Settings, slug: &Slug) -> Option<String> {
        story_url(&source(settings).ok()?, slug)
    }
}

/// The site's source, or why this build cannot read it: its settings are unusable, or name
/// this project's own JSON, which the other build reads.
fn source(settings: &Settings) -> Result<ContentSource, LoadError> {
    match &settings.source {
        Ok(ContentSource::Json) => Err(LoadError::Settings(SettingsProblem::WrongBuild {
            source: ContentSource::Json.kind_name(),
        })),
        Ok(source) => Ok(source.clone()),
        Err(problem) => Err(LoadError::Settings(SettingsProblem::Source(
            problem.clone(),
        ))),
    }
}

/// The first page of the source's stories.
async fn first_feed_page(
    source: &ContentSource,
    settings: &Settings,
) -> Result<Loaded<FeedIndex>, LoadError> {
    let number = PageNumber(1);
    let answer = source_answer(source, &|routes| {
        source.feed_page_url(number, Paging { routes, ..paging() })
    })
    .await?;
    feed_page_of(source, settings, answer, number)
}

/// Page `number` of the source's stories, at `url` (the previous page's `next`).
async fn next_feed_page(
    source: &ContentSource,
    settings: &Settings,
    url: String,
    number: PageNumber,
) -> Result<Loaded<FeedIndex>, LoadError> {
    let body = cached_or_fetched(&url).await?;
    feed_page_of(source, settings, (url, body), number)
}

/// The first page of what the source's own search (WordPress, Ghost) finds for `query`;
/// `None` when the source has no search.
async fn first_search_page(
    source: &ContentSource,
    settings: &Settings,
    query: &str,
) -> Option<Result<FeedPage, LoadError>> {
    let number = PageNumber(1);
    let paging = Paging {
        per_page: RESULTS_PER_PAGE as u32,
        ..paging()
    };
    source.search_page_url(query, number, paging)?;
    let answer = source_answer(source, &|routes| {
        source.search_page_url(query, number, Paging { routes, ..paging })
    })
    .await;
    let loaded = answer.and_then(|answer| feed_page_of(source, settings, answer, number));
    Some(loaded.map(|loaded| FeedPage {
        loaded,
        number,
        format: PageFormat::Source(()),
    }))
}

/// The first page of a topic's stories by the source's own filtering (WordPress categories,
/// tags and users; Ghost's tags and authors), once the source has said its own term for the
/// topic; `None` for sources that cannot filter, and when the source has no such term.
async fn first_topic_page(
    source: &ContentSource,
    settings: &Settings,
    topic: &Topic,
) -> Option<Result<FeedPage, LoadError>> {
    let number = PageNumber(1);
    source.topic_term_url(topic, WORDPRESS_ROUTES.with(Cell::get))?;
    let term = match source_answer(source, &|routes| source.topic_term_url(topic, routes)).await {
        Ok((_, body)) => source.topic_term(topic, &body.text, &BrowserHtml)?,
        Err(error) => return Some(Err(error)),
    };
    let term = Some(&term);
    let answer = source_answer(source, &|routes| {
        source.topic_page_url(topic, term, number, Paging { routes, ..paging() })
    })
    .await;
    let loaded = answer.and_then(|answer| feed_page_of(source, settings, answer, number));
    Some(loaded.map(|loaded| FeedPage {
        loaded: Loaded {
            document: topic.titled(loaded.document),
            url: loaded.url,
        },
        number,
        format: PageFormat::Source(()),
    }))
}

/// One story of the source, or one of its own pages (WordPress and Ghost `pages`, read as a
/// story is; a JSON Feed has none).
async fn story(
    source: &ContentSource,
    settings: &Settings,
    slug: &Slug,
    document: Document,
) -> Result<Loaded<Article>, LoadError> {
    if let ContentSource::JsonFeed { .. } = source {
        return match document {
            Document::Article => story_from_feed(source, settings, slug).await,
            Document::SitePage => Err(LoadError::NotFound),
        };
    }
    let (url, body) = source_answer(source, &|routes| match document {
        Document::Article => source.article_url(slug, routes),
        Document::SitePage => source.page_url(slug, routes),
    })
    .await?;
    let read = read_article(source, &url, &body)
        // An address that names one story but answers with another is not that story.
        .and_then(|article| {
            (article.slug == *slug)
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

/// Where the source answers with a story, to start loading it early; `None` when it comes in
/// a feed.
fn story_url(source: &ContentSource, slug: &Slug) -> Option<String> {
    source.article_url(slug, WORDPRESS_ROUTES.with(Cell::get))
}

/// The source's answer at the address `url_for` writes in the remembered WordPress route
/// style. Until the pretty `wp-json/` address has answered once, a 404 or a page instead of
/// JSON there (pretty permalinks off) switches to `?rest_route=` for this visit.
async fn source_answer(
    source: &ContentSource,
    url_for: &dyn Fn(WordPressRoutes) -> Option<String>,
) -> Result<(String, Rc<Body>), LoadError> {
    let no_address = || no_address(source);
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
    source: &ContentSource,
    settings: &Settings,
    (url, body): (String, Rc<Body>),
    number: PageNumber,
) -> Result<Loaded<FeedIndex>, LoadError> {
    match read_feed_page(source, &settings.site.name, &url, &body, number) {
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
        .ok_or_else(|| no_address(source))?;
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

/// A source without an address (only this project's own JSON has none, and this build does
/// not read it): its settings lack the URL.
fn no_address(source: &ContentSource) -> LoadError {
    LoadError::Settings(SettingsProblem::Source(SourceSettingError::MissingUrl(
        source.kind_name(),
    )))
}
