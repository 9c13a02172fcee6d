import AxeBuilder from '@axe-core/playwright';
import { test, expect, SEED, appTookOver } from './support';

const pages = [
  { name: 'home', path: './', ready: 'News Blog' },
  { name: 'article', path: `./article/${SEED}`, ready: /Final assault/ },
  { name: 'not found', path: './no/such/page', ready: 'Page not found' },
  { name: 'section', path: './section/middle-east/', ready: 'Middle East' },
  { name: 'tag', path: './tag/sample-content/', ready: 'Sample content' },
  { name: 'search', path: './search?q=storm', ready: 'Search', results: '2 results for “storm”' },
];

for (const scheme of ['light', 'dark'] as const) {
  for (const target of pages) {
    test(`${target.name} page has no serious or critical accessibility problems in ${scheme} mode`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(target.path);
      await expect(page.getByRole('heading', { level: 1, name: target.ready })).toBeVisible();
      await appTookOver(page);
      if (target.results) await expect(page.getByRole('status')).toHaveText(target.results);
      const results = await new AxeBuilder({ page }).analyze();
      const serious = results.violations
        .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
        .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
      expect(serious).toEqual([]);
    });
  }
}
