import { test, expect, SEED, SEED_TITLE, Page, Scenario } from './support';
import { LINK, LINKED, longStoryDocument, longStoryPage, paragraphText } from '../long-story';

// Long reads: far paragraphs are laid out only as they come near the screen, and the reader's
// place holds when they come back (../long-story.spec.ts, which also holds it while the app
// starts: that needs a script held back, which WebDriver cannot do).

/** The seed story, long, for this test's browser: its page and its content document. */
async function serveLongStory(page: Page, scenario: Scenario) {
  const file = async (path: string) => {
    const response = await fetch(new URL(path, page.baseURL));
    expect(response.ok, `${path} is on the test server`).toBe(true);
    return response.text();
  };
  const html = longStoryPage(await file(`./article/${SEED}/index.html`));
  for (const path of [`/article/${SEED}`, `/article/${SEED}/`]) {
    await scenario.answer(path, { body: html, contentType: 'text/html; charset=utf-8' });
  }
  const json = longStoryDocument(await file(`./content/articles/${SEED}.json`));
  await scenario.answer(`/content/articles/${SEED}.json`, { body: json });
}

/** Paragraph `n` (Testing Library matches a whole text with a string, a part with a RegExp). */
const paragraph = (page: Page, n: number) => page.getByText(new RegExp(`^${paragraphText(n).replace('.', '\\.')}`));

const topOf = async (page: Page, n: number) => (await paragraph(page, n).each((p) => p.getBoundingClientRect().top))[0];

/** Scrolls down a little at a time, as a reader does, until paragraph `n` is in the window. */
async function readDownTo(page: Page, n: number) {
  for (let step = 0; step < 400; step += 1) {
    const top = await topOf(page, n);
    if (top !== undefined && top < 350) return top;
    await page.evaluate(
      () => new Promise((done) => { scrollBy(0, 200); requestAnimationFrame(() => requestAnimationFrame(done)); }),
    );
  }
  throw new Error(`paragraph ${n} never came into the window`);
}

test('back to a long story puts the reader where they left it', async ({ page, scenario }) => {
  await serveLongStory(page, scenario);
  await page.openArticle(SEED);
  const before = await readDownTo(page, LINKED);
  await page.getByRole('link', { name: LINK.text }).click();
  await expect.poll(() => page.url()).toMatch(new RegExp(`${LINK.href}$`));
  await page.back();
  await page.getByRole('heading', { level: 1, name: SEED_TITLE }).waitFor();
  await expect.poll(async () => Math.abs(((await topOf(page, LINKED)) ?? -1e6) - before)).toBeLessThanOrEqual(2);
});

test('a long story lays out its far paragraphs as the reader reaches them', async ({ page, scenario }) => {
  await serveLongStory(page, scenario);
  await page.openArticle(SEED);
  await expect.poll(() => page.getByRole('main').getByRole('paragraph').filter({ hasText: 'of the long story.' }).count()).toBe(200);
  const height = async () => (await paragraph(page, 200).each((p) => p.getBoundingClientRect().height))[0];
  const guessed = await height();
  await readDownTo(page, 200);
  expect(await height()).not.toBe(guessed);
});
