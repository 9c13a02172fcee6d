//! Modules the first page does not carry, loaded when a page first needs them: Pagefind and
//! the search page's own wasm. WebAssembly cannot `import()`, so a small script of the
//! site's (`public/module-loader.js`) does it, and is itself loaded only then.

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The loader script, relative to the site's base.
const LOADER: &str = "module-loader.js";
/// The function the loader puts on `window`.
const IMPORT: &str = "newsBlogImport";

/// The module at `path` (relative to the site's base, `base_url`); `None` when it cannot be
/// loaded (missing, offline, refused).
pub async fn import(base_url: &str, path: &str) -> Option<JsValue> {
    let importer = match importer() {
        Some(importer) => importer,
        None => {
            load_loader(base_url).await?;
            importer()?
        }
    };
    let module: Promise = importer
        .call1(&JsValue::UNDEFINED, &path.into())
        .ok()?
        .dyn_into()
        .ok()?;
    JsFuture::from(module).await.ok()
}

fn importer() -> Option<Function> {
    let window = web_sys::window()?;
    Reflect::get(&window, &IMPORT.into()).ok()?.dyn_into().ok()
}

async fn load_loader(base_url: &str) -> Option<()> {
    let document = web_sys::window()?.document()?;
    let script = document.create_element("script").ok()?;
    script
        .set_attribute("src", &format!("{base_url}{LOADER}"))
        .ok()?;
    let loaded = Promise::new(&mut |resolve, reject| {
        let _ = script.add_event_listener_with_callback("load", &resolve);
        let _ = script.add_event_listener_with_callback("error", &reject);
    });
    document.head()?.append_child(&script).ok()?;
    JsFuture::from(loaded).await.ok().map(drop)
}

/// Calls `object.name(argument)` and waits for the promise it returns.
pub async fn call(object: &JsValue, name: &str, argument: &JsValue) -> Result<JsValue, JsValue> {
    JsFuture::from(promise_of(object, name, argument)?).await
}

/// The promise `object.name(argument)` returns.
pub fn promise_of(object: &JsValue, name: &str, argument: &JsValue) -> Result<Promise, JsValue> {
    call_now(object, name, std::slice::from_ref(argument))?.dyn_into()
}

/// What `object.name(...arguments)` returns.
pub fn call_now(object: &JsValue, name: &str, arguments: &[JsValue]) -> Result<JsValue, JsValue> {
    let function: Function = Reflect::get(object, &name.into())?.dyn_into()?;
    function.apply(object, &arguments.iter().collect())
}
