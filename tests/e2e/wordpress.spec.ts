import { mkdirSync } from 'node:fs';
import { test, expect, screenshotWholePage } from './support';
import { expectHostilePostsInert } from './hostile-source';
import { expectFirstPageWithin } from './first-page';

// A site built from the project's own WordPress (tests/wordpress/, seeded through WordPress's
// PHP API) with `news-blog build --source wordpress`: the pages are prerendered from an
// import, and the app reads WordPress's REST API live after that.

const SHOWCASE = "Syria war: ‘Final assault’ launched";
// The three stories of María López (seed.php), newest first. She logs in as "mlopez",
// WordPress's slug for her; her pages' key comes from her name, and WordPress is asked for her
// by a word of it, then by her id.
const MARIA_STORIES = ['Harbour reopens after storm repairs', 'Library trial ends', 'Comments are closed here'];
// Only the requests a test breaks are intercepted (an intercepted answer loses the headers
// CORS exposes, X-WP-TotalPages), in both of WordPress's address styles: the app tries
// ?rest_route= when wp-json/ fails before it has ever answered.
const postsAsked = (param: string, value: string) => (url: URL) =>
  (url.pathname.endsWith('/wp-json/wp/v2/posts') || url.searchParams.get('rest_route') === '/wp/v2/posts') &&
  url.searchParams.get(param) === value;

test('the home lists the WordPress posts, newest first, and pages through them', async ({ page }) => {
  const asked: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/wp-json/wp/v2/posts')) asked.push(request.url());
  });
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: 'Northbridge Gazette' })).toBeVisible();
  const headlines = page.getByRole('main').getByRole('heading', { level: 2 });
  await expect(headlines.first()).toHaveText(SHOWCASE);
  // The first page of 25 without its protected post.
  await expect(headlines).toHaveCount(24);
  // The live list, not only the prerendered copy, and without the protected post.
  expect(asked.some((url) => url.includes('page=1'))).toBe(true);
  await expect(page.getByRole('link', { name: 'Members only briefing' })).toHaveCount(0);
  await page.getByRole('button', { name: 'More stories' }).click();
  await expect(headlines).toHaveCount(46, { timeout: 15_000 });
  expect(asked.some((url) => url.includes('page=2'))).toBe(true);
  await expect(page.getByRole('button', { name: 'More stories' })).toHaveCount(0);
});

test('a Gutenberg post reads as a news page: picture sizes, quote, lists, embed as a link card', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('link', { name: SHOWCASE }).click();
  await expect(page.getByRole('heading', { level: 1, name: SHOWCASE })).toBeVisible();
  const article = page.getByRole('article');
  await expect(article.getByRole('heading', { level: 2, name: 'A hardcore group left behind' })).toBeVisible();
  await expect(article.getByRole('heading', { level: 3, name: 'What happens next' })).toBeVisible();
  await expect(article.locator('blockquote')).toContainText('We may not always fully agree');
  await expect(article.locator('blockquote cite')).toHaveText('Col Ryan Dillon');
  await expect(article.getByRole('list').first().getByRole('listitem')).toHaveCount(2);
  const picture = article.getByRole('img', { name: 'Fighters on a ruined street' }).first();
  await expect(picture).toHaveAttribute('srcset', /hero-300x188\.jpg 300w.*hero-768x480\.jpg 768w/);
  await expect(picture).toHaveAttribute('sizes', /44rem/);
  await expect(article.getByText('Fighters in the old city')).toBeVisible();
  const embed = article.getByRole('link', { name: /The assault, filmed/ });
  await expect(embed).toHaveAttribute('href', 'https://www.youtube.com/watch?v=M7lc1UVf-VE');
  await expect(embed).toContainText('YouTube');
  await expect(article.locator('iframe')).toHaveCount(0);
  await expect(page.getByText('By admin')).toBeVisible();
  await expect(page.getByRole('link', { name: 'http://127.0.0.1:8096/gutenberg-showcase/' })).toBeVisible();
});

