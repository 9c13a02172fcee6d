//! The sources module (see [`crate::sources`]): loaded once per visit by a site that reads a
//! publisher's site live, and asked to read each of its answers.

use std::cell::RefCell;

use js_sys::Promise;
use news_model::sources::{PageNumber, SourceError};
use news_model::Article;
use news_views::load_error::LoadError;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::{future_to_promise, JsFuture};

use super::fetch::{looks_like_html, Body};
use super::modules::{call, call_now, import};
use crate::sources::module;
use crate::sources::reply::{self, ReadPage};

thread_local! {
    // The module, loaded or on its way: every reading waits for the same load.
    static MODULE: RefCell<Option<Promise>> = const { RefCell::new(None) };
}

/// Starts loading the module, so that it arrives beside the source's first answer rather
/// than after it.
pub fn preload(base_url: &str) {
    let _ = module_promise(base_url);
}

/// Reads `body`, the source's answer at `url` for page `page`, as a page of stories.
pub async fn read_feed_page(
    base_url: &str,
    url: &str,
    body: &Body,
    page: PageNumber,
) -> Result<ReadPage, LoadError> {
    let module = loaded(base_url).await?;
    let total_pages = body.total_pages.map_or(JsValue::UNDEFINED, JsValue::from);
    // A module that cannot be called gives no reply, which reads as malformed.
    let reply = call_now(
        &module,
        module::READ_FEED_PAGE,
        &[
            url.into(),
            body.text.as_str().into(),
            total_pages,
            page.0.into(),
        ],
    )
    .unwrap_or(JsValue::UNDEFINED);
    reply::page_of(&reply).map_err(|error| load_error(error, body))
}

/// Reads `body`, the source's answer at `url`, as one story.
pub async fn read_article(base_url: &str, url: &str, body: &Body) -> Result<Article, LoadError> {
    let module = loaded(base_url).await?;
    // A module that cannot be called gives no reply, which reads as malformed.
    let reply = call_now(
        &module,
        module::READ_ARTICLE,
        &[url.into(), body.text.as_str().into()],
    )
    .unwrap_or(JsValue::UNDEFINED);
    reply::article_of(&reply).map_err(|error| load_error(error, body))
}

/// The module, loaded. A failed load is forgotten, so "Try again" loads it again.
async fn loaded(base_url: &str) -> Result<JsValue, LoadError> {
    match JsFuture::from(module_promise(base_url)).await {
        Ok(module) => Ok(module),
        Err(_) => {
            MODULE.with(|module| module.borrow_mut().take());
            Err(LoadError::Network)
        }
    }
}

fn module_promise(base_url: &str) -> Promise {
    if let Some(loading) = MODULE.with(|module| module.borrow().clone()) {
        return loading;
    }
    let base_url = base_url.to_owned();
    let loading = future_to_promise(async move {
        let module = import(&base_url, module::SCRIPT)
            .await
            .ok_or(JsValue::NULL)?;
        // The default export instantiates the module's wasm.
        call(&module, "default", &JsValue::UNDEFINED).await?;
        Ok(module)
    });
    // A load nobody waits for yet must not be reported as an unhandled failure.
    let ignore = Closure::<dyn FnMut(JsValue)>::new(|_| {});
    let _ = loading.catch(&ignore);
    ignore.forget();
    MODULE.with(|module| *module.borrow_mut() = Some(loading.clone()));
    loading
}

/// What a source's reading error means to the reader.
fn load_error(error: SourceError, body: &Body) -> LoadError {
    match error {
        SourceError::NotFound => LoadError::NotFound,
        SourceError::Protected => LoadError::Protected,
        SourceError::Empty => LoadError::NothingToShow,
        SourceError::Unreadable(_) if looks_like_html(&body.text) => LoadError::NotJson,
        SourceError::Unreadable(why) => LoadError::Unreadable(why),
    }
}
