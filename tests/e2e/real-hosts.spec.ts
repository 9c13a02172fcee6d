import { test, expect, SEED, SEED_TITLE, markDocument, isSameDocument } from './support';

// The project's shipped server configurations (hosting/nginx.conf, hosting/Caddyfile) on the
// real servers, in both styles (the site's 404.html for unknown addresses, and the
// single-page-app rewrite to index.html), at the root and under /news/: one Playwright project
// per server × style × base path, started by .ci/real-hosts.py.

type Host = { server: string; style: '404' | 'spa' };
const host = () => test.info().project.metadata as Host;
const base = () => new URL(test.info().project.use.baseURL ?? '/').pathname;

const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-iSfB6vkXDrkTgNNeCgz1FQVqYDrJsIcoAOLa0+4/FPw='; style-src 'self'; img-src 'self' https: data:; connect-src 'self'; base-uri 'self'; object-src 'none'";
const IMMUTABLE = 'public, max-age=31536000, immutable';

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    (window as unknown as { __violations: string[] }).__violations = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      (window as unknown as { __violations: string[] }).__violations.push(`${event.violatedDirective}: ${event.blockedURI}`),
    );
  });
});

test.afterEach(async ({ page }) => {
  const violations = await page.evaluate(() => (window as unknown as { __violations?: string[] }).__violations ?? []);
  expect(violations, 'no Content Security Policy violation').toEqual([]);
});

test('a deep link, a reload, the home page, back and forward', async ({ page }) => {
  const response = await page.goto(`./article/${SEED}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1, name: SEED_TITLE })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: SEED_TITLE })).toBeVisible();
  await markDocument(page);
  await page.getByRole('banner').getByRole('link', { name: 'News Blog' }).click();
  await expect(page).toHaveURL(new RegExp(`${base()}$`));
  await expect(page.getByRole('heading', { level: 1, name: 'News Blog' })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: SEED_TITLE })).toBeVisible();
  await page.goForward();
  await expect(page.getByRole('heading', { level: 1, name: 'News Blog' })).toBeVisible();
  expect(await isSameDocument(page)).toBe(true);
});

test('search from the header field works under the policy, its worker included', async ({ page }) => {
  const warnings: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'warning' || message.type() === 'error') warnings.push(message.text());
  });
  await page.goto('./');
  const field = page.getByRole('search', { name: 'Site search' }).getByRole('searchbox', { name: 'Search stories' });
  await field.fill('storm');
  await field.press('Enter');
  await expect(page.getByRole('status')).toHaveText('2 results for “storm”');
  await expect(page.getByRole('main').getByRole('listitem')).toHaveCount(2);
  // Playwright blocks the site's offline worker outside the offline projects, and says so.
  const ours = warnings.filter((text) => !text.includes('blocked by Playwright'));
  expect(ours.filter((text) => /pagefind|worker/i.test(text))).toEqual([]);
});

test('an unknown address shows the not-found page', async ({ page }) => {
  const response = await page.goto('./no/such/page');
  expect(response?.status()).toBe(host().style === '404' ? 404 : 200);
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
});

test('a missing article says it cannot be found', async ({ page }) => {
  await page.goto('./article/no-such-story');
  await expect(page.getByRole('alert').getByRole('heading', { name: "We can't find that story" })).toBeVisible();
  await expect(page.getByRole('link', { name: SEED_TITLE })).toHaveCount(0);
});

test('a broken article shows the error with a way on', async ({ page }) => {
  await page.route('**/content/articles/brand-new.json', (route) => route.fulfill({ contentType: 'application/json', body: '{"slug": 1}' }));
  await page.goto('./article/brand-new');
  await expect(page.getByRole('alert').getByRole('heading', { name: "This content couldn't be read" })).toBeVisible();
  await expect(page.getByRole('alert').getByRole('button', { name: 'Try again' })).toBeVisible();
});

test('precompressed files are sent, with the documented headers', async ({ page }) => {
  const responses = new Map<string, { encoding?: string; cache?: string; type?: string; csp?: string }>();
  page.on('response', async (response) => {
    const headers = await response.allHeaders();
    responses.set(new URL(response.url()).pathname, {
      encoding: headers['content-encoding'],
      cache: headers['cache-control'],
      type: headers['content-type'],
      csp: headers['content-security-policy'],
    });
  });
  await page.goto(`./article/${SEED}`);
  await expect(page.getByRole('heading', { name: 'No comments yet' })).toBeVisible();
  const find = (pattern: RegExp) => [...responses].find(([path]) => pattern.test(path))?.[1];
  const html = find(new RegExp(`/article/${SEED}$`));
  expect(html).toMatchObject({ encoding: 'br', cache: 'no-cache', csp: CSP });
  expect(find(/_bg\.wasm$/)).toMatchObject({ encoding: 'br', cache: IMMUTABLE, type: 'application/wasm' });
  expect(find(/news_blog-[0-9a-f]{12,16}\.js$/)).toMatchObject({ encoding: 'br', cache: IMMUTABLE });
  expect(find(/style-[0-9a-f]{16}\.css$/)).toMatchObject({ encoding: 'br', cache: IMMUTABLE });
  expect(find(/boot-[0-9a-f]{16}\.js$/)).toMatchObject({ cache: IMMUTABLE });
  expect(find(new RegExp(`/content/articles/${SEED}\\.json$`))).toMatchObject({ encoding: 'br', cache: 'no-cache' });
});

test('each language\'s catalog, named by its content, is cached for good', async ({ page, request }) => {
  await page.goto('./');
  const named = await page.locator('meta[name="news-blog-language"]').getAttribute('data-catalogs');
  const files = (named ?? '').split(/\s+/).filter(Boolean).map((pair) => pair.split('=')[1]);
  expect(files.length).toBe(5);
  for (const file of files) {
    const response = await request.get(`./${file}`);
    expect(response.status(), file).toBe(200);
    expect(response.headers()['cache-control'], file).toBe(IMMUTABLE);
  }
});

test('feeds and oEmbed answers are served with their media types', async ({ request }) => {
  const type = async (path: string) => (await request.get(path)).headers()['content-type'];
  expect(await type('./feed.json')).toMatch(/^application\/feed\+json/);
  expect(await type('./rss.xml')).toMatch(/^application\/rss\+xml/);
  expect(await type(`./oembed/${SEED}.json`)).toMatch(/^application\/json/);
  expect(await type('./sitemap.xml')).toMatch(/xml/);
});

test('a missing content document or picture is a 404, never the home page', async ({ request }) => {
  for (const path of ['./content/articles/no-such-story.json', './content/images/none.svg']) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
  }
});
