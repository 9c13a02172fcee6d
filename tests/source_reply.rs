//! The sources module's replies, read back by the app (`wasm-bindgen-test`, in Chromium: the
//! module reads bodies with the browser's `DOMParser`). What the module maps must reach the
//! app unchanged, through this project's own JSON and its checks; errors keep their kind.

#![cfg(target_arch = "wasm32")]

use news_blog::sources::inert_html::BrowserHtml;
use news_blog::sources::reply;
use news_model::sources::{Answer, ContentSource, Detail, PageNumber, SourceError};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const FEED_URL: &str = "https://example.org/feed.json";

fn feed_page() -> news_model::sources::SourcePage {
    let source = ContentSource::JsonFeed {
        feed: FEED_URL.into(),
    };
    let answer = Answer {
        url: FEED_URL,
        body: include_str!("fixtures/sources/jsonfeed.json"),
        total_pages: None,
        page: PageNumber(1),
    };
    source
        .read_feed_page(answer, &BrowserHtml, "Example", Detail::Summaries)
        .expect("the fixture is a readable feed")
}

#[wasm_bindgen_test]
fn a_page_reaches_the_app_as_the_module_read_it() {
    let page = feed_page();
    assert!(!page.articles.is_empty(), "a feed carries whole stories");
    let read = reply::page_of(&reply::of_page(Ok(page.clone()))).expect("an ok reply");
    assert_eq!(read.index, page.index);
    let articles: Vec<_> = page.articles.into_iter().map(|read| read.article).collect();
    assert_eq!(read.articles, articles);
}

#[wasm_bindgen_test]
fn a_story_reaches_the_app_as_the_module_read_it() {
    let article = feed_page().articles.remove(0).article;
    let read = reply::article_of(&reply::of_article(Ok(article.clone()))).expect("an ok reply");
    assert_eq!(read, article);
}

#[wasm_bindgen_test]
fn errors_keep_their_kind_and_reason() {
    for error in [
        SourceError::NotFound,
        SourceError::Protected,
        SourceError::Empty,
        SourceError::Unreadable("no `posts` list".into()),
    ] {
        let reply = reply::of_article(Err(error.clone()));
        assert_eq!(reply::article_of(&reply), Err(error.clone()));
        assert_eq!(reply::page_of(&reply).err(), Some(error));
    }
}

#[wasm_bindgen_test]
fn anything_else_is_an_unreadable_answer() {
    for nonsense in [
        JsValue::UNDEFINED,
        JsValue::from_str("ok"),
        js_sys::Array::of1(&"yes".into()).into(),
    ] {
        assert!(matches!(
            reply::article_of(&nonsense),
            Err(SourceError::Unreadable(_))
        ));
    }
    let broken = js_sys::Array::of2(&"ok".into(), &"{\"slug\": 3}".into());
    assert!(matches!(
        reply::article_of(&broken.into()),
        Err(SourceError::Unreadable(_))
    ));
}
