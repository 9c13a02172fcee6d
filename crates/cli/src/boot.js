// Starts the app; written by news-blog build (crates/cli/src/boot.rs). A page whose
// news-blog-source names a publisher's source gets the build of the app that reads it live;
// any other page the smaller build that reads only this site's own JSON files.
const builds = BUILDS;
const meta = document.querySelector('meta[name="SOURCE_META"]');
const source = (meta ? meta.content : '').trim().toLowerCase() || 'json';
const { script, wasm } = source === 'json' ? builds.json : builds.live;
// Both at once: the wasm does not wait for the script.
const binary = fetch(new URL(wasm, import.meta.url));
const bindings = await import(new URL(script, import.meta.url).href);
const instance = await bindings.default({ module_or_path: binary });
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm: instance } }));
