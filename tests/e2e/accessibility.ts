import AxeBuilder from '@axe-core/playwright';
import { Locator, Page } from '@playwright/test';
import { test, expect, appTookOver } from './support';

/** A page to check: its address and what shows once it is ready. */
export type CheckedPage = { name: string; path: string; ready: (page: Page) => Locator };

/** One test per page and colour scheme: axe finds no serious or critical problem. */
export function accessibilityTests(pages: CheckedPage[]) {
  for (const scheme of ['light', 'dark'] as const) {
    for (const target of pages) {
      test(`${target.name} page has no serious or critical accessibility problems in ${scheme} mode`, async ({ page }) => {
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(target.path);
        await appTookOver(page);
        await expect(target.ready(page)).toBeVisible();
        const results = await new AxeBuilder({ page }).analyze();
        const serious = results.violations
          .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
          .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
        expect(serious).toEqual([]);
      });
    }
  }
}
