import { Page } from '@playwright/test';
import { expect } from './support';

// The hostile strings a test source stores (tests/wordpress/seed.php, tests/ghost/seed.py) in
// posts `hostile-0` … `hostile-{count - 1}`, titled "… hostile {n}": each story page shows them
// as inert text, the home page lists them, and nothing ran. Shared by the WordPress and Ghost
// suites.

/** Opens each hostile post and checks nothing in it runs, loads or links outside the web. */
export async function expectHostilePostsInert(page: Page, count: number) {
  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  for (let n = 0; n < count; n += 1) {
    await page.goto(`./article/hostile-${n}/`);
    // (An unclosed <iframe>, <textarea> or <video> in a post takes the rest of it, as it does
    // on the source's own pages; what is shown must still be inert.)
    await expect(page.getByRole('heading', { level: 1, name: new RegExp(`hostile ${n}$`) })).toBeVisible();
    const injected = await page.evaluate(() => ({
      xss: (window as unknown as { __xss?: unknown }).__xss,
      scripts: document.querySelectorAll('main script, main iframe, main object, main embed, main svg').length,
      handlers: [...document.querySelectorAll('main *')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
      badLinks: [...document.querySelectorAll('main a[href]')].filter((a) => !/^(https?:|mailto:|\/)/.test(a.getAttribute('href') ?? '')).length,
    }));
    expect(injected).toEqual({ xss: undefined, scripts: 0, handlers: 0, badLinks: 0 });
  }
  return {
    /** After the caller has shown the home page's list: still nothing ran, no dialog opened. */
    async expectNothingRan() {
      expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
      expect(dialogs).toEqual([]);
    },
  };
}
