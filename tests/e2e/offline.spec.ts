import { spawn } from 'child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import { chromium, Page } from '@playwright/test';
import { test, expect, SEED, SEED_TITLE, appTookOver } from './support';

// Reading on the train (issue 29): the offline worker the build writes (sw.js at the base)
// keeps the app and every story the reader opened, so they read with the network gone; a host
// turns it off with one setting, and the widget never installs it.

// Served with the shipped policy by nginx and Caddy: the worker and the manifest need nothing
// more from it (`worker-src` and `manifest-src` fall back to `script-src` and `default-src`).
test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    (window as unknown as { __violations: string[] }).__violations = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      (window as unknown as { __violations: string[] }).__violations.push(`${event.violatedDirective}: ${event.blockedURI}`),
    );
  });
});

test.afterEach(async ({ page }) => {
  const violations = await page.evaluate(() => (window as unknown as { __violations?: string[] }).__violations ?? []);
  expect(violations, 'no Content Security Policy violation').toEqual([]);
});

const OTHER = 'harbour-reopens-after-storm-repairs';
const UNSAVED = 'night-market-returns';

/** Waits until the offline worker controls the page: from then on it keeps what it serves. */
async function underTheWorker(page: Page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** Waits until the device holds a copy of `path` (relative to the page's base). */
async function savedOnDevice(page: Page, path: string) {
  await expect
    .poll(() => page.evaluate(async (path) => (await caches.match(new URL(path, document.baseURI).href)) !== undefined, path), {
      message: `${path} is kept on the device`,
    })
    .toBe(true);
}

async function headlineOf(slug: string, page: Page) {
  const response = await page.request.get(`./content/articles/${slug}.json`);
  return ((await response.json()) as { title: string }).title;
}

test('stories opened online read offline, links work, an unsaved story says so, and comments post', async ({ page, context }) => {
  const otherTitle = await headlineOf(OTHER, page);
  await page.goto('./');
  await underTheWorker(page);
  await page.goto(`./article/${SEED}`);
  await savedOnDevice(page, `content/articles/${SEED}.json`);
  await page.goto(`./article/${OTHER}`);
  await savedOnDevice(page, `content/articles/${OTHER}.json`);
  await savedOnDevice(page, `article/${OTHER}/`);

  await context.setOffline(true);
  for (const [path, headline] of [['./', 'News Blog'], [`./article/${SEED}`, SEED_TITLE], [`./article/${OTHER}`, otherTitle]]) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: headline })).toBeVisible();
    await appTookOver(page);
    // Each says, quietly, that it is the copy kept on the device, and when it was saved.
    await expect(page.getByRole('status', { name: 'Saved copy' })).toHaveText(/^You're offline — this is the copy saved on \d{1,2} \w+ \d{4}, \d{2}:\d{2} UTC/);
  }
  // The app read the story's document from the device too: its body is the app's.
  await expect(page.getByRole('button', { name: 'Post comment' })).toBeVisible();

  // In-app links: home, where the stories kept come first, then a saved story by its headline.
  await page.getByRole('banner').getByRole('link', { name: 'News Blog' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'News Blog' })).toBeVisible();
  const saved = page.getByRole('region', { name: 'Saved for offline reading' });
  await expect(saved.getByRole('link')).toHaveText([otherTitle, SEED_TITLE]);
  await expect(page.getByRole('heading', { level: 2, name: 'Not available offline' })).toBeVisible();
  // Their pictures are not on the device either: none is drawn as a broken image.
  await expect(page.locator('.feed__list').getByRole('img')).toHaveCount(0);
  // The list below is the stories not kept: a saved story is not listed twice.
  await expect(page.locator('.feed__list').getByRole('link', { name: SEED_TITLE })).toHaveCount(0);
  await saved.getByRole('link', { name: SEED_TITLE }).click();
  await expect(page.getByRole('heading', { level: 1, name: SEED_TITLE })).toBeVisible();

  // Comments live in the browser: posting needs no network.
  await page.getByLabel('Your comment').fill('Read on the train, posted without a network.');
  await page.getByRole('button', { name: 'Post comment' }).click();
  await expect(page.getByText('Read on the train, posted without a network.')).toBeVisible();

  // A story never opened on this device: the app says the reader is offline and the story is
  // not kept here, and offers those that are.
  await page.goto(`./article/${UNSAVED}`);
  await expect(page.getByRole('heading', { name: "You're offline" })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
  await expect(page.getByText("This story isn't saved on this device.")).toBeVisible();
  await page.getByRole('region', { name: 'Saved for offline reading' }).getByRole('link', { name: otherTitle }).click();
  await expect(page.getByRole('heading', { level: 1, name: otherTitle })).toBeVisible();

  // The look for new stories waits for the network: none while offline, one when it is back.
  await page.goto('./');
  const asked = () =>
    page.evaluate(() => performance.getEntriesByType('resource').filter((entry) => entry.name.endsWith('/content/index.json')).length);
  const before = await asked();
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  expect(await asked(), 'no look for new stories while offline').toBe(before);
  await context.setOffline(false);
  await expect.poll(asked, { message: 'a look for new stories once the network is back' }).toBeGreaterThan(before);
  // Online again, a page from the network says nothing of a saved copy.
  await page.goto(`./article/${SEED}`);
  await expect(page.getByRole('heading', { level: 1, name: SEED_TITLE })).toBeVisible();
  await expect(page.getByRole('status', { name: 'Saved copy' })).toHaveCount(0);
});

