// The site's offline worker, written by news-blog build (crates/cli/src/build/offline.rs) at
// the site's base: it keeps the app and the stories a reader opened on the device, so they
// read without a network, and a story opened again paints from the device at once. Each build
// that changes the app writes another VERSION, which makes the browser install a new worker
// beside the running one.
const VERSION = 'NEWS_BLOG_VERSION';
// The app's files, the home page and 404.html, relative to the base: kept at install.
const PRECACHE = NEWS_BLOG_PRECACHE;
// How many stories and other pages a reader's device keeps, and how many bytes in all; the
// one opened longest ago goes first.
const KEEP = NEWS_BLOG_KEEP;
// Past this, a page or document the device has is shown rather than waiting for the network.
const TIMEOUT_MS = 3000;
// Marks a page's copy with the VERSION that kept it: only a copy of this version, whose app
// files this version keeps, is shown before the network has answered (see storyFirst).
const KEPT_BY = 'news-blog-version';
const STORY_FOLDER = 'NEWS_BLOG_STORY_FOLDER/';
const WIDGET_FOLDER = 'NEWS_BLOG_WIDGET_FOLDER/';
// The search index is never kept: it is large, and search needs the network anyway.
const NOT_KEPT = ['pagefind/'];
const APP = 'news-blog-app-';
const SHELL = APP + VERSION;
// Stories and pages the reader opened, kept across versions; LEDGER lists them, oldest first.
const SAVED = 'news-blog-saved';
const base = new URL(registration.scope);
const LEDGER = new URL('news-blog-saved.json', base).href;
// Files named by their content: they never change.
const HASHED = /-[0-9a-f]{12,16}(_bg\.wasm|\.js|\.css|\.txt|\.svg|\.png)$/;
const precached = new Set(PRECACHE.map((path) => new URL(path, base).href));

addEventListener('install', (event) => {
  event.waitUntil(caches.open(SHELL).then((cache) => cache.addAll([...precached])));
});

// Once the reader chose to reload into this version: the app files of every version before the
// last go (keys() lists caches oldest first); the last one's stay, for a page of it still open
// in another tab, so that tab never runs half old, half new.
addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith(APP) && name !== SHELL).slice(0, -1).map((name) => caches.delete(name))))
      .then(() => clients.claim())
      .then(() => {
        // The story open when the worker takes over came before it: kept now, it paints from
        // the device on the next visit. Not waited for, so that no page waits on it.
        clients.matchAll().then((open) => open.forEach((client) => keepStory(client.url)));
      }),
  );
});

// A page whose reader chose to reload into this waiting version (the update notice's Reload,
// see the boot script) lets it take over at once; a page whose setting turns the worker off
// has it keep nothing more (the page then unregisters it).
let isOff = false;
addEventListener('message', (event) => {
  const type = event.data && event.data.type;
  if (type === 'news-blog:update') skipWaiting();
  if (type === 'news-blog:off') {
    isOff = true;
    event.waitUntil(queue.then(() => forget()));
  }
});

function forget() {
  return caches.keys().then((names) => Promise.all(names.filter((name) => name.startsWith('news-blog-')).map((name) => caches.delete(name))));
}

addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || request.headers.has('range')) return;
  const url = new URL(request.url);
  const path = url.origin === base.origin && url.pathname.startsWith(base.pathname) ? url.pathname.slice(base.pathname.length) : null;
  if (path !== null && (path.startsWith(WIDGET_FOLDER) || NOT_KEPT.some((folder) => path.startsWith(folder)) || path === 'sw.js')) return;
  if (path !== null && HASHED.test(path)) return event.respondWith(appFile(request));
  if (request.mode === 'navigate') {
    if (path === null) return;
    const page = pageOf(path, url.href);
    return event.respondWith(page.isStory ? storyFirst(event, page) : networkFirst(event, page));
  }
  if (request.destination === '' || request.destination === 'image') {
    event.respondWith(clientPage(event).then((page) => networkFirst(event, page)));
  }
});

