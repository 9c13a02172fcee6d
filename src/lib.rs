//! The News Blog app: a Leptos client-side app that renders the content format of the
//! `news_model` crate. `start` mounts it; the modules are public so component tests can mount
//! single pieces.

pub mod app;
pub mod components;
pub mod data;
pub mod embed;
pub mod pages;
pub mod panic;
pub mod search;
mod startup;

// Talc instead of the default dlmalloc, for the app and its modules: reading a large index
// (10,000 entries) allocates a great deal, and Talc does that faster, in less code.
#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// What each build's exported `start` does when the page's boot script calls it: keeps what
/// the app imports later (`import_module`, and the search module's files as the build named
/// them; see [`data::modules`]), installs the panic message and mounts the app (see
/// `startup`) in the next task: the wasm's instantiation and the first drawing then run as two
/// shorter tasks, not one long one.
pub fn start(import_module: js_sys::Function, search_script: String, search_wasm: String) {
    data::modules::hand_over(import_module);
    data::modules::hand_over_search_files(data::modules::SearchFiles {
        script: search_script,
        wasm: search_wasm,
    });
    panic::install_hook();
    leptos::prelude::set_timeout(startup::mount, std::time::Duration::ZERO);
}
