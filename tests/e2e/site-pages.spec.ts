import { test, expect, appTookOver, markDocument, isSameDocument } from './support';

// The site's own pages (content format 1.2 route /page/{slug}): the footer links those the
// index lists, each page reads like a story without a story's byline, tags or comments, and
// its text stays text.

test('the footer links the About page, which opens inside the app', async ({ page }) => {
  await page.goto('./');
  await appTookOver(page);
  await markDocument(page);
  await page.getByRole('contentinfo').getByRole('link', { name: 'About us' }).click();
  await expect(page).toHaveURL(/\/page\/about\/?$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('About News Blog');
  await expect(page).toHaveTitle(/^About News Blog/);
  const article = page.getByRole('article');
  await expect(article.getByText('Who writes these sample stories, and how the site is made.')).toBeVisible();
  await expect(article.getByRole('heading', { level: 2, name: 'How it is made' })).toBeVisible();
  await expect(article.getByRole('link', { name: 'Read the latest stories' })).toBeVisible();
  await expect(page.getByRole('region', { name: /comment/i })).toHaveCount(0);
  expect(await isSameDocument(page), 'navigated without a reload').toBe(true);
});

test('a deep link to a site page is prerendered and taken over', async ({ page }) => {
  await page.goto('./page/about/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('About News Blog');
  await appTookOver(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('About News Blog');
  await expect(page.getByRole('contentinfo').getByRole('link', { name: 'About us' })).toBeVisible();
});

test('an unknown site page is the site\'s "Page not found", drawn by the app over the 404 page', async ({ page }) => {
  // The static host answers with 404.html; the app asks for the page's document, gets a 404,
  // and says what it says of any address that is no page (not "We can't find that story").
  await page.goto('./page/no-such-page');
  await appTookOver(page);
  await expect(page.locator('#prerendered')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expect(page).toHaveTitle(/^Page not found/);
  await expect(page.getByRole('alert').getByRole('link', { name: 'Go to the home page' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Try again' })).toHaveCount(0);

  await page.goto('./page/Not_A_Slug');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
});

test('a site page whose document is gone is "Page not found" when opened from the footer', async ({ page }) => {
  await page.route('**/content/pages/about.json', (route) => route.fulfill({ status: 404, body: 'Not found' }));
  await page.goto('./');
  await markDocument(page);
  await page.getByRole('contentinfo').getByRole('link', { name: 'About us' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expect(page).toHaveTitle(/^Page not found/);
  expect(await isSameDocument(page), 'without a reload').toBe(true);
});

test('a hostile title and body of a site page stay text', async ({ page }) => {
  const hostile = '<img src=x onerror="window.__xss=1">About & "us"';
  await page.route('**/content/pages/about.json', (route) =>
    route.fulfill({
      json: { slug: 'about', title: hostile, summary: hostile, body: [{ type: 'paragraph', text: hostile }, { type: 'paragraph', text: [{ text: 'link', href: 'javascript:alert(1)' }] }] },
    }),
  );
  await page.goto('./');
  await appTookOver(page);
  await page.getByRole('contentinfo').getByRole('link', { name: 'About us' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(hostile);
  await expect(page.getByRole('article').locator('img')).toHaveCount(0);
  await expect(page.getByRole('article').getByRole('link', { name: 'link' })).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the About page reads from the footer of any page', async ({ page }) => {
    await page.goto('./article/wind-farm-vote/');
    await page.getByRole('contentinfo').getByRole('link', { name: 'About us' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('About News Blog');
    await expect(page.getByRole('heading', { level: 2, name: 'Corrections' })).toBeVisible();
  });
});
