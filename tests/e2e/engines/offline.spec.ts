import { test, expect, SEED, SEED_TITLE, Page } from './support';

// Reading with the network lost (../offline.spec.ts, issue 29): the offline worker installs in
// this engine, keeps the story a reader opened and answers for the server when the connection
// drops (serve.py --scenarios closes it without an answer), and steps aside when it is back.

const UNSAVED = 'night-market-returns';
const UNSAVED_TITLE = 'Night market returns to the old bus station with forty stalls';

/** What a lost connection does to a story: its page and its document get no answer. */
const storyPaths = (slug: string) => [`/article/${slug}`, `/article/${slug}/`, `/content/articles/${slug}.json`];

/** Waits until the device holds a copy of `path` (relative to the page's base). */
async function savedOnDevice(page: Page, path: string) {
  await expect
    .poll(
      () => page.evaluate(async (path: string) => (await caches.match(new URL(path, document.baseURI).href)) !== undefined, path),
      { message: `${path} is kept on the device` },
    )
    .toBe(true);
}

test('a story opened online reads from the device when the connection drops, and one never opened says so', async ({ page, scenario }) => {
  await page.goto('./');
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { message: 'the offline worker controls the page' })
    .toBe(true);
  await page.openArticle(SEED);
  await savedOnDevice(page, `article/${SEED}/`);
  await savedOnDevice(page, `content/articles/${SEED}.json`);

  for (const path of [...storyPaths(SEED), ...storyPaths(UNSAVED)]) await scenario.answer(path, { drop: true });
  // The app takes over the kept page with the kept document: no "out of date" copy left behind.
  await page.openArticle(SEED);
  await expect.poll(() => page.locator('#prerendered').count()).toBe(0);
  await expect.poll(() => page.getByRole('heading', { level: 1 }).texts()).toEqual([SEED_TITLE]);
  await page.getByRole('button', { name: 'Post comment' }).waitFor();
  // And says so, quietly: the copy kept on the device, and when.
  await expect
    .poll(() => page.getByRole('status', { name: 'Saved copy' }).texts())
    .toEqual([expect.stringMatching(/^You're offline — this is the copy saved on \d{1,2} \w+ \d{4}, \d{2}:\d{2} UTC/)]);

  // Never opened here: the reader is told the server could not be reached, and Try again
  // reaches it once it answers again.
  await page.goto(`./article/${UNSAVED}`);
  const alert = page.getByRole('alert');
  await alert.getByRole('heading', { name: "We couldn't reach the news server" }).waitFor();
  await scenario.reset();
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect.poll(() => page.getByRole('alert').count()).toBe(0);
  await page.getByRole('heading', { level: 1, name: UNSAVED_TITLE }).waitFor();
});
