import AxeBuilder from '@axe-core/playwright';
import { Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { test, expect, SEED, SEED_TITLE, appTookOver, screenshotWholePage } from './support';

// What readers ask of every site through their browser or system settings: less motion,
// Windows' high-contrast colours, bigger text and a narrow window, and saving data.

const pages = [
  { name: 'home', path: './', ready: (page: Page) => page.getByRole('heading', { level: 1, name: 'News Blog' }) },
  { name: 'article', path: `./article/${SEED}`, ready: (page: Page) => page.getByRole('heading', { level: 1, name: SEED_TITLE }) },
  { name: 'section', path: './section/middle-east/', ready: (page: Page) => page.getByRole('heading', { level: 1, name: 'Middle East' }) },
  { name: 'search', path: './search?q=storm', ready: (page: Page) => page.getByRole('status').filter({ hasText: '2 results for “storm”' }) },
  { name: 'not-found', path: './no/such/page', ready: (page: Page) => page.getByRole('heading', { level: 1, name: 'Page not found' }) },
];

mkdirSync('screenshots', { recursive: true });

/** How far the page scrolls sideways, in CSS pixels (0 when it fits its window). */
const sidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

test('with reduced motion nothing on the page animates or scrolls smoothly', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  // The story's answer held back, so the loading shapes (the page's one animation) are shown.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/content/articles/wind-farm-vote.json', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('./');
  await page.getByRole('main').getByRole('link', { name: /wind farm/i }).click();
  await expect(page.locator('.skeleton__line').first()).toBeVisible();
  const moving = await page.evaluate(() =>
    Array.from(document.querySelectorAll('*'))
      .map((element) => ({ element, style: getComputedStyle(element) }))
      .filter(({ style }) => (style.animationName !== 'none' && parseFloat(style.animationDuration) > 0.001) || parseFloat(style.transitionDuration) > 0.001)
      .map(({ element }) => element.className),
  );
  expect(moving).toEqual([]);
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe('auto');
  release();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

for (const target of pages) {
  test(`the ${target.name} page in forced colours keeps its controls and notices visible`, async ({ page }) => {
    await page.emulateMedia({ forcedColors: 'active' });
    await page.goto(target.path);
    await expect(target.ready(page)).toBeVisible();
    await appTookOver(page);
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => `${violation.id}: ${violation.help}`);
    expect(serious).toEqual([]);
    // Forced colours drop backgrounds and shadows: every button and field keeps a border, and
    // the focused one an outline.
    const unbordered = await page.evaluate(() =>
      Array.from(document.querySelectorAll('main button, main input, main textarea, header button, header input'))
        .filter((control) => (control as HTMLElement).offsetParent !== null)
        .filter((control) => getComputedStyle(control).borderTopStyle === 'none')
        .map((control) => control.outerHTML.slice(0, 80)),
    );
    expect(unbordered).toEqual([]);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const focusOutline = await page.evaluate(() => {
      const focused = document.activeElement;
      return focused ? getComputedStyle(focused).outlineStyle : 'none';
    });
    expect(focusOutline).not.toBe('none');
    await screenshotWholePage(page, `screenshots/forced-colours-${target.name}.png`);
  });
}

for (const target of pages) {
  test(`the ${target.name} page fits a 320 px window without sideways scrolling`, async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(target.path);
    await expect(target.ready(page)).toBeVisible();
    await appTookOver(page);
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
  });

  test(`the ${target.name} page with text at 200 % fits its window without sideways scrolling`, async ({ page }) => {
    // A phone held sideways; text zoom scales the root font size, which every length follows.
    await page.setViewportSize({ width: 640, height: 360 });
    await page.goto(target.path);
    await expect(target.ready(page)).toBeVisible();
    await appTookOver(page);
    await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `screenshots/text-200-${target.name}.png` });
  });
}

test.describe('a reader saving data', () => {
  test.beforeEach(async ({ page, context }) => {
    // Chromium's own "save data" switch, as Lite mode or a data-saver setting sets it.
    const devtools = await context.newCDPSession(page);
    await devtools.send('Emulation.setDataSaverOverride', { dataSaverEnabled: true });
  });

  test('pointing at or focusing a headline does not load its story ahead', async ({ page }) => {
    const asked: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/content/articles/')) asked.push(request.url());
    });
    await page.goto('./');
    expect(await page.evaluate(() => (navigator as { connection?: { saveData?: boolean } }).connection?.saveData)).toBe(true);
    const link = page.getByRole('main').getByRole('link', { name: SEED_TITLE });
    await link.hover();
    await link.focus();
    // The story still opens, asked for once, when the reader follows the link.
    await link.click();
    await expect(page.getByRole('heading', { level: 1, name: SEED_TITLE })).toBeVisible();
    expect(asked.filter((url) => url.endsWith(`${SEED}.json`))).toHaveLength(1);
    // Nothing was asked before the click: the hover and the focus asked for nothing.
    expect(asked).toHaveLength(1);
  });

  test('a tab shown again does not look for new stories', async ({ page }) => {
    const asked: string[] = [];
    await page.goto('./');
    await appTookOver(page);
    page.on('request', (request) => {
      if (request.url().includes('/content/index.json')) asked.push(request.url());
    });
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
      document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
    });
    // Whatever the tab's return would ask for is asked at once: give it the same time a
    // request for the home's next link takes, then check nothing went out.
    await page.getByRole('main').getByRole('link', { name: SEED_TITLE }).click();
    await expect(page.getByRole('heading', { level: 1, name: SEED_TITLE })).toBeVisible();
    expect(asked).toEqual([]);
  });
});
