import { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test, expect, openArticle, markDocument, isSameDocument, appTookOver } from '../support';
import {
  ar,
  index,
  seed,
  SEED,
  CONTENT,
  SECTION,
  TAG,
  entry,
  storiesIn,
  publishedDay,
  expectArabicPage,
  expectTextStartsAtRight,
  about,
} from './site';

// The Arabic sample site (samples/ar/): the main pages in Arabic, right to left, with Arabic
// dates, digits and plural forms. Every word expected here is read from ar.txt and every
// story from samples/ar/content, as the app and the build read them.

const seedArticle: { tags: string[] } = JSON.parse(readFileSync(path.join(CONTENT, 'articles', `${SEED}.json`), 'utf8'));

const newestFirst = <T extends { published?: string }>(stories: T[]) =>
  [...stories].sort((a, b) => Date.parse(b.published ?? '') - Date.parse(a.published ?? ''));

test('home is Arabic and right to left: the site name, every story newest first, Arabic dates', async ({ page }) => {
  await page.goto('./');
  await expectArabicPage(page);
  await expect(page.getByRole('heading', { level: 1, name: index.title })).toBeVisible();
  await expect(page).toHaveTitle(index.title);
  const headlines = page.getByRole('main').getByRole('heading', { level: 2 });
  await expect(headlines).toHaveText(newestFirst(index.articles).map((story) => story.title));
  const story = page.getByRole('main').getByRole('listitem').filter({ has: page.getByRole('link', { name: seed.title }) });
  // "١٥ أكتوبر ٢٠١٧": Arabic-Indic digits, the month's Arabic name.
  await expect(story.locator('time')).toHaveText(publishedDay(seed));
  await expect(story.locator('time')).toHaveText(/^[٠-٩]+ \S+ [٠-٩]{4}$/);
  await expect(story.getByText(SECTION.name, { exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: ar.text('site.skip_link') })).toBeAttached();
  await expect(page.getByRole('contentinfo').getByRole('link', { name: ar.text('site.footer_home') })).toBeVisible();
});

test('the "more stories" button is Arabic and loads the next page of the index', async ({ page }) => {
  const older = {
    title: index.title,
    articles: [{ slug: 'older-story', title: 'خبر أقدم من الأرشيف', published: '2016-01-01T10:00:00+03:00', section: 'محليات' }],
  };
  await page.route('**/content/index.json', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, json: { ...(await response.json()), next: 'index-2.json' } });
  });
  await page.route('**/content/index-2.json', (route) => route.fulfill({ json: older }));
  await page.goto('./');
  const more = page.getByRole('button', { name: ar.text('feed.more_button') });
  await expect(more).toBeVisible();
  await more.click();
  const story = page.getByRole('main').getByRole('listitem').filter({ has: page.getByRole('link', { name: 'خبر أقدم من الأرشيف' }) });
  await expect(story.locator('time')).toHaveText(ar.day(2016, 1, 1));
  await expect(more).toHaveCount(0);
});

test('a story reads right to left with its Arabic byline, date and time, reading time and credit', async ({ page }) => {
  await openArticle(page, SEED);
  await expectArabicPage(page);
  const article = page.getByRole('article');
  await expect(article.getByRole('heading', { level: 1 })).toHaveText(seed.title);
  await expect(page).toHaveTitle(ar.text('head.page_title', { page: seed.title, site: index.title }));
  // "نُشر في ١٥ أكتوبر ٢٠١٧، ١٢:٣٠ م غرينتش+٣": the content's own clock and offset, a 12-hour
  // clock with م, Arabic-Indic digits.
  const time = ar.text('date.time', { h: 12, mm: ar.digits('30'), a: ar.text('date.pm') });
  const zone = ar.text('date.zone_ahead', { offset: 3 });
  const published = ar.text('date.day_and_time', { date: ar.day(2017, 10, 15), time, zone });
  await expect(article.getByText(ar.text('article.published', { date: published }))).toBeVisible();
  await expect(article.getByText(ar.text('article.byline', { authors: 'فريق الأخبار' }))).toBeVisible();
  // Two minutes: Arabic's dual form, which says the number in words.
  await expect(article.getByText(ar.plural('article.reading_time', 2), { exact: true })).toBeVisible();
  await expect(article.getByText(ar.text('image.credit', { who: 'رويترز' }))).toBeVisible();
  const tags = article.getByRole('list', { name: ar.text('article.tags_label') }).getByRole('link');
  await expect(tags).toHaveText(seedArticle.tags);
  await expect(page.getByRole('heading', { level: 2, name: ar.text('related.heading') })).toBeVisible();
  await expect(page.getByRole('group', { name: ar.text('article.share_label') })).toBeVisible();
  await expectTextStartsAtRight(article.getByRole('heading', { level: 1 }));
});

