import { readFileSync } from 'node:fs';
import { test, expect, Page, Scenario } from './support';

// New stories (../new-stories.spec.ts): the index changes on the server; the page looks
// again when the tab is shown again, and offers what is new in a pill.

/** From now on, the index document at `path` answers with `n` new stories on top. */
async function publishNewStories(scenario: Scenario, path: string, n: number) {
  const index = JSON.parse(readFileSync(`../../dist${path}`, 'utf8'));
  const fresh = Array.from({ length: n }, (_, i) => ({
    slug: `just-in-${i + 1}`,
    title: `Just in: story ${i + 1}`,
    summary: 'Published after the page was opened.',
    published: `2030-01-0${i + 1}T09:00:00Z`,
    section: 'Middle East',
    tags: ['Sample content'],
  }));
  await scenario.answer(path, { body: JSON.stringify({ ...index, articles: [...fresh, ...index.articles] }) });
}

/** As a browser does when the reader leaves the tab and comes back. */
async function setVisibility(page: Page, state: 'visible' | 'hidden') {
  await page.evaluate((state) => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => state === 'hidden' });
    // As browsers fire it: at the document, bubbling to the window.
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
  }, state);
}

const headlines = (page: Page) => page.getByRole('main').getByRole('list').first().getByRole('heading', { level: 2 });

test('a tab shown again offers the new stories and adds them on request', async ({ page, scenario }) => {
  await page.goto('./');
  const firstHeadline = await headlines(page).first().text();
  await setVisibility(page, 'hidden');
  await publishNewStories(scenario, '/content/index.json', 2);
  await setVisibility(page, 'visible');
  const pill = page.getByRole('button', { name: '2 new stories' });
  await pill.click();
  await expect.poll(() => pill.count()).toBe(0);
  await expect.poll(() => headlines(page).texts().then((texts) => texts.slice(0, 3))).toEqual([
    'Just in: story 2',
    'Just in: story 1',
    firstHeadline,
  ]);
  await expect.poll(() => page.getByRole('link', { name: 'Just in: story 2' }).isFocused()).toBe(true);
});

test('a section page shown again offers its new story', async ({ page, scenario }) => {
  await page.goto('./section/middle-east/');
  await page.getByText('4 stories').waitFor();
  await setVisibility(page, 'hidden');
  await publishNewStories(scenario, '/content/section/middle-east.json', 1);
  await setVisibility(page, 'visible');
  await page.getByRole('button', { name: '1 new story' }).click();
  await expect.poll(() => headlines(page).first().text()).toBe('Just in: story 1');
});
