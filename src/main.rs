// Talc instead of the default dlmalloc: reading a large index (10,000 entries) allocates a
// great deal, and Talc does that faster, in less code.
#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    news_blog::start();
}
