import { test, expect, SEED, SEED_TITLE, openArticle, markDocument, isSameDocument, appTookOver } from './support';

test('the seed article shows its section, standfirst, byline and date', async ({ page }) => {
  await openArticle(page, SEED);
  const article = page.getByRole('article');
  await expect(article.getByRole('heading', { level: 1 })).toHaveText(SEED_TITLE);
  await expect(article.getByText('Middle East', { exact: true })).toBeVisible();
  await expect(article.getByText(/^US-backed forces have launched their final assault on the remaining Islamic State militants/)).toBeVisible();
  await expect(article.getByText('By News Blog staff')).toBeVisible();
  await expect(article.locator('time[datetime="2017-10-15T09:30:00Z"]')).toBeVisible();
});

test('the meta line says how long the story takes to read: its words over 230, rounded up', async ({ page }) => {
  await openArticle(page, SEED);
  const article = page.getByRole('article');
  const readingTime = article.getByText(/^\d+ min read$/);
  await expect(readingTime).toBeVisible();
  // The words of the body's text blocks (not captions), counted as the reader sees them.
  const words = await article.evaluate((node) =>
    [...node.querySelectorAll(':scope > div > :is(p, h2, h3, blockquote, ul, ol)')]
      .map((block) => (block.textContent ?? '').split(/\s+/).filter(Boolean).length)
      .reduce((sum, n) => sum + n, 0));
  expect(words).toBeGreaterThan(230);
  await expect(readingTime).toHaveText(`${Math.max(1, Math.ceil(words / 230))} min read`);
});

test('printed, the story stands alone and its links say where they go', async ({ page }) => {
  await openArticle(page, 'harbour-reopens-after-storm-repairs');
  const comments = page.getByRole('region', { name: /comments/i });
  await expect(comments).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(comments).toBeHidden();
  await expect(page.getByRole('banner')).toBeHidden();
  await expect(page.getByRole('contentinfo')).toBeHidden();
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const link = page.getByRole('link', { name: 'timetable page' });
  expect(await link.getAttribute('href')).toMatch(/^https?:/);
  // Chromium reports the rule (`" (" attr(href) ")"`), other engines the address itself.
  const printedAfter = await link.evaluate((node) => getComputedStyle(node, '::after').content);
  expect(printedAfter).toMatch(/attr\(href\)|https?:/);
  await page.emulateMedia({ media: 'screen' });
  await expect(page.getByRole('banner')).toBeVisible();
});

test('the image block has alt text, size, caption and credit', async ({ page }) => {
  await openArticle(page, SEED);
  const figure = page.getByRole('article').getByRole('figure').first();
  const picture = figure.getByRole('img');
  await expect(picture).toHaveAttribute('alt', /fighters on a ruined street in Raqqa/);
  await expect(picture).toHaveAttribute('width', '976');
  await expect(picture).toHaveAttribute('height', '549');
  await expect(figure.locator('figcaption')).toContainText('US-backed militias have been besieging the city for months');
  await expect(figure.locator('figcaption')).toContainText('Image copyright Reuters');
  await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(976);
});

test('the seed article keeps every paragraph, the related links and the quote in order', async ({ page }) => {
  await openArticle(page, SEED);
  const body = page.getByRole('article');
  const texts = await body.locator('.article__body > *').allTextContents();
  expect(texts[0]).toBe('US-backed forces have launched their final assault on the remaining Islamic State (IS) militants in Raqqa.');
  expect(texts.at(-1)).toMatch(/^IS, which attracted fighters from across the globe/);
  const related = body.getByRole('list').filter({ hasText: 'Raqqa diary' });
  await expect(related.getByRole('link')).toHaveText([
    "The desperate fight for IS 'capital' Raqqa",
    "Inside 'Islamic State': A Raqqa diary",
    "IS wives: Why I joined the 'caliphate' in Raqqa",
  ]);
  const quote = body.locator('blockquote');
  await expect(quote).toContainText('We may not always fully agree with our partners at times.');
  await expect(quote.locator('cite')).toHaveText('Col Ryan Dillon, US-led coalition spokesman');
});

test('an article without a source shows no source line', async ({ page }) => {
  await openArticle(page, SEED);
  await expect(page.getByText(/^Source/)).toHaveCount(0);
});

test('a source with a link is shown and opens elsewhere safely', async ({ page }) => {
  await openArticle(page, 'harbour-reopens-after-storm-repairs');
  const source = page.getByRole('link', { name: 'Northbridge Harbour Trust press release' });
  await expect(source).toHaveAttribute('href', 'https://example.org/northbridge/press/reopening');
  await expect(source).toHaveAttribute('rel', 'noopener noreferrer');
});

