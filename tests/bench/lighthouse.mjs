// Lighthouse 12 in mobile mode (its default: a mid-range phone on a slow 4G link, simulated),
// run several times on each page, alternating the app and the static baseline so that any
// drift of the machine hits both alike.
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

/** What one Lighthouse run measured, in plain numbers. */
function summarise(lhr) {
  const audit = (id) => lhr.audits[id]?.numericValue ?? null;
  const bytes = { document: 0, script: 0, wasm: 0, stylesheet: 0, json: 0, image: 0, other: 0 };
  for (const request of lhr.audits['network-requests']?.details?.items ?? []) {
    bytes[kindOf(request)] += request.transferSize ?? 0;
  }
  bytes.total = Object.values(bytes).reduce((sum, n) => sum + n, 0);
  bytes.firstPage = bytes.document + bytes.script + bytes.wasm + bytes.stylesheet;
  return {
    fcp: audit('first-contentful-paint'),
    lcp: audit('largest-contentful-paint'),
    cls: audit('cumulative-layout-shift'),
    tbt: audit('total-blocking-time'),
    scores: Object.fromEntries(
      CATEGORIES.map((id) => [id, Math.round((lhr.categories[id]?.score ?? 0) * 100)]),
    ),
    bytes,
    runtimeError: lhr.runtimeError?.message ?? null,
  };
}

function kindOf(request) {
  const url = request.url.split('?')[0];
  if (url.endsWith('.wasm') || request.mimeType === 'application/wasm') return 'wasm';
  if (url.endsWith('.json') || request.mimeType?.includes('json')) return 'json';
  switch (request.resourceType) {
    case 'Document': return 'document';
    case 'Script': return 'script';
    case 'Stylesheet': return 'stylesheet';
    case 'Image': return 'image';
    default: return 'other';
  }
}

/**
 * Runs Lighthouse `runs` times on every page of `pages` ({name, url}), alternating between
 * them, and returns {name: [summary, ...]}.
 */
export async function runLighthouse(pages, runs, chromePath, log) {
  const results = Object.fromEntries(pages.map(({ name }) => [name, []]));
  for (let run = 1; run <= runs; run += 1) {
    for (const { name, url } of pages) {
      // A fresh browser each time: a cold cache and no state left by the run before.
      const chrome = await chromeLauncher.launch({
        chromePath,
        chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
      });
      try {
        const result = await lighthouse(url, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: CATEGORIES,
        });
        const summary = summarise(result.lhr);
        if (summary.runtimeError) throw new Error(`${name}: ${summary.runtimeError}`);
        results[name].push(summary);
        log(`lighthouse run ${run}/${runs} ${name}: LCP ${Math.round(summary.lcp)} ms, ` +
          `first page ${summary.bytes.firstPage} B, performance ${summary.scores.performance}`);
      } finally {
        await chrome.kill();
      }
    }
  }
  return results;
}
