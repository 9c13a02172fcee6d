import { mkdirSync } from 'node:fs';
import { test, expect, screenshotWholePage } from './support';
import { expectHostilePostsInert } from './hostile-source';

// A site built from the project's own Ghost 5 (tests/ghost/, seeded through its Admin API with
// what its editor writes) with `news-blog build --source ghost`; the pages are prerendered from
// an import, and the app reads Ghost's Content API live after that.

const GHOST = `http://127.0.0.1:${process.env.E2E_GHOST_PORT ?? process.env.GHOST_PORT ?? 8099}`;
const isPosts = (url: URL) => url.origin === GHOST && url.pathname.startsWith('/ghost/api/content/posts/');
const SHOWCASE = 'Night market returns to the square';

test('the home lists the Ghost posts, newest first, and pages through them', async ({ page }) => {
  const asked: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (isPosts(url) && !url.searchParams.get('filter')) asked.push(url.searchParams.get('page') ?? '');
  });
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: 'Harbour Ghost' })).toBeVisible();
  const headlines = page.getByRole('main').getByRole('heading', { level: 2 });
  await expect(headlines.first()).toHaveText(SHOWCASE);
  // Ghost's first page of 25 without its members-only post, of which Ghost sends nothing; the
  // paid post with a free preview is listed.
  await expect(headlines).toHaveCount(24);
  await expect(page.getByRole('link', { name: 'Members briefing' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Inside the harbour budget' })).toHaveCount(1);
  const more = page.getByRole('button', { name: 'More stories' });
  // 24 more at a time, from Ghost's second page of 25.
  await more.click();
  await expect(headlines).toHaveCount(24 + 24, { timeout: 15_000 });
  // The rest: its last story and Ghost's third page (13 posts), all 62 posts with text to show.
  for (let n = 0; n < 3 && (await more.count()) > 0; n += 1) {
    const before = await headlines.count();
    await more.click();
    await expect(headlines).not.toHaveCount(before, { timeout: 15_000 });
  }
  await expect(headlines).toHaveCount(62);
  await expect(headlines.last()).toHaveText('Bridge closes on Wednesday for repairs');
  await expect(more).toHaveCount(0);
  expect(asked).toEqual(expect.arrayContaining(['1', '2', '3']));
});

test('a Ghost post reads with its tags, two authors, pictures, gallery and embeds', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('link', { name: SHOWCASE }).click();
  const article = page.getByRole('article');
  await expect(article.getByRole('heading', { level: 1, name: SHOWCASE })).toBeVisible();
  await expect(article.getByText('By Ana Ruiz and Bo Chen')).toBeVisible();
  await expect(article.getByText('Business', { exact: true }).first()).toBeVisible();
  // Ghost resizes its own uploads on request: the feature picture offers those sizes.
  await expect(article.getByRole('img', { name: 'The market at dusk' })).toHaveAttribute('srcset', /\/content\/images\/size\/w600\/\d{4}\/\d{2}\/market\.png 600w/);
  await expect(article.getByText('Photo by Ana')).toBeVisible();
  // An image card keeps its caption (written with bold in the editor) as text.
  await expect(article.getByRole('img', { name: 'Stalls under lights' })).toHaveAttribute('srcset', /size\/w1000\/\d{4}\/\d{2}\/stalls\.png 1000w/);
  await expect(article.getByText('Stalls under lights', { exact: true })).toBeVisible();
  // A gallery is its pictures, the caption under the last.
  for (const alt of ['The first night', 'The second night', 'The third night']) {
    await expect(article.getByRole('img', { name: alt })).toBeVisible();
  }
  await expect(article.getByText('Three nights, three markets')).toBeVisible();
  // Embeds are link cards: the YouTube player's address, and the post on X.
  await expect(article.getByRole('link', { name: /Market tour/ })).toHaveAttribute('href', 'https://www.youtube.com/embed/M7lc1UVf-VE?feature=oembed');
  await expect(article.getByRole('link', { name: /The council’s announcement/ })).toHaveAttribute('href', /^https:\/\/twitter\.com\/harbourcouncil\/status\/1790000000000000000/);
  await expect(article.locator('iframe, script, blockquote.twitter-tweet')).toHaveCount(0);
  await expect(article.getByRole('listitem').filter({ hasText: '#featured' })).toHaveCount(0);
});

