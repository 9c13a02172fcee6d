//! Where the pages get their stories: this project's own JSON documents, or a publisher's
//! WordPress, Ghost or JSON Feed read live, through the model's mappings and the browser's
//! inert parser. Pages ask for "the first page", "the next page", "this story" and need not
//! know which.

use std::cell::Cell;

use news_model::sources::{
    Answer, ContentSource, PageNumber, Paging, SourceError, SourcePage, WordPressRoutes,
};
use news_model::{Article, FeedIndex, Slug, STORIES_ON_FIRST_SCREEN};
use news_views::load_error::LoadError;

use super::fetch::{load, load_article, load_feed_index, Body, Loaded};
use super::inert_html::BrowserHtml;
use super::settings::Settings;

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
        whole_stories: false,
    }
}

fn source(settings: &Settings) -> Result<&ContentSource, LoadError> {
    settings
        .source
        .as_ref()
        .map_err(|problem| LoadError::Settings(problem.clone()))
}

/// A page of the feed: its stories and the number to ask for the next one.
#[derive(Clone)]
pub struct FeedPage {
    pub loaded: Loaded<FeedIndex>,
    pub number: PageNumber,
}

/// The first page of stories.
pub async fn first_feed_page(settings: Settings) -> Result<FeedPage, LoadError> {
    let number = PageNumber(1);
    let loaded = match source(&settings)? {
        ContentSource::Json => load_feed_index(settings.content.index_url.clone()).await?,
        source @ ContentSource::WordPress { .. } => {
            let source = source.clone();
            with_wordpress_routes(move || {
                let url = source.feed_page_url(number, paging());
                source_feed_page(settings.clone(), source.clone(), url, number)
            })
            .await?
        }
        source => {
            let url = source.feed_page_url(number, paging());
            source_feed_page(settings.clone(), source.clone(), url, number).await?
        }
    };
    Ok(FeedPage { loaded, number })
}

/// The page after `previous`, at `url` (the previous page's `next`).
pub async fn next_feed_page(
    settings: Settings,
    url: String,
    previous: PageNumber,
) -> Result<FeedPage, LoadError> {
    let number = PageNumber(previous.0 + 1);
    let loaded = match source(&settings)? {
        ContentSource::Json => load_feed_index(url).await?,
        source => source_feed_page(settings.clone(), source.clone(), Some(url), number).await?,
    };
    Ok(FeedPage { loaded, number })
}

/// One story.
pub async fn story(settings: Settings, slug: Slug) -> Result<Loaded<Article>, LoadError> {
    match source(&settings)? {
        ContentSource::Json => load_article(settings.article_url(&slug)).await,
        ContentSource::JsonFeed { .. } => story_from_feed(settings.clone(), slug).await,
        source @ ContentSource::WordPress { .. } => {
            let source = source.clone();
            with_wordpress_routes(move || source_story(source.clone(), slug.clone())).await
        }
        source => source_story(source.clone(), slug).await,
    }
}

/// Where a story is loaded from, to start loading it early; `None` when it comes in a feed.
pub fn story_url(settings: &Settings, slug: &Slug) -> Option<String> {
    match settings.source.as_ref().ok()? {
        ContentSource::Json => Some(settings.article_url(slug)),
        source => source.article_url(slug, WORDPRESS_ROUTES.with(Cell::get)),
    }
}

/// Runs `load` with the remembered WordPress route style. Until the pretty `wp-json/`
/// address has answered once, a 404 or a page instead of JSON there (pretty permalinks off)
/// switches to `?rest_route=` for this visit, and `load` runs once more.
async fn with_wordpress_routes<T, Fut>(load: impl Fn() -> Fut) -> Result<T, LoadError>
where
    Fut: std::future::Future<Output = Result<T, LoadError>>,
{
    let result = match load().await {
        Err(LoadError::NotFound | LoadError::NotJson)
            if WORDPRESS_ROUTES.with(Cell::get) == WordPressRoutes::Pretty
                && !ROUTES_ANSWERED.with(Cell::get) =>
        {
            WORDPRESS_ROUTES.with(|routes| routes.set(WordPressRoutes::Query));
            load().await
        }
        result => result,
    };
    if result.is_ok() {
        ROUTES_ANSWERED.with(|answered| answered.set(true));
    }
    result
}

async fn source_feed_page(
    settings: Settings,
    source: ContentSource,
    url: Option<String>,
    number: PageNumber,
) -> Result<Loaded<FeedIndex>, LoadError> {
    let url = url.ok_or_else(|| LoadError::Settings("the source has no address".into()))?;
    let name = settings.site.name.clone();
    let asked = url.clone();
    load(url, move |body| {
        read_page(&source, body, &asked, number, &name).map(|page| page.index)
    })
    .await
}

fn read_page(
    source: &ContentSource,
    body: &Body,
    url: &str,
    number: PageNumber,
    site_name: &str,
) -> Result<SourcePage, LoadError> {
    let page = source
        .read_feed_page(answer(body, url, number), &BrowserHtml, site_name, paging())
        .map_err(|error| load_error(error, body))?;
    for skipped in &page.skipped {
        web_sys::console::warn_1(&format!("{}: {}", skipped.story, skipped.reason).into());
    }
    Ok(page)
}

async fn source_story(source: ContentSource, slug: Slug) -> Result<Loaded<Article>, LoadError> {
    let routes = WORDPRESS_ROUTES.with(Cell::get);
    let url = source
        .article_url(&slug, routes)
        .ok_or_else(|| LoadError::Settings("the source has no address".into()))?;
    let asked = url.clone();
    load(url, move |body| {
        let read = source
            .read_article(answer(body, &asked, PageNumber(1)), &BrowserHtml)
            .map_err(|error| load_error(error, body))?;
        // An address that names one story but answers with another is not that story.
        if read.article.slug != slug {
            return Err(LoadError::NotFound);
        }
        Ok(read.article)
    })
    .await
}

/// A feed carries its stories whole: the story is found in its pages.
async fn story_from_feed(settings: Settings, slug: Slug) -> Result<Loaded<Article>, LoadError> {
    let source = source(&settings)?.clone();
    let mut url = source
        .feed_page_url(PageNumber(1), paging())
        .ok_or_else(|| LoadError::Settings("the feed has no address".into()))?;
    for number in 1..=MAX_FEED_PAGES_SEARCHED {
        let name = settings.site.name.clone();
        let asked = url.clone();
        let source = source.clone();
        let page = load(url, move |body| {
            read_page(&source, body, &asked, PageNumber(number), &name)
        })
        .await?;
        let next = page.document.index.next.as_ref().map(ToString::to_string);
        if let Some(found) = page
            .document
            .articles
            .into_iter()
            .find(|mapped| mapped.article.slug == slug)
        {
            return Ok(Loaded {
                document: found.article,
                url: page.url,
            });
        }
        url = next.ok_or(LoadError::NotFound)?;
    }
    Err(LoadError::NotFound)
}

fn answer<'a>(body: &'a Body, url: &'a str, page: PageNumber) -> Answer<'a> {
    Answer {
        url,
        body: &body.text,
        total_pages: body.total_pages,
        page,
    }
}

fn load_error(error: SourceError, body: &Body) -> LoadError {
    match error {
        SourceError::NotFound => LoadError::NotFound,
        SourceError::Protected => LoadError::Protected,
        SourceError::Empty => LoadError::NothingToShow,
        SourceError::Unreadable(_) if body.text.trim_start().starts_with('<') => LoadError::NotJson,
        SourceError::Unreadable(why) => LoadError::Unreadable(why),
    }
}
