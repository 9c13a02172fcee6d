import { test, expect, SEED } from './support';
import { Request } from '@playwright/test';

// The first page a reader opens (HTML + JS + wasm + CSS, as transferred: brotli from the
// precompressed copies) must stay within budget. Issue #6's target is 150 KB; the app was
// at about 187 KB before content format 1.1 (+4 KB: picture sizes, embed cards, related) and
// the WordPress, Ghost and JSON Feed sources (+20 KB: the HTML-to-blocks mapping, the three
// APIs' mappings, DOMParser and loading), measured at 217.3 KB, then the reader features of
// issue 14 (reading time 0.5 KB, sharing 2.0 KB, related stories 2.6 KB, section and tag
// pages 2.0 KB of wasm), measured at 221.0 KB for the seed article, then search (the header
// field on every page, the search page and its Pagefind and source-search loading: 12.7 KB),
// the new-stories notice and live sources' topic filtering (4.8 KB together), measured at
// 238.5 KB, so this budget stops growth while that target is not met.
// Lower it whenever the app gets smaller; `bash .ci/bench.sh` reports the target.
const FIRST_PAGE_BUDGET_BYTES = 239 * 1024;

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
    expect(counted.filter((row) => row.isWasm), 'the wasm was loaded').toHaveLength(1);
    // Served as a precompressed file, like a static host with brotli_static would.
    expect(counted.map((row) => `${row.url} ${row.encoding}`)).toEqual(counted.map((row) => `${row.url} br`));
    const total = counted.reduce((sum, row) => sum + row.bytes, 0);
    const report = counted.map((row) => `${row.bytes} ${row.url}`).join('\n');
    expect(total, `first page bytes:\n${report}`).toBeLessThanOrEqual(FIRST_PAGE_BUDGET_BYTES);
    expect(total, 'every file was counted').toBeGreaterThan(50 * 1024);
  });
}