test('a deep link loads the post from Ghost; bookmark and file cards are links', async ({ page }) => {
  await page.goto('./article/ferry-timetable-winter/');
  const article = page.getByRole('article');
  await expect(article.getByRole('heading', { level: 1, name: 'Ferry timetable changes for winter' })).toBeVisible();
  await expect(article.getByRole('heading', { level: 2, name: 'What changes' })).toBeVisible();
  // Ghost tags outbound links with ?ref=<its host> (its "outbound link tagging", on by default).
  await expect(article.getByRole('link', { name: /Full timetable/ })).toHaveAttribute('href', /^https:\/\/ferries\.example\/timetable(\?ref=127\.0\.0\.1)?$/);
  await expect(article.getByRole('link', { name: /Winter timetable/ })).toHaveAttribute('href', new RegExp(`^${GHOST}/content/files/\\d{4}/\\d{2}/timetable\\.pdf$`));
});

test("the editor's callout, toggle, button, header, product, audio and video cards read as text and links", async ({ page }) => {
  await page.goto('./article/editor-cards/');
  const article = page.getByRole('article');
  await expect(article.getByRole('heading', { level: 1, name: 'Every card the editor has' })).toBeVisible();
  await expect(article.getByText('Roads near the quay close at six.')).toBeVisible();
  await expect(article.getByText('Where do I park?')).toBeVisible();
  await expect(article.getByText('In the long-stay car park on Mill Lane.')).toBeVisible();
  await expect(article.getByRole('link', { name: 'Read the council notice' })).toHaveAttribute('href', /^https:\/\/council\.example\/notice/);
  await expect(article.getByRole('heading', { level: 2, name: 'Harbour festival' })).toBeVisible();
  await expect(article.getByRole('link', { name: 'Festival programme' })).toHaveAttribute('href', /^https:\/\/council\.example\/festival/);
  await expect(article.getByText('Paper lantern kit')).toBeVisible();
  await expect(article.getByRole('link', { name: 'Buy the kit' })).toHaveAttribute('href', /^https:\/\/shop\.example\/lanterns/);
  await expect(article.getByRole('link', { name: /Boats leaving at dawn/ })).toHaveAttribute('href', new RegExp(`^${GHOST}/content/media/\\d{4}/\\d{2}/harbour\\.mp4$`));
  await expect(article.getByText('The harbour chime')).toBeVisible();
  await expect(article.locator(`a[href^="${GHOST}/content/media/"][href$="/chime.wav"]`)).toHaveCount(1);
  await expect(article.locator('blockquote')).toContainText('We built the quay to last a hundred years.');
  await expect(article.locator('audio, video, iframe, svg, input[type=range]')).toHaveCount(0);
});

test('a post corrected after it was published says when it was updated', async ({ page }) => {
  await page.goto('./article/bridge-closure/');
  const article = page.getByRole('article');
  await expect(article.getByRole('heading', { level: 1, name: 'Bridge closes on Wednesday for repairs' })).toBeVisible();
  await expect(article.getByText('Corrected: the closure starts a day later than first announced.')).toBeVisible();
  await expect(article.getByText(/^Updated /)).toBeVisible();
  await expect(article.getByText(/20 November 2025/)).toBeVisible();
});

