import { test, expect, SEED, SEED_TITLE } from './support';

// An article: headline, meta line, image block, body, related stories (../article.spec.ts).

test('the seed article shows its section, standfirst, byline and date', async ({ page }) => {
  await page.openArticle(SEED);
  const article = page.getByRole('article');
  await expect.poll(() => article.getByRole('heading', { level: 1 }).texts()).toEqual([SEED_TITLE]);
  await article.getByText('Middle East').waitFor();
  await article.getByText(/^US-backed forces have launched their final assault on the remaining Islamic State militants/).waitFor();
  // The writer's name is a <bdi> of its own inside the byline's words.
  await article.getByText('News Blog staff').waitFor();
  expect(await article.locator('.article__byline').text()).toBe('By News Blog staff');
  await expect.poll(() => article.locator('time[datetime="2017-10-15T09:30:00Z"]').count()).toBeGreaterThan(0);
  await expect.poll(() => page.title()).toBe(`${SEED_TITLE} – News Blog`);
});

test('the meta line says how long the story takes to read: its words over 230, rounded up', async ({ page }) => {
  await page.openArticle(SEED);
  const article = page.getByRole('article');
  const readingTime = article.getByText(/^\d+ min read$/);
  await readingTime.waitFor();
  // The words of the body's text blocks (not captions), counted as the reader sees them.
  const [words] = await article.each((node) =>
    [...node.querySelectorAll(':scope > div > :is(p, h2, h3, blockquote, ul, ol)')]
      .map((block) => (block.textContent ?? '').split(/\s+/).filter(Boolean).length)
      .reduce((sum, n) => sum + n, 0));
  expect(words).toBeGreaterThan(230);
  expect(await readingTime.text()).toBe(`${Math.max(1, Math.ceil(words / 230))} min read`);
});

test('the image block has alt text, size, caption and credit', async ({ page }) => {
  await page.openArticle(SEED);
  const figure = page.getByRole('article').getByRole('figure').first();
  const picture = figure.getByRole('img');
  expect(await picture.attribute('alt')).toMatch(/fighters on a ruined street in Raqqa/);
  expect(await picture.attribute('width')).toBe('976');
  expect(await picture.attribute('height')).toBe('549');
  const caption = await figure.locator('figcaption').text();
  expect(caption).toContain('US-backed militias have been besieging the city for months');
  expect(caption).toContain('Image copyright Reuters');
  // Loaded. (Not its naturalWidth: for this SVG WebKitGTK reports the drawn width, 704, where
  // Chromium and Firefox report the file's 976.)
  await expect
    .poll(async () => (await picture.each((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0))[0])
    .toBe(true);
});

test('the body keeps every paragraph, the links and the quote in order', async ({ page }) => {
  await page.openArticle(SEED);
  const article = page.getByRole('article');
  await article.getByText('US-backed forces have launched their final assault on the remaining Islamic State (IS) militants in Raqqa.').waitFor();
  await article.getByText(/^IS, which attracted fighters from across the globe/).waitFor();
  const links = article.getByRole('list').filter({ hasText: 'Raqqa diary' }).getByRole('link');
  await expect.poll(() => links.texts()).toEqual([
    "The desperate fight for IS 'capital' Raqqa",
    "Inside 'Islamic State': A Raqqa diary",
    "IS wives: Why I joined the 'caliphate' in Raqqa",
  ]);
  const quote = article.locator('blockquote');
  expect(await quote.text()).toContain('We may not always fully agree with our partners at times.');
  await expect.poll(() => quote.locator('cite').texts()).toEqual(['Col Ryan Dillon, US-led coalition spokesman']);
});

test('related stories link to other articles, which open inside the app', async ({ page }) => {
  await page.openArticle(SEED);
  const related = page.getByRole('region', { name: 'Related stories' });
  await related.waitFor();
  const headlines = await related.getByRole('link').texts();
  expect(headlines.length).toBeGreaterThan(0);
  expect(headlines.length).toBeLessThanOrEqual(4);
  expect(headlines).not.toContain(SEED_TITLE);
  await page.markDocument();
  await related.getByRole('link', { name: headlines[0] }).click();
  await page.getByRole('heading', { level: 1, name: headlines[0] }).waitFor();
  expect(await page.isSameDocument()).toBe(true);
});

test('an internal link in the body navigates inside the app', async ({ page }) => {
  await page.openArticle('library-late-opening-trial');
  await page.markDocument();
  await page.getByRole('link', { name: 'the harbour reopening' }).click();
  await page.getByRole('heading', { level: 1, name: /Northbridge harbour reopens/ }).waitFor();
  expect(await page.isSameDocument()).toBe(true);
});
