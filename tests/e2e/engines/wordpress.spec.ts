import { test, expect } from './support';
import { ports } from '../playwright.config';

// The site built from the test WordPress (tests/wordpress/), reading its REST API live
// (../wordpress.spec.ts).

const SITE = `http://127.0.0.1:${ports.wordpressSite}/`;
const WORDPRESS = `http://127.0.0.1:${process.env.WP_PORT ?? 8096}/`;
const SHOWCASE = 'Syria war: ‘Final assault’ launched';

/** What WordPress itself lists on a page of 25 posts: how many are not protected, and how many
 * pages there are (the counts follow the test WordPress's seed, which a second seeding doubles). */
async function wordpressPage(n: number) {
  const response = await fetch(`${WORDPRESS}?rest_route=/wp/v2/posts&per_page=25&page=${n}&_fields=id,content`);
  const posts = (await response.json()) as { content: { protected: boolean } }[];
  return { listed: posts.filter((post) => !post.content.protected).length, pages: Number(response.headers.get('X-WP-TotalPages')) };
}

test('the home lists the WordPress posts, newest first, and pages through them', async ({ page }) => {
  const first = await wordpressPage(1);
  await page.goto(SITE);
  await page.getByRole('heading', { level: 1, name: 'Northbridge Gazette' }).waitFor();
  const headlines = page.getByRole('main').getByRole('heading', { level: 2 });
  // The first page of 25 without its protected posts.
  await expect.poll(() => headlines.count()).toBe(first.listed);
  expect(await headlines.first().text()).toBe(SHOWCASE);
  expect(await page.getByRole('link', { name: 'Members only briefing' }).count()).toBe(0);
  await page.getByRole('button', { name: 'More stories' }).click();
  // The next page of WordPress's answers, listed under the first.
  await expect.poll(() => headlines.count(), { timeout: 15_000 }).toBeGreaterThan(first.listed + 15);
  expect(await headlines.first().text()).toBe(SHOWCASE);
  if (first.pages <= 2) await expect.poll(() => page.getByRole('button', { name: 'More stories' }).count()).toBe(0);
});

test('a Gutenberg post opens from the home and reads as a news page', async ({ page }) => {
  await page.goto(SITE);
  await page.getByRole('link', { name: SHOWCASE }).click();
  await page.getByRole('heading', { level: 1, name: SHOWCASE }).waitFor();
  const article = page.getByRole('article');
  await article.getByRole('heading', { level: 2, name: 'A hardcore group left behind' }).waitFor();
  await article.getByRole('heading', { level: 3, name: 'What happens next' }).waitFor();
  expect(await article.locator('blockquote').text()).toContain('We may not always fully agree');
  expect(await article.locator('blockquote cite').text()).toBe('Col Ryan Dillon');
  const picture = article.getByRole('img', { name: 'Fighters on a ruined street' }).first();
  expect(await picture.attribute('srcset')).toMatch(/hero(-\d+)?-300x188\.jpg 300w.*hero(-\d+)?-768x480\.jpg 768w/);
  await article.getByText('Fighters in the old city').waitFor();
  const embed = article.getByRole('link', { name: /The assault, filmed/ });
  expect(await embed.attribute('href')).toBe('https://www.youtube.com/watch?v=M7lc1UVf-VE');
  expect(await article.locator('iframe').count()).toBe(0);
  // The writer's name is a <bdi> of its own inside the byline's words.
  await article.getByText('admin').waitFor();
  expect(await article.locator('.article__byline').text()).toBe('By admin');
});

test('a deep link to a classic post loads it from WordPress', async ({ page }) => {
  await page.goto(`${SITE}article/classic-harbour/`);
  await page.getByRole('heading', { level: 1, name: 'Harbour reopens after storm repairs' }).waitFor();
  await page.getByRole('article').getByText('The repaired harbour wall').waitFor();
  const paragraphs = await page.getByRole('article').locator('p').each((p) => p.textContent);
  expect(paragraphs).toContain('Boats returned by noon.\nThe ferry follows next week.');
});

test('the About page, a WordPress page, opens from the footer', async ({ page }) => {
  await page.goto(SITE);
  await page.markDocument();
  await page.getByRole('contentinfo').getByRole('link', { name: 'About the Gazette' }).click();
  await expect.poll(() => page.url()).toMatch(/\/page\/about\/?$/);
  await expect.poll(() => page.getByRole('heading', { level: 1 }).texts()).toEqual(['About the Gazette']);
  await page.getByRole('article').getByRole('heading', { level: 2, name: 'Corrections' }).waitFor();
  expect(await page.getByRole('article').getByRole('link', { name: 'the corrections desk' }).attribute('href')).toBe(
    'mailto:corrections@northbridge.example',
  );
  expect(await page.isSameDocument(), 'navigated without a reload').toBe(true);
});
