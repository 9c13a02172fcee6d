import { test, expect, SEED } from './support';
import { Request } from '@playwright/test';

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
// answers came back into the app's wasm (+12.5 KB, 12.2 of it wasm: 234.5 KB): as a module it cost a site
// that reads a source 67 KB more on its first page, and the wait for it.
// Lower it whenever the app gets smaller; `bash .ci/bench.sh` reports the target.
const FIRST_PAGE_BUDGET_BYTES = 235 * 1024;

const FIRST_PAGE_TYPES = ['document', 'script', 'stylesheet'];

for (const [name, path] of [['home page', './'], ['article page', `./article/${SEED}/`]]) {
  test(`the ${name} transfers at most ${FIRST_PAGE_BUDGET_BYTES / 1024} KB of HTML, JS, wasm and CSS`, async ({ page }) => {
    const finished: Request[] = [];
    page.on('requestfinished', (request) => finished.push(request));
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

    const rows = await Promise.all(finished.map(async (request) => {
      const response = await request.response();
      const isWasm = request.url().endsWith('.wasm');
      return {
        url: request.url(),
        counts: isWasm || FIRST_PAGE_TYPES.includes(request.resourceType()),
        isWasm,
        encoding: (await response?.headerValue('content-encoding')) ?? 'none',
        bytes: (await request.sizes()).responseBodySize,
      };
    }));
    const counted = rows.filter((row) => row.counts);
    expect(counted.filter((row) => row.isWasm), 'the app\'s wasm was loaded, and not the search page\'s').toHaveLength(1);
    // Served as a precompressed file, like a static host with brotli_static would (the build
    // compresses files of 1 KB or more; below that, compression gains next to nothing).
    const served = counted.map((row) => `${row.url} ${row.bytes < 1024 ? 'small' : row.encoding}`);
    expect(served).toEqual(counted.map((row) => `${row.url} ${row.bytes < 1024 ? 'small' : 'br'}`));
    const total = counted.reduce((sum, row) => sum + row.bytes, 0);
    const report = counted.map((row) => `${row.bytes} ${row.url}`).join('\n');
    expect(total, `first page bytes:\n${report}`).toBeLessThanOrEqual(FIRST_PAGE_BUDGET_BYTES);
    expect(total, 'every file was counted').toBeGreaterThan(50 * 1024);
  });
}