test('a headline opens its story inside the app, and the kicker its Arabic section', async ({ page }) => {
  await page.goto('./');
  await markDocument(page);
  await page.getByRole('link', { name: seed.title }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(seed.title);
  await page.getByRole('article').getByRole('link', { name: SECTION.name, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/section/${encodeURIComponent(SECTION.key)}/?$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(SECTION.name);
  expect(await isSameDocument(page), 'navigated without a reload').toBe(true);
});

const commentBox = (page: Page) =>
  page.getByRole('region').filter({ has: page.getByRole('button', { name: ar.text('comments.post_button') }) });

async function post(page: Page, text: string, name: string) {
  await page.getByLabel(ar.text('comments.name_label')).fill(name);
  await page.getByLabel(ar.text('comments.text_label')).fill(text);
  await page.getByRole('button', { name: ar.text('comments.post_button') }).click();
}

test('comments posted in Arabic are counted in Arabic and kept after a reload', async ({ page }) => {
  await openArticle(page, 'harbour-reopens-after-storm-repairs');
  const comments = commentBox(page);
  await expect(comments.getByRole('heading', { name: ar.text('comments.none') })).toBeVisible();
  await post(page, 'خبر مفرح لأهل الميناء.\nننتظر العبارة الأولى.', 'سلمى');
  await expect(page.getByRole('status').filter({ hasText: ar.text('comments.posted') })).toBeVisible();
  await expect(comments.getByRole('heading', { name: ar.plural('comments.count', 1) })).toBeVisible();
  await post(page, 'شكرًا على التغطية.', 'يوسف');
  // Two comments: the dual, «تعليقان».
  await expect(comments.getByRole('heading', { name: ar.plural('comments.count', 2) })).toBeVisible();

  await page.reload();
  await appTookOver(page);
  const kept = comments.getByRole('listitem');
  await expect(kept).toHaveCount(2);
  await expect(kept.filter({ hasText: 'سلمى' }).locator('.comment__text')).toHaveText('خبر مفرح لأهل الميناء.\nننتظر العبارة الأولى.');
  await expect(kept.filter({ hasText: 'يوسف' })).toContainText('شكرًا على التغطية.');
  await expect(comments.getByRole('heading', { name: ar.plural('comments.count', 2) })).toBeVisible();
  await expect(kept.getByRole('button', { name: ar.text('comments.delete_label', { name: 'سلمى' }) })).toBeVisible();
});

test('a comment without a name is signed with the Arabic word for anonymous', async ({ page }) => {
  await openArticle(page, SEED);
  await page.getByLabel(ar.text('comments.text_label')).fill('تعليق بلا اسم.');
  await page.getByRole('button', { name: ar.text('comments.post_button') }).click();
  const comment = commentBox(page).getByRole('listitem');
  await expect(comment).toContainText('تعليق بلا اسم.');
  await expect(comment).not.toContainText('Anonymous');
  await expect(comment).toContainText(ar.text('comments.anonymous'));
  await expect(comment.getByRole('button', { name: ar.text('comments.delete_label', { name: ar.text('comments.anonymous') }) })).toBeVisible();
});

test('an empty comment is refused in Arabic', async ({ page }) => {
  await openArticle(page, SEED);
  await page.getByRole('button', { name: ar.text('comments.post_button') }).click();
  const field = page.getByLabel(ar.text('comments.text_label'));
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAccessibleDescription(new RegExp(ar.text('comments.text_empty').replace('.', '\\.')));
});

test('a mistyped address and a missing story say so in Arabic', async ({ page }) => {
  await page.goto('./no/such/page');
  await expectArabicPage(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ar.text('not_found.title'));
  await expect(page.getByRole('link', { name: ar.text('common.home_link') })).toBeVisible();

  await page.goto('./article/no-such-story');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ar.text('error.not_found.headline'));
  await expect(page.getByText(ar.text('error.not_found.advice'))).toBeVisible();

  // A site page that does not exist is an address that is no page.
  await page.goto('./page/no-such-page');
  await appTookOver(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ar.text('not_found.title'));
  await expect(page).toHaveTitle(new RegExp(`^${ar.text('not_found.title')}`));
});

test('the About page opens in Arabic from the footer, right to left, without a story\'s parts', async ({ page }) => {
  await page.goto('./');
  await appTookOver(page);
  await markDocument(page);
  await page.getByRole('contentinfo').getByRole('link', { name: about.link }).click();
  await expect(page).toHaveURL(/\/page\/about\/?$/);
  await expectArabicPage(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(about.title);
  await expect(page).toHaveTitle(new RegExp(`^${about.title}`));
  const article = page.getByRole('article');
  await expect(article.getByText(about.summary)).toBeVisible();
  await expect(article.getByRole('heading', { level: 2 })).toHaveText(['كيف صُنع', 'التصحيحات']);
  await expectTextStartsAtRight(page.getByRole('heading', { level: 1 }));
  // No sharing, related stories or comments on a site page.
  await expect(article.getByRole('link', { name: ar.text('article.email_link') })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: ar.text('related.heading') })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: ar.text('comments.form_heading') })).toHaveCount(0);
  expect(await isSameDocument(page), 'navigated without a reload').toBe(true);
});

