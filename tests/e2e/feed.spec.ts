import { test, expect, SEED, SEED_TITLE, markDocument, isSameDocument, openArticle } from './support';
import { readFileSync } from 'node:fs';

const index = JSON.parse(readFileSync('../../public/content/index.json', 'utf8'));

test('home shows the site title, description and every story newest first, undated last', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: index.title })).toBeVisible();
  await expect(page.getByText(index.description)).toBeVisible();
  const dated = index.articles
    .filter((entry: { published?: string }) => entry.published)
    .sort((a: { published: string }, b: { published: string }) => Date.parse(b.published) - Date.parse(a.published));
  const undated = index.articles.filter((entry: { published?: string }) => !entry.published);
  const expected = [...dated, ...undated].map((entry: { title: string }) => entry.title);
  const headlines = page.getByRole('main').getByRole('heading', { level: 2 });
  await expect(headlines).toHaveText(expected);
});

test('each story links to its article and shows a readable date', async ({ page }) => {
  await page.goto('./');
  const link = page.getByRole('link', { name: SEED_TITLE });
  await expect(link).toHaveAttribute('href', `/article/${SEED}`);
  const entry = page.getByRole('listitem').filter({ has: link });
  await expect(entry.locator('time')).toHaveAttribute('datetime', '2017-10-15T09:30:00Z');
  await expect(entry.locator('time')).toHaveText('15 October 2017');
  await expect(entry.getByText('Middle East')).toBeVisible();
});

test('feed pictures reserve their space and only the first loads eagerly', async ({ page }) => {
  await page.goto('./');
  const pictures = page.getByRole('main').getByRole('img');
  await expect(pictures.first()).toBeVisible();
  const attributes = await pictures.evaluateAll((images) =>
    images.map((img) => [img.getAttribute('width'), img.getAttribute('height'), img.getAttribute('loading')]),
  );
  expect(attributes.length).toBeGreaterThan(3);
  for (const [width, height] of attributes) {
    expect(Number(width)).toBeGreaterThan(0);
    expect(Number(height)).toBeGreaterThan(0);
  }
  expect(attributes[0][2]).toBe('eager');
  expect(attributes.slice(1).every(([, , loading]) => loading === 'lazy')).toBe(true);
});

test('clicking a story navigates without reloading and sets the title', async ({ page }) => {
  await page.goto('./');
  await expect(page).toHaveTitle(index.title);
  await markDocument(page);
  await page.getByRole('link', { name: SEED_TITLE }).click();
  await expect(page).toHaveURL(new RegExp(`/article/${SEED}$`));
  await expect(page.getByRole('heading', { level: 1, name: SEED_TITLE })).toBeVisible();
  await expect(page).toHaveTitle(`${SEED_TITLE} – News Blog`);
  expect(await isSameDocument(page)).toBe(true);
  // As after a page load, keyboard focus starts at the new page's content.
  await expect(page.getByRole('main')).toBeFocused();
});

test('deep link opens an article directly', async ({ page }) => {
  await page.goto(`./article/${SEED}`);
  await expect(page.getByRole('heading', { level: 1, name: SEED_TITLE })).toBeVisible();
});

test('back and forward move between feed and article', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('link', { name: SEED_TITLE }).click();
  await expect(page.getByRole('heading', { level: 1, name: SEED_TITLE })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: index.title })).toBeVisible();
  await expect(page).toHaveTitle(index.title);
  await page.goForward();
  await expect(page.getByRole('heading', { level: 1, name: SEED_TITLE })).toBeVisible();
});

test('a new page starts at the top and back restores the scroll position', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 640 });
  await page.goto('./');
  const link = page.getByRole('link', { name: 'Night market returns to the old bus station with forty stalls' });
  await link.scrollIntoViewIfNeeded();
  const feedScroll = await page.evaluate(() => window.scrollY);
  expect(feedScroll).toBeGreaterThan(500);
  await link.click();
  await expect(page.getByRole('heading', { level: 1, name: /Night market/ })).toBeVisible();
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: index.title })).toBeVisible();
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(feedScroll - 40);
  expect(await page.evaluate(() => window.scrollY)).toBeLessThan(feedScroll + 40);
});

test('an unknown address shows the not-found page with a link home', async ({ page }) => {
  await page.goto('./no/such/page');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(page).toHaveTitle('Page not found – News Blog');
  await page.getByRole('main').getByRole('link', { name: 'Go to the home page' }).click();
  await expect(page.getByRole('heading', { level: 1, name: index.title })).toBeVisible();
});

test('the skip link moves focus to the main content', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: index.title })).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
});

