import { Page } from '@playwright/test';
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
  }
  // The app read the story's document from the device too: its body is the app's.
  await expect(page.getByRole('button', { name: 'Post comment' })).toBeVisible();

  // In-app links: home, then a saved story by its headline.
  await page.getByRole('banner').getByRole('link', { name: 'News Blog' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'News Blog' })).toBeVisible();
  await page.getByRole('link', { name: SEED_TITLE }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: SEED_TITLE })).toBeVisible();

  // Comments live in the browser: posting needs no network.
  await page.getByLabel('Your comment').fill('Read on the train, posted without a network.');
  await page.getByRole('button', { name: 'Post comment' }).click();
  await expect(page.getByText('Read on the train, posted without a network.')).toBeVisible();

  // A story never opened on this device: the app says the reader is offline, with a way on.
  await page.goto(`./article/${UNSAVED}`);
  await expect(page.getByRole('heading', { name: "You're offline" })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
  await context.setOffline(false);
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
