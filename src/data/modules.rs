//! Modules the first page does not carry, loaded when a page first needs them: Pagefind and
//! the search page's own wasm. WebAssembly cannot `import()`, so the page's boot script (the
//! site's one loader of modules, written by `news-blog build`) hands the app a function that
//! does, with the search module's files as the build named them, when it starts the app; the
//! app hands the function on to the search module, a wasm instance of its own, when it
//! starts that.

use std::cell::OnceCell;

use js_sys::{Function, Object, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The search module's script and wasm, as addresses.
pub struct SearchFiles {
    pub script: String,
    pub wasm: String,
}

thread_local! {
    /// Imports a module of the site by its path from the base: `(path) => import(…)`.
    static IMPORT_MODULE: OnceCell<Function> = const { OnceCell::new() };
    static SEARCH_FILES: OnceCell<SearchFiles> = const { OnceCell::new() };
}

/// Keeps the import function for the visit (the first one given stays).
pub fn hand_over(import_module: Function) {
    IMPORT_MODULE.with(|kept| {
        let _ = kept.set(import_module);
    });
}

/// Keeps the search module's files for the visit (the first ones given stay).
pub fn hand_over_search_files(files: SearchFiles) {
    SEARCH_FILES.with(|kept| {
        let _ = kept.set(files);
    });
}

/// The import function, to hand to another module of the site.
pub fn import_function() -> Option<Function> {
    IMPORT_MODULE.with(|kept| kept.get().cloned())
}

/// The module at `path` (relative to the site's base); `None` when it cannot be loaded
/// (missing, offline, refused), or when the page was not started by the boot script.
pub async fn import(path: &str) -> Option<JsValue> {
    let module: Promise = import_function()?
        .call1(&JsValue::UNDEFINED, &path.into())
        .ok()?
        .dyn_into()
        .ok()?;
    JsFuture::from(module).await.ok()
}

/// The search module, its wasm started (at once when already done); `None` when it cannot be
/// loaded.
pub async fn search_module() -> Option<JsValue> {
    let (script, wasm) = SEARCH_FILES.with(|kept| {
        let files = kept.get()?;
        Some((files.script.clone(), files.wasm.clone()))
    })?;
    let search = import(&script).await?;
    // Named by its content, the wasm is not where wasm-bindgen's script would look by itself.
    let options = Object::new();
    Reflect::set(&options, &"module_or_path".into(), &wasm.into()).ok()?;
    call(&search, "default", &options).await.ok()?;
    Some(search)
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
