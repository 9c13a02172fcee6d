import { test, expect, markDocument, isSameDocument } from './support';
import hostile from '../fixtures/hostile-strings.json';

// Search (content format 1.1 route /search?q=): the header's field on every page, the
// site's Pagefind index loaded only when a reader searches, results as text with the
// query's words marked, the query kept in the address.

const pageField = (page: import('@playwright/test').Page) =>
  page.getByRole('search', { name: 'Search page' }).getByRole('searchbox', { name: 'Search stories' });
const results = (page: import('@playwright/test').Page) => page.getByRole('main').getByRole('listitem');

test('the header search finds stories, marks the words and opens a result inside the app', async ({ page }) => {
  const pagefindRequests: string[] = [];
  page.on('request', (request) => {
    if (/pagefind|news_search/.test(request.url())) pagefindRequests.push(request.url());
  });
  await page.goto('./');
  expect(pagefindRequests, 'no other page loads search or its index').toEqual([]);
  const header = page.getByRole('search', { name: 'Site search' });
  await header.getByRole('searchbox', { name: 'Search stories' }).fill('storm');
  await header.getByRole('searchbox', { name: 'Search stories' }).press('Enter');

  await expect(page).toHaveURL(/\/search\/?\?q=storm$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Search');
  await expect(page.getByRole('status')).toHaveText('2 results for “storm”');
  await expect(page).toHaveTitle(/^“storm” – Search/);
  await expect(pageField(page)).toHaveValue('storm');
  await expect(results(page)).toHaveCount(2);
  const first = results(page).first();
  await expect(first.getByRole('heading', { level: 2 })).toHaveText('Northbridge harbour reopens after six months of storm repairs');
  await expect(first.locator('mark').first()).toHaveText('storm');
  await expect(first.getByText('20 November 2026')).toBeVisible();
  expect(pagefindRequests.some((url) => url.endsWith('/pagefind/pagefind.js'))).toBe(true);

  await markDocument(page);
  await first.getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Northbridge harbour reopens after six months of storm repairs');
  expect(await isSameDocument(page), 'the result opened without a reload').toBe(true);
  await page.goBack();
  await expect(page.getByRole('status')).toHaveText('2 results for “storm”');
});

test('typing searches, keeps the query in the address and says when nothing matches', async ({ page }) => {
  await page.goto('./search');
  await expect(page.getByRole('status')).toHaveText('Type a word or two to find stories.');
  await pageField(page).fill('harbour wall');
  await expect(page.getByRole('status')).toHaveText('1 result for “harbour wall”');
  await expect(page).toHaveURL(/\/search\/?\?q=harbour%20wall$/);
  await expect(pageField(page)).toBeFocused();
  await expect(results(page)).toHaveCount(1);

  await pageField(page).fill('zzqxv');
  await expect(page.getByRole('status')).toHaveText('No stories match “zzqxv”. Check the spelling, or try other or fewer words.');
  await expect(results(page)).toHaveCount(0);

  await pageField(page).fill('marathon');
  await pageField(page).press('Enter');
  await expect(page.getByRole('status')).toHaveText('1 result for “marathon”');
  await page.reload();
  await expect(pageField(page)).toHaveValue('marathon');
  await expect(results(page)).toHaveCount(1);
});

test('each word narrows the results, and a word is matched by its beginning only when no story has it', async ({ page }) => {
  // On a segmented index (the build's --search-segment-size) each segment matches on its
  // own: these hold that it finds what one index would.
  await page.goto('./search?q=stadium%20with');
  await expect(page.getByRole('status')).toHaveText('1 result for “stadium with”');
  await pageField(page).fill('marathonxq');
  await expect(page.getByRole('status')).toHaveText('1 result for “marathonxq”');
  await expect(results(page).getByRole('heading', { level: 2 })).toHaveText(['Marathon route to finish inside the old stadium for the first time']);
});

test('a hostile query stays text in the page, the field, the title and the address', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', (dialog) => {
    dialogs += 1;
    void dialog.dismiss();
  });
  for (const { text } of hostile.slice(0, 12)) {
    await page.goto(`./search?q=${encodeURIComponent(text)}`);
    await expect(page.getByRole('status')).toContainText(`“${text}”`);
    // A search field drops line breaks; a title collapses white space.
    await expect(pageField(page)).toHaveValue(text.replace(/[\r\n]/g, ''));
    expect(await page.title()).toContain(text.replace(/\s+/g, ' ').trim());
    expect(new URL(page.url()).searchParams.get('q')).toBe(text);
  }
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(dialogs).toBe(0);
});

test('hostile text from the index is shown as text, with only the matched words marked', async ({ page }) => {
  const evil = '<img src=x onerror="window.__xss=1"><script>window.__xss=1</script>';
  await page.route('**/pagefind/pagefind.js', (route) =>
    route.fulfill({
      contentType: 'text/javascript',
      // Pagefind's module as the search page uses it: options and mergeIndex open the
      // index's segments, search finds.
      body: `export async function options() {}
      export async function mergeIndex() {}
      export async function search() {
        return { results: [{ data: async () => ({
          url: '/article/harbour-reopens-after-storm-repairs/',
          content: ${JSON.stringify(`${evil} storm <mark>storm</mark> &amp; more`)},
          locations: [3, 4],
          meta: { title: ${JSON.stringify(evil)}, section: ${JSON.stringify(evil)} },
        }) }] };
      }`,
    }),
  );
  await page.goto('./search?q=storm');
  await expect(page.getByRole('status')).toHaveText('1 result for “storm”');
  const result = results(page).first();
  await expect(result.getByRole('heading', { level: 2 })).toHaveText(evil);
  await expect(result.locator('mark')).toHaveText(['storm', '<mark>storm</mark>']);
  await expect(result.locator('img, script')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
});

test('a site without a search index says search is not available', async ({ page }) => {
  await page.route('**/pagefind/**', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto('./search?q=storm');
  await expect(page.getByRole('status')).toHaveText(
    'Search is not available on this site. The home page lists every story, newest first.',
  );
});

test('an index that fails to load is a failure, and the next search loads it again', async ({ page }) => {
  await page.route('**/pagefind/pagefind.js*', (route) => route.abort('connectionrefused'));
  await page.goto('./search?q=storm');
  await expect(page.getByRole('status')).toHaveText(
    'The search failed. We couldn\'t reach the news server Check your connection, then try again in a moment.',
  );
  await page.unroute('**/pagefind/pagefind.js*');
  await pageField(page).fill('marathon');
  await expect(page.getByRole('status')).toHaveText('1 result for “marathon”');
  await expect(results(page)).toHaveCount(1);
});

test('search that cannot be loaded says so, and the field still searches by loading the page', async ({ page }) => {
  await page.route('**/news_search*', (route) => route.abort('internetdisconnected'));
  await page.goto('./search?q=storm');
  await expect(page.getByRole('status')).toHaveText(
    'Search could not be loaded. Check your connection, then reload the page to try again.',
  );
  await page.unroute('**/news_search*');
  await pageField(page).fill('marathon');
  await pageField(page).press('Enter');
  await expect(page).toHaveURL(/\/search\/?\?q=marathon$/);
  await expect(page.getByRole('status')).toHaveText('1 result for “marathon”');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the search page says search needs JavaScript and links home', async ({ page }) => {
    const response = await page.goto('./search/?q=storm');
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Search');
    await expect(pageField(page)).toBeVisible();
    const note = page.getByText('Search needs JavaScript and an up-to-date browser.');
    await expect(note).toBeVisible();
    await expect(note.getByRole('link', { name: 'The home page' })).toBeVisible();
  });
});
