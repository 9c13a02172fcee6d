import { test, expect, SEED, SEED_TITLE, markDocument, isSameDocument } from './support';

// Runs twice: at the server root and under /news/, both on a plain static server without
// rewrite rules (.ci/serve.py), serving the output of `news-blog build`.

const base = () => new URL(test.info().project.use.baseURL ?? '/').pathname;

test('home, a deep link, a reload and in-app links all work without rewrites', async ({ page }) => {
  const response = await page.goto(`./article/${SEED}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1, name: SEED_TITLE })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: SEED_TITLE })).toBeVisible();
  await markDocument(page);
  await page.getByRole('link', { name: 'News Blog' }).first().click();
  await expect(page).toHaveURL(new RegExp(`${base()}$`));
  await expect(page.getByRole('heading', { level: 1, name: 'News Blog' })).toBeVisible();
  const link = page.getByRole('link', { name: SEED_TITLE });
  await expect(link).toHaveAttribute('href', `${base()}article/${SEED}`);
  await link.click();
  await expect(page.getByRole('heading', { level: 1, name: SEED_TITLE })).toBeVisible();
  expect(await isSameDocument(page)).toBe(true);
});

test('assets, content and pictures load from under the base path', async ({ page }) => {
  const outside: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!url.pathname.startsWith(base())) outside.push(request.url());
  });
  const failed: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400 && !response.url().endsWith('favicon.ico')) failed.push(`${response.status()} ${response.url()}`);
  });
  await page.goto(`./article/${SEED}`);
  const picture = page.getByRole('article').getByRole('img').first();
  await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  await expect(page.getByRole('heading', { name: 'No comments yet' })).toBeVisible();
  expect(outside.filter((url) => !url.endsWith('/favicon.ico'))).toEqual([]);
  expect(failed).toEqual([]);
});

test('an unknown address gets the 404 page, which shows the app\'s not-found page', async ({ page }) => {
  const response = await page.goto('./no/such/page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await page.getByRole('main').getByRole('link', { name: 'Go to the home page' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'News Blog' })).toBeVisible();
});

test('an article added after the build still opens from the 404 page', async ({ page }) => {
  await page.route('**/content/articles/brand-new.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify({ slug: 'brand-new', title: 'Added after the build', body: [{ type: 'paragraph', text: 'Fresh.' }] }) }),
  );
  const response = await page.goto('./article/brand-new');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Added after the build' })).toBeVisible();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the prerendered article is readable', async ({ page }) => {
    await page.goto(`./article/${SEED}`);
    const article = page.getByRole('article');
    await expect(article.getByRole('heading', { level: 1, name: SEED_TITLE })).toBeVisible();
    const figure = article.getByRole('figure').first();
    await expect(figure.getByRole('img')).toHaveAttribute('alt', /fighters on a ruined street in Raqqa/);
    await expect(figure).toContainText('US-backed militias have been besieging the city for months');
    await expect(figure).toContainText('Image copyright Reuters');
    await expect(article.getByText('Raqqa was IS\'s de facto capital.')).toBeVisible();
    await expect(article.locator('.article__body > p')).toHaveCount(16);
    await expect(page).toHaveTitle(`${SEED_TITLE} – News Blog`);
    // Once, where the comment box would be: not the bare app page's "needs JavaScript" note.
    await expect(page.getByText('Comments need JavaScript and an up-to-date browser.')).toBeVisible();
    await expect(page.getByText(/needs? JavaScript/)).toHaveCount(1);
  });

  test('the prerendered home page lists every story', async ({ page }) => {
    await page.goto('./');
    await expect(page.getByRole('heading', { level: 1, name: 'News Blog' })).toBeVisible();
    await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toHaveCount(10);
  });

  test('an unknown address says not found, and that a newer story needs JavaScript', async ({ page }) => {
    await page.goto('./no/such/page');
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await expect(page.getByText(/If this is a story published since this copy of the site was made/)).toBeVisible();
    await expect(page.getByRole('link', { name: 'Go to the home page' })).toBeVisible();
  });
});

test('the app takes over the prerendered article without moving it', async ({ page, browser }) => {
  // Where the prerendered page puts things, as a reader without JavaScript sees it, every
  // paragraph laid out (far ones otherwise keep a guessed height: style/article.css)...
  const positions = () => {
    document.documentElement.setAttribute('data-exact-layout', '');
    return ['h1', '.image-block img', '.article__body > p', '.tags'].map((selector) =>
      Math.round(document.querySelector(selector)?.getBoundingClientRect().y ?? -1),
    );
  };
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const staticPage = await noScript.newPage();
  await staticPage.goto(new URL(`article/${SEED}`, test.info().project.use.baseURL).href);
  const prerendered = await staticPage.evaluate(positions);
  await noScript.close();
  // ...is where the app puts them once it has taken over.
  await page.goto(`./article/${SEED}`);
  await expect(page.locator('#prerendered')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'No comments yet' })).toBeVisible();
  expect(await page.evaluate(positions)).toEqual(prerendered);
  const shift = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let total = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
            if (!entry.hadRecentInput) total += entry.value;
          }
        }).observe({ type: 'layout-shift', buffered: true });
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(total)));
      }),
  );
  expect(shift).toBeLessThan(0.01);
});

const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-iSfB6vkXDrkTgNNeCgz1FQVqYDrJsIcoAOLa0+4/FPw='; style-src 'self'; img-src 'self' https: data:; connect-src 'self'";

test('the site works under the strict Content Security Policy with no violation', async ({ page }) => {
  // Every page is served with the policy as a header, as a host would send it.
  await page.route(
    (url) => !/\.(js|wasm|css|json|svg|xml|txt)$/.test(url.pathname),
    async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': CSP } });
    },
  );
  await page.addInitScript(() => {
    (window as unknown as { __violations: string[] }).__violations = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      (window as unknown as { __violations: string[] }).__violations.push(`${event.violatedDirective}: ${event.blockedURI}`),
    );
  });
  const consoleViolations: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) consoleViolations.push(message.text());
  });
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: 'News Blog' })).toBeVisible();
  await expect(page.locator('#prerendered')).toHaveCount(0);
  await page.getByRole('link', { name: SEED_TITLE }).click();
  await expect(page.getByRole('heading', { level: 1, name: SEED_TITLE })).toBeVisible();
  await page.getByLabel('Your comment').fill('Posted under a strict policy');
  await page.getByRole('button', { name: 'Post comment' }).click();
  await expect(page.getByRole('region', { name: /comment/ }).getByRole('listitem')).toHaveCount(1);
  const violations = await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
  expect([...violations, ...consoleViolations]).toEqual([]);
});

test('the page asks for its content once the story has painted, and the app uses that answer', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('.json')) requests.push(new URL(request.url()).pathname);
  });
  const warnings: string[] = [];
  page.on('console', (message) => {
    // Chromium says "… was preloaded using link preload but not used …" for a wasted preload.
    if (message.text().includes('preloaded')) warnings.push(message.text());
  });
  await page.goto(`./article/${SEED}`);
  await expect(page.locator(`link[rel="preload"][as="fetch"][href="content/articles/${SEED}.json"]`)).toHaveCount(1);
  await expect(page.getByRole('heading', { name: 'No comments yet' })).toBeVisible();
  // One request for the story: the app was handed the preloaded answer instead of asking
  // again. (The feed's first page is asked for too, for the related stories.)
  expect(requests.filter((path) => path.includes('/articles/'))).toEqual([`${base()}content/articles/${SEED}.json`]);
  const before = requests.length;
  await page.goto('./');
  await expect(page.getByRole('main').getByRole('heading', { level: 2 }).first()).toBeVisible();
  expect(requests.slice(before).filter((path) => path.endsWith('index.json'))).toEqual([`${base()}content/index.json`]);
  expect(warnings).toEqual([]);
});