test('the title is the site name, never empty, while the feed loads', async ({ page }) => {
  // Held from the start: the article page asks for the feed too (for its related stories).
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/content/index.json', async (route) => {
    await held;
    await route.continue();
  });
  await openArticle(page, SEED);
  await page.getByRole('banner').getByRole('link', { name: 'News Blog' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Loading the stories' })).toBeAttached();
  await expect(page).toHaveTitle('News Blog');
  release();
  await expect(page.getByRole('heading', { level: 1, name: index.title })).toBeVisible();
});

test('older pages of the index load when the reader asks for more stories', async ({ page }) => {
  const older = {
    title: 'ignored on later pages',
    next: 'index-3.json',
    articles: [{ slug: 'older-story', title: 'An older story', published: '2016-01-01T00:00:00Z', image: { src: 'images/market.svg', alt: 'Older picture', width: 976, height: 549 } }],
  };
  const oldest = { title: 'x', articles: [{ slug: 'oldest-story', title: 'The oldest story' }] };
  await page.route('**/content/index.json', async (route) => {
    const response = await route.fetch();
    const first = await response.json();
    await route.fulfill({ response, json: { ...first, next: 'index-2.json' } });
  });
  await page.route('**/content/index-2.json', (route) => route.fulfill({ json: older }));
  await page.route('**/content/index-3.json', (route) => route.fulfill({ json: oldest }));
  await page.goto('./');
  const more = page.getByRole('button', { name: 'More stories' });
  await expect(more).toBeVisible();
  await expect(page.getByRole('link', { name: 'An older story' })).toHaveCount(0);
  await more.click();
  await expect(page.getByRole('link', { name: 'An older story' })).toBeVisible();
  // Pictures on a later page resolve against that page's own address.
  await expect(page.getByRole('img', { name: 'Older picture' })).toHaveAttribute('src', /\/content\/images\/market\.svg$/);
  await more.click();
  await expect(page.getByRole('link', { name: 'The oldest story' })).toBeVisible();
  await expect(more).toHaveCount(0);
  const headlines = await page.getByRole('main').getByRole('heading', { level: 2 }).allTextContents();
  expect(headlines.slice(-2)).toEqual(['An older story', 'The oldest story']);
});

test('a long index lists a screenful of stories and more on request, without a request', async ({ page }) => {
  const articles = Array.from({ length: 60 }, (_, n) => ({
    slug: `story-${n}`, title: `Story number ${n}`, published: new Date(Date.UTC(2026, 0, 1) - n * 3_600_000).toISOString(),
  }));
  let indexRequests = 0;
  await page.route('**/content/index.json', (route) => {
    indexRequests += 1;
    return route.fulfill({ json: { title: 'News Blog', articles } });
  });
  await page.goto('./');
  const headlines = page.getByRole('main').getByRole('heading', { level: 2 });
  await expect(headlines.first()).toHaveText('Story number 0');
  await expect(headlines).toHaveCount(25);
  const more = page.getByRole('button', { name: 'More stories' });
  await more.click();
  await expect(headlines).toHaveCount(49);
  await expect(more).toBeFocused();
  await more.click();
  await expect(headlines).toHaveCount(60);
  await expect(headlines.last()).toHaveText('Story number 59');
  await expect(more).toHaveCount(0);
  expect(indexRequests).toBe(1);
});

test('pointing at a headline loads its story ahead, and opening it asks no more', async ({ page }) => {
  const requests: string[] = [];
  let release = () => {};
  const answered = new Promise<void>((resolve) => (release = resolve));
  await page.route(`**/content/articles/${SEED}.json`, async (route) => {
    requests.push(route.request().url());
    await answered;
    await route.continue();
  });
  await page.goto('./');
  const link = page.getByRole('main').getByRole('link', { name: SEED_TITLE });
  await link.hover();
  await expect.poll(() => requests.length).toBe(1);
  // Opened while the early request is still on its way: the story waits for that answer.
  await link.click();
  release();
  await expect(page.getByRole('heading', { level: 1, name: SEED_TITLE })).toBeVisible();
  expect(requests).toHaveLength(1);
});

test('focusing a headline with the keyboard loads its story ahead', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/content/articles/')) requests.push(request.url());
  });
  await page.goto('./');
  await page.getByRole('main').getByRole('link', { name: SEED_TITLE }).focus();
  await expect.poll(() => requests.filter((url) => url.endsWith(`${SEED}.json`)).length).toBe(1);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: SEED_TITLE })).toBeVisible();
  expect(requests).toHaveLength(1);
});
