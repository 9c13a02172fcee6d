import { test, expect, SEED, openArticle } from './support';
import { Page } from '@playwright/test';

const commentBox = (page: Page) => page.getByRole('region', { name: /comment/ });
const commentList = (page: Page) => commentBox(page).getByRole('list').first();

async function post(page: Page, text: string, name = '') {
  if (name) await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Your comment').fill(text);
  await page.getByRole('button', { name: 'Post comment' }).click();
}

test('a posted comment appears at once with name, text, time and count', async ({ page }) => {
  await openArticle(page, SEED);
  await expect(commentBox(page).getByRole('heading', { name: 'No comments yet' })).toBeVisible();
  await post(page, 'First line\nSecond line', 'Ana');
  const comment = commentList(page).getByRole('listitem');
  await expect(comment).toHaveCount(1);
  await expect(comment).toContainText('Ana');
  await expect(comment.locator('.comment__text')).toHaveText('First line\nSecond line');
  await expect(comment.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT/);
  await expect(commentBox(page).getByRole('heading', { name: '1 comment' })).toBeVisible();
  await expect(page.getByLabel('Your comment')).toHaveValue('');
  await expect(page.getByRole('status').filter({ hasText: 'Your comment was posted.' })).toBeVisible();
});

test('a comment without a name is posted as Anonymous', async ({ page }) => {
  await openArticle(page, SEED);
  await post(page, 'No name given');
  await expect(commentList(page).getByRole('listitem')).toContainText('Anonymous');
});

test('an empty comment is refused with a message tied to the field', async ({ page }) => {
  await openArticle(page, SEED);
  await post(page, '   ');
  const field = page.getByLabel('Your comment');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAccessibleDescription(/Write a comment before posting\./);
  await expect(field).toBeFocused();
  await expect(commentList(page).getByRole('listitem')).toHaveCount(0);
});

test('a comment over 2,000 characters is refused and kept in the box', async ({ page }) => {
  await openArticle(page, SEED);
  const long = 'x'.repeat(2001);
  await page.getByLabel('Your comment').fill(long);
  await expect(page.getByText('2,001 of 2,000 characters: 1 too many')).toBeVisible();
  await page.getByRole('button', { name: 'Post comment' }).click();
  await expect(page.getByLabel('Your comment')).toHaveAccessibleDescription(/1 character too long/);
  await expect(page.getByLabel('Your comment')).toHaveValue(long);
  await expect(commentList(page).getByRole('listitem')).toHaveCount(0);
});

test('the counter counts characters after trimming', async ({ page }) => {
  await openArticle(page, SEED);
  await page.getByLabel('Your comment').fill('  héllo  ');
  await expect(page.getByText('5 of 2,000 characters')).toBeVisible();
});

test('comments survive a reload and belong to their article', async ({ page }) => {
  await openArticle(page, SEED);
  await post(page, 'Kept for later', 'Bo');
  await expect(commentList(page).getByRole('listitem')).toHaveCount(1);
  await page.reload();
  await expect(commentList(page).getByRole('listitem')).toContainText('Kept for later');
  await openArticle(page, 'wind-farm-vote');
  await expect(commentBox(page).getByRole('heading', { name: 'No comments yet' })).toBeVisible();
});

test('comments can be deleted after confirming', async ({ page }) => {
  await openArticle(page, SEED);
  await post(page, 'To be deleted', 'Cy');
  await commentList(page).getByRole('button', { name: 'Delete the comment by Cy' }).click();
  await expect(commentList(page).getByRole('listitem')).toHaveCount(1);
  await commentList(page).getByRole('button', { name: 'Keep it' }).click();
  await commentList(page).getByRole('button', { name: 'Delete the comment by Cy' }).click();
  await commentList(page).getByRole('button', { name: 'Yes, delete' }).click();
  await expect(commentList(page).getByRole('listitem')).toHaveCount(0);
  await page.reload();
  await expect(commentBox(page).getByRole('heading', { name: 'No comments yet' })).toBeVisible();
});

