import { test as base, expect, Page } from '@playwright/test';

// Every test fails if the page panics or throws an uncaught error, and `page.goto` returns
// only once the app has replaced a prerendered page (with JavaScript on), so a click reaches
// the app rather than the static copy it is about to remove.
export const test = base.extend<{ crashes: string[] }>({
  page: async ({ page, javaScriptEnabled }, use) => {
    const goto = page.goto.bind(page);
    page.goto = async (url, options) => {
      const response = await goto(url, options);
      if (javaScriptEnabled && new URL(page.url()).origin === new URL(test.info().project.use.baseURL ?? url).origin) {
        await appTookOver(page);
      }
      return response;
    };
    await use(page);
  },
  crashes: [
    async ({ page }, use) => {
      const crashes: string[] = [];
      page.on('pageerror', (error) => crashes.push(`uncaught: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error' && message.text().includes('panicked at')) {
          crashes.push(message.text());
        }
      });
      await use(crashes);
      expect(crashes, 'no panic or uncaught error in the page').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

export const SEED = 'syria-war-final-assault-raqqa';
export const SEED_TITLE = "Syria war: 'Final assault' launched to recapture Raqqa";

/** Waits until the app has replaced the prerendered page (or given up loading its content,
 * leaving the prerendered page to the reader), so clicks reach what stays on screen. */
export async function appTookOver(page: Page) {
  await expect(page.locator('#prerendered:not([data-app="unavailable"])'), 'the app has taken over the page').toHaveCount(0);
}

/** Opens `path` as a link would, with the app held back (its boot script gets no answer) until
 * the returned function is called: `goto` would wait for the app. */
export async function openWithAppHeld(page: Page, path: string): Promise<() => void> {
  let startApp = () => {};
  const started = new Promise<void>((resolve) => (startApp = resolve));
  await page.route(/\/boot-[0-9a-f]+\.js$/, async (route) => {
    await started;
    await route.continue();
  });
  await page.goto('about:blank');
  const address = new URL(path, test.info().project.use.baseURL).href;
  await page.evaluate((address) => location.assign(address), address);
  return startApp;
}

/** Opens an article by its address and waits for the app to show it. */
export async function openArticle(page: Page, slug: string) {
  await page.goto(`./article/${slug}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await appTookOver(page);
}

/** A picture of the whole page at `path`, every paragraph in it: a story's paragraphs far from
 * the window are otherwise drawn only as the reader nears them (style/article.css). */
export async function screenshotWholePage(page: Page, path: string) {
  await page.evaluate(() => document.documentElement.setAttribute('data-exact-layout', ''));
  await page.screenshot({ path, fullPage: true });
}

/** Marks the current document so a test can tell a client-side navigation from a reload. */
export async function markDocument(page: Page) {
  await appTookOver(page);
  await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
}

export async function isSameDocument(page: Page) {
  return page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument === true);
}
