import { articleSlugs, parityTests } from '../parity';
import { SEED, SECTION, TAG } from './site';

// The Arabic site's pages, prerendered in Arabic and drawn by the app in Arabic: the same
// element tree, words and <html lang dir> (see ../parity.ts).
parityTests([
  ['the home page', './'],
  ...articleSlugs('samples/ar/content').map((slug): [string, string] => [`the article ${slug}`, `./article/${slug}/`]),
  ['the not-found page', './no/such/page'],
  ['a section page', `./section/${SECTION.key}/`],
  ['a tag page', `./tag/${TAG.key}/`],
  ['a site page', './page/about/'],
  ['a widget page', `./embed/article/${SEED}/`],
]);