test('a deep link to a post loads it from WordPress', async ({ page }) => {
  const asked: string[] = [];
  page.on('request', (request) => asked.push(request.url()));
  await page.goto('./article/classic-harbour/');
  await expect(page.getByRole('heading', { level: 1, name: 'Harbour reopens after storm repairs' })).toBeVisible();
  expect(asked.some((url) => url.includes('slug=classic-harbour'))).toBe(true);
  // The classic editor's [caption] picture keeps its caption; its <br> stays a line break.
  await expect(page.getByRole('article').getByText('The repaired harbour wall')).toBeVisible();
  const paragraphs = await page.getByRole('article').locator('p').allTextContents();
  expect(paragraphs).toContain('Boats returned by noon.\nThe ferry follows next week.');
});

test('a post with comments closed has no comment box, others have one', async ({ page }) => {
  await page.goto('./article/comments-closed/');
  await expect(page.getByRole('heading', { level: 1, name: 'Comments are closed here' })).toBeVisible();
  await expect(page.getByLabel('Your comment')).toHaveCount(0);
  await page.goto('./article/no-picture/');
  await expect(page.getByRole('heading', { level: 1, name: 'Library trial ends' })).toBeVisible();
  await expect(page.getByLabel('Your comment')).toBeVisible();
});

test('a password-protected post says so, linking to its page, and an unknown slug is not found', async ({ page }) => {
  await page.goto('./article/protected-briefing/');
  const article = page.getByRole('article');
  await expect(article.getByRole('heading', { level: 1, name: 'Members only briefing' })).toBeVisible();
  await expect(article.getByText(/^This story is protected by a password: /)).toBeVisible();
  await expect(article.getByRole('link', { name: /protected-briefing/ })).toHaveAttribute('href', /\/protected-briefing\/$/);
  await expect(page.getByText('Only for those with the password.')).toHaveCount(0);
  await expect(page.getByText(/min read/)).toHaveCount(0);
  await page.goto('./article/no-such-post-here/');
  await expect(page.getByRole('heading', { name: /can't find that/ })).toBeVisible();
});

// The site's own pages: WordPress pages (wp/v2/pages), the About page linked from the footer
// (`--footer-pages about`, .ci/build-wordpress-site.sh).
const pagesAsked = (url: URL) =>
  url.pathname.endsWith('/wp-json/wp/v2/pages') || url.searchParams.get('rest_route') === '/wp/v2/pages';

test('the About page, a WordPress page, opens from the footer and is read live', async ({ page }) => {
  const asked: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (pagesAsked(url)) asked.push(url.searchParams.get('slug') ?? '');
  });
  await page.goto('./');
  await page.getByRole('contentinfo').getByRole('link', { name: 'About the Gazette' }).click();
  await expect(page).toHaveURL(/\/page\/about\/?$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('About the Gazette');
  await expect(page).toHaveTitle(/^About the Gazette/);
  const article = page.getByRole('article');
  await expect(article.getByText('The Northbridge Gazette reports on the town’s council, harbour and schools.')).toBeVisible();
  await expect(article.getByRole('heading', { level: 2, name: 'Corrections' })).toBeVisible();
  await expect(article.getByRole('link', { name: 'the corrections desk' })).toHaveAttribute('href', 'mailto:corrections@northbridge.example');
  await expect(article.getByRole('listitem')).toHaveText(['Founded in 1921', 'Read the council notes']);
  // A page, not a story: no byline, comments or share links.
  await expect(page.getByText('By admin')).toHaveCount(0);
  await expect(page.getByLabel('Your comment')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'E-mail this story' })).toHaveCount(0);
  expect(asked).toContain('about');
});

