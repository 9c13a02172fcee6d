import { test, expect, SEED, SEED_TITLE } from './support';

// On a host with a single-page-app rewrite (every unknown address answered with index.html,
// the prerendered home page), the app must not keep the home page on another address: it
// draws that address's own page, message or error. Served by .ci/serve.py --spa-fallback.

test('a missing article says so instead of showing the home page', async ({ page }) => {
  const response = await page.goto('./article/no-such-story');
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('alert').getByRole('heading', { name: "We can't find that story" })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'News Blog' })).toHaveCount(0);
});

test('an unknown address shows the not-found page', async ({ page }) => {
  await page.goto('./no/such/page');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(page.getByRole('link', { name: SEED_TITLE })).toHaveCount(0);
});

for (const [name, fulfil] of [
  ['invalid JSON', { contentType: 'application/json', body: '{"slug": ' }],
  ['HTML instead of JSON', { contentType: 'text/html', body: '<!DOCTYPE html><p>Oops</p>' }],
  ['a server error', { status: 500, body: 'down' }],
] as const) {
  test(`an article added since the build that answers with ${name} shows the error, not the home page`, async ({ page }) => {
    await page.route('**/content/articles/brand-new.json', (route) => route.fulfill(fulfil));
    await page.goto('./article/brand-new');
    await expect(page.getByRole('alert').getByRole('button', { name: 'Try again' })).toBeVisible();
    await expect(page.getByRole('link', { name: SEED_TITLE })).toHaveCount(0);
  });
}

test('an article added since the build opens, with no home page on the way', async ({ page }) => {
  await page.route('**/content/articles/brand-new.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify({ slug: 'brand-new', title: 'Added after the build', body: [{ type: 'paragraph', text: 'Fresh.' }] }) }),
  );
  await page.goto('./article/brand-new', { waitUntil: 'commit' });
  await expect(page.getByRole('heading', { level: 1, name: 'Added after the build' })).toBeVisible();
});

test('a prerendered article of its own address is still taken over', async ({ page }) => {
  await page.goto(`./article/${SEED}`);
  await expect(page.locator('#prerendered')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: SEED_TITLE })).toBeVisible();
});