test('an unknown slug is not found, and a post for members says so, linking to it on Ghost', async ({ page }) => {
  await page.goto('./article/no-such-ghost-post/');
  await expect(page.getByRole('heading', { name: /can't find that/ })).toBeVisible();
  // Ghost sends an anonymous reader a members-only post with empty HTML: its headline and the
  // members' line, nothing passed off as its text.
  await page.goto('./article/members-briefing/');
  const briefing = page.getByRole('article');
  await expect(briefing.getByRole('heading', { level: 1, name: 'Members briefing' })).toBeVisible();
  await expect(briefing.getByText(/^The full story is for the publisher's members: /)).toBeVisible();
  await expect(briefing.getByRole('link', { name: `${GHOST}/members-briefing/` })).toHaveAttribute('href', `${GHOST}/members-briefing/`);
  await expect(page.getByText('Only members read this briefing.')).toHaveCount(0);
});

test('a paid post shows its free preview, then says the rest is for members with a link to it', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('link', { name: 'Inside the harbour budget' }).click();
  const article = page.getByRole('article');
  await expect(article.getByRole('heading', { level: 1, name: 'Inside the harbour budget' })).toBeVisible();
  await expect(article.getByText('The free preview: the harbour budget grows by four per cent.')).toBeVisible();
  await expect(article.getByText(/^The full story is for the publisher's members: /)).toBeVisible();
  await expect(article.getByRole('link', { name: `${GHOST}/harbour-budget/` })).toHaveAttribute('href', `${GHOST}/harbour-budget/`);
  await expect(page.getByText('For paying members')).toHaveCount(0);
  // No reading time: it would be the preview's.
  await expect(page.getByText(/min read/)).toHaveCount(0);
  await expect(page.getByText(/^Source: /)).toHaveCount(0);
});

test('the build imported the paid post as its preview alone, marked for members, and indexed only that', async ({ page, request }) => {
  const document = await (await request.get('./content/articles/harbour-budget.json')).json();
  expect(document.access).toBe('members');
  expect(document.source.url).toBe(`${GHOST}/harbour-budget/`);
  expect(JSON.stringify(document)).toContain('The free preview');
  expect(JSON.stringify(document)).not.toContain('For paying members');
  expect((await request.get('./content/articles/members-briefing.json')).status()).toBe(404);
  await page.goto('./search?q=harbour%20budget%20grows');
  await expect(page.getByRole('status')).toHaveText(/^\d+ results? for “harbour budget grows”$/);
  await expect(page.getByRole('main').getByRole('link', { name: 'Inside the harbour budget' })).toBeVisible();
  // Other posts may match (Pagefind reads words into the seeded hostile markup): the paid one
  // must not, by the words only its members read.
  await page.goto('./search?q=paying');
  await expect(page.getByRole('status')).toHaveText(/(results? for|No stories match) “paying”/);
  await expect(page.getByRole('main').getByRole('link', { name: 'Inside the harbour budget' })).toHaveCount(0);
});

test('the build imported every post with text to show across pages, and none of which Ghost sends nothing', async ({ request }) => {
  const sitemap = await (await request.get('./sitemap.xml')).text();
  const articles = [...sitemap.matchAll(/\/article\/([^/<]+)\//g)].map((match) => match[1]);
  // 63 posts, 50 to a page of the import: the 61 public ones and the paid one with its preview.
  expect(new Set(articles).size).toBe(62);
  expect(articles).toEqual(expect.arrayContaining(['night-market-returns', 'harbour-notes-1', 'hostile-0', 'bridge-closure', 'harbour-budget']));
  expect(articles).not.toContain('members-briefing');
});

test("the SEO fields Ghost's editor filled are in the prerendered head, and the app's tab title is the meta title", async ({ page, request }) => {
  const html = await (await request.get('./article/ferry-timetable-winter/')).text();
  const head = html.slice(0, html.indexOf('</head>'));
  expect(head).toContain('<title>Winter ferry timetable | Harbour Ghost</title>');
  expect(head).toContain('<meta name="description" content="Every sailing from Monday, every forty minutes.">');
  expect(head).toContain('<link rel="canonical" href="https://ferries.example/news/winter-timetable">');
  expect(head).toContain('<meta property="og:title" content="The ferry’s winter timetable">');
  expect(head).toContain('<meta property="og:description" content="Forty minutes between sailings from Monday.">');
  expect(head).toMatch(/<meta property="og:image" content="[^"]+\/content\/images\/\d{4}\/\d{2}\/ferry\.png">/);
  expect(head).toContain('<meta name="twitter:title" content="Winter ferries">');
  expect(head).toContain('<meta name="twitter:description" content="A sailing every forty minutes.">');
  expect(head).toMatch(/<meta name="twitter:image" content="[^"]+\/content\/images\/\d{4}\/\d{2}\/poster\.png">/);
  expect(head).not.toContain('name="robots"');
  await page.goto('./article/ferry-timetable-winter/');
  await expect(page.getByRole('article').getByRole('heading', { level: 2, name: 'What changes' })).toBeVisible();
  await expect(page).toHaveTitle('Winter ferry timetable | Harbour Ghost');
  // A post without them keeps the site's own title.
  await page.goto('./article/bridge-closure/');
  await expect(page).toHaveTitle('Bridge closes on Wednesday for repairs – Harbour Ghost');
});

// The site's own pages: Ghost pages (pages/), the About page linked from the footer
// (`--footer-pages about`, .ci/build-ghost-site.sh).
test('the About page, a Ghost page, opens from the footer and is read live', async ({ page }) => {
  const asked: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin === GHOST && url.pathname.startsWith('/ghost/api/content/pages/')) asked.push(url.pathname);
  });
  await page.goto('./');
  await page.getByRole('contentinfo').getByRole('link', { name: 'About Harbour Ghost' }).click();
  await expect(page).toHaveURL(/\/page\/about\/?$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('About Harbour Ghost');
  await expect(page).toHaveTitle(/^About Harbour Ghost/);
  const article = page.getByRole('article');
  await expect(article.getByText('Who writes the harbour news, and how to reach us.')).toBeVisible();
  await expect(article.getByText('Harbour Ghost reports on the harbour, its ferries and its markets.')).toBeVisible();
  await expect(article.getByRole('heading', { level: 2, name: 'Corrections' })).toBeVisible();
  await expect(article.getByRole('link', { name: 'the corrections desk' })).toHaveAttribute('href', 'mailto:corrections@harbour.example');
  await expect(article.getByRole('listitem')).toHaveText(['Founded in 1921', 'Published every day']);
  await expect(page.getByText(/^By /)).toHaveCount(0);
  await expect(page.getByLabel('Your comment')).toHaveCount(0);
  expect(asked).toContain('/ghost/api/content/pages/slug/about/');
});

test('the build prerendered the About page, and an unknown page is not found', async ({ page, request }) => {
  const sitemap = await (await request.get('./sitemap.xml')).text();
  expect([...sitemap.matchAll(/\/page\/([^/<]+)\//g)].map((match) => match[1])).toEqual(['about']);
  await page.goto('./page/about/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('About Harbour Ghost');
  await page.goto('./page/no-such-ghost-page/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
});

test('a refused key (401) is a clear message with a way on', async ({ page }) => {
  await page.route(
    (url) => isPosts(url) && url.pathname.includes('/slug/'),
    async (route) => {
      const answer = await route.fetch({ url: route.request().url().replace(/key=[^&]+/, 'key=wrong') });
      await route.fulfill({ response: answer });
    },
  );
  await page.goto('./');
  await page.getByRole('link', { name: SHOWCASE }).click();
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('heading', { name: 'The news server had a problem' })).toBeVisible();
  await expect(alert).toContainText('401');
  await expect(alert.getByRole('link', { name: 'Go to the home page' })).toBeVisible();
});

test('the hostile strings an editor can type into Ghost stay inert text everywhere', async ({ page }) => {
  const hostile = await expectHostilePostsInert(page, 12);
  await page.goto('./');
  await expect(page.getByRole('link', { name: /hostile 0$/ })).toBeVisible();
  await hostile.expectNothingRan();
});

test('search uses the built index', async ({ page }) => {
  await page.goto('./search?q=harbour%20notes');
  await expect(page.getByRole('status')).toHaveText(/^\d+ results? for “harbour notes”$/);
  await expect(page.getByRole('main').getByRole('listitem').first().locator('mark').first()).toHaveText(/harbour|notes/i);
});

test('without an index, search asks Ghost for headlines containing the words', async ({ page }) => {
  await page.route('**/pagefind/**', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto('./search?q=ferry');
  await expect(page.getByRole('status')).toHaveText('Stories matching “ferry”');
  const results = page.getByRole('main').getByRole('listitem');
  await expect(results.getByRole('heading', { level: 2 })).toHaveText(['Ferry timetable changes for winter']);
  await page.goto("./search?q=it's%20%5C");
  await expect(page.getByRole('status')).toHaveText("No stories match “it's \\”. Check the spelling, or try other or fewer words.");
});

test('without topic documents, section and tag pages ask Ghost by primary tag and tag', async ({ page }) => {
  await page.route(/\/content\/(section|tag)\//, (route) => route.fulfill({ status: 404, body: 'not found' }));
  const filters: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (isPosts(url) && url.searchParams.get('filter')) filters.push(url.searchParams.get('filter') ?? '');
  });
  await page.goto('./tag/food/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Food');
  await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toHaveText([SHOWCASE]);
  await page.goto('./section/transport/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Transport');
  await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toHaveText([
    'Ferry timetable changes for winter',
    'Bridge closes on Wednesday for repairs',
  ]);
  expect(filters).toEqual(["tag:'food'", "primary_tag:'transport'"]);
  await page.goto('./tag/no-such-tag/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
});

test("a byline's name opens the author's page, and without topic documents Ghost is asked by the author's own slug", async ({ page }) => {
  await page.goto('./');
  await page.getByRole('link', { name: SHOWCASE }).click();
  await page.getByRole('article').getByRole('link', { name: 'Bo Chen', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bo Chen');
  await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toHaveText([SHOWCASE]);

  await page.route(/\/content\/author\//, (route) => route.fulfill({ status: 404, body: 'not found' }));
  const filters: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (isPosts(url) && url.searchParams.get('filter')) filters.push(url.searchParams.get('filter') ?? '');
  });
  // The address's key is the name's ("bo-chen"); Ghost's slug for Bo is "bo", asked of Ghost.
  await page.goto('./author/bo-chen/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bo Chen');
  await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toHaveText([SHOWCASE]);
  expect(filters).toEqual(["author:'bo'"]);
});

// Pictures of an author's page, a story for members and the About page read from the real
// Ghost, for people to look at (tests/e2e/screenshots/ghost-author-*.png, ghost-members-*.png,
// ghost-about-*.png); each also checks that nothing scrolls sideways.
for (const viewport of [
  { name: 'phone', width: 360, height: 780 },
  { name: 'desktop', width: 1280, height: 900 },
]) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`a Ghost author's page at ${viewport.name} width in ${scheme} mode`, async ({ page }) => {
      mkdirSync('screenshots', { recursive: true });
      await page.setViewportSize({ width: viewport.width, height: viewport.height });
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto('./');
      await page.getByRole('link', { name: SHOWCASE }).click();
      await page.getByRole('article').getByRole('link', { name: 'Ana Ruiz', exact: true }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ana Ruiz');
      await expect(page.getByRole('main').getByRole('heading', { level: 2 }).first()).toHaveText(SHOWCASE);
      await page.screenshot({ path: `screenshots/ghost-author-${viewport.name}-${scheme}.png` });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });
    test(`a Ghost story for members at ${viewport.name} width in ${scheme} mode`, async ({ page }) => {
      mkdirSync('screenshots', { recursive: true });
      await page.setViewportSize({ width: viewport.width, height: viewport.height });
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto('./article/harbour-budget/');
      await expect(page.getByRole('article').getByText(/^The full story is for the publisher's members: /)).toBeVisible();
      await screenshotWholePage(page, `screenshots/ghost-members-${viewport.name}-${scheme}.png`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    });
    test(`Ghost About page at ${viewport.name} width in ${scheme} mode`, async ({ page }) => {
      mkdirSync('screenshots', { recursive: true });
      await page.setViewportSize({ width: viewport.width, height: viewport.height });
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto('./page/about/');
      await expect(page.getByRole('heading', { level: 1, name: 'About Harbour Ghost' })).toBeVisible();
      await screenshotWholePage(page, `screenshots/ghost-about-${viewport.name}-${scheme}.png`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    });
  }
}
