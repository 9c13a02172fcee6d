//! Loading the site's Pagefind index once per visit. The build writes the index in segments
//! (`pagefind/segment-{n}/`, listed in `pagefind/segments.json`) so a rebuild re-indexes only
//! what changed; here the first segment is opened and the others merged into it (Pagefind's
//! `mergeIndex`), and a search then ranks the stories of all of them in one list. A site
//! built before segments has one index in `pagefind/` itself and no list.

use std::cell::RefCell;

use js_sys::{Array, Object, Promise, Reflect};
use serde::Deserialize;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{future_to_promise, JsFuture};

use crate::data::modules::{call, call_now, import};

/// Pagefind's module, written by the build, relative to the site's base.
const PAGEFIND: &str = "pagefind/pagefind.js";
/// The list of segments, relative to the site's base.
const SEGMENT_LIST: &str = "pagefind/segments.json";

thread_local! {
    // The loading of Pagefind's module with its segments, started once: it resolves to the
    // module, or to null when the site has no index. Kept as a promise, so a search that
    // starts while the warm-up is still loading waits for the same load instead of merging
    // every segment a second time.
    static LOADING: RefCell<Option<Promise>> = const { RefCell::new(None) };
}

/// The list as the build writes it: folder names in `pagefind/`.
#[derive(Deserialize)]
struct SegmentList {
    segments: Vec<String>,
}

/// Pagefind's module with every segment merged, loaded once; `None` when the site has no
/// index (the script, the list or every segment is missing).
pub async fn module(base_url: &str, base_path: &str) -> Option<JsValue> {
    let loading = LOADING.with(|loading| {
        loading
            .borrow_mut()
            .get_or_insert_with(|| {
                let (base_url, base_path) = (base_url.to_owned(), base_path.to_owned());
                future_to_promise(async move {
                    Ok(load(&base_url, &base_path).await.unwrap_or(JsValue::NULL))
                })
            })
            .clone()
    });
    let module = JsFuture::from(loading).await.ok()?;
    (!module.is_null()).then_some(module)
}

async fn load(base_url: &str, base_path: &str) -> Option<JsValue> {
    // The list is asked for first, so it travels while the script loads.
    let list = request_list(base_url);
    let module = import(base_url, PAGEFIND).await?;
    let Some(list) = read_list(list).await else {
        return Some(module);
    };
    let mut folders = list
        .segments
        .iter()
        .filter(|name| is_folder_name(name))
        .map(|name| format!("{base_url}pagefind/{name}/"));
    let first = folders.next()?;
    // Before anything starts Pagefind: it opens the first segment in place of its own folder.
    // Results' addresses are under the site's base, as the pages are.
    let opening = options(&[("basePath", &first), ("baseUrl", base_path)]);
    call(&module, "options", &opening).await.ok()?;
    let merged = Array::new();
    for folder in folders {
        let merging = options(&[("baseUrl", base_path)]);
        let merging = call_now(&module, "mergeIndex", &[folder.into(), merging.into()]).ok()?;
        merged.push(&merging);
    }
    JsFuture::from(Promise::all(&merged)).await.ok()?;
    Some(module)
}

/// Starts fetching the segment list, revalidated: an old list could name segments a rebuild
/// has removed.
fn request_list(base_url: &str) -> Option<Promise> {
    let init = web_sys::RequestInit::new();
    init.set_cache(web_sys::RequestCache::NoCache);
    let window = web_sys::window()?;
    Some(window.fetch_with_str_and_init(&format!("{base_url}{SEGMENT_LIST}"), &init))
}

/// The segment list, or `None` when there is none (a site indexed before segments) or it
/// does not read.
async fn read_list(request: Option<Promise>) -> Option<SegmentList> {
    let response: web_sys::Response = JsFuture::from(request?).await.ok()?.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    let text = JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()?;
    serde_json::from_str(&text).ok()
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
