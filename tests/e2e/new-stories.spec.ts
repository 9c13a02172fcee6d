import { Page } from '@playwright/test';
import { test, expect, appTookOver } from './support';

// While the home, a section or a tag page is open, the first index page is asked again when
// the tab is shown again and every 5 minutes while it is visible, never while hidden; new
// stories wait in a pill that floats over the page until the reader asks for them.

const FIVE_MINUTES = 5 * 60 * 1000;

/** From now on, the index document (`path` under content/) answers with `n` new stories on top. */
async function publishNewStories(page: Page, path: string, n: number, asked: string[]) {
  await page.route(`**/content/${path}`, async (route) => {
    asked.push(route.request().url());
    const response = await route.fetch();
    const index = await response.json();
    const fresh = Array.from({ length: n }, (_, i) => ({
      slug: `just-in-${i + 1}`,
      title: `Just in: story ${i + 1}`,
      summary: 'Published after the page was opened.',
      published: `2030-01-0${i + 1}T09:00:00Z`,
      section: 'Middle East',
      tags: ['Sample content'],
    }));
    await route.fulfill({ response, json: { ...index, articles: [...fresh, ...index.articles] } });
  });
}

async function setVisibility(page: Page, state: 'visible' | 'hidden') {
  await page.evaluate((state) => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => state === 'hidden' });
    // As browsers fire it: at the document, bubbling to the window.
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
  }, state);
}

const headlines = (page: Page) => page.getByRole('main').getByRole('list').first().getByRole('heading', { level: 2 });

test('a tab shown again offers the new stories without moving the page, and adds them on request', async ({ page }) => {
  await page.clock.install();
  await page.goto('./');
  // The looking starts with the app; before that there is nothing to fire.
  await appTookOver(page);
  const firstHeadline = await headlines(page).first().textContent();
  const asked: string[] = [];
  await publishNewStories(page, 'index.json', 2, asked);

  await setVisibility(page, 'hidden');
  await page.clock.runFor(2 * FIVE_MINUTES);
  expect(asked, 'nothing is asked while the tab is hidden').toEqual([]);

  const before = await headlines(page).first().boundingBox();
  await setVisibility(page, 'visible');
  const pill = page.getByRole('button', { name: '2 new stories' });
  await expect(pill).toBeVisible();
  expect(asked).toHaveLength(1);
  expect(await headlines(page).first().boundingBox(), 'the list did not move').toEqual(before);
  await expect(headlines(page).first()).toHaveText(firstHeadline ?? '');

  await pill.click();
  await expect(pill).toHaveCount(0);
  await expect(headlines(page).nth(0)).toHaveText('Just in: story 2');
  await expect(headlines(page).nth(1)).toHaveText('Just in: story 1');
  await expect(headlines(page).nth(2)).toHaveText(firstHeadline ?? '');
  await expect(page.getByRole('link', { name: 'Just in: story 2' })).toBeFocused();
});

test('a visible list looks again every five minutes, a section page too', async ({ page }) => {
  await page.clock.install();
  await page.goto('./section/middle-east/');
  await appTookOver(page);
  await expect(page.getByText('4 stories', { exact: true })).toBeVisible();
  const asked: string[] = [];
  await publishNewStories(page, 'section/middle-east.json', 1, asked);
  await page.clock.runFor(FIVE_MINUTES - 1000);
  expect(asked).toEqual([]);
  await page.clock.runFor(2000);
  await expect(page.getByRole('button', { name: '1 new story' })).toBeVisible();
  await page.getByRole('button', { name: '1 new story' }).click();
  await expect(headlines(page).first()).toHaveText('Just in: story 1');
});

test('no pill when nothing is new', async ({ page }) => {
  await page.clock.install();
  await page.goto('./');
  await appTookOver(page);
  const asked: string[] = [];
  await publishNewStories(page, 'index.json', 0, asked);
  const answered = page.waitForResponse((response) => response.url().endsWith('/content/index.json'));
  await page.clock.runFor(FIVE_MINUTES + 1000);
  // The page has the answer (and the handler is done with it) before "nothing" is checked.
  await answered;
  expect(asked).toHaveLength(1);
  await expect(page.getByRole('button', { name: /new stor/ })).toHaveCount(0);
});

test('the look for new stories is a conditional request: an unchanged index costs a 304', async ({ page }) => {
  await page.clock.install();
  await page.goto('./');
  await appTookOver(page);
  const revalidated = page.waitForResponse((response) => response.url().endsWith('/content/index.json'));
  await setVisibility(page, 'hidden');
  await setVisibility(page, 'visible');
  const response = await revalidated;
  const headers = await response.request().allHeaders();
  expect(headers['if-modified-since'] ?? headers['if-none-match'], 'asked conditionally').toBeTruthy();
  await expect(page.getByRole('button', { name: /new stor/ })).toHaveCount(0);
});
