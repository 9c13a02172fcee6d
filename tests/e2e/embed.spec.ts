import { test, expect, SEED, SEED_TITLE } from './support';

// A host page on another origin (tests/e2e/host/host.html, on its own port), with CSS that
// tries to reach into everything, embeds two articles with the two-line snippet.
const HOST = `http://127.0.0.1:${process.env.E2E_HOST_PORT ?? 8093}/host.html`;

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 900, height: 900 });
});

async function openHost(page: import('@playwright/test').Page) {
  const site = new URL('./', test.info().project.use.baseURL).href;
  await page.goto(`${HOST}?site=${encodeURIComponent(site)}`);
}

async function frameFits(page: import('@playwright/test').Page, title: string) {
  const frame = page.locator(`iframe[title="${title}"]`);
  const frameHeight = async () => (await frame.boundingBox())?.height ?? 0;
  const contentHeight = () => frame.contentFrame().locator('body').evaluate((body) => body.scrollHeight);
  await expect.poll(async () => Math.abs((await frameHeight()) - (await contentHeight()))).toBeLessThanOrEqual(4);
  return frameHeight();
}

test('two embedded articles render fully, each frame sized to its content', async ({ page }) => {
  await openHost(page);
  const raqqa = page.frameLocator('iframe[title="Raqqa story"]');
  await expect(raqqa.getByRole('heading', { level: 1, name: SEED_TITLE })).toBeVisible();
  await expect(raqqa.getByRole('figure').first()).toContainText('Image copyright Reuters');
  await expect(raqqa.getByRole('heading', { name: 'Leave a Comment' })).toBeVisible();
  await expect(raqqa.getByRole('link', { name: 'Read this story on the site' })).toHaveAttribute('href', new RegExp(`/article/${SEED}/$`));

  const windFarm = page.frameLocator('iframe[title="Wind farm story"]');
  await expect(windFarm.getByRole('heading', { level: 1, name: /Council backs hilltop wind farm/ })).toBeVisible();
  await expect(windFarm.getByLabel('Your comment'), 'comments=off hides the comment box').toHaveCount(0);
  // The widget's theme comes with its address's parameters, which the app reads when it starts.
  await expect
    .poll(() => windFarm.locator('body').evaluate((body) => getComputedStyle(body).backgroundColor))
    .toBe('rgb(18, 18, 18)');

  const raqqaHeight = await frameFits(page, 'Raqqa story');
  await page.screenshot({ path: `screenshots/embed-host-${test.info().project.name}.png` });
  const windFarmHeight = await frameFits(page, 'Wind farm story');
  expect(raqqaHeight).toBeGreaterThan(1500);
  expect(windFarmHeight).toBeGreaterThan(800);
  for (const frame of await page.locator('iframe').all()) {
    await expect(frame).toHaveAttribute('loading', 'lazy');
    expect(await frame.evaluate((element) => getComputedStyle(element).borderTopWidth)).toBe('0px');
  }
});

test('the host page keeps its own look and layout', async ({ page }) => {
  await openHost(page);
  await expect(page.frameLocator('iframe[title="Raqqa story"]').getByRole('heading', { level: 1 })).toBeVisible();
  const host = await page.evaluate(() => ({
    sheets: document.styleSheets.length,
    elements: Array.from(document.body.querySelectorAll('*')).map((element) => element.tagName).join(' '),
    fonts: Array.from(document.querySelectorAll('.host')).map((element) => getComputedStyle(element).fontSize),
    colours: Array.from(document.querySelectorAll('.host')).map((element) => getComputedStyle(element).color),
    globals: Object.keys(window).filter((key) => key.toLowerCase().includes('news')),
  }));
  expect(host.sheets).toBe(1);
  expect(host.elements).toBe('P SCRIPT DIV IFRAME P DIV IFRAME P SCRIPT');
  expect(host.fonts).toEqual(['40px', '40px', '40px']);
  expect(host.colours).toEqual(['rgb(1, 2, 3)', 'rgb(1, 2, 3)', 'rgb(1, 2, 3)']);
  expect(host.globals).toEqual(['__newsBlogEmbed']);
});

test('forged height messages from the host page are ignored', async ({ page }) => {
  await openHost(page);
  await expect(page.frameLocator('iframe[title="Raqqa story"]').getByRole('heading', { level: 1 })).toBeVisible();
  const height = await frameFits(page, 'Raqqa story');
  await page.evaluate(() => {
    window.postMessage({ type: 'news-blog:height', height: 5 }, '*');
    window.postMessage({ type: 'news-blog:height', height: '9999' }, '*');
    window.postMessage('news-blog:height', '*');
  });
  // A real message from the widget afterwards proves the listener is still running.
  const widget = page.frameLocator('iframe[title="Raqqa story"]');
  await widget.getByLabel('Your comment').fill('Line\n'.repeat(30));
  await widget.getByRole('button', { name: 'Post comment' }).click();
  await expect.poll(async () => (await page.locator('iframe[title="Raqqa story"]').boundingBox())?.height).toBeGreaterThan(height);
  expect((await page.locator('iframe[title="Wind farm story"]').boundingBox())?.height).toBeGreaterThan(100);
});

test('each article page names its oEmbed answer, which holds the two-line snippet', async ({ page, request }) => {
  await page.goto(`./article/${SEED}`);
  const href = await page.locator('link[rel="alternate"][type="application/json+oembed"]').getAttribute('href');
  expect(href).toBeTruthy();
  const answer = await (await request.get(href ?? '')).json();
  expect(answer).toMatchObject({ version: '1.0', type: 'rich', title: SEED_TITLE, width: 640, height: 800 });
  expect(answer.html).toContain(`data-news-article="`);
  expect(answer.html).toContain(`/article/${SEED}/"`);
  expect(answer.html).toContain('embed.js" async></script>');
});
