import { test, expect, SEED, SEED_TITLE } from './support';

// Faults from the server (serve.py --scenarios) and the app's messages for them (../errors.spec.ts).

const ARTICLE = `/content/articles/${SEED}.json`;

const brokenAnswers = [
  { name: 'broken JSON', fake: { status: 200, contentType: 'application/json', body: '{"slug": "x", ' }, headline: "This content couldn't be read" },
  { name: 'a 503', fake: { status: 503, contentType: 'text/plain', body: 'down' }, headline: 'The news server had a problem' },
];

for (const answer of brokenAnswers) {
  test(`an article answered with ${answer.name} shows a clear message and recovers on retry`, async ({ page, scenario }) => {
    await scenario.answer(ARTICLE, answer.fake);
    await page.goto('./');
    await page.getByRole('link', { name: SEED_TITLE }).click();
    const alert = page.getByRole('alert');
    await alert.getByRole('heading', { name: answer.headline }).waitFor();
    await alert.getByRole('link', { name: 'Go to the home page' }).waitFor();
    await scenario.reset();
    await alert.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('heading', { level: 1, name: SEED_TITLE }).waitFor();
    await expect.poll(() => page.getByRole('alert').count()).toBe(0);
  });
}

test('a prerendered story stays readable when its content cannot be loaded', async ({ page, scenario }) => {
  await scenario.answer(ARTICLE, { status: 503, body: 'down', contentType: 'text/plain' });
  await page.goto(`./article/${SEED}`);
  await expect.poll(() => page.locator('#prerendered[data-app="unavailable"]').count()).toBe(1);
  await page.getByRole('heading', { level: 1, name: SEED_TITLE }).waitFor();
  await page.getByText("Raqqa was IS's de facto capital.").waitFor();
  await page.getByRole('status', { name: 'Page may be out of date' }).waitFor();
});

test('a prerendered feed kept after a failed refresh says it may be out of date, and Try again recovers', async ({ page, scenario }) => {
  await scenario.answer('/content/index.json', { status: 503, body: 'down', contentType: 'text/plain' });
  await page.goto('./');
  const notice = page.getByRole('status', { name: 'Page may be out of date' });
  await expect.poll(() => notice.text()).toMatch(/This page is the copy from \d+ \w+ \d{4}, \d\d:\d\d UTC and may be out of date/);
  await page.getByRole('link', { name: SEED_TITLE }).waitFor();
  await scenario.reset();
  await notice.getByRole('button', { name: 'Try again' }).click();
  await expect.poll(() => page.locator('#prerendered').count()).toBe(0);
  await expect.poll(() => notice.count()).toBe(0);
  await page.getByRole('link', { name: SEED_TITLE }).waitFor();
});

test('hostile text in an article is shown as text and never runs', async ({ page, scenario }) => {
  const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
  await scenario.answer(ARTICLE, {
    contentType: 'application/json',
    body: JSON.stringify({
      slug: SEED,
      title: payload,
      body: [
        { type: 'paragraph', text: [{ text: 'bad link', href: 'javascript:window.__pwned=1' }] },
        { type: 'paragraph', text: payload },
      ],
      image: { src: 'javascript:window.__pwned=1', alt: payload, caption: payload },
    }),
  });
  await page.goto(`./article/${SEED}`);
  await expect.poll(() => page.getByRole('heading', { level: 1 }).texts()).toEqual([payload]);
  expect(await page.getByRole('link', { name: 'bad link' }).count()).toBe(0);
  await page.getByText('bad link').click();
  expect(await page.evaluate(() => typeof (window as unknown as { __pwned?: number }).__pwned)).toBe('undefined');
  expect(await page.locator('main img[src="x"], main script').count()).toBe(0);
});
