import { test, expect } from './support';

// The site's own pages (../site-pages.spec.ts).

test('the footer links the About page, which opens inside the app', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.markDocument();
  await page.getByRole('contentinfo').getByRole('link', { name: 'About us' }).click();
  await expect.poll(() => page.url()).toMatch(/\/page\/about\/?$/);
  await expect.poll(() => page.getByRole('heading', { level: 1 }).texts()).toEqual(['About News Blog']);
  await page.getByText('How it is made').waitFor();
  expect(await page.isSameDocument(), 'navigated without a reload').toBe(true);
});

test('a deep link to a site page is prerendered and taken over', async ({ page }) => {
  await page.goto('./page/about/');
  await expect.poll(() => page.getByRole('heading', { level: 1 }).texts()).toEqual(['About News Blog']);
  await page.getByText('Corrections').waitFor();
});

test('an unknown site page is the site\'s "Page not found"', async ({ page }) => {
  await page.goto('./page/no-such-page');
  await expect.poll(() => page.getByRole('heading', { level: 1 }).texts()).toEqual(['Page not found']);
  await expect.poll(() => page.title()).toBe('Page not found – News Blog');
});
