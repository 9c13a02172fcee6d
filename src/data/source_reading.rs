//! A publisher's answers (WordPress, Ghost, a JSON Feed) read into this format's documents by
//! the model's mappings, lent the browser's inert HTML parser ([`BrowserHtml`]), and what a
//! failure means to the reader.

use news_model::sources::{Answer, ContentSource, Detail, PageNumber, SourceError};
use news_model::{Article, FeedIndex};
use news_views::load_error::LoadError;

use super::fetch::{looks_like_html, Body};
use super::inert_html::BrowserHtml;

/// A page of a source's stories: its index and the stories it carries whole (a JSON Feed's).
pub struct ReadPage {
    pub index: FeedIndex,
    pub articles: Vec<Article>,
}

/// Reads `body`, the answer of `source` at `url` for page `page`, as a page of stories of the
/// site named `site_name`.
pub fn read_feed_page(
    source: &ContentSource,
    site_name: &str,
    url: &str,
    body: &Body,
    page: PageNumber,
) -> Result<ReadPage, LoadError> {
    let answer = Answer {
        url,
        body: &body.text,
        total_pages: body.total_pages,
        page,
    };
    let read = source
        .read_feed_page(answer, &BrowserHtml, site_name, Detail::Summaries)
        .map_err(|error| load_error(error, body))?;
    for skipped in &read.skipped {
        web_sys::console::warn_1(&format!("{}: {}", skipped.story, skipped.reason).into());
    }
    Ok(ReadPage {
        index: read.index,
        articles: read.articles.into_iter().map(|read| read.article).collect(),
    })
}

/// Reads `body`, the answer of `source` at `url`, as one story.
pub fn read_article(source: &ContentSource, url: &str, body: &Body) -> Result<Article, LoadError> {
    let answer = Answer {
        url,
        body: &body.text,
        total_pages: None,
        page: PageNumber(1),
    };
    source
        .read_article(answer, &BrowserHtml)
        .map(|read| read.article)
        .map_err(|error| load_error(error, body))
}

/// What a source's reading error means to the reader.
fn load_error(error: SourceError, body: &Body) -> LoadError {
    match error {
        SourceError::NotFound => LoadError::NotFound,
        SourceError::Empty => LoadError::NothingToShow,
        SourceError::Unreadable(_) if looks_like_html(&body.text) => LoadError::NotJson,
        SourceError::Unreadable(why) => LoadError::Unreadable(why),
    }
}