test('every block type and inline style renders as its element', async ({ page }) => {
  await openArticle(page, 'wind-farm-vote');
  const body = page.getByRole('article');
  await expect(body.getByRole('heading', { level: 2, name: 'How the vote went' })).toBeVisible();
  await expect(body.getByRole('heading', { level: 3, name: 'The conditions' })).toBeVisible();
  await expect(body.locator('ol > li')).toHaveCount(3);
  await expect(body.locator('.article__body ul > li')).toHaveCount(3);
  await expect(body.locator('em', { hasText: 'weekdays' })).toBeVisible();
  await expect(body.locator('strong', { hasText: 'except during blade deliveries' })).toBeVisible();
  await expect(body.locator('blockquote cite')).toHaveText('A resident speaking at the meeting');
  await expect(body.locator('blockquote em')).toHaveText('need');
  await expect(body.getByText('By Tomasz Reyes and Priya Nandakumar')).toBeVisible();
  await expect(body.getByText(/^Updated/)).toBeVisible();
  await expect(body.getByRole('list', { name: 'Tags' }).getByRole('listitem')).toHaveText(['Energy', 'Council', 'Climate', 'Sample content']);

  await openArticle(page, 'harbour-reopens-after-storm-repairs');
  const inline = page.getByRole('article').getByRole('figure').nth(1);
  await expect(inline.getByRole('img')).toHaveAttribute('alt', 'Placeholder drawing standing in for a photo of market stalls');
  await expect(inline.locator('figcaption')).toContainText('Image copyright Mara Ellison');
});

test('a decorative picture has empty alt text', async ({ page }) => {
  await openArticle(page, 'rainfall-record-explained');
  await expect(page.locator('.article__body figure img')).toHaveAttribute('alt', '');
});

test('an internal link in the body navigates inside the app', async ({ page }) => {
  await openArticle(page, 'library-late-opening-trial');
  await markDocument(page);
  await page.getByRole('link', { name: 'the harbour reopening' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Northbridge harbour reopens/ })).toBeVisible();
  expect(await isSameDocument(page)).toBe(true);
});

test('mail and web links are plain links with safe rel', async ({ page }) => {
  await openArticle(page, 'library-late-opening-trial');
  await expect(page.getByRole('link', { name: 'the library desk' })).toHaveAttribute('href', 'mailto:library@example.org');
  await openArticle(page, 'harbour-reopens-after-storm-repairs');
  await expect(page.getByRole('link', { name: 'timetable page' })).toHaveAttribute('rel', 'noopener noreferrer');
});

test('title and meta description follow the article', async ({ page }) => {
  await openArticle(page, 'night-market-returns');
  await expect(page).toHaveTitle('Night market returns to the old bus station with forty stalls – News Blog');
  await expect(page.locator('meta[name="description"]')).toHaveAttribute(
    'content',
    'Traders say the Friday market brought back customers the high street lost.',
  );
});

test('an invalid slug is not found and never requested', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto('./article/Not_A_Valid_Slug!');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  expect(requests.filter((url) => url.includes('/content/articles/'))).toEqual([]);
});

test('a missing article says so, with a retry and a link home', async ({ page }) => {
  await page.goto('./article/no-such-story');
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('heading', { name: "We can't find that story" })).toBeVisible();
  await expect(alert.getByRole('button', { name: 'Try again' })).toBeVisible();
  await expect(alert.getByRole('link', { name: 'Go to the home page' })).toBeVisible();
});

test('the loading placeholder has the shape of the article', async ({ page }) => {
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/content/articles/*.json', async (route) => {
    await held;
    await route.continue();
  });
  // Opened from the feed, so the app (not a prerendered page) draws the loading state.
  await page.goto('./');
  await appTookOver(page);
  await page.getByRole('link', { name: SEED_TITLE }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Loading the story' })).toBeAttached();
  const skeletonHeadline = await page.locator('.skeleton__line--headline').first().boundingBox();
  release();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const headline = await page.getByRole('heading', { level: 1 }).boundingBox();
  expect(Math.abs((skeletonHeadline?.x ?? 0) - (headline?.x ?? 100))).toBeLessThan(2);
});

test('related stories: the editors\' choice in their order, opening inside the app', async ({ page }) => {
  await openArticle(page, SEED);
  const related = page.getByRole('region', { name: 'Related stories' });
  await expect(related.getByRole('link')).toHaveText([
    "The desperate fight for IS 'capital' Raqqa",
    "Inside 'Islamic State': A Raqqa diary",
    "IS wives: Why I joined the 'caliphate' in Raqqa",
  ]);
  await markDocument(page);
  await related.getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("The desperate fight for IS 'capital' Raqqa");
  expect(await isSameDocument(page), 'navigated without a reload').toBe(true);
});

test('without named related stories, the newest sharing a tag or the section, never itself', async ({ page }) => {
  await openArticle(page, 'wind-farm-vote');
  const links = page.getByRole('region', { name: 'Related stories' }).getByRole('link');
  await expect(links).toHaveCount(4);
  await expect(links.filter({ hasText: 'Council backs hilltop wind farm' })).toHaveCount(0);
});
