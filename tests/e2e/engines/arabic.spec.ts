import { test, expect } from './support';
import { ports } from '../playwright.config';
import { ar, index, seed, SECTION, publishedDay } from '../arabic/site';

// The Arabic sample site (../arabic/) in each engine: right to left, lang="ar", Arabic words,
// dates and digits, from the home page to a story and its section.

test.use({ baseURL: `http://127.0.0.1:${ports.arabic}/` });

/** The page's lang and dir, its direction as laid out, and where the h1's first line of text
 * sits in the heading's box: its right edge at the box's right edge, room on the left. */
const layout = () => {
  const heading = document.querySelector('h1');
  if (!heading) return null;
  const range = document.createRange();
  range.selectNodeContents(heading);
  const line = range.getClientRects()[0];
  const box = heading.getBoundingClientRect();
  const style = getComputedStyle(heading);
  return {
    lang: document.documentElement.getAttribute('lang'),
    dir: document.documentElement.getAttribute('dir'),
    direction: style.direction,
    rightGap: Math.round(box.right - parseFloat(style.paddingRight) - line.right),
    leftGap: Math.round(line.left - box.left - parseFloat(style.paddingLeft)),
  };
};

test('the Arabic site reads right to left in Arabic: home, a story and its section', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('heading', { level: 1, name: index.title }).waitFor();
  const home = await page.evaluate(layout);
  expect(home).toMatchObject({ lang: 'ar', dir: 'rtl', direction: 'rtl' });
  const entry = page.getByRole('listitem').filter({ hasText: seed.title });
  // "١٥ أكتوبر ٢٠١٧"
  expect(await entry.locator('time').text()).toBe(publishedDay(seed));
  expect(await page.getByRole('search', { name: ar.text('site.search_landmark') }).count()).toBe(1);

  await page.markDocument();
  await page.getByRole('link', { name: seed.title }).click();
  await page.getByRole('heading', { level: 1, name: seed.title }).waitFor();
  await page.getByText(ar.text('image.credit', { who: 'رويترز' })).waitFor();
  await page.getByRole('heading', { level: 2, name: ar.text('related.heading') }).waitFor();
  await page.getByRole('button', { name: ar.text('comments.post_button') }).waitFor();

  await page.getByRole('article').getByRole('link', { name: SECTION.name }).click();
  await expect.poll(() => page.getByRole('heading', { level: 1 }).texts()).toEqual([SECTION.name]);
  expect(await page.isSameDocument(), 'navigated without a reload').toBe(true);
  const section = await page.evaluate(layout);
  expect(section).toMatchObject({ lang: 'ar', dir: 'rtl', direction: 'rtl' });
  expect(Math.abs(section?.rightGap ?? Infinity), 'the heading starts at the right').toBeLessThanOrEqual(2);
  expect(section?.leftGap, 'room is left on the left').toBeGreaterThan(16);
  expect(await page.url()).toContain(`/section/${encodeURIComponent(SECTION.key)}`);
});
