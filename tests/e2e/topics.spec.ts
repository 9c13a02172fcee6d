import { test, expect, SEED, openArticle, markDocument, isSameDocument, appTookOver } from './support';

// Section and tag pages (content format 1.1 routes) and author pages (1.2): the kicker, the tags
// and the byline's names lead there; each lists its stories newest first with its name and
// count; an unknown key is not found.

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

test('each name in the byline opens the page of that author inside the app', async ({ page }) => {
  await openArticle(page, 'wind-farm-vote');
  const article = page.getByRole('article');
  await expect(article.getByRole('link', { name: 'Tomasz Reyes', exact: true })).toBeVisible();
  await markDocument(page);
  await article.getByRole('link', { name: 'Priya Nandakumar', exact: true }).click();
  await expect(page).toHaveURL(/\/author\/priya-nandakumar\/?$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Priya Nandakumar');
  await expect(page).toHaveTitle(/^Priya Nandakumar/);
  await expect(page.getByText('2 stories', { exact: true })).toBeVisible();
  await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toHaveText([
    'Council backs hilltop wind farm after a year of debate',
    'Why this autumn was the wettest on record, explained in one chart',
  ]);
  expect(await isSameDocument(page), 'navigated without a reload').toBe(true);
});

test('a deep link to an author page is prerendered and taken over', async ({ page }) => {
  await page.goto('./author/mara-ellison/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mara Ellison');
  await appTookOver(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mara Ellison');
  await expect(page.getByText('2 stories', { exact: true })).toBeVisible();
});

test('a deep link to a section page is prerendered and taken over', async ({ page }) => {
  await page.goto('./section/middle-east/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Middle East');
  await appTookOver(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Middle East');
  await expect(page.getByText('4 stories', { exact: true })).toBeVisible();
});

test('an unknown section, tag or author is not found', async ({ page }) => {
  for (const address of ['./tag/no-such-tag', './section/no-such-section', './author/no-such-author']) {
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

  test('an author page lists their stories, and the byline links there', async ({ page }) => {
    await page.goto('./author/news-blog-staff/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('News Blog staff');
    await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toHaveCount(4);
    await page.getByRole('main').getByRole('heading', { level: 2 }).first().getByRole('link').click();
    await page.getByRole('article').getByRole('link', { name: 'News Blog staff', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('News Blog staff');
  });
});