const searchField = (page: Page, landmark: string) =>
  page.getByRole('search', { name: landmark }).getByRole('searchbox', { name: ar.text('search.field_label') });

test('searching Arabic words finds the Arabic stories and marks the words', async ({ page }) => {
  await page.goto('./');
  await searchField(page, ar.text('site.search_landmark')).fill('الميناء');
  await searchField(page, ar.text('site.search_landmark')).press('Enter');
  await expect(page).toHaveURL(new RegExp(`/search/?\\?q=${encodeURIComponent('الميناء')}$`));
  await expectArabicPage(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ar.text('search.heading'));
  const harbour = entry('harbour-reopens-after-storm-repairs');
  const results = page.getByRole('main').getByRole('listitem');
  // The harbour story and the rainfall story, which names the harbour.
  await expect(results).toHaveCount(2);
  const result = results.filter({ has: page.getByRole('heading', { level: 2, name: harbour.title }) });
  await expect(result.locator('mark').first()).toHaveText('الميناء');

  await markDocument(page);
  await result.getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(harbour.title);
  expect(await isSameDocument(page), 'the result opened without a reload').toBe(true);
});

test('typing an Arabic word searches as the reader types, and the query survives a reload', async ({ page }) => {
  await page.goto('./search');
  const field = searchField(page, ar.text('search.page_landmark'));
  await field.fill('الرقة');
  // Every Raqqa story: the seed and its three related stand-ins.
  await expect(page.getByRole('main').getByRole('listitem')).toHaveCount(4);
  await expect(page).toHaveURL(new RegExp(`/search/?\\?q=${encodeURIComponent('الرقة')}$`));
  await page.reload();
  await expect(field).toHaveValue('الرقة');
  await expect(page.getByRole('main').getByRole('listitem')).toHaveCount(4);
});

