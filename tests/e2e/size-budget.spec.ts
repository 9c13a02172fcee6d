import { test, SEED } from './support';
import { expectFirstPageWithin } from './first-page';

// The first page a reader opens (HTML + JS + wasm + CSS, as transferred: brotli from the
// precompressed copies) must stay within budget. Issue #6's target is 150 KB; the app was
// at about 187 KB before content format 1.1 (+4 KB: picture sizes, embed cards, related), then
// 217.3 KB with the WordPress, Ghost and JSON Feed sources, 221.0 KB with the first reader
// features of issue 14, and 238.5 KB with search and the new-stories notice. Then reading a
// source's answers (+20 KB) and the search page's finding and drawing (+7 KB) moved into wasm
// modules of their own, loaded only by a site that reads a source and by the search page
// (the test below checks that no other page loads them): 218.3 KB for the seed article, and
// 220.7 KB once the takeover was drawn in short tasks (+1.7 KB: each deferred part is a view
// of its own type; issue 13's TBT went from about 140 ms to under 50). Reading a source's
// answers came back into the app's wasm (+12.5 KB: 234.5 KB), then the app was built twice:
// this site's build reads only its own JSON files (214.6 KB), the other only a source
// (wordpress.spec.ts has its budget), and the boot script loads the one the page's settings
// call for. The site's words from a catalog per language (issue 27: the catalog, CLDR plurals,
// dates and numbers per language, the language setting read before the app mounts) took it to
// 223.5 KB (+8.9 KB, of which the notes of what needs the app about 0.3 KB): over that
// issue's 3 KB. Less code for the words (English read as a compiled catalog like the other
// languages, words drawn as `&'static str` like the literals they replaced, numbers and
// dates without `core::fmt`, an English site's language read without waiting) took the
// seed article to 221.4 KB (home 219.8 KB): still over that limit, whose base, the build of
// cc6a709 just before the catalogs, measures 216.5 KB (home 215.0 KB; the 214.6 above is
// older). The rest of issue 27 (a story's own lang and dir on five elements, names isolated
// in <bdi> from the byline's words, the comment box's storage messages and "Anonymous" from
// the catalog) took it to 223.1 KB (home 221.6 KB): 6.6 KB over that base. Then the model's
// own RFC 3339 parser in place of the time crate (-1.3 KB) and wasm-opt told Rust's memory
// layout and run again after the relooper (-2.9 KB) brought it to 219.5 KB (home 218.0 KB):
// 3.0 KB over that base; wasm-bindgen's JS minified (.ci/build-site.sh, -1.7 KB) to 217.9 KB
// (home 216.3 KB): 1.4 KB over that base. Reading offline (issue 29: the page from the
// device says so, the home lists the stories kept on it first, an unsaved story offers them)
// took the seed article from 218.8 to 220.9 KB (home 217.2 to 219.3 KB): +1.7 KB of wasm,
// which loads after the page has painted, and 0.3 KB of boot script, HTML and CSS; the
// update notice is the page's and the boot script's, not the wasm's. The start-up of issue 28
// (one boot script that keeps a reader's selection across the swap, +0.5 KB; 0.4 KB less
// wasm) then the loader and boot script minified (-0.7 KB) took it to 220.3 KB (home 218.8
// KB). Lower it whenever the app gets smaller; `bash .ci/bench.sh` reports the target.
const FIRST_PAGE_BUDGET_BYTES = 220.5 * 1024;

for (const [name, path] of [['home page', './'], ['article page', `./article/${SEED}/`]]) {
  test(`the ${name} transfers at most ${FIRST_PAGE_BUDGET_BYTES / 1024} KB of HTML, JS, wasm and CSS`, async ({ page }) => {
    await expectFirstPageWithin(page, path, FIRST_PAGE_BUDGET_BYTES, /^news_blog-[0-9a-f]{12,16}_bg\.wasm$/);
  });
}
