import { Page } from '@playwright/test';
import { test, expect, SEED_TITLE } from './support';
import { catalog } from './catalog';

// The site's language is a page setting, read by the app without a rebuild: the English
// build, served with nothing changed but <meta name="news-blog-language">, reads in that
// language once the app takes over (the prerendered words stay English until then).

/** Serves every page of the English build with its language meta set to `tag`. */
async function serveWithLanguage(page: Page, tag: string) {
  await page.route(
    (url) => url.origin === new URL(test.info().project.use.baseURL ?? '').origin,
    async (route) => {
      if (route.request().resourceType() !== 'document') return route.fallback();
      const response = await route.fetch();
      const html = await response.text();
      const switched = html.replace(/(<meta name="news-blog-language" content=")[^"]*(")/, `$1${tag}$2`);
      expect(switched, 'the page has the language meta').not.toBe(html);
      await route.fulfill({ response, body: switched });
    },
  );
  // Two pages of stories, so the list ends with its "more stories" button.
  await page.route('**/content/index.json', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, json: { ...(await response.json()), next: 'index-2.json' } });
  });
  await page.route('**/content/index-2.json', (route) => route.fulfill({ json: { title: 'x', articles: [] } }));
}

const seedDate = (page: Page) =>
  page.getByRole('main').getByRole('listitem').filter({ has: page.getByRole('link', { name: SEED_TITLE }) }).locator('time');

test('the same build switched to Spanish by its meta tag reads in Spanish', async ({ page }) => {
  const es = catalog('es');
  await serveWithLanguage(page, 'es');
  await page.goto('./');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(page.getByRole('button', { name: es.text('feed.more_button') })).toBeVisible();
  // "15 de octubre de 2017"
  await expect(seedDate(page)).toHaveText(es.day(2017, 10, 15));
  await expect(page.getByRole('contentinfo').getByRole('link', { name: es.text('site.footer_home') })).toBeVisible();
  await expect(page.getByRole('search', { name: es.text('site.search_landmark') })).toBeVisible();
});

test('an unknown language tag leaves the site in English, with a console warning', async ({ page }) => {
  const en = catalog('en');
  const warnings: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text());
  });
  await serveWithLanguage(page, 'xx');
  await page.goto('./');
  await expect(page.getByRole('button', { name: en.text('feed.more_button') })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-GB');
  await expect(seedDate(page)).toHaveText(en.day(2017, 10, 15));
  expect(warnings.filter((text) => text.startsWith('news-blog-language:') && text.includes('English'))).toHaveLength(1);
});
