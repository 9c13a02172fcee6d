import { readFileSync } from 'node:fs';
import { Key } from 'selenium-webdriver';
import { test, expect, SEED, SEED_TITLE } from './support';

// The home feed, in-app navigation, history and not found (../feed.spec.ts in Chromium alone).

const index = JSON.parse(readFileSync('../../public/content/index.json', 'utf8'));

test('home shows the site title, description and every story newest first, undated last', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('heading', { level: 1, name: index.title }).waitFor();
  await page.getByText(index.description).waitFor();
  const dated = index.articles
    .filter((entry: { published?: string }) => entry.published)
    .sort((a: { published: string }, b: { published: string }) => Date.parse(b.published) - Date.parse(a.published));
  const undated = index.articles.filter((entry: { published?: string }) => !entry.published);
  const expected = [...dated, ...undated].map((entry: { title: string }) => entry.title);
  await expect.poll(() => page.getByRole('main').getByRole('heading', { level: 2 }).texts()).toEqual(expected);
});

test('each story links to its article and shows a readable date and its section', async ({ page }) => {
  await page.goto('./');
  const link = page.getByRole('link', { name: SEED_TITLE });
  expect(await link.attribute('href')).toBe(`/article/${SEED}`);
  const entry = page.getByRole('listitem').filter({ hasText: SEED_TITLE });
  const time = entry.locator('time');
  expect(await time.attribute('datetime')).toBe('2017-10-15T09:30:00Z');
  expect(await time.text()).toBe('15 October 2017');
  await expect.poll(() => entry.getByText('Middle East').count()).toBe(1);
});

test('clicking a story navigates without reloading and sets the title', async ({ page }) => {
  await page.goto('./');
  expect(await page.title()).toBe(index.title);
  await page.markDocument();
  await page.getByRole('link', { name: SEED_TITLE }).click();
  await expect.poll(() => page.url()).toMatch(new RegExp(`/article/${SEED}$`));
  await page.getByRole('heading', { level: 1, name: SEED_TITLE }).waitFor();
  await expect.poll(() => page.title()).toBe(`${SEED_TITLE} – News Blog`);
  expect(await page.isSameDocument()).toBe(true);
  // As after a page load, keyboard focus starts at the new page's content.
  await expect.poll(() => page.getByRole('main').isFocused()).toBe(true);
});

test('back and forward move between feed and article', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('link', { name: SEED_TITLE }).click();
  await page.getByRole('heading', { level: 1, name: SEED_TITLE }).waitFor();
  await page.back();
  await page.getByRole('heading', { level: 1, name: index.title }).waitFor();
  await expect.poll(() => page.title()).toBe(index.title);
  await page.forward();
  await page.getByRole('heading', { level: 1, name: SEED_TITLE }).waitFor();
  await expect.poll(() => page.url()).toMatch(new RegExp(`/article/${SEED}$`));
});

test('a mistyped address shows the not-found page with a link home', async ({ page }) => {
  await page.goto('./artcle/syria-war');
  await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
  await expect.poll(() => page.title()).toBe('Page not found – News Blog');
  await page.getByRole('main').getByRole('link', { name: 'Go to the home page' }).click();
  await page.getByRole('heading', { level: 1, name: index.title }).waitFor();
});

test('the skip link moves focus to the main content', async ({ page, driver }) => {
  await page.goto('./');
  await page.getByRole('heading', { level: 1, name: index.title }).waitFor();
  await driver.actions().sendKeys(Key.TAB).perform();
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect.poll(() => skip.isFocused()).toBe(true);
  await driver.actions().sendKeys(Key.ENTER).perform();
  await expect.poll(() => page.getByRole('main').isFocused()).toBe(true);
});
