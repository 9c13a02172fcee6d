import { Key } from 'selenium-webdriver';
import { test, expect, Page } from './support';

// Search through the sample content's Pagefind index (../search.spec.ts).

const pageField = (page: Page) => page.getByRole('search', { name: 'Search page' }).getByRole('searchbox', { name: 'Search stories' });
const results = (page: Page) => page.getByRole('main').getByRole('listitem');

test('the header search finds stories, marks the words and opens a result inside the app', async ({ page }) => {
  await page.goto('./');
  const header = page.getByRole('search', { name: 'Site search' }).getByRole('searchbox', { name: 'Search stories' });
  await header.fill('storm');
  await header.press(Key.ENTER);
  await expect.poll(() => page.url()).toMatch(/\/search\/?\?q=storm$/);
  await expect.poll(() => page.getByRole('status').texts()).toContain('2 results for “storm”');
  await expect.poll(() => page.title()).toMatch(/^“storm” – Search/);
  await expect.poll(() => pageField(page).value()).toBe('storm');
  await expect.poll(() => results(page).count()).toBe(2);
  const first = results(page).first();
  expect(await first.getByRole('heading', { level: 2 }).text()).toBe('Northbridge harbour reopens after six months of storm repairs');
  expect(await first.locator('mark').text()).toBe('storm');
  await first.getByText('20 November 2026').waitFor();

  await page.markDocument();
  await first.getByRole('link').click();
  await page.getByRole('heading', { level: 1, name: 'Northbridge harbour reopens after six months of storm repairs' }).waitFor();
  expect(await page.isSameDocument(), 'the result opened without a reload').toBe(true);
  await page.back();
  await expect.poll(() => page.getByRole('status').texts()).toContain('2 results for “storm”');
});

test('typing searches, keeps the query in the address and says when nothing matches', async ({ page }) => {
  await page.goto('./search');
  await expect.poll(() => page.getByRole('status').texts()).toContain('Type a word or two to find stories.');
  await pageField(page).fill('harbour wall');
  await expect.poll(() => page.getByRole('status').texts()).toContain('1 result for “harbour wall”');
  await expect.poll(() => page.url()).toMatch(/\/search\/?\?q=harbour%20wall$/);
  await expect.poll(() => pageField(page).isFocused()).toBe(true);
  await expect.poll(() => results(page).count()).toBe(1);

  await pageField(page).fill('zzqxv');
  await expect
    .poll(() => page.getByRole('status').texts())
    .toContain('No stories match “zzqxv”. Check the spelling, or try other or fewer words.');
  await expect.poll(() => results(page).count()).toBe(0);

  await pageField(page).fill('marathon');
  await pageField(page).press(Key.ENTER);
  await expect.poll(() => page.getByRole('status').texts()).toContain('1 result for “marathon”');
  await page.reload();
  await expect.poll(() => pageField(page).value()).toBe('marathon');
  await expect.poll(() => results(page).count()).toBe(1);
});
