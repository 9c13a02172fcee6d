import { test, expect, SEED, SEED_TITLE, appTookOver, openArticle } from './support';

const brokenAnswers = [
  { name: 'broken JSON', status: 200, contentType: 'application/json', body: '{"slug": "x", ', headline: "This content couldn't be read" },
  { name: 'JSON missing required fields', status: 200, contentType: 'application/json', body: '{"title": "No slug or body"}', headline: "This content couldn't be read" },
  { name: 'HTML instead of JSON', status: 200, contentType: 'text/html', body: '<!doctype html><p>Welcome</p>', headline: "This content couldn't be read" },
  { name: 'a server error', status: 500, contentType: 'text/plain', body: 'oops', headline: 'The news server had a problem' },
  { name: 'not found', status: 404, contentType: 'text/plain', body: 'missing', headline: "We can't find that story" },
  { name: 'an empty body', status: 200, contentType: 'application/json', body: '', headline: "This content couldn't be read" },
  { name: 'a wrong content type', status: 200, contentType: 'image/png', body: '\x89PNG\r\n', headline: "This content couldn't be read" },
  { name: 'a gateway error', status: 502, contentType: 'text/html', body: '<h1>Bad gateway</h1>', headline: 'The news server had a problem' },
];

for (const answer of brokenAnswers) {
  test(`an article answered with ${answer.name} shows a clear message and recovers on retry`, async ({ page }) => {
    let isBroken = true;
    await page.route(`**/content/articles/${SEED}.json`, (route) =>
      isBroken ? route.fulfill({ status: answer.status, contentType: answer.contentType, body: answer.body }) : route.continue(),
    );
    await page.goto('./');
    await page.getByRole('link', { name: SEED_TITLE }).click();
    const alert = page.getByRole('alert');
    await expect(alert.getByRole('heading', { name: answer.headline })).toBeVisible();
    await expect(alert.getByRole('link', { name: 'Go to the home page' })).toBeVisible();
    isBroken = false;
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByRole('heading', { level: 1, name: SEED_TITLE })).toBeVisible();
  });
}

test('the reason a document was refused is shown', async ({ page }) => {
  await page.route(`**/content/articles/${SEED}.json`, (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify({ slug: SEED, title: 'T', body: [] }) }),
  );
  await page.goto('./');
  await page.getByRole('link', { name: SEED_TITLE }).click();
  await expect(page.getByRole('alert')).toContainText('body: must have at least one block');
});

test('a prerendered story stays readable when its content cannot be loaded', async ({ page }) => {
  await page.route(`**/content/articles/${SEED}.json`, (route) => route.fulfill({ status: 503, body: 'down' }));
  await page.goto(`./article/${SEED}`);
  await expect(page.locator('#prerendered[data-app="unavailable"]')).toHaveCount(1);
  await expect(page.getByRole('heading', { level: 1, name: SEED_TITLE })).toBeVisible();
  await expect(page.getByText("Raqqa was IS's de facto capital.")).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a failed request for the feed says the server could not be reached', async ({ page }) => {
  // Refused from the start: the article page asks for the feed too (for its related stories),
  // and a feed it had loaded would open the home page from memory.
  await page.route('**/content/index.json', (route) => route.abort('connectionrefused'));
  await openArticle(page, SEED);
  await page.getByRole('banner').getByRole('link', { name: 'News Blog' }).click();
  await expect(page.getByRole('alert').getByRole('heading', { name: "We couldn't reach the news server" })).toBeVisible();
  await expect(page.getByRole('alert').getByRole('button', { name: 'Try again' })).toBeVisible();
});

test('a prerendered feed stays readable when the feed cannot be loaded', async ({ page }) => {
  await page.route('**/content/index.json', (route) => route.abort('connectionrefused'));
  await page.goto('./');
  await expect(page.locator('#prerendered[data-app="unavailable"]')).toHaveCount(1);
  await expect(page.getByRole('link', { name: SEED_TITLE })).toBeVisible();
});

test('leaving a prerendered feed kept after a failure shows the next page alone', async ({ page }) => {
  await page.route('**/content/index.json', (route) => route.abort('connectionrefused'));
  await page.goto('./');
  await expect(page.locator('#prerendered[data-app="unavailable"]')).toHaveCount(1);
  await page.getByRole('link', { name: SEED_TITLE }).click();
  await expect(page.getByRole('heading', { level: 1, name: SEED_TITLE })).toBeVisible();
  await expect(page.locator('#prerendered')).toHaveCount(0);
  await expect(page.getByRole('main')).toHaveCount(1);
  await expect(page.getByText(/This page is the copy from/)).toHaveCount(0);
});