// Cache first: a file named by its content is the same wherever it comes from.
async function appFile(request) {
  const copy = await cached(request);
  if (copy) return copy;
  const response = await fetch(request);
  if (response.ok) {
    const answer = response.clone();
    caches.open(SHELL).then((cache) => cache.put(request, answer)).catch(() => {});
  }
  return response;
}

// A story's page the device keeps is shown from it at once, and fetched again meanwhile for
// the next visit (stale-while-revalidate): a repeat visit paints without the network. The
// app's document stays network first, so a corrected story reads corrected once the app has
// started, and only a failed network marks it as the device's copy (fromDevice). The home and
// every other page stay network first: they change with each new story.
async function storyFirst(event, page) {
  const copy = await copyOf(event.request);
  if (!copy || copy.headers.get(KEPT_BY) !== VERSION) return networkFirst(event, page);
  // By its folder's address, as kept: `article/x` may be a redirect, which the browser never
  // follows here.
  event.waitUntil(fetched(new Request(folderOf(event.request.url)), page)[1]);
  return copy;
}

// The page at `href`, if it is a story, fetched and kept (see activate).
function keepStory(href) {
  const url = new URL(href);
  const page = url.origin === base.origin && url.pathname.startsWith(base.pathname) && pageOf(url.pathname.slice(base.pathname.length), href);
  if (page && page.isStory) fetched(new Request(folderOf(href)), page);
}

// The network's answer to `request`, and the keeping of a good one for `page`.
function fetched(request, page) {
  const network = fetch(request);
  return [network, network.then((response) => (response.ok || response.type === 'opaque') && keep(request, response.clone(), page)).catch(() => {})];
}