test('the site can be installed: the manifest names the site, its base and its icon', async ({ page }) => {
  await page.goto('./');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  const base = await page.evaluate(() => document.baseURI);
  const address = new URL(href ?? '', base).href;
  const response = await page.request.get(address);
  expect(response.headers()['content-type']).toContain('application/manifest+json');
  const manifest = await response.json();
  expect(manifest).toMatchObject({ name: 'News Blog', display: 'standalone', start_url: './', scope: './' });
  expect(new URL(manifest.start_url, address).href).toBe(base);
  for (const icon of manifest.icons) {
    expect((await page.request.get(new URL(icon.src, address).href)).status()).toBe(200);
  }
  await underTheWorker(page);
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.scope);
  expect(scope).toBe(base);
  const worker = await page.request.get(new URL('sw.js', base).href);
  expect(worker.headers()['cache-control'] ?? 'no-cache').toContain('no-cache');
});

test('the setting news-blog-offline "off" removes an installed worker and what it kept', async ({ page }) => {
  await page.goto('./');
  await underTheWorker(page);
  await savedOnDevice(page, './');
  // A host switching it off edits the pages' setting, as it would any other: the one the
  // build wrote, which the boot script reads.
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      const setting = document.querySelector('meta[name="news-blog-offline"]');
      if (setting) setting.setAttribute('content', 'off');
    });
  });
  expect(await page.locator('meta[name="news-blog-offline"]').count(), 'the page has the setting').toBe(1);
  await page.goto(`./article/${SEED}`);
  await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
  await expect.poll(() => page.evaluate(async () => (await caches.keys()).filter((name) => name.startsWith('news-blog-')))).toEqual([]);
});

