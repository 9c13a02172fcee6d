import { test, expect } from './support';

// A site built from a Ghost site's Content API (answers recorded in the shape Ghost documents,
// served by .ci/ghost-mock.py) with `news-blog build --source ghost`; the app reads it live.

const GHOST = `http://127.0.0.1:${process.env.E2E_GHOST_PORT ?? 8099}`;
const isPosts = (url: URL) => url.origin === GHOST && url.pathname.startsWith('/ghost/api/content/posts/');

test('the home lists the Ghost posts and pages through them', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: 'Harbour Ghost' })).toBeVisible();
  const headlines = page.getByRole('main').getByRole('heading', { level: 2 });
  await expect(headlines).toHaveText(['Night market returns to the square']);
  await page.getByRole('button', { name: 'More stories' }).click();
  await expect(headlines).toHaveText(['Night market returns to the square', 'Ferry timetable changes for winter']);
  await expect(page.getByRole('button', { name: 'More stories' })).toHaveCount(0);
});

test('a Ghost post reads with its tags, authors, pictures and cards', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('link', { name: 'Night market returns to the square' }).click();
  const article = page.getByRole('article');
  await expect(article.getByRole('heading', { level: 1, name: 'Night market returns to the square' })).toBeVisible();
  await expect(article.getByText('By Ana Ruiz and Bo Chen')).toBeVisible();
  await expect(article.getByText('Business', { exact: true }).first()).toBeVisible();
  await expect(article.getByRole('img', { name: 'The market at dusk' })).toHaveAttribute('srcset', /size\/w600\/2024\/05\/market\.jpg 600w/);
  await expect(article.getByText('Photo by Ana')).toBeVisible();
  await expect(article.getByRole('img', { name: 'Stalls under lights' })).toBeVisible();
  await expect(article.getByRole('link', { name: /Market tour/ })).toHaveAttribute('href', 'https://www.youtube.com/embed/abc?feature=oembed');
  await expect(article.locator('iframe')).toHaveCount(0);
  await expect(article.getByRole('listitem').filter({ hasText: '#featured' })).toHaveCount(0);
});

test('a deep link loads the post from Ghost, and a bookmark card is a link card', async ({ page }) => {
  await page.goto('./article/ferry-timetable-winter/');
  const article = page.getByRole('article');
  await expect(article.getByRole('heading', { level: 1, name: 'Ferry timetable changes for winter' })).toBeVisible();
  await expect(article.getByRole('heading', { level: 2, name: 'What changes' })).toBeVisible();
  await expect(article.getByRole('link', { name: /Full timetable/ })).toHaveAttribute('href', 'https://ferries.example/timetable');
  await expect(article.getByRole('link', { name: /Full timetable/ })).toContainText('Harbour Ferries');
});

test('an unknown slug is not found, and a members-only post says it is protected', async ({ page }) => {
  await page.goto('./article/no-such-ghost-post/');
  await expect(page.getByRole('heading', { name: /can't find that/ })).toBeVisible();
  await page.goto('./article/members-briefing/');
  await expect(page.getByRole('alert').getByRole('heading', { name: 'This story is protected' })).toBeVisible();
});

test('a refused key (401) is a clear message with a way on', async ({ page }) => {
  await page.route(
    (url) => isPosts(url) && url.pathname.includes('/slug/'),
    async (route) => {
      const answer = await route.fetch({ url: route.request().url().replace(/key=[^&]+/, 'key=wrong') });
      await route.fulfill({ response: answer });
    },
  );
  await page.goto('./');
  await page.getByRole('link', { name: 'Night market returns to the square' }).click();
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('heading', { name: 'The news server had a problem' })).toBeVisible();
  await expect(alert).toContainText('401');
  await expect(alert.getByRole('link', { name: 'Go to the home page' })).toBeVisible();
});

test('without an index, search asks Ghost for headlines containing the words', async ({ page }) => {
  await page.route('**/pagefind/**', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto("./search?q=ferry");
  await expect(page.getByRole('status')).toHaveText('Stories matching “ferry”');
  const results = page.getByRole('main').getByRole('listitem');
  await expect(results.getByRole('heading', { level: 2 })).toHaveText(['Ferry timetable changes for winter']);
  await page.goto("./search?q=it's%20%5C");
  await expect(page.getByRole('status')).toHaveText("No stories match “it's \\”. Check the spelling, or try other or fewer words.");
});

test('without topic documents, section and tag pages ask Ghost by primary tag and tag', async ({ page }) => {
  await page.route(/\/content\/(section|tag)\//, (route) => route.fulfill({ status: 404, body: 'not found' }));
  const filters: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (isPosts(url) && url.searchParams.get('filter')) filters.push(url.searchParams.get('filter') ?? '');
  });
  await page.goto('./tag/food/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Food');
  await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toHaveText(['Night market returns to the square']);
  await page.goto('./section/transport/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Transport');
  await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toHaveText(['Ferry timetable changes for winter']);
  expect(filters).toEqual(["tag:'food'", "primary_tag:'transport'"]);
  await page.goto('./tag/no-such-tag/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
});
