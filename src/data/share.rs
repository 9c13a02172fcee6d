//! Passing a story on through the browser: its share sheet, or the clipboard.

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// What became of a share.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shared {
    /// The share sheet took it (or the reader closed it: nothing to say either way).
    BySheet,
    /// The address is on the clipboard.
    Copied,
    /// Neither worked (no clipboard in this context, or permission refused).
    Failed,
}

/// Whether this browser has a share sheet (`navigator.share`): phones and most desktops.
pub fn has_share_sheet() -> bool {
    navigator_has("share")
}

/// Opens the share sheet with the story's title and address.
pub async fn share(title: &str, url: &str) -> Shared {
    let Some(navigator) = navigator() else {
        return Shared::Failed;
    };
    let data = web_sys::ShareData::new();
    data.set_title(title);
    data.set_url(url);
    match JsFuture::from(navigator.share_with_data(&data)).await {
        Ok(_) => Shared::BySheet,
        // The reader closed the sheet: not a failure.
        Err(error) if error_name(&error).as_deref() == Some("AbortError") => Shared::BySheet,
        Err(_) => copy(url).await,
    }
}

/// Puts `url` on the clipboard. The clipboard exists only on secure pages (https, localhost).
pub async fn copy(url: &str) -> Shared {
    let Some(navigator) = navigator().filter(|_| navigator_has("clipboard")) else {
        return Shared::Failed;
    };
    match JsFuture::from(navigator.clipboard().write_text(url)).await {
        Ok(_) => Shared::Copied,
        Err(_) => Shared::Failed,
    }
}

fn navigator() -> Option<web_sys::Navigator> {
    web_sys::window().map(|window| window.navigator())
}

/// Whether `navigator[name]` is there (not undefined), without calling it.
fn navigator_has(name: &str) -> bool {
    navigator()
        .and_then(|navigator| js_sys::Reflect::get(&navigator, &JsValue::from_str(name)).ok())
        .is_some_and(|value| !value.is_undefined() && !value.is_null())
}

fn error_name(error: &JsValue) -> Option<String> {
    js_sys::Reflect::get(error, &JsValue::from_str("name"))
        .ok()?
        .as_string()
}
