import { test, expect, SEED_TITLE } from './support';

// A JSON Feed round trip: a site built with `--source jsonfeed` from another built site's
// feed.json (the root build's, on its own origin), reading that feed live.

test('the stories of the other site come through its JSON Feed', async ({ page }) => {
  const asked: string[] = [];
  page.on('request', (request) => asked.push(request.url()));
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: 'News Blog' })).toBeVisible();
  await expect(page.getByRole('link', { name: SEED_TITLE })).toBeVisible();
  expect(asked.some((url) => url.endsWith(':8091/feed.json') || url.endsWith('/feed.json'))).toBe(true);
  await page.getByRole('link', { name: SEED_TITLE }).click();
  const article = page.getByRole('article');
  await expect(article.getByRole('heading', { level: 1, name: SEED_TITLE })).toBeVisible();
  await expect(article.getByRole('link', { name: /8091\/article\/syria-war-final-assault-raqqa/ })).toBeVisible();
});

test('a deep link finds its story in the feed, and a story not in it is not found', async ({ page }) => {
  await page.goto('./article/night-market-returns/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/night market/i);
  await page.goto('./article/not-in-the-feed/');
  await expect(page.getByRole('heading', { name: /can't find that/ })).toBeVisible();
});
