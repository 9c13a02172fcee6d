//! Loading content documents: one request with a time limit, aborted when the page that asked
//! for it goes away, a small cache so back and forward show a page at once, and prefetching
//! of a story the reader is about to open.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use futures_channel::oneshot;
use leptos::prelude::*;
use news_model::{parse_article, parse_feed_index, Article, FeedIndex, Parsed, Rejected};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use news_views::load_error::LoadError;
use news_views::pacing::Pacer;

use super::device::{is_offline, saved_copy_of, SavedCopy};

/// How long a request may take before the reader is told and offered a retry.
pub const TIMEOUT_SECONDS: u32 = 15;

/// A loaded document and the absolute URL it came from (its relative links resolve against it).
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded<T> {
    pub document: T,
    pub url: String,
}

/// An answer's text and the paging header WordPress sends with it.
#[derive(Debug)]
pub struct Body {
    pub text: String,
    /// `X-WP-TotalPages`, when the server sent it.
    pub total_pages: Option<u32>,
    /// The copy the offline worker answered with from the device, if it did.
    pub saved_copy: Option<SavedCopy>,
}

type Fetched = Result<Rc<Body>, LoadError>;

/// A prefetch on its way: how to abort it, and the loads waiting for its answer.
struct Prefetch {
    controller: Rc<Option<web_sys::AbortController>>,
    waiting: Vec<oneshot::Sender<Fetched>>,
}

thread_local! {
    // Successful responses by URL, for this visit only: back/forward and revisits need no
    // second request. Failures are never cached, so a retry always asks again.
    static CACHE: RefCell<HashMap<String, Rc<Body>>> = RefCell::new(HashMap::new());
    static PREFETCHING: RefCell<HashMap<String, Prefetch>> = RefCell::new(HashMap::new());
    // Addresses forgotten since they were last asked: the next request asks the server, not
    // the browser's HTTP cache (conditionally, so an unchanged document costs a 304).
    static REVALIDATE: RefCell<std::collections::HashSet<String>> = RefCell::default();
}

/// Starts fetching `url` into the cache because the reader is about to open it (pointing at
/// or focusing its link). Does nothing when it is cached or already on its way, or when the
/// reader asked the browser to save data. A page that then loads `url` waits for this answer
/// instead of asking again, and aborts it if the reader moves on before it comes.
pub fn prefetch(url: String) {
    let is_known = CACHE.with(|cache| cache.borrow().contains_key(&url))
        || PREFETCHING.with(|prefetching| prefetching.borrow().contains_key(&url));
    if is_known || wants_to_save_data() {
        return;
    }
    let controller = Rc::new(web_sys::AbortController::new().ok());
    let prefetch = Prefetch {
        controller: Rc::clone(&controller),
        waiting: Vec::new(),
    };
    PREFETCHING.with(|prefetching| prefetching.borrow_mut().insert(url.clone(), prefetch));
    leptos::task::spawn_local(async move {
        let fetched: Fetched = fetch_body(&url, controller).await.map(Rc::new);
        if let Ok(text) = &fetched {
            CACHE.with(|cache| cache.borrow_mut().insert(url.clone(), Rc::clone(text)));
        }
        let prefetch = PREFETCHING.with(|prefetching| prefetching.borrow_mut().remove(&url));
        for load in prefetch.into_iter().flat_map(|prefetch| prefetch.waiting) {
            let _ = load.send(fetched.clone());
        }
    });
}

/// `navigator.connection.saveData` (the reader's "Save data" / Lite mode, which browsers also
/// send as `Save-Data: on`), where the browser has it.
pub fn wants_to_save_data() -> bool {
    let Some(window) = web_sys::window() else {
        return true;
    };
    js_sys::Reflect::get(&window.navigator(), &"connection".into())
        .and_then(|connection| js_sys::Reflect::get(&connection, &"saveData".into()))
        .is_ok_and(|save_data| save_data.is_truthy())
}

