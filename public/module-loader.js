// Imports a module of this site (Pagefind's index, the search and sources wasm) for the app,
// which cannot `import()` from WebAssembly. Loaded only when a page first needs one, so no
// page fetches anything it does not use. `path` is relative to the site's base.
window.newsBlogImport = (path) => import(`./${path}`);
