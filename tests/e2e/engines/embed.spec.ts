import { test, expect, SEED, SEED_TITLE, Page } from './support';
import { ports } from '../playwright.config';

// A host page on another origin (../host/host.html) embeds two articles of the /news/ build
// with the two-line snippet; each frame sizes itself to its content (../embed.spec.ts).

const HOST = `http://127.0.0.1:${ports.host}/host.html`;
const SITE = `http://127.0.0.1:${ports.subpath}/news/`;

/** Runs `body` inside the frame titled `title`, scrolled into view (its loading is lazy). */
async function inFrame<T>(page: Page, title: string, body: () => Promise<T>): Promise<T> {
  const frame = await page.locator(`iframe[title="${title}"]`).waitFor();
  await page.evaluate((element) => element.scrollIntoView(), frame);
  await page.driver.switchTo().frame(frame);
  try {
    return await body();
  } finally {
    await page.driver.switchTo().defaultContent();
  }
}

/** Waits until the frame is as tall as its content (within 4 px), and returns its height. */
async function frameFits(page: Page, title: string) {
  const frameHeight = async () => (await (await page.locator(`iframe[title="${title}"]`).waitFor()).getRect()).height;
  const contentHeight = () => inFrame(page, title, () => page.evaluate(() => document.body.scrollHeight));
  await expect.poll(async () => Math.abs((await frameHeight()) - (await contentHeight()))).toBeLessThanOrEqual(4);
  return frameHeight();
}

test('two embedded articles render fully, each frame sized to its content', async ({ page, driver }) => {
  await driver.manage().window().setRect({ width: 900, height: 900 });
  await page.goto(`${HOST}?site=${encodeURIComponent(SITE)}`);
  await inFrame(page, 'Raqqa story', async () => {
    await page.getByRole('heading', { level: 1, name: SEED_TITLE }).waitFor();
    await expect.poll(() => page.getByRole('figure').first().text()).toContain('Image copyright Reuters');
    await page.getByRole('heading', { name: 'Leave a Comment' }).waitFor();
    expect(await page.getByRole('link', { name: 'Read this story on the site' }).attribute('href')).toMatch(new RegExp(`/article/${SEED}/$`));
  });
  await inFrame(page, 'Wind farm story', async () => {
    await page.getByRole('heading', { level: 1, name: /Council backs hilltop wind farm/ }).waitFor();
    expect(await page.getByLabel('Your comment').count(), 'comments=off hides the comment box').toBe(0);
    // The widget's theme comes with its address's parameters, which the app reads when it starts.
    await expect.poll(() => page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(18, 18, 18)');
  });
  expect(await frameFits(page, 'Raqqa story')).toBeGreaterThan(1500);
  expect(await frameFits(page, 'Wind farm story')).toBeGreaterThan(800);
  const frames = await page.locator('iframe').each((frame) => [frame.getAttribute('loading'), getComputedStyle(frame).borderTopWidth]);
  expect(frames).toEqual([['lazy', '0px'], ['lazy', '0px']]);
});

test('a comment posted in an embedded article grows its frame', async ({ page }) => {
  await page.goto(`${HOST}?site=${encodeURIComponent(SITE)}`);
  await inFrame(page, 'Raqqa story', () => page.getByRole('heading', { level: 1, name: SEED_TITLE }).waitFor());
  const height = await frameFits(page, 'Raqqa story');
  await inFrame(page, 'Raqqa story', async () => {
    const text = 'Line\n'.repeat(30);
    if (test.info().project.name === 'webkit') {
      // WebKitWebDriver can neither focus nor click into a frame of another origin ("Element
      // is not focusable"; its clicks there reach nothing, and its pointer actions fail under
      // Xvfb), while a reader's own click works. So here the text comes as the browser's input
      // event brings it and the form is sent as the button sends it; typing and clicking
      // themselves are tested at the top level in every engine (comments.spec.ts).
      const field = await page.getByLabel('Your comment').waitFor();
      await page.driver.executeScript(
        "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', { bubbles: true })); arguments[0].form.requestSubmit();",
        field,
        text,
      );
    } else {
      await page.getByLabel('Your comment').fill(text);
      await page.getByRole('button', { name: 'Post comment' }).click();
    }
    await page.getByRole('heading', { name: '1 comment' }).waitFor();
  });
  await expect.poll(() => frameFits(page, 'Raqqa story')).toBeGreaterThan(height);
});
