import { test, expect, SEED, Page } from './support';

// The comment box: posting, storage across reloads and tabs (../comments.spec.ts).

const commentBox = (page: Page) => page.getByRole('region', { name: /comment/ });
const comments = (page: Page) => commentBox(page).getByRole('list').first().getByRole('listitem');

async function post(page: Page, text: string, name = '') {
  if (name) await page.getByLabel(/^Your name/).fill(name);
  await page.getByLabel('Your comment').fill(text);
  await page.getByRole('button', { name: 'Post comment' }).click();
}

test('a posted comment appears at once with name, text, time and count', async ({ page }) => {
  await page.openArticle(SEED);
  await commentBox(page).getByRole('heading', { name: 'No comments yet' }).waitFor();
  await post(page, 'First line\nSecond line', 'Ana');
  await expect.poll(() => comments(page).count()).toBe(1);
  expect(await comments(page).text()).toContain('Ana');
  const [text] = await comments(page).getByText(/First line/).each((el) => el.textContent);
  expect(text).toBe('First line\nSecond line');
  expect(await comments(page).locator('time').attribute('datetime')).toMatch(/^\d{4}-\d\d-\d\dT/);
  await commentBox(page).getByRole('heading', { name: '1 comment' }).waitFor();
  await expect.poll(() => page.getByLabel('Your comment').value()).toBe('');
  await page.getByRole('status').filter({ hasText: 'Your comment was posted.' }).waitFor();
});

test('an empty comment is refused with a message tied to the field', async ({ page }) => {
  await page.openArticle(SEED);
  await post(page, '   ');
  const field = page.getByLabel('Your comment');
  await expect.poll(() => field.attribute('aria-invalid')).toBe('true');
  const [description] = await field.each((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '));
  expect(description).toMatch(/Write a comment before posting\./);
  await expect.poll(() => field.isFocused()).toBe(true);
  expect(await comments(page).count()).toBe(0);
});

test('a comment survives a reload and belongs to its article', async ({ page }) => {
  await page.openArticle(SEED);
  await post(page, 'Kept for later', 'Bo');
  await expect.poll(() => comments(page).count()).toBe(1);
  await page.reload();
  await expect.poll(() => comments(page).texts()).toEqual([expect.stringContaining('Kept for later')]);
  await page.openArticle('wind-farm-vote');
  await commentBox(page).getByRole('heading', { name: 'No comments yet' }).waitFor();
});

test('an unfinished comment survives a reload', async ({ page }) => {
  await page.openArticle(SEED);
  await page.getByLabel(/^Your name/).fill('Dee');
  await page.getByLabel('Your comment').fill('Half a thought');
  // Kept (in the tab's sessionStorage) as the reader types: stored before the reload.
  await expect
    .poll(() => page.evaluate(() => Object.keys(sessionStorage).some((key) => (sessionStorage.getItem(key) ?? '').includes('Half a thought'))))
    .toBe(true);
  await page.reload();
  await expect.poll(() => page.getByLabel('Your comment').value()).toBe('Half a thought');
  await expect.poll(() => page.getByLabel(/^Your name/).value()).toBe('Dee');
});

test('a comment posted in another tab appears without a reload', async ({ page, driver }) => {
  await page.openArticle(SEED);
  await page.markDocument();
  const first = await driver.getWindowHandle();
  await driver.switchTo().newWindow('tab');
  await page.openArticle(SEED);
  await post(page, 'Hello from the other tab');
  await expect.poll(() => comments(page).count()).toBe(1);
  await driver.switchTo().window(first);
  await expect.poll(() => comments(page).texts()).toEqual([expect.stringContaining('Hello from the other tab')]);
  expect(await page.isSameDocument(), 'the first tab was not reloaded').toBe(true);
});
