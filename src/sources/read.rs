//! The module's side: a source's answer read with the page's settings (which source, the
//! site's name) into a [`reply`](super::reply).

use js_sys::Array;
use news_model::sources::{Answer, ContentSource, Detail, PageNumber, SourceError};

use super::inert_html::BrowserHtml;
use super::reply;
use crate::data::settings::Settings;

/// Reads `body`, the answer at `url` for page `page` (`total_pages`: WordPress's header), as
/// a page of stories of the page's source.
pub fn read_feed_page(url: &str, body: &str, total_pages: Option<u32>, page: u32) -> Array {
    let settings = Settings::from_page();
    let read = source(&settings).and_then(|source| {
        let answer = answer(url, body, total_pages, page);
        source.read_feed_page(answer, &BrowserHtml, &settings.site.name, Detail::Summaries)
    });
    if let Ok(page) = &read {
        for skipped in &page.skipped {
            web_sys::console::warn_1(&format!("{}: {}", skipped.story, skipped.reason).into());
        }
    }
    reply::of_page(read)
}

/// Reads `body`, the answer at `url`, as one story of the page's source.
pub fn read_article(url: &str, body: &str) -> Array {
    let settings = Settings::from_page();
    let read = source(&settings)
        .and_then(|source| source.read_article(answer(url, body, None, 1), &BrowserHtml));
    reply::of_article(read.map(|read| read.article))
}

fn source(settings: &Settings) -> Result<ContentSource, SourceError> {
    settings.source.clone().map_err(SourceError::Unreadable)
}

fn answer<'a>(url: &'a str, body: &'a str, total_pages: Option<u32>, page: u32) -> Answer<'a> {
    Answer {
        url,
        body,
        total_pages,
        page: PageNumber(page),
    }
}
