import { test, expect, SEED, SEED_TITLE } from './support';
import { readFileSync } from 'node:fs';

const articleFile = (slug: string) => `../../public/content/articles/${slug}.json`;

test('the built page names the default content locations', async ({ request }) => {
  const html = await (await request.get('./')).text();
  expect(html).toContain('<meta name="news-blog-index-url" content="content/index.json">');
  expect(html).toContain('<meta name="news-blog-article-url" content="content/articles/{slug}.json">');
});

test('changing the meta tags points the same build at an API', async ({ page }) => {
  // Rewrite the served index.html as a host would, and answer the API's URLs.
  await page.route(
    (url) => url.pathname === '/' || url.pathname.startsWith('/article/'),
    async (route) => {
      const response = await route.fetch();
      const html = (await response.text())
        .replace('content="content/index.json"', 'content="/api/v2/feed"')
        .replace('content="content/articles/{slug}.json"', 'content="/api/v2/stories/{slug}?format=full"');
      await route.fulfill({ response, body: html });
    },
  );
  const apiRequests: string[] = [];
  await page.route('**/api/v2/feed', (route) => {
    apiRequests.push(route.request().url());
    const index = JSON.parse(readFileSync('../../public/content/index.json', 'utf8'));
    index.title = 'Served by the API';
    return route.fulfill({ contentType: 'application/json', body: JSON.stringify(index) });
  });
  await page.route('**/api/v2/stories/*', (route) => {
    apiRequests.push(route.request().url());
    const slug = new URL(route.request().url()).pathname.split('/').at(-1) ?? '';
    return route.fulfill({ contentType: 'application/json', body: readFileSync(articleFile(slug), 'utf8') });
  });

  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: 'Served by the API' })).toBeVisible();
  await page.getByRole('link', { name: SEED_TITLE }).click();
  await expect(page.getByRole('heading', { level: 1, name: SEED_TITLE })).toBeVisible();
  expect(apiRequests.map((url) => new URL(url).pathname + new URL(url).search)).toEqual([
    '/api/v2/feed',
    `/api/v2/stories/${SEED}?format=full`,
  ]);
});