test('the build prerendered the public WordPress pages, not the private one', async ({ page, request }) => {
  const sitemap = await (await request.get('./sitemap.xml')).text();
  expect([...sitemap.matchAll(/\/page\/([^/<]+)\//g)].map((match) => match[1])).toEqual(['about']);
  expect((await request.get('./page/staff-handbook/')).status()).toBe(404);
  expect((await request.get('./content/pages/staff-handbook.json')).status()).toBe(404);
  await page.goto('./page/about/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('About the Gazette');
  await expect(page.getByRole('contentinfo').getByRole('link', { name: 'About the Gazette' })).toHaveAttribute('href', /\/page\/about\/?$/);
  // Live, WordPress does not give an anonymous reader its private page either.
  await page.goto('./page/staff-handbook/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the About page of the WordPress site reads from the prerendered footer link', async ({ page }) => {
    await page.goto('./article/classic-harbour/');
    await page.getByRole('contentinfo').getByRole('link', { name: 'About the Gazette' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('About the Gazette');
    await expect(page.getByRole('article').getByRole('heading', { level: 2, name: 'Corrections' })).toBeVisible();
  });
});

test('the hostile strings stored in WordPress stay inert text everywhere', async ({ page }) => {
  const hostile = await expectHostilePostsInert(page, 12);
  await page.goto('./');
  await page.getByRole('button', { name: 'More stories' }).click();
  await expect(page.getByRole('link', { name: /hostile 0$/ })).toBeVisible({ timeout: 15_000 });
  await hostile.expectNothingRan();
});

test('the embed widget shows a WordPress post', async ({ page }) => {
  await page.goto('./embed/article/gutenberg-showcase/');
  await expect(page.getByRole('heading', { level: 1, name: SHOWCASE })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Read this story on the site' })).toBeVisible();
});

const faults = [
  {
    name: 'a PHP error page instead of JSON',
    fulfill: { status: 200, contentType: 'text/html', body: '<br /><b>Fatal error</b>: Uncaught Error in wp-includes/x.php' },
    headline: "This content couldn't be read",
  },
  { name: 'a server error', fulfill: { status: 500, contentType: 'application/json', body: '{"code":"internal_server_error"}' }, headline: 'The news server had a problem' },
  { name: 'an empty list for the slug', fulfill: { status: 200, contentType: 'application/json', body: '[]' }, headline: "We can't find that story" },
];

for (const fault of faults) {
  test(`a post answered with ${fault.name} shows a clear message and recovers on retry`, async ({ page }) => {
    let isBroken = true;
    await page.route(postsAsked('slug', 'no-picture'), (route) =>
      isBroken ? route.fulfill(fault.fulfill) : route.continue(),
    );
    // Opened from the home page: a prerendered copy would stay readable instead.
    await page.goto('./');
    await page.getByRole('link', { name: 'Library trial ends' }).click();
    const alert = page.getByRole('alert');
    await expect(alert.getByRole('heading', { name: fault.headline })).toBeVisible();
    isBroken = false;
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Library trial ends' })).toBeVisible();
  });
}

test('a source that refuses this origin (CORS) is a network message, not a blank page', async ({ page }) => {
  // The page names another server as its WordPress: the root build's server, which sends no
  // CORS headers, so the browser refuses its answers to this origin.
  const otherOrigin = `http://127.0.0.1:${process.env.E2E_PORT ?? 8091}/`;
  await page.route(
    (url) => url.pathname === '/',
    async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace(
        /<meta name="news-blog-source-url" content="[^"]*">/,
        `<meta name="news-blog-source-url" content="${otherOrigin}">`,
      );
      await route.fulfill({ response, body });
    },
  );
  const refused: string[] = [];
  page.on('requestfailed', (request) => refused.push(request.url()));
  await page.goto('./');
  // The prerendered stories stay, marked as possibly out of date.
  await expect(page.getByRole('link', { name: 'Library trial ends' })).toBeVisible();
  await expect(page.getByText(/This page is the copy from/)).toBeVisible();
  await page.getByRole('link', { name: 'Library trial ends' }).click();
  await expect(page.getByRole('alert').getByRole('heading', { name: "We couldn't reach the news server" })).toBeVisible();
  expect(refused.some((url) => url.startsWith(otherOrigin))).toBe(true);
});

test('a 400 past the last page is a message under the list, and the list stays', async ({ page }) => {
  await page.route(postsAsked('page', '2'), (route) =>
    route.fulfill({ status: 400, contentType: 'application/json', body: '{"code":"rest_post_invalid_page_number"}' }),
  );
  await page.goto('./');
  const headlines = page.getByRole('main').getByRole('heading', { level: 2 });
  await expect(headlines).toHaveCount(24);
  await page.getByRole('button', { name: 'More stories' }).click();
  await expect(page.getByRole('alert')).toContainText('The news server had a problem');
  await expect(headlines).toHaveCount(24);
});

// Pictures of the app reading the real WordPress, for people to look at
// (tests/e2e/screenshots/wordpress-*.png); each also checks that nothing scrolls sideways.
for (const viewport of [
  { name: 'phone', width: 360, height: 780 },
  { name: 'desktop', width: 1280, height: 900 },
]) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`WordPress home, post, About and author pages at ${viewport.name} width in ${scheme} mode`, async ({ page }) => {
      mkdirSync('screenshots', { recursive: true });
      await page.setViewportSize({ width: viewport.width, height: viewport.height });
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto('./');
      await expect(page.getByRole('heading', { level: 1, name: 'Northbridge Gazette' })).toBeVisible();
      await page.screenshot({ path: `screenshots/wordpress-home-${viewport.name}-${scheme}.png` });
      await page.goto('./article/gutenberg-showcase/');
      await expect(page.getByRole('heading', { level: 1, name: SHOWCASE })).toBeVisible();
      await page.getByRole('link', { name: /The assault, filmed/ }).scrollIntoViewIfNeeded();
      await screenshotWholePage(page, `screenshots/wordpress-post-${viewport.name}-${scheme}.png`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.goto('./page/about/');
      await expect(page.getByRole('heading', { level: 1, name: 'About the Gazette' })).toBeVisible();
      await screenshotWholePage(page, `screenshots/wordpress-about-${viewport.name}-${scheme}.png`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      await page.goto('./article/classic-harbour/');
      await page.getByRole('article').getByRole('link', { name: 'María López', exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'María López' })).toBeVisible();
      await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toHaveText(MARIA_STORIES);
      await screenshotWholePage(page, `screenshots/wordpress-author-${viewport.name}-${scheme}.png`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    });
  }
}

test('search uses the built index, ten results at a time, and More results moves focus to the first new one', async ({ page }) => {
  await page.goto('./search?q=council');
  await expect(page.getByRole('status')).toHaveText(/^3\d results for “council”$/);
  const results = page.getByRole('main').getByRole('listitem');
  await expect(results).toHaveCount(10);
  await expect(results.first().locator('mark').first()).toHaveText(/council/i);
  await page.getByRole('button', { name: 'More results' }).click();
  await expect(results).toHaveCount(20);
  await expect(results.nth(10).getByRole('link')).toBeFocused();
});

test('without an index, search asks WordPress and pages through its answers', async ({ page }) => {
  await page.route('**/pagefind/**', (route) => route.fulfill({ status: 404, body: 'not found' }));
  const asked: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (postsAsked('search', 'council notes')(url)) asked.push(url.searchParams.get('page') ?? '');
  });
  await page.goto('./search?q=council%20notes');
  await expect(page.getByRole('status')).toHaveText('Stories matching “council notes”');
  const results = page.getByRole('main').getByRole('listitem');
  await expect(results).toHaveCount(10);
  // WordPress orders by relevance; the council's notes are among the first ten.
  const notes = results.filter({ has: page.getByRole('heading', { level: 2, name: /^Council notes, day \d+$/ }) });
  await expect(notes.first().locator('mark')).toHaveText(['council']);
  await page.getByRole('button', { name: 'More results' }).click();
  await expect(results).toHaveCount(20);
  expect(asked).toEqual(['1', '2']);
  const title = (await notes.last().getByRole('heading', { level: 2 }).textContent()) ?? '';
  await notes.last().getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
});

test('without topic documents, section, tag and author pages ask WordPress for the term and its posts', async ({ page }) => {
  await page.route(/\/content\/(section|tag|author)\//, (route) => route.fulfill({ status: 404, body: 'not found' }));
  const asked: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    const route = url.searchParams.get('rest_route') ?? url.pathname;
    if (/\/wp\/v2\/(categories|tags|users)$/.test(route)) asked.push(`${route.split('/').pop()} ${url.searchParams.get('search')}`);
    if (postsAsked('tags', url.searchParams.get('tags') ?? '-')(url)) asked.push(`posts tags page ${url.searchParams.get('page')}`);
  });
  await page.goto('./tag/council/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Council');
  const headlines = page.getByRole('main').getByRole('heading', { level: 2 });
  await expect(headlines).toHaveCount(25);
  await expect(headlines.first()).toHaveText(/^Council notes, day \d+$/);
  await page.getByRole('button', { name: 'More stories' }).click();
  // What WordPress itself lists under the tag (X-WP-Total 37): the 30 council notes and the
  // seeded hostile posts, whose tags WordPress also files under "council".
  await expect(headlines).toHaveCount(37);
  await expect(headlines.nth(29)).toHaveText('Council notes, day 1');
  // Terms are found by a word of the key less its first letter, then matched by name.
  expect(asked).toEqual(['tags ouncil', 'posts tags page 1', 'posts tags page 2']);
  await page.goto('./section/no-such-section/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');

  asked.length = 0;
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (postsAsked('author', url.searchParams.get('author') ?? '-')(url)) asked.push(`posts author ${url.searchParams.get('author')}`);
  });
  await page.goto('./author/admin/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('admin');
  // The admin's newest post comes first, as on the home (María López wrote three others).
  await expect(headlines.first()).toHaveText(SHOWCASE);
  expect(asked).toEqual(['users dmin', 'posts author 1']);
});

