//! Loading the site's Pagefind index once per visit. The build writes the index in segments
//! (`pagefind/segment-{n}/`, listed in `pagefind/segments.json`) so a rebuild re-indexes only
//! what changed; here the first segment is opened and the others merged into it (Pagefind's
//! `mergeIndex`), and a search then ranks the stories of all of them in one list. A site
//! built before segments has one index in `pagefind/` itself and no list.
//!
//! A site without an index (Pagefind's script answers 404) has none for the whole visit; a
//! load that failed otherwise (offline, a server error, a segment that did not open) is a
//! failure the search page reports, and the next search loads again.

use std::cell::{Cell, RefCell};

use js_sys::{Array, Object, Promise, Reflect};
use news_views::load_error::LoadError;
use serde::Deserialize;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{future_to_promise, JsFuture};

use crate::data::modules::{call, call_now, import};

/// Pagefind's module, written by the build, relative to the site's base.
const PAGEFIND: &str = "pagefind/pagefind.js";
/// The list of segments, relative to the site's base.
const SEGMENT_LIST: &str = "pagefind/segments.json";

/// What a failed load rejects with: the HTTP status of the answer that failed it, or this
/// when no answer came (or the answer could not be used).
const NO_ANSWER: u16 = 0;

thread_local! {
    // The loading of Pagefind's module with its segments: it resolves to the module, or to
    // null when the site has no index, and rejects with a status when it failed (then it is
    // forgotten, so the next search loads again). Kept as a promise, so a search that starts
    // while the warm-up is still loading waits for the same load instead of merging every
    // segment a second time.
    static LOADING: RefCell<Option<Promise>> = const { RefCell::new(None) };
    // How many loads have started. A load after a failed one imports Pagefind's script under
    // another address: a browser may keep a failed import's answer for the page's life, and a
    // module that opened some segments before failing would add them a second time.
    static ATTEMPTS: Cell<u32> = const { Cell::new(0) };
}

/// The site's index as a search uses it.
pub struct Index {
    /// Pagefind's module, every segment merged.
    pub pagefind: JsValue,
    /// How many segments it merged (none for a site indexed before segments). Each is
    /// tagged with its position in the list as the value of the filter [`SEGMENT_FILTER`].
    pub n_segments: usize,
}

/// The filter each segment's stories carry (Pagefind's `mergeFilter`), its value the
/// segment's position in the list: a search's counts by this filter say what each segment
/// found, and a search filtered by it asks some segments only.
pub const SEGMENT_FILTER: &str = "segment";

/// The list as the build writes it: folder names in `pagefind/`.
#[derive(Deserialize)]
struct SegmentList {
    segments: Vec<String>,
}

/// The site's index with every segment merged, loaded once; `Ok(None)` when the site has no
/// index (its script is not there), and the failure when it could not be loaded this time.
pub async fn index(base_url: &str, base_path: &str) -> Result<Option<Index>, LoadError> {
    let loading = LOADING.with(|loading| {
        loading
            .borrow_mut()
            .get_or_insert_with(|| {
                let attempt = ATTEMPTS.with(|attempts| attempts.replace(attempts.get() + 1));
                let (base_url, base_path) = (base_url.to_owned(), base_path.to_owned());
                future_to_promise(async move {
                    match load(&base_url, &base_path, attempt).await {
                        Ok(Some(index)) => Ok(Array::of2(
                            &index.pagefind,
                            &JsValue::from(index.n_segments as u32),
                        )
                        .into()),
                        Ok(None) => Ok(JsValue::NULL),
                        Err(status) => Err(JsValue::from(status)),
                    }
                })
            })
            .clone()
    });
    match JsFuture::from(loading.clone()).await {
        Ok(loaded) if loaded.is_null() => Ok(None),
        Ok(loaded) => {
            let loaded: Array = loaded.unchecked_into();
            Ok(Some(Index {
                pagefind: loaded.get(0),
                n_segments: loaded.get(1).as_f64().unwrap_or(0.0) as usize,
            }))
        }
        Err(status) => {
            LOADING.with(|current| {
                let mut current = current.borrow_mut();
                let is_this_load = current
                    .as_ref()
                    .is_some_and(|current| JsValue::from(current) == JsValue::from(&loading));
                if is_this_load {
                    *current = None;
                }
            });
            Err(failure(
                status.as_f64().map_or(NO_ANSWER, |status| status as u16),
            ))
        }
    }
}

/// The failure a status stands for, as the search page says it.
fn failure(status: u16) -> LoadError {
    match status {
        NO_ANSWER if web_sys::window().is_some_and(|window| !window.navigator().on_line()) => {
            LoadError::Offline
        }
        NO_ANSWER => LoadError::Network,
        status => LoadError::Server { status },
    }
}

