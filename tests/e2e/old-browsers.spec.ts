import { Page } from '@playwright/test';
import { test, expect, SEED, SEED_TITLE } from './support';

// Readers whose browser cannot run the app (no WebAssembly, as in iOS Lockdown Mode; no
// JavaScript modules; WebAssembly without a feature the app is compiled with) read every
// prerendered page as it was built, are told once and quietly what needs a newer browser, get
// a not-found page rather than a blank one, and see one clear line in the console, never an
// exception.

const COMMENTS_NOTE = 'Comments need JavaScript and an up-to-date browser.';
const MORE_STORIES_NOTE = 'More stories and the notice of new ones need JavaScript and an up-to-date browser.';
const SEARCH_NOTE = 'Search needs JavaScript and an up-to-date browser.';
const NEWER_PAGES_NOTE = /If this is a story published since this copy of the site was made/;

/** What each kind of old browser lacks, taken away before any of the page's scripts runs. */
const browsers: [string, () => void][] = [
  ['without WebAssembly', () => void delete (window as { WebAssembly?: unknown }).WebAssembly],
  ['without JavaScript modules', () => void delete (HTMLScriptElement.prototype as { noModule?: unknown }).noModule],
  ['whose WebAssembly lacks a feature of the app', () => (WebAssembly.validate = () => false)],
];

/** Opens `url` as it is (the fixture's `page.goto` would wait for an app that never comes),
 * and returns what the page wrote to the console and which of the app's files it asked for. */
async function open(page: Page, url: string) {
  const warnings: string[] = [];
  const appFiles: string[] = [];
  page.on('console', (message) => {
    // The browser's own line for the 404 status of the page itself is not the page's.
    if (!message.text().startsWith('Failed to load resource')) warnings.push(`${message.type()}: ${message.text()}`);
  });
  page.on('request', (request) => {
    if (/\/(boot-[^/]*\.js|news_blog[^/]*\.(js|wasm))$/.test(new URL(request.url()).pathname)) appFiles.push(request.url());
  });
  const response = await page.mainFrame().goto(url);
  await page.waitForLoadState('load');
  return { response, warnings, appFiles };
}

for (const [name, takeAway] of browsers) {
  test.describe(`a browser ${name}`, () => {
    test.beforeEach(async ({ page }) => {
      await page.addInitScript(takeAway);
    });

    test('an address this copy of the site has no page for says not found, and that it may be newer', async ({ page }) => {
      const { response, warnings, appFiles } = await open(page, './article/published-after-the-build');
      expect(response?.status()).toBe(404);
      await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
      await expect(page.getByText(NEWER_PAGES_NOTE)).toBeVisible();
      await expect(page.getByRole('main').getByRole('link', { name: 'Go to the home page' })).toBeVisible();
      expect(appFiles, 'the app is not fetched').toEqual([]);
      await expect.poll(() => warnings).toEqual([expect.stringMatching(/^warning: News Blog: this browser cannot run the site's app/)]);
    });

    test('an article is readable and says once that comments need a newer browser', async ({ page }) => {
      const { appFiles } = await open(page, `./article/${SEED}/`);
      await expect(page.getByRole('heading', { level: 1, name: SEED_TITLE })).toBeVisible();
      await expect(page.getByText('Raqqa was IS\'s de facto capital.')).toBeVisible();
      await expect(page.getByText(COMMENTS_NOTE)).toBeVisible();
      await expect(page.getByText(/need JavaScript/)).toHaveCount(1);
      // No comment fields (the header's search field is a searchbox, not a textbox).
      await expect(page.getByRole('textbox')).toHaveCount(0);
      expect(appFiles).toEqual([]);
    });

    test('the home lists its stories and says what needs a newer browser', async ({ page }) => {
      await open(page, './');
      await expect(page.getByRole('main').getByRole('heading', { level: 2 }).first()).toBeVisible();
      await expect(page.getByText(MORE_STORIES_NOTE)).toBeVisible();
    });

    test('the search page says search needs a newer browser and links home', async ({ page }) => {
      await open(page, './search/?q=storm');
      const note = page.getByText(SEARCH_NOTE);
      await expect(note).toBeVisible();
      await expect(note.getByRole('link', { name: 'The home page' })).toBeVisible();
    });
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the home says what needs JavaScript', async ({ page }) => {
    await page.goto('./');
    await expect(page.getByText(MORE_STORIES_NOTE)).toBeVisible();
  });

  test('a widget says comments need JavaScript', async ({ page }) => {
    await page.goto(`./embed/article/${SEED}/`);
    await expect(page.getByRole('heading', { level: 1, name: SEED_TITLE })).toBeVisible();
    await expect(page.getByText(COMMENTS_NOTE)).toBeVisible();
  });
});

test('a browser that runs the app shows none of the notes', async ({ page }) => {
  await page.goto(`./article/${SEED}/`);
  await expect(page.getByRole('button', { name: 'Post comment' })).toBeVisible();
  await expect(page.getByText(COMMENTS_NOTE)).toHaveCount(0);
  await page.goto('./');
  await expect(page.getByRole('main').getByRole('heading', { level: 2 }).first()).toBeVisible();
  await expect(page.getByText(MORE_STORIES_NOTE)).toHaveCount(0);
});