test("a byline's name opens the author's page, keyed by her name, listing her stories", async ({ page }) => {
  await page.goto('./article/classic-harbour/');
  const byline = page.getByRole('article').getByRole('link', { name: 'María López', exact: true });
  await expect(byline).toHaveAttribute('href', /\/author\/mar%C3%ADa-l%C3%B3pez\/?$/);
  await byline.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('María López');
  await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toHaveText(MARIA_STORIES);
});

test("an author's page is prerendered with her stories, and without its document WordPress is asked for her", async ({ page, request }) => {
  // The build's own page, before any script runs.
  const prerendered = await (await request.get('./author/mar%C3%ADa-l%C3%B3pez/')).text();
  for (const title of MARIA_STORIES) expect(prerendered).toContain(title);
  expect(prerendered).not.toContain(SHOWCASE);

  await page.route(/\/content\/author\//, (route) => route.fulfill({ status: 404, body: 'not found' }));
  const asked: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    const route = url.searchParams.get('rest_route') ?? url.pathname;
    if (/\/wp\/v2\/users$/.test(route)) asked.push(`users ${url.searchParams.get('search')}`);
    if (postsAsked('author', url.searchParams.get('author') ?? '-')(url)) asked.push(`posts author ${url.searchParams.get('author')}`);
  });
  await page.goto('./author/mar%C3%ADa-l%C3%B3pez/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('María López');
  await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toHaveText(MARIA_STORIES);
  expect(asked).toEqual(['users ópez', 'posts author 2']);
});

