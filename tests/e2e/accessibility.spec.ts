import { SEED } from './support';
import { accessibilityTests } from './accessibility';

const heading = (name: string | RegExp) => (page: import('@playwright/test').Page) => page.getByRole('heading', { level: 1, name });

accessibilityTests([
  { name: 'home', path: './', ready: heading('News Blog') },
  { name: 'article', path: `./article/${SEED}`, ready: heading(/Final assault/) },
  { name: 'not found', path: './no/such/page', ready: heading('Page not found') },
  { name: 'section', path: './section/middle-east/', ready: heading('Middle East') },
  { name: 'tag', path: './tag/sample-content/', ready: heading('Sample content') },
  { name: 'search', path: './search?q=storm', ready: (page) => page.getByRole('status').filter({ hasText: '2 results for “storm”' }) },
]);
