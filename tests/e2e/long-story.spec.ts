import type { Page } from '@playwright/test';
import { test, expect, SEED, SEED_TITLE, appTookOver, openWithAppHeld } from './support';
import { LINK, LINKED, longStoryDocument, longStoryPage, paragraphText } from './long-story';

// Long reads: far paragraphs are laid out only as they come near the screen, and the reader's
// place holds where the page is drawn again (engines/long-story.spec.ts in every engine).

async function serveLongStory(page: Page) {
  await page.route(`**/content/articles/${SEED}.json`, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ body: longStoryDocument(await response.text()), contentType: 'application/json' });
  });
  const storyPage = (url: URL) => url.pathname.replace(/\/(index\.html)?$/, '') === `/article/${SEED}`;
  await page.route(storyPage, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ status: response.status(), contentType: 'text/html; charset=utf-8', body: longStoryPage(await response.text()) });
  });
}

const paragraph = (page: Page, n: number) => page.getByText(paragraphText(n));

/** Scrolls down with the wheel, as a reader does, until paragraph `n` is in the window. */
async function readDownTo(page: Page, n: number) {
  await page.mouse.move(400, 400);
  for (let step = 0; step < 200; step += 1) {
    const box = await paragraph(page, n).boundingBox();
    if (box && box.y < 350) return box.y;
    await page.mouse.wheel(0, 200);
    await page.waitForTimeout(20);
  }
  throw new Error(`paragraph ${n} never came into the window`);
}

const topOf = async (page: Page, n: number) => (await paragraph(page, n).boundingBox())?.y;

// Reading down 200 paragraphs as a reader scrolls takes about 20 s on an idle machine: the
// default 30 s left no room for a busy one (a CI run under load timed out at 31 s).
test.describe.configure({ timeout: 90_000 });

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1000, height: 700 });
  await serveLongStory(page);
});

test('a reader who scrolled a long story before the app started keeps their place', async ({ page }) => {
  // The app starts only once the reader is well into the story.
  const startApp = await openWithAppHeld(page, `article/${SEED}`);
  await expect(page.getByRole('heading', { level: 1, name: SEED_TITLE })).toBeVisible();
  const before = await readDownTo(page, 120);
  startApp();
  // Drawing a 200-paragraph story on a busy test machine can take longer than a click waits.
  await expect(page.locator('#prerendered')).toHaveCount(0, { timeout: 30_000 });
  await appTookOver(page);
  await expect(paragraph(page, 120)).toBeVisible();
  expect(Math.abs(((await topOf(page, 120)) ?? -1e6) - before)).toBeLessThanOrEqual(2);
});

test('back to a long story puts the reader where they left it', async ({ page }) => {
  await page.goto(`./article/${SEED}`);
  const before = await readDownTo(page, LINKED);
  await page.getByRole('link', { name: LINK.text }).click();
  await expect(page.getByRole('heading', { level: 1, name: SEED_TITLE })).toBeHidden();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: SEED_TITLE })).toBeAttached();
  await expect.poll(async () => Math.abs(((await topOf(page, LINKED)) ?? -1e6) - before)).toBeLessThanOrEqual(2);
});

test('a long story lays out its far paragraphs as the reader reaches them', async ({ page }) => {
  await page.goto(`./article/${SEED}`);
  // Every paragraph is in the page from the start, for find in page and screen readers...
  await expect(page.getByRole('main').getByRole('paragraph').filter({ hasText: 'of the long story.' })).toHaveCount(200);
  // ...but one far from the window has a guessed height until the reader comes near it.
  const height = () => paragraph(page, 200).evaluate((p) => p.getBoundingClientRect().height);
  const guessed = await height();
  await readDownTo(page, 200);
  expect(await height()).not.toBe(guessed);
});