/// Loads Pagefind and opens the segments: the index, `None` when the site has no index, or
/// the status that failed the load.
async fn load(base_url: &str, base_path: &str, attempt: u32) -> Result<Option<Index>, u16> {
    // The list is asked for first, so it travels while the script loads.
    let list = request_list(base_url);
    let script = match attempt {
        0 => PAGEFIND.to_owned(),
        attempt => format!("{PAGEFIND}?attempt={attempt}"),
    };
    let Some(module) = import(&script).await else {
        return match status_of(&format!("{base_url}{PAGEFIND}")).await {
            404 | 410 => Ok(None),
            200..=299 => Err(NO_ANSWER),
            status => Err(status),
        };
    };
    let Some(list) = read_list(list).await? else {
        return Ok(Some(Index {
            pagefind: module,
            n_segments: 0,
        }));
    };
    let mut folders = list
        .segments
        .iter()
        .filter(|name| is_folder_name(name))
        .map(|name| format!("{base_url}pagefind/{name}/"));
    let Some(first) = folders.next() else {
        return Ok(None);
    };
    // Before anything starts Pagefind: it opens the first segment in place of its own folder.
    // Results' addresses are under the site's base, as the pages are.
    let opening = options(&[("basePath", &first), ("baseUrl", base_path)]);
    tag(&opening, 0);
    call(&module, "options", &opening)
        .await
        .map_err(|_| NO_ANSWER)?;
    let merged = Array::new();
    for (position, folder) in folders.enumerate() {
        let merging = options(&[("baseUrl", base_path)]);
        tag(&merging, position + 1);
        let merging = call_now(&module, "mergeIndex", &[folder.into(), merging.into()])
            .map_err(|_| NO_ANSWER)?;
        merged.push(&merging);
    }
    JsFuture::from(Promise::all(&merged))
        .await
        .map_err(|_| NO_ANSWER)?;
    Ok(Some(Index {
        pagefind: module,
        n_segments: merged.length() as usize + 1,
    }))
}

/// Adds to a segment's options the filter its stories carry.
fn tag(options: &Object, position: usize) {
    let filter = Object::new();
    let _ = Reflect::set(
        &filter,
        &SEGMENT_FILTER.into(),
        &position.to_string().into(),
    );
    let _ = Reflect::set(options, &"mergeFilter".into(), &filter);
}

/// The status the server answers for `url` (revalidated), or [`NO_ANSWER`].
async fn status_of(url: &str) -> u16 {
    let init = web_sys::RequestInit::new();
    init.set_cache(web_sys::RequestCache::NoCache);
    let Some(window) = web_sys::window() else {
        return NO_ANSWER;
    };
    let response = JsFuture::from(window.fetch_with_str_and_init(url, &init)).await;
    response
        .ok()
        .and_then(|response| response.dyn_into::<web_sys::Response>().ok())
        .map_or(NO_ANSWER, |response| response.status())
}

/// Starts fetching the segment list, revalidated: an old list could name segments a rebuild
/// has removed.
fn request_list(base_url: &str) -> Option<Promise> {
    let init = web_sys::RequestInit::new();
    init.set_cache(web_sys::RequestCache::NoCache);
    let window = web_sys::window()?;
    Some(window.fetch_with_str_and_init(&format!("{base_url}{SEGMENT_LIST}"), &init))
}

/// The segment list; `None` when there is none (a site indexed before segments, or a host
/// that answers its index page for any address), the status when it failed.
async fn read_list(request: Option<Promise>) -> Result<Option<SegmentList>, u16> {
    let Some(request) = request else {
        return Err(NO_ANSWER);
    };
    let response: web_sys::Response = JsFuture::from(request)
        .await
        .ok()
        .and_then(|response| response.dyn_into().ok())
        .ok_or(NO_ANSWER)?;
    match response.status() {
        404 | 410 => return Ok(None),
        _ if !response.ok() => return Err(response.status()),
        _ => {}
    }
    let text = JsFuture::from(response.text().map_err(|_| NO_ANSWER)?)
        .await
        .ok()
        .and_then(|text| text.as_string())
        .ok_or(NO_ANSWER)?;
    Ok(serde_json::from_str(&text).ok())
}

/// Whether `name` is a folder name the build writes (`segment-12`): the list is outside
/// data, and only such names become addresses.
fn is_folder_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 40
        && name
            .bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || byte == b'-')
}

fn options(entries: &[(&str, &str)]) -> Object {
    let options = Object::new();
    for (key, value) in entries {
        let _ = Reflect::set(&options, &(*key).into(), &(*value).into());
    }
    options
}

#[cfg(test)]
mod tests {
    use super::is_folder_name;

    #[test]
    fn only_plain_segment_names_become_addresses() {
        assert!(is_folder_name("segment-12"));
        for name in [
            "",
            "../x",
            "a/b",
            "https://evil.example",
            "segment 1",
            "%2e%2e",
        ] {
            assert!(!is_folder_name(name), "{name}");
        }
    }
}