// The search page's own words: its prompt, the count in the plural form for the number (two
// results: the dual, «نتيجتان»), the results' dates, "no results" and the tab title.
test('the search page speaks Arabic: prompt, result count in its plural form, dates, no results, title', async ({ page }) => {
  await page.goto('./search');
  const field = searchField(page, ar.text('search.page_landmark'));
  await expect(page.getByRole('status')).toHaveText(ar.text('search.prompt'));
  await field.fill('الميناء');
  await expect(page.getByRole('status')).toHaveText(ar.plural('search.result_count', 2, { query: 'الميناء' }));
  await expect(page).toHaveTitle(new RegExp(`^${ar.text('search.query_title', { query: 'الميناء' })}`));
  const harbour = entry('harbour-reopens-after-storm-repairs');
  const result = page.getByRole('main').getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2, name: harbour.title }) });
  await expect(result.locator('time')).toHaveText(publishedDay(harbour));
  await field.fill('الرقة');
  await expect(page.getByRole('status')).toHaveText(ar.plural('search.result_count', 4, { query: 'الرقة' }));
  await field.fill('ظظظغغغ');
  await expect(page.getByRole('status')).toHaveText(ar.text('search.no_results', { query: 'ظظظغغغ' }));
});

test('a section page: its Arabic name and stories, right to left', async ({ page }) => {
  const stories = storiesIn('section', SECTION.name);
  await page.goto(`./section/${SECTION.key}/`);
  await expectArabicPage(page);
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText(SECTION.name);
  await expect(page).toHaveTitle(ar.text('head.page_title', { page: SECTION.name, site: index.title }));
  await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toHaveText(newestFirst(stories).map((story) => story.title));
  await expectTextStartsAtRight(heading);
});

test("a story's tag opens its page inside the app", async ({ page }) => {
  await openArticle(page, 'harbour-reopens-after-storm-repairs');
  await markDocument(page);
  await page.getByRole('list', { name: ar.text('article.tags_label') }).getByRole('link', { name: TAG.name }).click();
  await expect(page).toHaveURL(new RegExp(`/tag/${encodeURIComponent(TAG.key)}/?$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TAG.name);
  await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toHaveCount(storiesIn('tag', TAG.name).length);
  expect(await isSameDocument(page)).toBe(true);
});

// Counts in Arabic plural forms: four stories are «٤ أخبار» (few), one is «خبر واحد» (one).
test('a topic counts its stories in Arabic: «٤ أخبار», «خبر واحد»', async ({ page }) => {
  await page.goto(`./section/${SECTION.key}/`);
  await expect(page.getByText(ar.plural('topic.story_count', storiesIn('section', SECTION.name).length), { exact: true })).toBeVisible();
  const lone = 'الجري';
  expect(storiesIn('tag', lone)).toHaveLength(1);
  await page.goto(`./tag/${lone}/`);
  await expect(page.getByText(ar.plural('topic.story_count', 1), { exact: true })).toBeVisible();
});

// A story in another language than the site's (the English marathon story, `"language": "en"`
// on its entry and article) is read with its own voice and direction, and its writer's name is
// isolated from the Arabic byline around it.
test('an English story on the Arabic site is English and left to right, in lists and on its page', async ({ page }) => {
  const marathon = entry('city-marathon-route-announced');
  expect(marathon.language).toBe('en');
  /** The language the element is in (its nearest lang) and the direction it is laid out in. */
  const languageOf = (element: import('@playwright/test').Locator) =>
    element.evaluate((node) => [node.closest('[lang]')?.getAttribute('lang'), getComputedStyle(node).direction]);
  await page.goto('./');
  await expect.poll(() => languageOf(page.getByRole('heading', { level: 2, name: marathon.title }))).toEqual(['en', 'ltr']);
  await openArticle(page, marathon.slug);
  await expect.poll(() => languageOf(page.getByRole('heading', { level: 1 }))).toEqual(['en', 'ltr']);
  // The site's own words around the story stay Arabic.
  await expect.poll(() => languageOf(page.getByText(ar.text('article.published', { date: '' }).trim()).first())).toEqual(['ar', 'rtl']);
  const story: { authors: string[] } = JSON.parse(readFileSync(path.join(CONTENT, 'articles', `${marathon.slug}.json`), 'utf8'));
  // The writer's name links to their page, isolated from the Arabic byline around it.
  const writer = page.getByRole('link', { name: story.authors[0], exact: true });
  await expect(writer).toBeVisible();
  expect(await writer.evaluate((node) => node.parentElement?.tagName)).toBe('BDI');
});