test('hostile text in an article is shown as text and never runs', async ({ page }) => {
  const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
  await page.route(`**/content/articles/${SEED}.json`, (route) =>
    route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({
        slug: SEED,
        title: payload,
        body: [
          { type: 'paragraph', text: [{ text: 'bad link', href: 'javascript:window.__pwned=1' }] },
          { type: 'paragraph', text: payload },
        ],
        image: { src: 'javascript:window.__pwned=1', alt: payload, caption: payload },
      }),
    }),
  );
  await page.goto(`./article/${SEED}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(payload);
  await expect(page.getByRole('link', { name: 'bad link' })).toHaveCount(0);
  await page.getByText('bad link').click();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(page.locator('main img[src="x"], main script')).toHaveCount(0);
});

test('JSON served with a plain-text content type is still read', async ({ page }) => {
  await page.route(`**/content/articles/${SEED}.json`, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, contentType: 'text/plain' });
  });
  await page.goto(`./article/${SEED}`);
  await expect(page.getByRole('heading', { level: 1, name: SEED_TITLE })).toBeVisible();
});

test('a request that never answers times out after 15 seconds with a retry', async ({ page }) => {
  await page.clock.install();
  let isHanging = true;
  await page.route(`**/content/articles/${SEED}.json`, (route) => (isHanging ? undefined : route.continue()));
  await page.goto('./');
  await appTookOver(page);
  await page.getByRole('link', { name: SEED_TITLE }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Loading the story' })).toBeAttached();
  await page.clock.runFor(14_000);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.clock.runFor(1_500);
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('heading', { name: 'The news server is taking too long' })).toBeVisible();
  await expect(alert).toContainText('No answer came within 15 seconds.');
  isHanging = false;
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { level: 1, name: SEED_TITLE })).toBeVisible();
});

test('going offline shows an offline message, and coming back lets the reader retry', async ({ page, context }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: 'News Blog' })).toBeVisible();
  await context.setOffline(true);
  await page.getByRole('link', { name: SEED_TITLE }).click();
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('heading', { name: "You're offline" })).toBeVisible();
  await context.setOffline(false);
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { level: 1, name: SEED_TITLE })).toBeVisible();
});

test('a slow answer for one story never shows on the next one', async ({ page }) => {
  const slowSlug = 'wind-farm-vote';
  let releaseSlow: () => void = () => {};
  const slowHeld = new Promise<void>((resolve) => (releaseSlow = resolve));
  let slowAnswered = false;
  const aborted: string[] = [];
  page.on('requestfailed', (request) => aborted.push(request.url()));
  await page.route(`**/content/articles/${slowSlug}.json`, async (route) => {
    await slowHeld;
    // The app should have given up on this request; answering it anyway is the point.
    await route.continue().catch(() => {});
    slowAnswered = true;
  });
  await page.goto('./');
  // The reader opens story A, which hangs, goes back, and opens story B instead.
  await page.getByRole('link', { name: /Council backs hilltop wind farm/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Loading the story' })).toBeAttached();
  await page.goBack();
  await page.getByRole('link', { name: SEED_TITLE }).click();
  await expect(page.getByRole('heading', { level: 1, name: SEED_TITLE })).toBeVisible();
  expect(aborted.some((url) => url.endsWith(`/${slowSlug}.json`)), 'the abandoned request is aborted').toBe(true);
  releaseSlow();
  await expect.poll(() => slowAnswered).toBe(true);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(SEED_TITLE);
  await expect(page).toHaveTitle(`${SEED_TITLE} – News Blog`);
});

test('a lead picture that never arrives does not keep the app from starting', async ({ page }) => {
  // The loader waits for the page to load before it starts the app, but not for ever.
  await page.route('**/content/images/raqqa.svg', () => {});
  await page.goto(`./article/${SEED}/`, { waitUntil: 'domcontentloaded' });
  await appTookOver(page);
  await expect(page.getByRole('region', { name: /comment/ })).toBeVisible();
});

test('a prerendered page kept after a failed refresh says it may be out of date, without a shift', async ({ page }) => {
  let isDown = true;
  await page.route('**/content/index.json', (route) => (isDown ? route.abort('connectionrefused') : route.continue()));
  await page.addInitScript(() => {
    (window as unknown as { __shift: number }).__shift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as { value: number }[]) (window as unknown as { __shift: number }).__shift += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto('./');
  const notice = page.getByRole('status', { name: 'Page may be out of date' });
  await expect(notice).toContainText(/This page is the copy from \d+ \w+ \d{4}, \d\d:\d\d UTC and may be out of date/);
  await expect(page.getByRole('link', { name: SEED_TITLE })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __shift: number }).__shift)).toBe(0);

  isDown = false;
  await notice.getByRole('button', { name: 'Try again' }).click();
  await expect(page.locator('#prerendered')).toHaveCount(0);
  await expect(notice).toHaveCount(0);
  await expect(page.getByRole('link', { name: SEED_TITLE })).toBeVisible();
});

test('the out-of-date notice can be hidden', async ({ page }) => {
  await page.route(`**/content/articles/${SEED}.json`, (route) => route.abort('connectionrefused'));
  await page.goto(`./article/${SEED}`);
  const notice = page.getByRole('status', { name: 'Page may be out of date' });
  await notice.getByRole('button', { name: 'Hide' }).click();
  await expect(notice).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: SEED_TITLE })).toBeVisible();
});
