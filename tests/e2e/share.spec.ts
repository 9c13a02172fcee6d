import { test, expect, SEED, SEED_TITLE, openArticle } from './support';

// Sharing a story: the e-mail link everywhere (prerendered, no script), and the app's
// "Share" (the browser's share sheet) or "Copy link" (the clipboard) with a confirmation.

const articleUrl = (baseURL: string | undefined) => new URL(`article/${SEED}/`, baseURL).href;

test('the e-mail link carries the headline and the story address, percent-encoded', async ({ page, baseURL }) => {
  await openArticle(page, SEED);
  const share = page.getByRole('group', { name: 'Share this story' });
  const email = share.getByRole('link', { name: 'E-mail this story' });
  const href = await email.getAttribute('href');
  expect(href).toMatch(/^mailto:\?subject=[^&]+&body=[^&]+$/);
  const query = new URLSearchParams((href ?? '').replace(/^mailto:\?/, ''));
  expect(query.get('subject')).toBe(SEED_TITLE);
  expect(query.get('body')).toBe(articleUrl(baseURL));
});

test('without a share sheet, "Copy link" puts the address on the clipboard and says so', async ({ page, baseURL }) => {
  // The clipboard is recorded rather than real: Chromium's clipboard refuses a document
  // without focus, and pages in parallel workers take the focus from one another.
  await page.addInitScript(() => {
    // @ts-expect-error: headless Chromium on Linux has none; make sure of it.
    delete Navigator.prototype.share;
    const written: string[] = [];
    (window as unknown as { __clipboard: string[] }).__clipboard = written;
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: (text: string) => (written.push(text), Promise.resolve()) },
    });
  });
  await openArticle(page, SEED);
  const share = page.getByRole('group', { name: 'Share this story' });
  await expect(share.getByRole('button', { name: 'Share' })).toHaveCount(0);
  await share.getByRole('button', { name: 'Copy link' }).click();
  await expect(share.getByRole('status')).toHaveText('Link copied');
  expect(await page.evaluate(() => (window as unknown as { __clipboard: string[] }).__clipboard)).toEqual([
    articleUrl(baseURL),
  ]);
});

test('when the clipboard refuses, the address is shown to copy by hand', async ({ page, baseURL }) => {
  await page.addInitScript(() => {
    // @ts-expect-error: no share sheet
    delete Navigator.prototype.share;
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: () => Promise.reject(new DOMException('refused', 'NotAllowedError')) },
    });
  });
  await openArticle(page, SEED);
  const share = page.getByRole('group', { name: 'Share this story' });
  await share.getByRole('button', { name: 'Copy link' }).click();
  await expect(share.getByRole('status')).toHaveText(`Copy this link: ${articleUrl(baseURL)}`);
});

test('with a share sheet, "Share" hands it the headline and the address', async ({ page, baseURL }) => {
  await page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'share', {
      configurable: true,
      value(data: ShareData) {
        (window as unknown as { shared: ShareData[] }).shared = [
          ...((window as unknown as { shared?: ShareData[] }).shared ?? []), data];
        return Promise.resolve();
      },
    });
  });
  await openArticle(page, SEED);
  const share = page.getByRole('group', { name: 'Share this story' });
  await expect(share.getByRole('button', { name: 'Copy link' })).toHaveCount(0);
  await share.getByRole('button', { name: 'Share' }).click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { shared?: ShareData[] }).shared))
    .toEqual([{ title: SEED_TITLE, url: articleUrl(baseURL) }]);
  await expect(share.getByRole('status')).toHaveText('');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the prerendered story has the e-mail link and no button that cannot work', async ({ page }) => {
    await page.goto(`./article/${SEED}/`);
    const share = page.getByRole('group', { name: 'Share this story' });
    await expect(share.getByRole('link', { name: 'E-mail this story' })).toBeVisible();
    await expect(share.getByRole('button')).toHaveCount(0);
  });
});