// The network's answer when it comes within TIMEOUT_MS, else the device's copy, else the
// network's answer whenever it comes; a navigation the device has no copy of gets 404.html,
// where the app tells the reader. Every good answer is kept for `page`.
async function networkFirst(event, page) {
  const request = event.request;
  const [network, kept] = fetched(request, page);
  event.waitUntil(kept);
  let timer;
  const late = new Promise((resolve) => (timer = setTimeout(resolve, TIMEOUT_MS)));
  try {
    const first = await Promise.race([network, late]);
    if (first) return first;
    const copy = await copyOf(request);
    return copy ? fromDevice(copy, request) : await network;
  } catch (error) {
    const copy = await copyOf(request);
    if (copy) return fromDevice(copy, request);
    const page = request.mode === 'navigate' && (await cached(new URL('404.html', base).href));
    if (page) return page;
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

// A copy the app asked for says it came from the device, for the app to tell the reader
// (src/data/device.rs): when the server sent it, on the reader's clock, and the stories kept
// here, last opened first (news_model::SAVED_HEADER and SAVED_STORIES_HEADER).
async function fromDevice(copy, request) {
  if (request.destination !== '' || copy.type === 'opaque') return copy;
  const headers = new Headers(copy.headers);
  const sent = new Date(copy.headers.get('date') || NaN);
  headers.set('NEWS_BLOG_SAVED_HEADER', isNaN(sent) ? '' : readersClock(sent));
  headers.set('NEWS_BLOG_SAVED_STORIES_HEADER', await savedStories());
  return new Response(copy.body, { status: copy.status, statusText: copy.statusText, headers });
}

// RFC 3339 with the reader's offset: 2026-12-03T09:30:00+01:00.
function readersClock(date) {
  const east = -date.getTimezoneOffset();
  const clock = new Date(date.getTime() + east * 60000).toISOString().slice(0, 19);
  const pad = (n) => String(n).padStart(2, '0');
  return `${clock}${east < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(east) / 60))}:${pad(Math.abs(east) % 60)}`;
}

// The slugs of the stories kept, space-separated, last opened first.
async function savedStories() {
  try {
    const list = ledger || (await (await caches.open(SAVED)).match(LEDGER).then((stored) => stored && stored.json())) || [];
    return list
      .filter((saved) => saved.isStory)
      .map((saved) => saved.key.slice(STORY_FOLDER.length))
      .reverse()
      .join(' ');
  } catch (error) {
    return '';
  }
}

// The device's copy: a page's by its folder's address (see folderOf). A page the device has
// none of gets 404.html, where the app draws the page or tells the reader it is offline.
function copyOf(request) {
  return cached(request.mode === 'navigate' ? folderOf(request.url) : request);
}

// A page's address as its folder's, which is what it is kept under: `article/x/` whether the
// host answered `article/x` itself or redirected it.
function folderOf(href) {
  const url = new URL(href);
  url.search = '';
  url.hash = '';
  if (!url.pathname.endsWith('/') && !url.pathname.split('/').pop().includes('.')) url.pathname += '/';
  return url.href;
}

// A storage error is no answer: the network's stands.
async function cached(request) {
  try {
    return await caches.match(request, { ignoreSearch: typeof request === 'string' || request.mode === 'navigate' });
  } catch (error) {
    return undefined;
  }
}

// Which page an answer belongs to: a story (kept among the last KEEP.stories) or another page.
function pageOf(path, href) {
  const story = path.startsWith(STORY_FOLDER) && path.slice(STORY_FOLDER.length).split('/')[0];
  return story ? { key: STORY_FOLDER + story, isStory: true } : { key: path.replace(/index\.html$/, '') || './', isStory: false, href };
}

async function clientPage(event) {
  try {
    const client = event.clientId && (await clients.get(event.clientId));
    const url = client && new URL(client.url);
    if (url && url.origin === base.origin && url.pathname.startsWith(base.pathname)) return pageOf(url.pathname.slice(base.pathname.length), url.href);
  } catch (error) {}
  return null;
}

let ledger = null;
let queue = Promise.resolve();

// Keeps an answer for its page: the app's own pages in the app's cache, else in SAVED (marked
// with the VERSION that kept it), with the page's entry moved to the end of the ledger and the
// oldest ones dropped past KEEP.
function keep(request, response, page) {
  const href = request.mode === 'navigate' ? folderOf(request.url) : request.url;
  if (isOff) return;
  if (precached.has(href)) return caches.open(SHELL).then((cache) => cache.put(href, response));
  if (!page) return;
  queue = queue
    .then(async () => {
      if (isOff) return;
      if (response.type !== 'opaque') {
        const headers = new Headers(response.headers);
        headers.set(KEPT_BY, VERSION);
        response = new Response(response.body, { status: response.status, statusText: response.statusText, headers });
      }
      const bytes = response.type === 'opaque' ? 0 : (await response.clone().blob()).size;
      const cache = await caches.open(SAVED);
      if (!ledger) {
        const stored = await cache.match(LEDGER);
        ledger = stored ? await stored.json() : [];
      }
      await cache.put(href, response);
      const entry = ledger.find((saved) => saved.key === page.key) || { key: page.key, isStory: page.isStory, urls: {} };
      entry.urls[href] = bytes;
      entry.saved = new Date().toISOString();
      ledger = ledger.filter((saved) => saved !== entry).concat(entry);
      const size = (saved) => Object.values(saved.urls).reduce((sum, n) => sum + n, 0);
      let total = ledger.reduce((sum, saved) => sum + size(saved), 0);
      const gone = [];
      for (const isStory of [true, false]) {
        let n = ledger.filter((saved) => saved.isStory === isStory).length;
        const limit = isStory ? KEEP.stories : KEEP.pages;
        for (const saved of ledger.slice()) {
          if (saved.isStory !== isStory || saved === entry || (n <= limit && total <= KEEP.bytes)) continue;
          ledger = ledger.filter((other) => other !== saved);
          gone.push(...Object.keys(saved.urls));
          total -= size(saved);
          n -= 1;
        }
      }
      const used = new Set(ledger.flatMap((saved) => Object.keys(saved.urls)));
      await Promise.all(gone.filter((url) => !used.has(url)).map((url) => cache.delete(url)));
      await cache.put(LEDGER, new Response(JSON.stringify(ledger), { headers: { 'Content-Type': 'application/json' } }));
    })
    .catch(() => {
      // Storage full or refused: the reader still gets the network's answers.
      ledger = null;
    });
  return queue;
}