// The build of the app that reads a source (news_blog_live) has a budget of its own, as the
// root site's build has in size-budget.spec.ts (see there for the history): 229.9 KB for this
// article when it came, the sources' reading 16.4 KB of it (against the other build, which
// reads this project's own JSON files instead: 3.1 KB of its own). The site's words from a
// catalog per language took it to 239.0 KB (+9.1 KB; see size-budget.spec.ts), less code
// for them back to 237.5 KB, and the rest of issue 27 (see size-budget.spec.ts) to 239.0 KB;
// reading offline (issue 29) left this article at 238.9 KB, and the start-up of issue 28
// (its loader and boot script minified) at 238.4 KB.
const LIVE_FIRST_PAGE_BUDGET_BYTES = 239 * 1024;

for (const [name, path] of [['home page', './'], ['article page', './article/classic-harbour/']]) {
  test(`the ${name} of a site reading WordPress transfers at most ${LIVE_FIRST_PAGE_BUDGET_BYTES / 1024} KB of HTML, JS, wasm and CSS`, async ({ page }) => {
    await expectFirstPageWithin(page, path, LIVE_FIRST_PAGE_BUDGET_BYTES, /^news_blog_live-[0-9a-f]{16}_bg\.wasm$/);
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('an address this copy has no page for offers the WordPress site\'s own search', async ({ page }) => {
    const response = await page.goto('./article/published-after-the-build');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    const search = page.getByRole('search', { name: 'Search Northbridge Gazette' });
    await expect(search).toBeVisible();
    await search.getByRole('searchbox', { name: 'Search Northbridge Gazette' }).fill('council');
    // WordPress's own search page for the words: `?s=council` at its address, which answers.
    // (What the page then shows is the WordPress theme's, none in the test WordPress.)
    const answer = page.waitForResponse((response) => response.url() === 'http://127.0.0.1:8096/?s=council');
    await search.getByRole('button', { name: 'Search' }).click();
    expect((await answer).status()).toBe(200);
    await expect(page).toHaveURL('http://127.0.0.1:8096/?s=council');
  });
});
