import { Page } from '@playwright/test';
import { accessibilityTests } from '../accessibility';
import { ar, index, seed, SEED, SECTION, TAG, entry } from './site';

// axe on the Arabic site's pages, light and dark: right to left, Arabic words, lang="ar".
const heading = (name: string) => (page: Page) => page.getByRole('heading', { level: 1, name, exact: true });
const harbour = entry('harbour-reopens-after-storm-repairs');

accessibilityTests([
  { name: 'Arabic home', path: './', ready: heading(index.title) },
  { name: 'Arabic article', path: `./article/${SEED}`, ready: heading(seed.title) },
  { name: 'Arabic not found', path: './no/such/page', ready: heading(ar.text('not_found.title')) },
  { name: 'Arabic section', path: `./section/${SECTION.key}/`, ready: heading(SECTION.name) },
  { name: 'Arabic tag', path: `./tag/${TAG.key}/`, ready: heading(TAG.name) },
  {
    name: 'Arabic search',
    path: `./search?q=${encodeURIComponent('الميناء')}`,
    ready: (page) => page.getByRole('main').getByRole('heading', { level: 2, name: harbour.title }),
  },
]);
