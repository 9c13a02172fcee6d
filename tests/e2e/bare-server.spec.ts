import { test, expect, SEED, SEED_TITLE } from './support';

// Python's http.server as it comes, with no 404 page of ours and no rewrites, serving the
// root build: deep links work because every article is a folder with an index.html.
test('on an untouched python3 -m http.server, a deep link and a reload work', async ({ page }) => {
  const bare = `http://127.0.0.1:${process.env.E2E_BARE_PORT ?? 8094}/`;
  const response = await page.goto(`${bare}article/${SEED}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1, name: SEED_TITLE })).toBeVisible();
  await expect(page.locator('#prerendered')).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: SEED_TITLE })).toBeVisible();
  await page.getByRole('link', { name: 'News Blog' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'News Blog' })).toBeVisible();
});