test('the widget page installs no worker', async ({ page }) => {
  await page.addInitScript(() => {
    const calls: string[] = [];
    (window as unknown as { __registered: string[] }).__registered = calls;
    const register = ServiceWorkerContainer.prototype.register;
    ServiceWorkerContainer.prototype.register = function (this: ServiceWorkerContainer, ...args: Parameters<typeof register>) {
      calls.push(String(args[0]));
      return register.apply(this, args);
    };
  });
  // The app's own page registers it once it has started (the check that the spy works) …
  await page.goto(`./article/${SEED}`);
  await expect.poll(() => page.evaluate(() => (window as unknown as { __registered: string[] }).__registered.length)).toBe(1);
  // … and the widget's, once it has started, does not.
  const context = await page.context().browser()?.newContext();
  if (!context) throw new Error('a second browser context');
  const widget = await context.newPage();
  await widget.addInitScript(() => {
    (window as unknown as { __registered: number }).__registered = 0;
    ServiceWorkerContainer.prototype.register = function () {
      (window as unknown as { __registered: number }).__registered += 1;
      return Promise.reject(new Error('not expected'));
    };
    addEventListener('TrunkApplicationStarted', () => ((window as unknown as { __started: boolean }).__started = true));
  });
  await widget.goto(new URL(`embed/article/${SEED}/`, page.url().replace(/article\/.*$/, '')).href);
  await widget.waitForFunction(() => (window as unknown as { __started?: boolean }).__started === true && document.readyState === 'complete');
  expect(await widget.evaluate(() => (window as unknown as { __registered: number }).__registered)).toBe(0);
  expect(await widget.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
  await context.close();
});

// Lighthouse 12 has no PWA category any more: the check is Chromium's own, as DevTools'
// Application panel asks it.
test('Chromium finds the site installable and its manifest without errors', async ({ browserName }, testInfo) => {
  test.skip(browserName !== 'chromium', "Chromium's installability check");
  // A profile of its own: Playwright's usual contexts are incognito ones, where Chromium never
  // offers to install a site (the error "in-incognito"), whatever the site does.
  const profile = mkdtempSync(path.join(tmpdir(), 'news-blog-install-'));
  const context = await chromium.launchPersistentContext(profile, {
    ...testInfo.project.use.launchOptions,
    baseURL: testInfo.project.use.baseURL,
    serviceWorkers: 'allow',
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto('./');
    await underTheWorker(page);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
    const manifest = await cdp.send('Page.getAppManifest');
    expect(manifest.url).toBe(new URL('manifest.webmanifest', page.url()).href);
    expect(manifest.errors).toEqual([]);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

// A host of its own for this test, serving a copy of the root build whose story it corrects.
const correctionPort = Number(process.env.E2E_CORRECTION_PORT ?? 8135);

test('a story opened again paints from the device, and a correction reads once the app has started and paints the visit after', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== 'offline', 'one host is enough: the worker is the same under every base');
  const site = mkdtempSync(path.join(tmpdir(), 'news-blog-correction-'));
  cpSync(path.join(__dirname, '../../dist'), site, { recursive: true });
  const server = spawn('python3', [path.join(__dirname, '../../.ci/serve.py'), site, '--port', String(correctionPort)], {
    env: { ...process.env, SERVE_QUIET: '1' },
    stdio: 'ignore',
  });
  try {
    const origin = `http://127.0.0.1:${correctionPort}/`;
    await expect.poll(() => fetch(origin).then((response) => response.status, () => 0), { message: 'the host answers' }).toBe(200);
    // What each visit paints first: the story's page as it came, before the app starts.
    await page.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        (window as unknown as { __painted: string | null }).__painted = document.querySelector('#prerendered h1')?.textContent ?? null;
      });
    });
    const painted = () => page.evaluate(() => (window as unknown as { __painted: string | null }).__painted);
    // The first visit: the worker, once it takes over, keeps the story open.
    await page.goto(`${origin}article/${SEED}`);
    await underTheWorker(page);
    await savedOnDevice(page, `article/${SEED}/`);

    // The newsroom corrects the headline: a new page and document on the server.
    const corrected = 'Syria war: final assault launched to retake Raqqa';
    const story = path.join(site, 'article', SEED, 'index.html');
    const html = readFileSync(story, 'utf8');
    const escaped = ['&#x27;', '&#39;', '&apos;'].map((quote) => SEED_TITLE.replaceAll("'", quote));
    const correctedHtml = [SEED_TITLE, ...escaped].reduce((text, title) => text.replaceAll(title, corrected), html);
    expect(correctedHtml, 'the headline is in the page').not.toBe(html);
    writeFileSync(story, correctedHtml);
    const documentFile = path.join(site, 'content', 'articles', `${SEED}.json`);
    writeFileSync(documentFile, JSON.stringify({ ...JSON.parse(readFileSync(documentFile, 'utf8')), title: corrected }));
    for (const file of [story, documentFile]) {
      for (const copy of ['.br', '.gz']) rmSync(file + copy, { force: true });
      // Later than the copy by more than Last-Modified's one second, so the browser's
      // revalidation gets the new file rather than a 304.
      const later = new Date(Date.now() + 10_000);
      utimesSync(file, later, later);
    }

    // Online again: the page comes from the device at once, the app draws the corrected
    // story from the network, and nothing says the reader is offline.
    await page.goto(`${origin}article/${SEED}`);
    expect(await painted(), 'the first paint is the copy on the device').toBe(SEED_TITLE);
    await appTookOver(page);
    await expect(page.getByRole('heading', { level: 1, name: corrected })).toBeVisible();
    await expect(page.getByRole('status', { name: 'Saved copy' })).toHaveCount(0);
    // Meanwhile the worker kept the corrected page: the next visit paints it.
    await expect
      .poll(() => page.evaluate(async (folder) => (await (await caches.match(new URL(folder, document.baseURI).href))?.text())?.includes('final assault launched to retake'), `article/${SEED}/`), {
        message: 'the corrected page is kept on the device',
      })
      .toBe(true);
    await page.goto(`${origin}article/${SEED}`);
    expect(await painted(), 'the first paint is the corrected page').toBe(corrected);
    await expect(page.getByRole('heading', { level: 1, name: corrected })).toBeVisible();
    await expect(page.getByRole('status', { name: 'Saved copy' })).toHaveCount(0);
  } finally {
    server.kill();
    rmSync(site, { recursive: true, force: true });
  }
});

