// In-browser timings on generated content (issue #6), with Playwright driving headless
// Chromium against the release build. Each scenario runs in a fresh page; times come from
// `performance.now()` inside the page, so the driver's own latency is not counted.
import { chromium } from 'playwright-core';

const SEED_SLUG = 'syria-war-final-assault-raqqa';
const SEED_TITLE = "Syria war: 'Final assault' launched to recapture Raqqa";

/** Runs in the page before any of its scripts: marks when documents arrive and when a
 * condition on the DOM first holds, and keeps the wasm memory for the memory reading. */
export function instrument() {
  const bench = { marks: {}, longTasks: [] };
  window.__bench = bench;
  const text = Response.prototype.text;
  Response.prototype.text = function benchText() {
    const url = new URL(this.url);
    const path = url.pathname + url.search;
    return text.call(this).then((body) => {
      bench.marks[`data ${path}`] = performance.now();
      return body;
    });
  };
  addEventListener('keyup', () => {
    bench.marks.lastKey = performance.now();
  }, true);
  addEventListener('TrunkApplicationStarted', (event) => {
    bench.memory = event.detail.wasm.memory;
  });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) bench.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  /** Resolves with {dom, frame}: when `predicate` first held (checked after every DOM
   * change) and the start of the next frame after that. */
  bench.when = (predicate) => new Promise((resolve) => {
    let observer;
    const check = () => {
      if (!predicate()) return false;
      const dom = performance.now();
      observer?.disconnect();
      requestAnimationFrame(() => resolve({ dom, frame: performance.now() }));
      return true;
    };
    if (!check()) {
      observer = new MutationObserver(check);
      observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
    }
  });
}

function feedIndex(nEntries) {
  const articles = [];
  for (let n = 0; n < nEntries; n += 1) {
    const published = new Date(Date.UTC(2026, 10, 20) - n * 3_600_000).toISOString().replace('.000', '');
    articles.push({
      slug: `generated-story-${n}`,
      title: `Generated story ${n}: council reviews the plans for the harbour front`,
      summary: 'A generated entry for the benchmark, as long as a real summary is on a news home page.',
      section: ['World', 'Business', 'Science', 'Sport'][n % 4],
      published,
      ...(n % 3 === 0 ? { image: { src: 'images/harbour.svg', alt: `Picture ${n}`, width: 976, height: 549 } } : {}),
    });
  }
  return { title: 'News Blog', description: 'A feed of 10,000 generated stories.', articles };
}

function longArticle(nParagraphs) {
  const body = [];
  for (let n = 0; n < nParagraphs; n += 1) {
    body.push(n % 25 === 0
      ? { type: 'paragraph', text: [{ text: `Paragraph ${n} opens with ` }, { text: 'emphasis', em: true }, { text: ' and a ' }, { text: 'link home', href: '/' }, { text: '.' }] }
      : { type: 'paragraph', text: `Paragraph ${n}. The council met again on Tuesday to review the plans, and residents who had waited since the spring asked when the work would start.` });
  }
  return { slug: 'bench-long-read', title: 'A long read of 500 paragraphs', summary: 'Generated for the benchmark.', published: '2026-11-20T09:00:00Z', body };
}

/** A WordPress REST answer for `posts?slug=…&_embed`: one Gutenberg post of about `nWords`
 * words in sections of a heading, paragraphs with inline styles and links, a quote, a list
 * and a picture with its sizes, as WordPress 6 renders them. */
