import { Page, Request } from '@playwright/test';
import { expect } from './support';

// What the first page a reader opens transfers: HTML, JS, wasm and CSS, as served (brotli from
// the precompressed copies). Shared by the budget of each build of the app (size-budget.spec.ts
// for a site that reads its own JSON files, wordpress.spec.ts for one that reads a source).

const FIRST_PAGE_TYPES = ['document', 'script', 'stylesheet'];

/** Opens `path` and checks it loaded exactly one wasm, `wasm`, and at most `budget` bytes. */
export async function expectFirstPageWithin(page: Page, path: string, budget: number, wasm: RegExp) {
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
  const wasms = counted.filter((row) => row.isWasm).map((row) => new URL(row.url).pathname.split('/').pop());
  expect(wasms, `one wasm, the build of the app for this site (${wasm})`).toHaveLength(1);
  expect(wasms[0]).toMatch(wasm);
  // Served as a precompressed file, like a static host with brotli_static would (the build
  // compresses files of 1 KB or more; below that, compression gains next to nothing).
  const served = counted.map((row) => `${row.url} ${row.bytes < 1024 ? 'small' : row.encoding}`);
  expect(served).toEqual(counted.map((row) => `${row.url} ${row.bytes < 1024 ? 'small' : 'br'}`));
  const total = counted.reduce((sum, row) => sum + row.bytes, 0);
  const report = counted.map((row) => `${row.bytes} ${row.url}`).join('\n');
  console.log(`first page of ${path}: ${(total / 1024).toFixed(1)} KB`);
  expect(total, `first page bytes:\n${report}`).toBeLessThanOrEqual(budget);
  expect(total, 'every file was counted').toBeGreaterThan(50 * 1024);
}
