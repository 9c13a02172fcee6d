// Repeat visits (issue 29): a story of the app with a warm offline worker against the plain
// page, each visited twice in one browser profile, LCP of both visits.
//
// Method: Playwright driving headless Chromium with a persistent profile of its own for each
// pair of visits (a fresh one per run), the site served by `.ci/serve.py --throttle`, which
// slows the network on the server's side like Lighthouse's slow 4G (150 ms round trips,
// 1.6 Mbit/s shared): DevTools' throttling of a page does not reliably slow its service
// worker's own fetches, the server's does, for the page and the worker alike. Both pages get
// the same headers (`Cache-Control: no-cache`, 304 to a conditional request, as nginx with the
// README's settings). No CPU slowdown. LCP is read in the page with a PerformanceObserver
// (`largest-contentful-paint`, buffered) once the page has loaded and the network is quiet.
//
// The app's first visit registers the worker once the app has started; the second visit
// starts once the worker controls the page and keeps the story's page (the worker keeps the
// story open when it takes over). The plain page's second visit revalidates it and its files
// with the server, which is what a plain page can do at best.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const VIEWPORT = { width: 412, height: 823 };

/** The page's largest contentful paint so far, in ms from its navigation. */
async function lcpOf(page) {
  return page.evaluate(() => new Promise((resolve) => {
    new PerformanceObserver((list) => {
      const entries = list.getEntries();
      resolve(entries.at(-1).startTime);
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  }));
}

/** Whether the page's own document came from its service worker, without the network. */
async function fromWorker(page) {
  return page.evaluate(() => {
    const [navigation] = performance.getEntriesByType('navigation');
    return navigation.workerStart > 0 && navigation.transferSize === 0;
  });
}

/** Waits until the device keeps the page of `folder` (relative to the page's base). */
async function untilSaved(page, folder) {
  const deadline = Date.now() + 60_000;
  while (!(await page.evaluate(async (folder) => (await caches.match(new URL(folder, document.baseURI).href)) !== undefined, folder))) {
    if (Date.now() > deadline) throw new Error(`${folder} was not kept by the worker within a minute`);
    await page.waitForTimeout(200);
  }
}

async function visit(context, url) {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'networkidle' });
  return page;
}

/** One pair of visits of `url` in a fresh profile: {first, second} LCP in ms. */
async function pair(url, chromePath, { isApp, storyFolder }) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'news-blog-repeat-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromePath,
    headless: true,
    viewport: VIEWPORT,
    deviceScaleFactor: 1.75,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run'],
  });
  try {
    const first = await visit(context, url);
    const firstLcp = await lcpOf(first);
    if (isApp) {
      // Warm: the worker controls the page and keeps the story's page.
      await first.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60_000 });
      await untilSaved(first, storyFolder);
    }
    await first.close();
    const second = await visit(context, url);
    const secondLcp = await lcpOf(second);
    const isFromWorker = await fromWorker(second);
    await second.close();
    return { first: firstLcp, second: secondLcp, fromWorker: isFromWorker };
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * Runs `runs` rounds, each a pair of visits of the app's story and one of the plain page
 * (alternating, so any drift of the machine hits both), on the throttled server at `base`.
 * Returns {app: [{first, second, fromWorker}], plain: [...]}.
 */
export async function runRepeatVisits(base, story, plain, runs, chromePath, log) {
  const results = { app: [], plain: [] };
  for (let run = 1; run <= runs; run += 1) {
    const app = await pair(`${base}${story}`, chromePath, { isApp: true, storyFolder: story });
    results.app.push(app);
    log(`repeat visit run ${run}/${runs} app story: first LCP ${Math.round(app.first)} ms, second ${Math.round(app.second)} ms` +
      `${app.fromWorker ? ' (page from the worker)' : ' (page NOT from the worker)'}`);
    const page = await pair(`${base}${plain}`, chromePath, { isApp: false });
    results.plain.push(page);
    log(`repeat visit run ${run}/${runs} plain page: first LCP ${Math.round(page.first)} ms, second ${Math.round(page.second)} ms`);
  }
  return results;
}

export const REPEAT_METHOD = 'Playwright, headless Chromium, a fresh persistent profile per pair of visits; '
  + 'served by .ci/serve.py --throttle (every connection and answer +150 ms round trip, bytes at 1.6 Mbit/s shared: '
  + 'the worker\'s fetches are slowed like the page\'s), same headers for both (Cache-Control: no-cache, 304 to conditional requests); '
  + 'no CPU slowdown; LCP from a buffered PerformanceObserver after the network is quiet; viewport 412×823 at 1.75×';