function gutenbergPost(nWords) {
  const sentence = 'The council met again on Tuesday to review the <strong>plans</strong>, and residents who had <em>waited</em> since the spring asked when the <a href="/2026/11/harbour/">work</a> would start. ';
  const wordsPerParagraph = 3 * 30;
  const parts = [];
  let words = 0;
  for (let section = 0; words < nWords; section += 1) {
    parts.push(`<!-- wp:heading -->\n<h2 class="wp-block-heading">Section ${section}</h2>\n<!-- /wp:heading -->`);
    for (let n = 0; n < 4 && words < nWords; n += 1) {
      parts.push(`<!-- wp:paragraph -->\n<p>${sentence.repeat(3)}</p>\n<!-- /wp:paragraph -->`);
      words += wordsPerParagraph;
    }
    if (section % 3 === 0) {
      parts.push('<blockquote class="wp-block-quote"><p>We listened to the residents.</p><cite>Council leader</cite></blockquote>');
      parts.push('<ul><li>Fewer lorries</li><li>A later start on <strong>Saturdays</strong></li></ul>');
      parts.push(`<figure class="wp-block-image size-large"><img decoding="async" width="1024" height="576" src="/wp-content/uploads/h-${section}-1024x576.jpg" alt="Picture ${section}" srcset="/wp-content/uploads/h-${section}-1024x576.jpg 1024w, /wp-content/uploads/h-${section}-300x169.jpg 300w, /wp-content/uploads/h-${section}-768x432.jpg 768w" sizes="(max-width: 1024px) 100vw, 1024px" /><figcaption class="wp-element-caption">Caption ${section}</figcaption></figure>`);
    }
  }
  return [{
    id: 1, slug: 'bench-gutenberg', link: 'http://wordpress.bench.example/bench-gutenberg/',
    date_gmt: '2026-11-20T09:00:00', modified_gmt: '2026-11-20T09:00:00', comment_status: 'open',
    title: { rendered: 'A 5,000-word Gutenberg post' }, excerpt: { rendered: '<p>Generated for the benchmark.</p>', protected: false },
    content: { rendered: parts.join('\n\n'), protected: false },
    _embedded: { author: [{ name: 'Newsroom' }], 'wp:term': [[{ taxonomy: 'category', name: 'News' }], []] },
  }];
}

function storedComments(nComments) {
  const comments = [];
  for (let n = 0; n < nComments; n += 1) {
    comments.push({ id: `bench-${n}`, name: n % 2 ? `Reader ${n}` : '', text: `Stored comment ${n}: thanks for the report, it explains the decision well.`, posted: new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString() });
  }
  return JSON.stringify({ version: 1, comments, deleted: [] });
}

async function heapBytes(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const jsHeap = metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? 0;
  const wasm = await page.evaluate(() => window.__bench.memory?.buffer.byteLength ?? 0);
  return { jsHeap, wasm };
}

