// Loaded by the app only when a reader searches, so no page fetches it before: hands the
// site's Pagefind module (written by `news-blog build`) to the app, which cannot `import()`
// from WebAssembly. A missing index rejects the promise and the app falls back.
window.newsBlogPagefind = import("./pagefind/pagefind.js");
