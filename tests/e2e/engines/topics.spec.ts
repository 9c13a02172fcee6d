import { test, expect, SEED } from './support';

// Section, tag and author pages (../topics.spec.ts).

test('the kicker opens the section page inside the app: its name, count and stories', async ({ page }) => {
  await page.openArticle(SEED);
  await page.markDocument();
  await page.getByRole('article').getByRole('link', { name: 'Middle East' }).click();
  await expect.poll(() => page.url()).toMatch(/\/section\/middle-east\/?$/);
  await expect.poll(() => page.getByRole('heading', { level: 1 }).texts()).toEqual(['Middle East']);
  await expect.poll(() => page.title()).toMatch(/^Middle East/);
  await page.getByText('4 stories').waitFor();
  const headlines = page.getByRole('main').getByRole('heading', { level: 2 });
  await expect.poll(() => headlines.count()).toBe(4);
  expect(await headlines.first().text()).toBe("Syria war: 'Final assault' launched to recapture Raqqa");
  expect(await page.isSameDocument(), 'navigated without a reload').toBe(true);
});

test('a tag opens its page, and its stories open inside the app', async ({ page }) => {
  await page.openArticle('wind-farm-vote');
  await page.getByRole('list', { name: 'Tags' }).getByRole('link', { name: 'Sample content' }).click();
  await expect.poll(() => page.url()).toMatch(/\/tag\/sample-content\/?$/);
  await expect.poll(() => page.getByRole('heading', { level: 1 }).texts()).toEqual(['Sample content']);
  await page.getByText('9 stories').waitFor();
  await page.markDocument();
  await page.getByRole('link', { name: 'Council backs hilltop wind farm after a year of debate' }).click();
  await expect.poll(() => page.getByRole('heading', { level: 1 }).texts()).toEqual(['Council backs hilltop wind farm after a year of debate']);
  expect(await page.isSameDocument()).toBe(true);
});

test('each name in the byline opens the page of that author inside the app', async ({ page }) => {
  await page.openArticle('wind-farm-vote');
  await page.markDocument();
  await page.getByRole('article').getByRole('link', { name: 'Priya Nandakumar' }).click();
  await expect.poll(() => page.url()).toMatch(/\/author\/priya-nandakumar\/?$/);
  await expect.poll(() => page.getByRole('heading', { level: 1 }).texts()).toEqual(['Priya Nandakumar']);
  await page.getByText('2 stories').waitFor();
  await expect.poll(() => page.getByRole('main').getByRole('heading', { level: 2 }).count()).toBe(2);
  expect(await page.isSameDocument(), 'navigated without a reload').toBe(true);
});

test('a deep link to an author page is prerendered and taken over', async ({ page }) => {
  await page.goto('./author/mara-ellison/');
  await expect.poll(() => page.getByRole('heading', { level: 1 }).texts()).toEqual(['Mara Ellison']);
  await page.getByText('2 stories').waitFor();
});

test('a deep link to a section page is prerendered and taken over', async ({ page }) => {
  await page.goto('./section/middle-east/');
  await expect.poll(() => page.getByRole('heading', { level: 1 }).texts()).toEqual(['Middle East']);
  await page.getByText('4 stories').waitFor();
});

test('an unknown section, tag or author is not found', async ({ page }) => {
  for (const address of ['./tag/no-such-tag', './section/no-such-section', './author/no-such-author']) {
    await page.goto(address);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).texts()).toEqual(['Page not found']);
  }
});
