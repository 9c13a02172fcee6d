import { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { test, expect } from './support';

// Every hostile string in every text and URL field of the feed index and of an article, and
// typed into both comment fields: nothing runs, no dialog opens, no element from the payload
// appears, no disallowed URL becomes a link or loads, and no request leaves the site's origin.

const hostile: string[] = JSON.parse(readFileSync('../fixtures/hostile-strings.json', 'utf8')).map(
  (entry: { text: string }) => entry.text,
);

/** Elements the app itself draws; anything else in the page came from a payload. */
const OWN_ELEMENTS = new Set(
  'HTML HEAD BODY MAIN HEADER FOOTER NAV ARTICLE SECTION DIV P H1 H2 H3 SPAN BDI TIME FIGURE IMG FIGCAPTION OL UL LI BLOCKQUOTE CITE A EM STRONG FORM LABEL INPUT TEXTAREA BUTTON NOSCRIPT'.split(
    ' ',
  ),
);

const CHUNKS = 4;

function hostileIndex(text: string, slug: string) {
  return {
    title: text,
    description: text,
    next: text,
    articles: [
      { slug, title: text, summary: text, section: text, published: text, image: { src: text, alt: text, width: 10, height: 10 } },
    ],
  };
}

function hostileArticle(text: string, slug: string) {
  return {
    slug,
    title: text,
    section: text,
    summary: text,
    published: text,
    updated: text,
    authors: [text, text],
    tags: [text],
    image: { src: text, alt: text, caption: text, credit: text, width: 10, height: 10 },
    body: [
      { type: 'paragraph', text },
      { type: 'paragraph', text: [{ text, href: text, em: true, strong: true }, { text: 'after' }] },
      { type: 'heading', level: 2, text },
      { type: 'heading', level: 3, text },
      { type: 'quote', text: [{ text, href: text }], cite: text },
      { type: 'list', ordered: true, items: [text, [{ text, href: text }]] },
      { type: 'image', src: text, alt: text, caption: text, credit: text },
    ],
    source: { name: text, url: text },
  };
}

/** Watches a page for anything a payload could do, and checks the page's state on demand. */
async function guard(page: Page) {
  const origin = new URL(test.info().project.use.baseURL ?? 'http://127.0.0.1/').origin;
  const problems: string[] = [];
  page.on('dialog', async (dialog) => {
    problems.push(`dialog opened: ${dialog.message()}`);
    await dialog.dismiss();
  });
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin !== origin) problems.push(`request left the origin: ${request.url()}`);
  });
  return async (label: string) => {
    const state = await page.evaluate((ownElements) => {
      const found: string[] = [];
      if ((window as unknown as { __xss?: unknown }).__xss !== undefined) found.push('window.__xss was set');
      for (const element of Array.from(document.body.querySelectorAll('*'))) {
        if (!ownElements.includes(element.tagName)) found.push(`foreign element <${element.tagName.toLowerCase()}>`);
        for (const attribute of Array.from(element.attributes)) {
          if (attribute.name.startsWith('on')) found.push(`event attribute ${attribute.name}`);
        }
      }
      for (const link of Array.from(document.querySelectorAll('a[href]')) as HTMLAnchorElement[]) {
        if (!['http:', 'https:', 'mailto:'].includes(link.protocol)) found.push(`link to ${link.href}`);
      }
      for (const image of Array.from(document.querySelectorAll('img')) as HTMLImageElement[]) {
        if (image.src && new URL(image.src).origin !== location.origin) found.push(`picture from ${image.src}`);
      }
      return found;
    }, [...OWN_ELEMENTS]);
    expect([...problems, ...state], label).toEqual([]);
  };
}

