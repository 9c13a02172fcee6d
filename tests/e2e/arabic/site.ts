import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Locator, Page } from '@playwright/test';
import { catalog } from '../catalog';
import { expect } from '@playwright/test';

// The Arabic sample site (samples/ar/, «أخبار الشمال»): its words come from ar.txt, its
// stories from samples/ar/content, so these specs write neither.

export const ar = catalog('ar');

export const CONTENT = path.join(__dirname, '../../../samples/ar/content');

type Entry = { slug: string; title: string; published?: string; section?: string; tags?: string[]; language?: string };
export const index: { title: string; description: string; pages: { slug: string; title: string }[]; articles: Entry[] } = JSON.parse(
  readFileSync(path.join(CONTENT, 'index.json'), 'utf8'),
);

/** The site's About page (content/pages/about.json) and the footer's link to it. */
export const about: { title: string; summary: string; link: string } = {
  ...JSON.parse(readFileSync(path.join(CONTENT, 'pages', 'about.json'), 'utf8')),
  link: index.pages.find((page) => page.slug === 'about')?.title ?? 'no footer link to about',
};

export const SEED = 'syria-war-final-assault-raqqa';
export const seed = entry(SEED);
/** The seed story's section and a tag every sample carries, with their keys in addresses. */
export const SECTION = { key: 'الشرق-الأوسط', name: 'الشرق الأوسط' };
export const TAG = { key: 'محتوى-تجريبي', name: 'محتوى تجريبي' };

export function entry(slug: string): Entry {
  const found = index.articles.find((article) => article.slug === slug);
  if (!found) throw new Error(`samples/ar/content/index.json has no ${slug}`);
  return found;
}

/** The stories of a section or tag, as the index lists them. */
export function storiesIn(kind: 'section' | 'tag', name: string): Entry[] {
  return index.articles.filter((article) => (kind === 'section' ? article.section === name : article.tags?.includes(name)));
}

/** The day a story was published, as its own offset writes it ("2017-10-15T12:30:00+03:00"). */
export function publishedDay(article: Entry): string {
  const [year, month, day] = (article.published ?? '').slice(0, 10).split('-').map(Number);
  return ar.day(year, month, day);
}

/** The page is Arabic and right to left: `<html lang="ar" dir="rtl">`. */
export async function expectArabicPage(page: Page) {
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
}

/** `element`'s text starts at the right: the first line's right edge is at the right edge of
 * the element's content box, and (for a line shorter than the box) room is left on the left. */
export async function expectTextStartsAtRight(element: Locator) {
  const { line, box } = await element.evaluate((node) => {
    const range = document.createRange();
    range.selectNodeContents(node);
    const first = range.getClientRects()[0];
    const rect = node.getBoundingClientRect();
    const style = getComputedStyle(node);
    const side = (name: string) => parseFloat(style.getPropertyValue(name));
    return {
      line: { left: first.left, right: first.right },
      box: {
        left: rect.left + side('padding-left') + side('border-left-width'),
        right: rect.right - side('padding-right') - side('border-right-width'),
      },
    };
  });
  expect(Math.abs(box.right - line.right), "the text's right edge is at the box's right edge").toBeLessThanOrEqual(2);
  expect(line.left - box.left, 'room is left on the left').toBeGreaterThan(16);
}