test('the comment box is hidden when the article turns comments off', async ({ page }) => {
  await openArticle(page, 'library-late-opening-trial');
  await expect(page.getByRole('heading', { name: 'Leave a Comment' })).toHaveCount(0);
  await expect(page.getByLabel('Your comment')).toHaveCount(0);
});

test('a comment posted in another tab appears without a reload', async ({ page, context }) => {
  await openArticle(page, SEED);
  const other = await context.newPage();
  await openArticle(other, SEED);
  await post(other, 'Hello from the other tab');
  await expect(commentList(page).getByRole('listitem')).toContainText('Hello from the other tab');
  await other.close();
});

test('when storage is full the reader is told and keeps the text', async ({ page }) => {
  await page.addInitScript(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await openArticle(page, SEED);
  await post(page, 'Words I do not want to lose');
  await expect(page.getByRole('alert').filter({ hasText: 'storage for the site is full' })).toBeVisible();
  await expect(page.getByLabel('Your comment')).toHaveValue('Words I do not want to lose');
  // Shown at once, then taken back when the save failed: the list holds only what is saved.
  await expect(commentList(page).getByRole('listitem')).toHaveCount(0);
  await expect(commentBox(page).getByRole('heading', { name: 'No comments yet' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Your comment was posted.' })).toHaveCount(0);
});

test('when storage is disabled the reader is told and comments stay for the visit', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  await openArticle(page, SEED);
  await expect(page.getByRole('alert').filter({ hasText: "isn't letting the site save comments" })).toBeVisible();
  await post(page, 'Only for this visit');
  await expect(commentList(page).getByRole('listitem')).toContainText('Only for this visit');
});

const KEY = `news-blog:comments:${SEED}`;

async function seedStorage(page: Page, key: string, value: string) {
  await page.addInitScript(
    ([key, value]) => {
      // Only on the first load: later loads must see what the app wrote.
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem(key, value);
        sessionStorage.setItem('seeded', '1');
      }
    },
    [key, value],
  );
}

async function storedKeys(page: Page) {
  return page.evaluate(() => Object.keys(localStorage).sort());
}

test('a corrupt value under the comments key is kept aside and posting still works', async ({ page }) => {
  await seedStorage(page, KEY, '{"this is": not json');
  await openArticle(page, SEED);
  await expect(page.getByRole('alert').filter({ hasText: 'could not be read' })).toBeVisible();
  await post(page, 'A fresh start');
  await expect(commentList(page).getByRole('listitem')).toHaveCount(1);
  const aside = (await storedKeys(page)).filter((key) => key.startsWith(`${KEY}:unreadable:`));
  expect(aside).toHaveLength(1);
  expect(await page.evaluate((key) => localStorage.getItem(key), aside[0])).toBe('{"this is": not json');
});

test('a value from a newer version of the site is kept, not overwritten', async ({ page }) => {
  const newer = JSON.stringify({ version: 9, comments: [{ id: 'x', text: 'from the future' }] });
  await seedStorage(page, KEY, newer);
  await openArticle(page, SEED);
  await expect(page.getByRole('alert').filter({ hasText: 'newer version of this site' })).toBeVisible();
  const aside = (await storedKeys(page)).filter((key) => key.startsWith(`${KEY}:unreadable:`));
  expect(await page.evaluate((key) => localStorage.getItem(key), aside[0])).toBe(newer);
});

test('comments in the older format 0 are migrated, not dropped', async ({ page }) => {
  await seedStorage(page, KEY, JSON.stringify([{ name: 'Old Reader', text: 'Written long ago', posted: '2020-02-02T10:00:00Z' }]));
  await openArticle(page, SEED);
  await expect(commentList(page).getByRole('listitem')).toContainText('Written long ago');
  await expect(commentList(page).getByRole('listitem')).toContainText('Old Reader');
  const stored = JSON.parse((await page.evaluate((key) => localStorage.getItem(key), KEY)) ?? '{}');
  expect(stored.version).toBe(1);
  await page.reload();
  await expect(commentList(page).getByRole('listitem')).toContainText('Written long ago');
});

test('two tabs posting at the same moment keep both comments', async ({ page, context }) => {
  const other = await context.newPage();
  await openArticle(page, SEED);
  await openArticle(other, SEED);
  await page.getByLabel('Your comment').fill('From tab one');
  await other.getByLabel('Your comment').fill('From tab two');
  await Promise.all([
    page.getByRole('button', { name: 'Post comment' }).click(),
    other.getByRole('button', { name: 'Post comment' }).click(),
  ]);
  for (const tab of [page, other]) {
    await expect(commentList(tab).getByRole('listitem')).toHaveCount(2);
  }
  await page.reload();
  await expect(commentList(page).getByRole('listitem')).toHaveCount(2);
  await other.close();
});

test('an unfinished comment survives a reload and is cleared when posted', async ({ page }) => {
  await openArticle(page, SEED);
  await page.getByLabel('Your name').fill('Dee');
  await page.getByLabel('Your comment').fill('Half a thought');
  await page.reload();
  await expect(page.getByLabel('Your comment')).toHaveValue('Half a thought');
  await expect(page.getByLabel('Your name')).toHaveValue('Dee');
  await page.getByRole('button', { name: 'Post comment' }).click();
  await expect(commentList(page).getByRole('listitem')).toHaveCount(1);
  await page.reload();
  await expect(page.getByLabel('Your comment')).toHaveValue('');
});

test('at the limit of 5000 comments the reader is told and keeps the text', async ({ page }) => {
  const comments = Array.from({ length: 5000 }, (_, n) => ({ id: `c${n}`, name: '', text: `Comment ${n}`, posted: '2026-01-01T00:00:00Z' }));
  await seedStorage(page, KEY, JSON.stringify({ version: 1, comments }));
  await openArticle(page, SEED);
  await expect(commentBox(page).getByRole('heading', { name: '5,000 comments' })).toBeVisible();
  await post(page, 'One too many');
  await expect(page.getByRole('alert').filter({ hasText: 'already keeps 5,000 comments' })).toBeVisible();
  await expect(page.getByLabel('Your comment')).toHaveValue('One too many');
  await commentList(page).getByRole('button', { name: 'Delete the comment by Anonymous' }).first().click();
  await commentList(page).getByRole('button', { name: 'Yes, delete' }).click();
  await page.getByRole('button', { name: 'Post comment' }).click();
  await expect(commentBox(page).getByRole('heading', { name: '5,000 comments' })).toBeVisible();
  await expect(page.getByLabel('Your comment')).toHaveValue('');
});

test('a long thread lists the newest 50 comments and earlier ones on request', async ({ page }) => {
  const comments = Array.from({ length: 120 }, (_, n) => ({ id: `c${n}`, name: `Reader ${n}`, text: `Comment number ${n}`, posted: '2026-01-01T00:00:00Z' }));
  await seedStorage(page, KEY, JSON.stringify({ version: 1, comments }));
  await openArticle(page, SEED);
  await expect(commentBox(page).getByRole('heading', { name: '120 comments' })).toBeVisible();
  const items = commentBox(page).getByRole('listitem');
  await expect(items).toHaveCount(50);
  await expect(items.first()).toContainText('Comment number 70');
  await expect(items.last()).toContainText('Comment number 119');
  await commentBox(page).getByRole('button', { name: 'Show 70 earlier comments' }).click();
  await expect(items).toHaveCount(120);
  await expect(items.first()).toContainText('Comment number 0');
  await expect(commentBox(page).getByRole('button', { name: /earlier comment/ })).toHaveCount(0);
  await post(page, 'The newest one');
  await expect(items.last()).toContainText('The newest one');
});
