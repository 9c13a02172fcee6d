import { SEED } from './support';
import { articleSlugs, parityTests } from './parity';

// The English samples' pages (see parity.ts for what is compared). The same English build
// prerendered in each other shipped language runs these too (projects english-in-*).
const pages: [string, string][] = [
  ['the home page', './'],
  ...articleSlugs('public/content').map((slug): [string, string] => [`the article ${slug}`, `./article/${slug}/`]),
  ['the not-found page', './no/such/page'],
  ['a section page', './section/middle-east/'],
  ['a tag page', './tag/sample-content/'],
  ['an author page', './author/priya-nandakumar/'],
  ['a site page', './page/about/'],
  ['a widget page', `./embed/article/${SEED}/`],
];

parityTests(pages);