for (let chunk = 0; chunk < CHUNKS; chunk++) {
  const strings = hostile.filter((_, idx) => idx % CHUNKS === chunk);
  test(`hostile strings ${chunk + 1}/${CHUNKS} in every field of the feed and an article stay inert text`, async ({ page }) => {
    test.setTimeout(240_000);
    let current = '';
    let currentIdx = 0;
    await page.route('**/content/index.json', (route) =>
      route.fulfill({ contentType: 'application/json', body: JSON.stringify(hostileIndex(current, `hostile-${currentIdx}`)) }),
    );
    await page.route('**/content/articles/hostile-*.json', (route) =>
      route.fulfill({ contentType: 'application/json', body: JSON.stringify(hostileArticle(current, `hostile-${currentIdx}`)) }),
    );
    const check = await guard(page);
    for (const [idx, text] of strings.entries()) {
      current = text;
      currentIdx = idx;
      await page.goto('./');
      const entryTitle = page.getByRole('main').getByRole('heading', { level: 2 }).getByRole('link');
      await expect(entryTitle).toHaveCount(1);
      expect(await entryTitle.evaluate((link) => link.textContent)).toBe(text);
      expect(await page.getByRole('heading', { level: 1 }).evaluate((heading) => heading.textContent)).toBe(text);
      await check(`feed with ${JSON.stringify(text)}`);

      await entryTitle.click();
      const headline = page.getByRole('heading', { level: 1 });
      await expect(page).toHaveURL(new RegExp(`/article/hostile-${idx}$`));
      await expect(page.getByRole('article').getByText('after')).toBeVisible();
      expect(await headline.evaluate((heading) => heading.textContent)).toBe(text);
      await check(`article with ${JSON.stringify(text)}`);
    }
  });
}

/** Trimmed as the app trims (Rust: Unicode White_Space, which unlike JavaScript's trim keeps
 * U+FEFF). */
function trimmed(text: string) {
  const space = '[\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
  return text.replace(new RegExp(`^${space}+|${space}+$`, 'g'), '');
}

test('hostile strings typed into both comment fields are stored and shown as text', async ({ page }) => {
  test.setTimeout(240_000);
  const check = await guard(page);
  await page.goto('./article/night-market-returns');
  const name = page.getByLabel('Your name');
  const comment = page.getByLabel('Your comment');
  // What the fields held when posted: browsers normalise line breaks in a textarea and drop
  // them from a one-line input.
  const typed: { name: string; text: string }[] = [];
  for (const text of hostile) {
    // A name over 80 characters is refused; the first 80 still carry the payload.
    await name.fill(text.slice(0, 80));
    // Likewise a comment over 2,000 characters (the huge caption) is cut to the limit.
    await comment.fill(text.slice(0, 2000));
    typed.push({ name: await name.inputValue(), text: await comment.inputValue() });
    await page.getByRole('button', { name: 'Post comment' }).click();
    await expect(comment).toHaveValue('');
  }
  await check('after posting');
  await page.reload();
  const shown = page.getByRole('region', { name: /comment/ }).getByRole('listitem');
  // The newest 50 are listed at first; open the rest.
  await expect(page.getByRole('heading', { name: `${hostile.length} comments` })).toBeVisible();
  const earlier = page.getByRole('button', { name: /earlier comment/ });
  while ((await earlier.count()) > 0) await earlier.click();
  await expect(shown).toHaveCount(hostile.length);
  const texts = await shown.locator('.comment__text').evaluateAll((nodes) => nodes.map((node) => node.textContent));
  expect(texts).toEqual(typed.map((fields) => trimmed(fields.text)));
  const names = await shown.locator('.comment__name').evaluateAll((nodes) => nodes.map((node) => node.textContent));
  expect(names).toEqual(typed.map((fields) => trimmed(fields.name) || 'Anonymous'));
  await check('after reload');
});

test('long words, huge captions and direction overrides never scroll sideways at 320 px', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  const layout = JSON.parse(readFileSync('../fixtures/hostile-strings.json', 'utf8'))
    .filter((entry: { family: string }) => entry.family === 'layout' || entry.family === 'unicode')
    .map((entry: { text: string }) => entry.text)
    .join(' ');
  const long = 'W'.repeat(400) + ' ' + layout;
  await page.route('**/content/index.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify(hostileIndex(long, 'layout-test')) }),
  );
  await page.route('**/content/articles/layout-test.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify(hostileArticle(long, 'layout-test')) }),
  );
  for (const path of ['./', './article/layout-test']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    if (path.includes('article')) {
      await page.getByLabel('Your name').fill('N'.repeat(80));
      await page.getByLabel('Your comment').fill(long.slice(0, 2000));
      await page.getByRole('button', { name: 'Post comment' }).click();
      await expect(page.getByRole('region', { name: /comment/ }).getByRole('listitem')).toHaveCount(1);
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});
