import { test, expect, SEED, openArticle, markDocument, isSameDocument, appTookOver } from './support';

// Section and tag pages (content format 1.1 routes): the kicker and the tags lead there; each
// lists its stories newest first with its name and count; an unknown key is not found.

test('the kicker opens the section page inside the app: its name, count and stories', async ({ page }) => {
  await openArticle(page, SEED);
  await markDocument(page);
  await page.getByRole('article').getByRole('link', { name: 'Middle East', exact: true }).click();
  await expect(page).toHaveURL(/\/section\/middle-east\/?$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Middle East');
  await expect(page).toHaveTitle(/^Middle East/);
  await expect(page.getByText('4 stories', { exact: true })).toBeVisible();
  const headlines = page.getByRole('main').getByRole('heading', { level: 2 });
  await expect(headlines).toHaveCount(4);
  await expect(headlines.first()).toHaveText("Syria war: 'Final assault' launched to recapture Raqqa");
  expect(await isSameDocument(page), 'navigated without a reload').toBe(true);
});

test('a tag opens its page, and its stories open inside the app', async ({ page }) => {
  await openArticle(page, 'wind-farm-vote');
  await page.getByRole('list', { name: 'Tags' }).getByRole('link', { name: 'Sample content' }).click();
  await expect(page).toHaveURL(/\/tag\/sample-content\/?$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sample content');
  await expect(page.getByText('9 stories', { exact: true })).toBeVisible();
  await markDocument(page);
  await page.getByRole('link', { name: 'Council backs hilltop wind farm after a year of debate' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Council backs hilltop wind farm after a year of debate');
  expect(await isSameDocument(page)).toBe(true);
});

test('a deep link to a section page is prerendered and taken over', async ({ page }) => {
  await page.goto('./section/middle-east/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Middle East');
  await appTookOver(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Middle East');
  await expect(page.getByText('4 stories', { exact: true })).toBeVisible();
});

test('an unknown section or tag is not found', async ({ page }) => {
  for (const address of ['./tag/no-such-tag', './section/no-such-section']) {
    await page.goto(address);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  }
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a tag page lists its stories', async ({ page }) => {
    await page.goto('./tag/sample-content/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sample content');
    await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toHaveCount(9);
  });
});