export const scenarios = {
  /** A story opened by its address on a phone-like CPU (4× slower, as Lighthouse's mobile
   * run): from the start of the navigation until the comment box takes a comment, i.e. the
   * app has taken the page over and drawn its form (issue 28's "comment box works"). */
  async commentBox(page, base) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.goto(`${base}article/${SEED_SLUG}/`, { waitUntil: 'commit' });
    const { dom, frame } = await page.evaluate(() => window.__bench.when(() => !document.getElementById('prerendered')
      && document.querySelector('main form textarea') !== null));
    return { worksMs: dom, worksFrameMs: frame };
  },

  /** The home page with a 10,000-entry index: first screen after the data, memory, and
   * "More stories" five times with the longest task seen. */
  async feed10k(page, base) {
    const body = JSON.stringify(feedIndex(10_000));
    await page.route('**/content/index.json', (route) => route.fulfill({ body, contentType: 'application/json' }));
    await page.goto(base);
    const shown = await page.evaluate(() => window.__bench.when(() => !document.getElementById('prerendered')
      && document.querySelectorAll('main li').length >= 25
      && document.querySelector('main h2')?.textContent.startsWith('Generated story 0')));
    const marks = await page.evaluate(() => window.__bench.marks);
    const data = marks['data /content/index.json'];
    const memory = await heapBytes(page);
    const moreStories = [];
    for (let n = 0; n < 5; n += 1) {
      moreStories.push(await page.evaluate(async () => {
        const before = document.querySelectorAll('main li').length;
        const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'More stories');
        const start = performance.now();
        button.click();
        const { dom, frame } = await window.__bench.when(() => document.querySelectorAll('main li').length >= before + 24);
        return { dom: dom - start, frame: frame - start };
      }));
      await page.mouse.wheel(0, 4000);
    }
    const longTasks = await page.evaluate((after) => window.__bench.longTasks.filter((task) => task.start > after), shown.frame);
    return {
      firstScreenMs: shown.dom - data,
      firstScreenFrameMs: shown.frame - data,
      jsHeapMB: memory.jsHeap / 2 ** 20,
      wasmMemoryMB: memory.wasm / 2 ** 20,
      moreStoriesMs: Math.max(...moreStories.map((more) => more.frame)),
      longTasksAfterFirstScreen: longTasks.length,
      longestTaskAfterFirstScreenMs: Math.max(0, ...longTasks.map((task) => task.duration)),
    };
  },

  /** A section page when the site has no section documents: the 10,000-entry feed filtered
   * in the browser, first screen after the data. */
  async section10k(page, base) {
    const body = JSON.stringify(feedIndex(10_000));
    await page.route('**/content/index.json', (route) => route.fulfill({ body, contentType: 'application/json' }));
    await page.goto(`${base}section/world/`);
    const shown = await page.evaluate(() => window.__bench.when(() => document.querySelector('main h1')?.textContent === 'World'
      && document.querySelectorAll('main li').length >= 25
      && document.querySelector('main h2')?.textContent.startsWith('Generated story 0')));
    const data = await page.evaluate(() => window.__bench.marks['data /content/index.json']);
    return { firstScreenMs: shown.dom - data, firstScreenFrameMs: shown.frame - data };
  },

  /** Search on the 10,000-article archive (built under /search10k/ with its Pagefind index):
   * a reader opens the search page and types two words; the time from the last key to the
   * first results on screen (the wait for a pause in typing included). */
  async search10k(page, base) {
    await page.goto(`${base}search10k/search`);
    const field = page.getByRole('search', { name: 'Search page' }).getByRole('searchbox');
    await field.click();
    await field.pressSequentially('harbour council', { delay: 80 });
    const shown = await page.evaluate(() => window.__bench.when(() => /results? for “harbour council”$/.test(document.querySelector('main [role=status]')?.textContent ?? '')
      && document.querySelectorAll('main li').length > 0));
    const lastKey = await page.evaluate(() => window.__bench.marks.lastKey);
    return { firstResultsMs: shown.dom - lastKey, firstResultsFrameMs: shown.frame - lastKey };
  },

  /** An article of 500 paragraphs that is not prerendered: render time after the data. */
  async article500(page, base) {
    const body = JSON.stringify(longArticle(500));
    await page.route('**/content/articles/bench-long-read.json', (route) => route.fulfill({ body, contentType: 'application/json' }));
    await page.goto(`${base}article/bench-long-read`);
    const shown = await page.evaluate(() => window.__bench.when(() => document.querySelectorAll('main article p').length >= 500));
    const data = await page.evaluate(() => window.__bench.marks['data /content/articles/bench-long-read.json']);
    return { renderMs: shown.dom - data, renderFrameMs: shown.frame - data };
  },

  /** A 5,000-word Gutenberg post read live from a WordPress source (the page's settings
   * pointed at a WordPress answering from this origin): the story drawn, body mapped through
   * DOMParser and the model's allow-list, timed from the post's answer. */
  async wordpress5000(page, base) {
    const answer = JSON.stringify(gutenbergPost(5000));
    const nParagraphs = (answer.match(/<p>/g) ?? []).length - 1;
    await page.route((url) => url.pathname.endsWith('/article/bench-gutenberg'), async (route) => {
      const response = await route.fetch();
      const html = (await response.text())
        .replace('<meta name="news-blog-source" content="json">', '<meta name="news-blog-source" content="wordpress">')
        .replace('<meta name="news-blog-source-url" content="">', `<meta name="news-blog-source-url" content="${base}">`);
      await route.fulfill({ response, body: html, status: 200 });
    });
    await page.route((url) => url.pathname.endsWith('/wp-json/wp/v2/posts'), (route) => route.fulfill({ body: answer, contentType: 'application/json' }));
    await page.goto(`${base}article/bench-gutenberg`);
    const shown = await page.evaluate((n) => window.__bench.when(() => document.querySelectorAll('main article p').length >= n), nParagraphs);
    // Marked by address: the app asks the same route for the feed (related stories) later.
    const data = await page.evaluate(() => Object.entries(window.__bench.marks)
      .find(([name]) => /\/wp-json\/wp\/v2\/posts\?.*slug=/.test(name))?.[1]);
    if (data === undefined) throw new Error('the post never arrived');
    return { renderMs: shown.dom - data, renderFrameMs: shown.frame - data };
  },

  /** Posting a comment on a story with 2,000 stored: click to the comment in the page. */
  async comment2000(page, base) {
    const stored = storedComments(2000);
    await page.addInitScript(([key, value]) => {
      if (!sessionStorage.getItem('bench-seeded')) {
        localStorage.setItem(key, value);
        sessionStorage.setItem('bench-seeded', '1');
      }
    }, [`news-blog:comments:${SEED_SLUG}`, stored]);
    await page.goto(`${base}article/${SEED_SLUG}/`);
    await page.getByRole('heading', { name: '2,000 comments' }).waitFor();
    const post = async (text) => {
      await page.getByLabel('Your comment').fill(text);
      return page.evaluate(async (text) => {
        const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Post comment');
        const start = performance.now();
        button.click();
        const { dom, frame } = await window.__bench.when(() => [...document.querySelectorAll('main li')].some((li) => li.textContent.includes(text)));
        return { dom: dom - start, frame: frame - start };
      }, text);
    };
    // The first post of a visit, and the next one (the page's code is warm by then).
    const first = await post('A first new comment, posted for the benchmark.');
    await page.getByRole('heading', { name: '2,001 comments' }).waitFor();
    const second = await post('A second new comment, posted for the benchmark.');
    await page.getByRole('heading', { name: '2,002 comments' }).waitFor();
    return { postMs: first.dom, postFrameMs: first.frame, secondPostMs: second.dom, secondPostFrameMs: second.frame };
  },

  /** Home → story → home → the same story again: the second visit uses cached data. */
  async routeChange(page, base) {
    await page.goto(base);
    await page.waitForFunction(() => !document.getElementById('prerendered'));
    const story = page.getByRole('main').getByRole('link', { name: SEED_TITLE });
    await story.click();
    await page.getByRole('heading', { level: 1, name: SEED_TITLE }).waitFor();
    await page.getByRole('banner').getByRole('link', { name: 'News Blog' }).click();
    await story.waitFor();
    return page.evaluate(async (title) => {
      const link = [...document.querySelectorAll('main a')].find((a) => a.textContent === title);
      const start = performance.now();
      link.click();
      const { dom, frame } = await window.__bench.when(() => document.querySelector('main h1')?.textContent === title);
      return { changeMs: dom - start, changeFrameMs: frame - start };
    }, SEED_TITLE);
  },
};

/** Runs every scenario `runs` times; returns {scenario: [result, ...]}. */
export async function runTimings(base, runs, chromePath, log) {
  const browser = await chromium.launch({ executablePath: chromePath, args: ['--no-sandbox', '--disable-gpu'] });
  const results = {};
  try {
    for (const [name, scenario] of Object.entries(scenarios)) {
      results[name] = [];
      for (let run = 1; run <= runs; run += 1) {
        const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 2 });
        const page = await context.newPage();
        await page.addInitScript(instrument);
        try {
          const result = await scenario(page, base);
          results[name].push(result);
          log(`timing run ${run}/${runs} ${name}: ${JSON.stringify(result, (key, value) => (typeof value === 'number' ? Math.round(value * 10) / 10 : value))}`);
        } finally {
          await context.close();
        }
      }
    }
  } finally {
    await browser.close();
  }
  return results;
}
