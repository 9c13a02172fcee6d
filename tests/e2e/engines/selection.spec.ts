import { test, expect, SEED } from './support';

// Text a reader selected on the prerendered story before the app started is still selected
// once the app has taken the page over, on the same nodes (../selection.spec.ts).

test('a selection across paragraphs made before the app starts is kept, on the same nodes', async ({ page, scenario }) => {
  // The app is held back (its boot script gets no answer) while the reader selects.
  const html = await (await fetch(new URL(`./article/${SEED}/`, page.baseURL))).text();
  const boot = html.match(/boot-[0-9a-f]+\.js/)?.[0];
  expect(boot, 'the page names its boot script').toBeTruthy();
  const bootPath = new URL(boot!, page.baseURL).pathname;
  await scenario.answer(bootPath, { held: true });
  await page.driver.get(new URL(`./article/${SEED}`, page.baseURL).href);
  await expect.poll(() => page.evaluate(() => document.querySelectorAll('#prerendered article p').length)).toBeGreaterThan(3);
  const selected = await page.evaluate(() => {
    const paragraphs = [...document.querySelectorAll('#prerendered article p')];
    const from = paragraphs.find((p) => p.textContent!.startsWith('The Syrian Democratic Forces'))!.firstChild!;
    const to = paragraphs.find((p) => p.textContent!.startsWith('No foreign fighters'))!.firstChild!;
    getSelection()!.setBaseAndExtent(from, 10, to, 20);
    Object.assign(window, { __anchor: from, __focus: to });
    return getSelection()!.toString();
  });
  expect(selected).toContain('after a convoy of IS fighters');
  await scenario.release(bootPath);
  await page.tookOver();
  const now = await page.evaluate(() => {
    const { __anchor: anchor, __focus: focus } = window as unknown as { __anchor: Node; __focus: Node };
    const selection = getSelection()!;
    return {
      text: selection.toString(),
      sameNodes: selection.anchorNode === anchor && selection.focusNode === focus,
      inTheApp: document.getElementById('app')?.contains(anchor) === true,
    };
  });
  expect(now).toEqual({ text: selected, sameNodes: true, inTheApp: true });
});
