import { Page } from '@playwright/test';
import { test, expect, appTookOver, screenshotWholePage } from './support';
import { mkdirSync } from 'node:fs';

// Pictures of the main pages at phone and desktop widths, light and dark, for people to look
// at (tests/e2e/screenshots/). Each also checks that nothing scrolls sideways.
const viewports = [
  { name: 'phone', width: 360, height: 780 },
  { name: 'desktop', width: 1280, height: 900 },
];
const schemes = ['light', 'dark'] as const;
const pages = [
  { name: 'home', path: './', ready: (page: Page) => page.getByRole('heading', { level: 1, name: 'News Blog' }) },
  {
    name: 'article',
    path: './article/syria-war-final-assault-raqqa',
    ready: (page: Page) => page.getByRole('heading', { level: 1, name: /Final assault/ }),
  },
  { name: 'not-found', path: './no/such/page', ready: (page: Page) => page.getByRole('heading', { name: 'Page not found' }) },
  { name: 'section', path: './section/middle-east/', ready: (page: Page) => page.getByRole('heading', { level: 1, name: 'Middle East' }) },
  { name: 'tag', path: './tag/sample-content/', ready: (page: Page) => page.getByRole('heading', { level: 1, name: 'Sample content' }) },
  { name: 'author', path: './author/priya-nandakumar/', ready: (page: Page) => page.getByRole('heading', { level: 1, name: 'Priya Nandakumar' }) },
  { name: 'about', path: './page/about/', ready: (page: Page) => page.getByRole('heading', { level: 1, name: 'About News Blog' }) },
  { name: 'search', path: './search?q=storm', ready: (page: Page) => page.getByRole('status').filter({ hasText: '2 results for “storm”' }) },
];

mkdirSync('screenshots', { recursive: true });

for (const viewport of viewports) {
  for (const scheme of schemes) {
    for (const target of pages) {
      test(`${target.name} at ${viewport.name} width in ${scheme} mode has no sideways scroll`, async ({ page }) => {
        await page.setViewportSize({ width: viewport.width, height: viewport.height });
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(target.path);
        await expect(target.ready(page)).toBeVisible();
        await appTookOver(page);
        // Lazy pictures load only near the viewport: bring each one in before the picture.
        for (const img of await page.locator('main img').all()) {
          await img.scrollIntoViewIfNeeded();
        }
        await expect
          .poll(() => page.locator('main img').evaluateAll((images) => images.every((img) => (img as HTMLImageElement).complete)))
          .toBe(true);
        await page.evaluate(() => window.scrollTo(0, 0));
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        await screenshotWholePage(page, `screenshots/${target.name}-${viewport.name}-${scheme}.png`);
      });
    }
  }
}

// The states a reader meets in the comment box and when a story fails to load.
for (const viewport of viewports) {
  for (const scheme of schemes) {
    test(`comment box and error message at ${viewport.name} width in ${scheme} mode`, async ({ page }) => {
      await page.setViewportSize({ width: viewport.width, height: viewport.height });
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto('./article/wind-farm-vote');
      await page.getByLabel('Your name').fill('Ana Souza');
      await page.getByLabel('Your comment').fill('A long-awaited decision.\nThe footpath condition matters most to us.');
      await page.getByRole('button', { name: 'Post comment' }).click();
      await page.getByRole('button', { name: 'Post comment' }).click();
      const comments = page.getByRole('region', { name: /comment/ });
      await expect(comments.getByText('Write a comment before posting.')).toBeVisible();
      await comments.getByRole('button', { name: 'Delete the comment by Ana Souza' }).click();
      await comments.screenshot({ path: `screenshots/comments-${viewport.name}-${scheme}.png` });

      await page.route('**/content/articles/night-market-returns.json', (route) => route.fulfill({ status: 503, body: 'down' }));
      await page.getByRole('banner').getByRole('link', { name: 'News Blog' }).click();
      await page.getByRole('link', { name: /Night market returns/ }).click();
      await expect(page.getByRole('alert')).toBeVisible();
      await page.screenshot({ path: `screenshots/load-error-${viewport.name}-${scheme}.png` });
    });
  }
}

// A long index and a long comment thread: the "More stories" and "Show earlier comments" ends.
for (const viewport of viewports) {
  for (const scheme of schemes) {
    test(`long feed and long thread at ${viewport.name} width in ${scheme} mode`, async ({ page }) => {
      await page.setViewportSize({ width: viewport.width, height: viewport.height });
      await page.emulateMedia({ colorScheme: scheme });
      const articles = Array.from({ length: 60 }, (_, n) => ({
        slug: `story-${n}`,
        title: `Story number ${n} about the harbour front`,
        summary: 'A generated story for the long-feed picture.',
        published: new Date(Date.UTC(2026, 0, 1) - n * 3_600_000).toISOString(),
        ...(n % 2 ? {} : { image: { src: 'images/harbour.svg', alt: `Picture ${n}`, width: 976, height: 549 } }),
      }));
      await page.route('**/content/index.json', (route) => route.fulfill({ json: { title: 'News Blog', articles } }));
      await page.goto('./');
      const more = page.getByRole('button', { name: 'More stories' });
      await more.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `screenshots/long-feed-${viewport.name}-${scheme}.png` });

      const comments = Array.from({ length: 60 }, (_, n) => ({ id: `c${n}`, name: n % 3 ? `Reader ${n}` : '', text: `Comment number ${n}.`, posted: '2026-01-01T10:00:00Z' }));
      await page.evaluate((value) => localStorage.setItem('news-blog:comments:wind-farm-vote', value), JSON.stringify({ version: 1, comments }));
      await page.goto('./article/wind-farm-vote');
      const earlier = page.getByRole('button', { name: 'Show 10 earlier comments' });
      await earlier.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `screenshots/long-thread-${viewport.name}-${scheme}.png` });
    });
  }
}

// A prerendered page kept because its content could not be refreshed, with its quiet notice.
for (const viewport of viewports) {
  for (const scheme of schemes) {
    test(`out-of-date notice at ${viewport.name} width in ${scheme} mode`, async ({ page }) => {
      await page.setViewportSize({ width: viewport.width, height: viewport.height });
      await page.emulateMedia({ colorScheme: scheme });
      await page.route('**/content/articles/wind-farm-vote.json', (route) => route.abort('connectionrefused'));
      await page.goto('./article/wind-farm-vote');
      await expect(page.getByRole('status', { name: 'Page may be out of date' })).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `screenshots/stale-notice-${viewport.name}-${scheme}.png` });
    });
  }
}