/// A load the reader can retry: the resource, and the callback for "Try again", which runs
/// `load` again (a failed load was not cached, so it asks the network again). While the app
/// draws out of sight, reading the document and drawing it are two tasks, not one long one
/// (see [`Pacer`]).
pub fn retryable<T, Fut>(load: impl Fn() -> Fut + 'static) -> (LocalResource<T>, Callback<()>)
where
    T: 'static,
    Fut: std::future::Future<Output = T> + 'static,
{
    let attempt = RwSignal::new(0_u32);
    // Taken here: the load runs outside the page's context.
    let pacer = use_context::<Pacer>();
    let resource = LocalResource::new(move || {
        attempt.track();
        let loaded = load();
        async move {
            let loaded = loaded.await;
            Pacer::next_task_while_deferring(pacer).await;
            loaded
        }
    });
    (
        resource,
        Callback::new(move |()| attempt.update(|n| *n += 1)),
    )
}

/// Loads and validates an article in this project's format.
pub async fn load_article(url: String) -> Result<Loaded<Article>, LoadError> {
    let name = url.clone();
    load(url, move |body| read_own_format(&name, body, parse_article)).await
}

/// Loads and validates a page of the feed index in this project's format.
pub async fn load_feed_index(url: String) -> Result<Loaded<FeedIndex>, LoadError> {
    let name = url.clone();
    load(url, move |body| {
        read_own_format(&name, body, parse_feed_index)
    })
    .await
}

/// Loads `url` (from the cache or a prefetch when it can) and reads the answer with `read`.
/// An answer that cannot be read is dropped from the cache, so "Try again" asks again.
async fn load<T>(
    url: String,
    read: impl FnOnce(&Body) -> Result<T, LoadError>,
) -> Result<Loaded<T>, LoadError> {
    let body = cached_or_fetched(&url).await?;
    match read(&body) {
        Ok(document) => Ok(Loaded { document, url }),
        Err(error) => {
            forget(&url);
            Err(error)
        }
    }
}

/// The copy the offline worker answered with for `url` from the device, if it did (see
/// [`super::device`]).
pub fn saved_copy(url: &str) -> Option<SavedCopy> {
    CACHE.with(|cache| cache.borrow().get(url)?.saved_copy.clone())
}

/// Drops `url`'s answer from the cache (it could not be read, or may have changed), so the
/// next load ("Try again", a look for new stories) asks the server again.
pub fn forget(url: &str) {
    CACHE.with(|cache| cache.borrow_mut().remove(url));
    REVALIDATE.with(|urls| urls.borrow_mut().insert(url.to_owned()));
}

/// The answer for `url`: cached, or the prefetch on its way, or a new request. Not generic,
/// so every kind of document shares one copy of it.
pub async fn cached_or_fetched(url: &str) -> Result<Rc<Body>, LoadError> {
    if let Some(body) = CACHE.with(|cache| cache.borrow().get(url).cloned()) {
        return Ok(body);
    }
    if let Some(answer) = take_over_prefetch(url) {
        // The sender only goes away with the page, and then nobody awaits this.
        return answer.await.unwrap_or(Err(LoadError::Network));
    }
    let controller = Rc::new(web_sys::AbortController::new().ok());
    abort_on_cleanup(&controller);
    let body = Rc::new(fetch_body(url, controller).await?);
    CACHE.with(|cache| cache.borrow_mut().insert(url.to_owned(), Rc::clone(&body)));
    Ok(body)
}

/// A document in this project's format, its problems logged for the host.
fn read_own_format<T>(
    url: &str,
    body: &Body,
    parse: fn(&str) -> Result<Parsed<T>, Rejected>,
) -> Result<T, LoadError> {
    match parse(&body.text) {
        Ok(parsed) => {
            for problem in &parsed.problems {
                web_sys::console::warn_1(&format!("{url}: {problem}").into());
            }
            Ok(parsed.document)
        }
        Err(_) if looks_like_html(&body.text) => Err(LoadError::NotJson),
        Err(rejected) => Err(LoadError::Invalid(rejected)),
    }
}

/// The answer of a prefetch of `url` on its way, if there is one; the current page now waits
/// for it, and aborts it when the reader moves on.
fn take_over_prefetch(url: &str) -> Option<oneshot::Receiver<Fetched>> {
    PREFETCHING.with(|prefetching| {
        prefetching.borrow_mut().get_mut(url).map(|prefetch| {
            abort_on_cleanup(&prefetch.controller);
            let (sender, receiver) = oneshot::channel();
            prefetch.waiting.push(sender);
            receiver
        })
    })
}

/// Aborts the request when the reactive owner running now is cleaned up (the reader moved on).
fn abort_on_cleanup(controller: &Rc<Option<web_sys::AbortController>>) {
    let controller = send_wrapper::SendWrapper::new(Rc::clone(controller));
    on_cleanup(move || {
        if let Some(controller) = controller.as_ref().as_ref() {
            controller.abort();
        }
    });
}

/// Fetches `url`, through `controller`, which aborts it after [`TIMEOUT_SECONDS`].
async fn fetch_body(
    url: &str,
    controller: Rc<Option<web_sys::AbortController>>,
) -> Result<Body, LoadError> {
    let signal = controller
        .as_ref()
        .as_ref()
        .map(web_sys::AbortController::signal);
    let timed_out = Rc::new(std::cell::Cell::new(false));

    let timer = {
        let controller = Rc::clone(&controller);
        let timed_out = Rc::clone(&timed_out);
        set_timeout_with_handle(
            move || {
                timed_out.set(true);
                if let Some(controller) = controller.as_ref() {
                    controller.abort();
                }
            },
            std::time::Duration::from_secs(u64::from(TIMEOUT_SECONDS)),
        )
        .ok()
    };
    let result = request(url, signal.as_ref()).await;
    if let Some(timer) = timer {
        timer.clear();
    }
    result.map_err(|error| match error {
        _ if timed_out.get() => LoadError::Timeout {
            seconds: TIMEOUT_SECONDS,
        },
        RequestError::Failed if is_offline() => LoadError::Offline,
        RequestError::Failed => LoadError::Network,
        RequestError::Status(404 | 410) => LoadError::NotFound,
        RequestError::Status(status) => LoadError::Server { status },
        RequestError::NotJson => LoadError::NotJson,
    })
}

enum RequestError {
    Failed,
    Status(u16),
    NotJson,
}

async fn request(url: &str, signal: Option<&web_sys::AbortSignal>) -> Result<Body, RequestError> {
    let window = web_sys::window().ok_or(RequestError::Failed)?;
    let init = web_sys::RequestInit::new();
    init.set_signal(signal);
    if REVALIDATE.with(|urls| urls.borrow_mut().remove(url)) {
        init.set_cache(web_sys::RequestCache::NoCache);
    }
    if let Ok(headers) = web_sys::Headers::new() {
        let _ = headers.set("Accept", "application/json");
        init.set_headers(&headers);
    }
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await
        .ok()
        .and_then(|response| response.dyn_into().ok())
        .ok_or(RequestError::Failed)?;
    if !response.ok() {
        return Err(RequestError::Status(response.status()));
    }
    let content_type = response
        .headers()
        .get("content-type")
        .ok()
        .flatten()
        .unwrap_or_default();
    if content_type.contains("html") {
        return Err(RequestError::NotJson);
    }
    let total_pages = response
        .headers()
        .get("x-wp-totalpages")
        .ok()
        .flatten()
        .and_then(|total| total.trim().parse().ok());
    let text = response.text().map_err(|_| RequestError::Failed)?;
    let text = JsFuture::from(text)
        .await
        .ok()
        .and_then(|text| text.as_string())
        .ok_or(RequestError::Failed)?;
    Ok(Body {
        text,
        total_pages,
        saved_copy: saved_copy_of(&response.headers()),
    })
}

/// Whether an answer is a page (often a server's error page) rather than JSON.
pub(crate) fn looks_like_html(text: &str) -> bool {
    text.trim_start().starts_with('<')
}