test('with the device storage full, the site reads from the network as before', async ({ page, context }, testInfo) => {
  test.skip(testInfo.project.name !== 'offline', 'the worker keeps nothing differently under another base or host');
  await page.goto('./');
  await underTheWorker(page);
  await savedOnDevice(page, './');
  // The origin's quota is now what it already uses: every copy the worker tries to keep fails.
  const cdp = await context.newCDPSession(page);
  const used = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(page.url()).origin, quotaSize: used + 1 });
  const otherTitle = await headlineOf(OTHER, page);
  for (const [slug, headline] of [[SEED, SEED_TITLE], [OTHER, otherTitle]]) {
    await page.goto(`./article/${slug}`);
    await expect(page.getByRole('heading', { level: 1, name: headline })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Post comment' })).toBeVisible();
  }
  await page.getByRole('banner').getByRole('link', { name: 'News Blog' }).click();
  await expect(page.getByRole('link', { name: SEED_TITLE }).first()).toBeVisible();
  await expect(page.getByRole('status', { name: 'Saved copy' })).toHaveCount(0);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(page.url()).origin });
});

// A host of its own for this test, serving a copy of the root build that the test then
// deploys a new build over.
const updatePort = Number(process.env.E2E_UPDATE_PORT ?? 8134);

test('a new build deployed while a page is open is offered, and Reload brings it with the unfinished comment', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== 'offline', 'one host is enough: the worker and the boot script are the same under every base');
  const site = mkdtempSync(path.join(tmpdir(), 'news-blog-update-'));
  cpSync(path.join(__dirname, '../../dist'), site, { recursive: true });
  const server = spawn('python3', [path.join(__dirname, '../../.ci/serve.py'), site, '--port', String(updatePort)], {
    env: { ...process.env, SERVE_QUIET: '1' },
    stdio: 'ignore',
  });
  try {
    const origin = `http://127.0.0.1:${updatePort}/`;
    await expect.poll(() => fetch(origin).then((response) => response.status, () => 0), { message: 'the host answers' }).toBe(200);
    await page.goto(`${origin}article/${SEED}`);
    await appTookOver(page);
    await underTheWorker(page);
    const draft = 'Half written on the old build, and still here on the new one.';
    await page.getByLabel('Your comment').fill(draft);
    const oldVersion = await page.evaluate(async () => (await caches.keys()).find((name) => name.startsWith('news-blog-app-')));

    // The new build: a worker of another version, as a build that changes the app writes.
    const workerFile = path.join(site, 'sw.js');
    const worker = readFileSync(workerFile, 'utf8');
    const newVersion = 'a'.repeat(16);
    writeFileSync(workerFile, worker.replace(/const VERSION = '[0-9a-f]+'/, `const VERSION = '${newVersion}'`));
    for (const copy of ['sw.js.br', 'sw.js.gz']) rmSync(path.join(site, copy), { force: true });

    // The reader comes back to the tab: the page looks for a new build, and offers it without
    // moving anything.
    const headline = page.getByRole('heading', { level: 1, name: SEED_TITLE });
    const before = await headline.boundingBox();
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    const reload = page.getByRole('button', { name: 'Reload' });
    await expect(page.getByText('A new version of this site is available.')).toBeVisible();
    await expect(reload).toBeVisible();
    expect(await headline.boundingBox()).toEqual(before);
    // Until the reader reloads, the old worker serves the page, and keeps the old app's files.
    expect(await page.evaluate(async () => (await caches.keys()).filter((name) => name.startsWith('news-blog-app-')))).toContain(oldVersion);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting !== null)).toBe(true);

    // Reload, from the keyboard.
    await reload.focus();
    const reloaded = page.waitForEvent('load');
    await page.keyboard.press('Enter');
    await reloaded;
    await appTookOver(page);
    await expect(page.getByRole('heading', { level: 1, name: SEED_TITLE })).toBeVisible();
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null)).toBeNull();
    await expect.poll(() => page.evaluate(async () => (await caches.keys()).includes('news-blog-app-' + 'a'.repeat(16)))).toBe(true);
    await expect(page.getByText('A new version of this site is available.')).toBeHidden();
    await expect(page.getByLabel('Your comment')).toHaveValue(draft);
  } finally {
    server.kill();
    rmSync(site, { recursive: true, force: true });
  }
});

