import { Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { test, expect, appTookOver, screenshotWholePage } from '../support';
import { ar, about, index, seed, SEED, SECTION, entry } from './site';

// The Arabic site's home, a story, a section, the About page and search results at phone and desktop sizes,
// light and dark, in target/screenshots/ar/ (see ../capture.config.ts).
const folder = path.join(__dirname, '../../../target/screenshots/ar');
mkdirSync(folder, { recursive: true });

const heading = (name: string) => (page: Page) => page.getByRole('heading', { level: 1, name, exact: true });
const pages = [
  { name: 'home', path: './', ready: heading(index.title) },
  { name: 'article', path: `./article/${SEED}`, ready: heading(seed.title) },
  { name: 'section', path: `./section/${SECTION.key}/`, ready: heading(SECTION.name) },
  { name: 'about', path: './page/about/', ready: heading(about.title) },
  {
    name: 'search',
    path: `./search?q=${encodeURIComponent('الميناء')}`,
    ready: (page: Page) =>
      page.getByRole('main').getByRole('heading', { level: 2, name: entry('harbour-reopens-after-storm-repairs').title }),
  },
];
const viewports = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 900 },
];

for (const viewport of viewports) {
  for (const scheme of ['light', 'dark'] as const) {
    for (const target of pages) {
      test(`${target.name} at ${viewport.name} size in ${scheme} mode`, async ({ page }) => {
        await page.setViewportSize({ width: viewport.width, height: viewport.height });
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(target.path);
        await appTookOver(page);
        await expect(target.ready(page)).toBeVisible();
        for (const img of await page.locator('main img').all()) await img.scrollIntoViewIfNeeded();
        await expect
          .poll(() => page.locator('main img').evaluateAll((images) => images.every((img) => (img as HTMLImageElement).complete)))
          .toBe(true);
        await page.evaluate(() => window.scrollTo(0, 0));
        await screenshotWholePage(page, path.join(folder, `${target.name}-${viewport.name}-${scheme}.png`));
      });
    }
  }
}

// The comment box with a named and an anonymous comment, at phone size.
for (const scheme of ['light', 'dark'] as const) {
  test(`comments at phone size in ${scheme} mode`, async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`./article/${SEED}`);
    await appTookOver(page);
    const post = page.getByRole('button', { name: ar.text('comments.post_button') });
    await page.getByLabel(ar.text('comments.name_label')).fill('سلمى');
    await page.getByLabel(ar.text('comments.text_label')).fill('تغطية ممتازة، شكرًا.');
    await post.click();
    await page.getByLabel(ar.text('comments.name_label')).fill('');
    await page.getByLabel(ar.text('comments.text_label')).fill('تعليق بلا اسم.');
    await post.click();
    const comments = page.getByRole('region').filter({ has: post });
    await expect(comments.getByRole('heading', { name: ar.plural('comments.count', 2) })).toBeVisible();
    await comments.screenshot({ path: path.join(folder, `comments-phone-${scheme}.png`) });
  });
}
