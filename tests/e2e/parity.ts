import * as fs from 'fs';
import * as path from 'path';
import { Page } from '@playwright/test';
import { test, expect } from './support';

// One markup: the page `news-blog build` prerendered (the shared components rendered to HTML)
// must be the very page the app draws when it takes over. For every sample article, the home
// page, the not-found page and a widget page, the element tree (tags, attributes such as class
// and link targets, text) of the prerendered page equals the app's DOM after the takeover, and
// so do the page's language and direction (`<html lang dir>`).
//
// Intended differences, left out of the comparison on purpose:
// - the comment box (`section.comments`), which only the app draws: comments live in the
//   reader's browser;
// - what the app adds after a list of stories ("More stories", a load error), which needs the
//   app to work; the sample home has fewer stories than a screenful, so it has none;
// - the "Share" / "Copy link" button and its status line, which need script to work (the
//   e-mail link beside them is in both);
// - the place of the "N new stories" pill over a list of stories, which only the app can fill;
// - the hidden notes saying what needs the app (`[data-needs-app]`), which only a reader whose
//   browser cannot run the app (or has scripts off) sees.

/** The slugs of the articles in a content folder (relative to the repository). */
export function articleSlugs(contentFolder: string): string[] {
  return fs
    .readdirSync(path.join(__dirname, '../..', contentFolder, 'articles'))
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.replace(/\.json$/, ''))
    .sort();
}

/** The element tree under the page's main content root, as plain data. */
type Tree = { tag: string; attributes: string[]; children: (Tree | string)[] };

/** Serialises the content of the prerendered page as a browser without JavaScript reads it
 * (`DOMParser` runs no script), or of the app. */
async function tree(page: Page, source: 'prerendered' | 'app', url: string): Promise<Tree> {
  return page.evaluate(
    async ({ source, url }) => {
      const SKIPPED = new Set(['SCRIPT', 'NOSCRIPT', 'TEMPLATE', 'STYLE', 'LINK']);
      const isIntendedDifference = (element: Element) =>
        element.matches('section.comments, .feed__more, .feed > .notice, .share__button, .share__status, .new-stories, [data-needs-app]');
      const serialise = (element: Element): Tree => {
        const children: (Tree | string)[] = [];
        let text = '';
        const flush = () => {
          const normalised = text.replace(/\s+/g, ' ').trim();
          if (normalised) children.push(normalised);
          text = '';
        };
        for (const node of Array.from(element.childNodes)) {
          if (node.nodeType === Node.TEXT_NODE) {
            text += node.textContent ?? '';
          } else if (node.nodeType === Node.ELEMENT_NODE) {
            const child = node as Element;
            if (SKIPPED.has(child.tagName) || isIntendedDifference(child)) continue;
            flush();
            children.push(serialise(child));
          }
        }
        flush();
        const attributes = Array.from(element.attributes)
          .map((attribute) => `${attribute.name}=${JSON.stringify(attribute.value)}`)
          .sort();
        return { tag: element.tagName.toLowerCase(), attributes, children };
      };
      let root: Element | null;
      let html: Element;
      if (source === 'app') {
        root = document.getElementById('app') ?? document.body;
        html = document.documentElement;
      } else {
        const text = await (await fetch(url)).text();
        const parsed = new DOMParser().parseFromString(text, 'text/html');
        root = parsed.getElementById('prerendered');
        html = parsed.documentElement;
      }
      if (!root) throw new Error(`no ${source} page root at ${url}`);
      const content = serialise(root);
      // The page's language and direction (<html lang dir>; no dir is left to right).
      const language = [`lang=${html.getAttribute('lang')}`, `dir=${html.getAttribute('dir') ?? 'ltr'}`];
      return { tag: '(root)', attributes: language, children: content.children };
    },
    { source, url },
  );
}

/** One test per page: its prerendered tree equals the app's after the takeover. */
export function parityTests(pages: [string, string][]) {
  for (const [name, address] of pages) {
    test(`${name}: the prerendered page is the page the app draws`, async ({ page }) => {
      await page.goto(address);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.locator('#prerendered')).toHaveCount(0);
      const prerendered = await tree(page, 'prerendered', page.url());
      expect(prerendered.children.length, 'the prerendered page has content').toBeGreaterThan(0);
      // The app draws an article's related stories once the feed's first page is in, which the
      // story does not wait for: compare until they are there (or time out).
      await expect(async () => expect(await tree(page, 'app', page.url())).toEqual(prerendered)).toPass();
    });
  }
}