// Pictures for people to look at (tests/e2e/screenshots/offline-*.png, or in the folder
// OFFLINE_SHOTS): a saved story, the home and an unsaved story offline, and the update notice,
// at phone and desktop size, light and dark.
const shots = process.env.OFFLINE_SHOTS ?? 'screenshots';
for (const viewport of [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 800 },
]) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`offline pages at ${viewport.name} width in ${scheme} mode`, async ({ page, context }, testInfo) => {
      test.skip(testInfo.project.name !== 'offline', 'one set of pictures');
      mkdirSync(shots, { recursive: true });
      await page.setViewportSize({ width: viewport.width, height: viewport.height });
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto('./');
      await underTheWorker(page);
      await page.goto(`./article/${SEED}`);
      await savedOnDevice(page, `content/articles/${SEED}.json`);
      await savedOnDevice(page, `article/${SEED}/`);
      await context.setOffline(true);
      await page.goto(`./article/${SEED}`);
      await expect(page.getByRole('status', { name: 'Saved copy' })).toBeVisible();
      await page.screenshot({ path: `${shots}/offline-story-${viewport.name}-${scheme}.png` });
      await page.goto('./');
      await expect(page.getByRole('region', { name: 'Saved for offline reading' })).toBeVisible();
      await page.screenshot({ path: `${shots}/offline-home-${viewport.name}-${scheme}.png` });
      await page.goto(`./article/${UNSAVED}`);
      await expect(page.getByText("This story isn't saved on this device.")).toBeVisible();
      await page.screenshot({ path: `${shots}/offline-unsaved-${viewport.name}-${scheme}.png` });
      await context.setOffline(false);
      // The update notice as a waiting build shows it (the boot script's mark).
      await page.goto(`./article/${SEED}`);
      await appTookOver(page);
      await page.evaluate(() => document.documentElement.setAttribute('data-news-blog-update', ''));
      await expect(page.getByRole('button', { name: 'Reload' })).toBeVisible();
      await page.screenshot({ path: `${shots}/update-notice-${viewport.name}-${scheme}.png` });
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    });
  }
}
