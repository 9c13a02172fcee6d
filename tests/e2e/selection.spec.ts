import { expect, type Page } from '@playwright/test';
import { appTookOver, openWithAppHeld as openHeld, SEED, SEED_TITLE, test } from './support';

// A reader may select text on the prerendered story before the app has started (to copy the
// headline, say). The app then takes the page over: the selection must still be there, on
// the same nodes, which now belong to the app's page.

/** Opens the seed story with the app held back until the returned function is called. */
async function openWithAppHeld(page: Page): Promise<() => void> {
  const startApp = await openHeld(page, `article/${SEED}`);
  await expect(page.getByRole('heading', { level: 1, name: SEED_TITLE })).toBeVisible();
  await expect(page.locator('#prerendered')).toHaveCount(1);
  return startApp;
}

/** Keeps the selection's nodes and text on `window`, to compare after the app started. */
async function rememberSelection(page: Page) {
  return page.evaluate(() => {
    const selection = getSelection()!;
    Object.assign(window, { __anchor: selection.anchorNode, __focus: selection.focusNode });
    return selection.toString();
  });
}

/** The selection now: its text, and whether it is on the remembered nodes, in the app's page. */
async function selectionNow(page: Page) {
  return page.evaluate(() => {
    const selection = getSelection()!;
    const { __anchor: anchor, __focus: focus } = window as unknown as { __anchor: Node; __focus: Node };
    return {
      text: selection.toString(),
      sameNodes: selection.anchorNode === anchor && selection.focusNode === focus,
      inTheApp: document.getElementById('app')?.contains(anchor) === true && document.getElementById('app')?.contains(focus) === true,
    };
  });
}

/** Drags the mouse from the first line of `from` to the last line of `to`, as a reader selects. */
async function dragAcross(page: Page, from: import('@playwright/test').Locator, to: import('@playwright/test').Locator) {
  await to.scrollIntoViewIfNeeded();
  await from.scrollIntoViewIfNeeded();
  const start = (await from.boundingBox())!;
  const end = (await to.boundingBox())!;
  await page.mouse.move(start.x + start.width / 3, start.y + 8);
  await page.mouse.down();
  await page.mouse.move(end.x + end.width / 3, end.y + end.height - 8, { steps: 5 });
  await page.mouse.up();
}

test('a headline selected before the app starts is still selected, on the same node', async ({ page }) => {
  const startApp = await openWithAppHeld(page);
  await page.getByRole('heading', { level: 1 }).selectText();
  expect(await rememberSelection(page)).toBe(SEED_TITLE);
  startApp();
  await appTookOver(page);
  expect(await selectionNow(page)).toEqual({ text: SEED_TITLE, sameNodes: true, inTheApp: true });
  // The app works on: a link leaves the story, and the kept headline goes with it.
  await page.getByRole('link', { name: 'News Blog', exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  await expect(page.getByRole('heading', { level: 1, name: SEED_TITLE })).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __anchor: Node }).__anchor.isConnected)).toBe(false);
});

test('a selection across paragraphs of the story is kept, from the same node to the same node', async ({ page }) => {
  const startApp = await openWithAppHeld(page);
  const paragraphs = page.getByRole('article').getByRole('paragraph');
  const first = paragraphs.filter({ hasText: 'The Syrian Democratic Forces (SDF) says' });
  const second = paragraphs.filter({ hasText: 'No foreign fighters were allowed' });
  await dragAcross(page, first, second);
  const selected = await rememberSelection(page);
  expect(selected).toContain('after a convoy of IS fighters');
  expect(selected).toContain('No foreign fighters');
  startApp();
  await appTookOver(page);
  expect(await selectionNow(page)).toEqual({ text: selected, sameNodes: true, inTheApp: true });
  // What the reader selected is what they copy.
  expect(await page.evaluate(() => getSelection()!.toString())).toBe(selected);
});

test('a selection from a quote into its source keeps the whole quote, once, on the same nodes', async ({ page }) => {
  const startApp = await openWithAppHeld(page);
  // From the quote's words into the name under it: a paragraph inside the quote, and the quote.
  await page.evaluate(() => {
    const quote = document.querySelector('#prerendered blockquote')!;
    getSelection()!.setBaseAndExtent(quote.querySelector('p')!.firstChild!, 3, quote.querySelector('cite')!.firstChild!, 6);
  });
  const selected = await rememberSelection(page);
  expect(selected).toContain('may not always fully agree');
  startApp();
  await appTookOver(page);
  expect(await selectionNow(page)).toEqual({ text: selected, sameNodes: true, inTheApp: true });
  const quote = page.getByRole('article').getByRole('blockquote');
  await expect(quote).toHaveCount(1);
  await expect(quote).toContainText('We may not always fully agree with our partners at times.');
  await expect(quote).toContainText('Col Ryan Dillon, US-led coalition spokesman');
});

test('a selection the reader cleared before the app started is not brought back', async ({ page }) => {
  const startApp = await openWithAppHeld(page);
  await page.getByRole('heading', { level: 1 }).selectText();
  await page.evaluate(() => getSelection()!.removeAllRanges());
  startApp();
  await appTookOver(page);
  await expect(page.getByRole('heading', { level: 1, name: SEED_TITLE })).toBeVisible();
  expect(await page.evaluate(() => getSelection()!.toString())).toBe('');
});
