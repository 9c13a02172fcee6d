// Pages get this minified: after an edit, run bash .ci/minify-scripts.sh (boot.min.js).
// Starts the app; written by news-blog build (crates/cli/src/boot.rs), the site's one loader of
// modules. A page whose news-blog-source names a publisher's source gets the build of the app
// that reads it live; any other page the smaller build that reads only this site's own JSON
// files.
const builds = BUILDS;
const meta = document.querySelector('meta[name="SOURCE_META"]');
const source = (meta ? meta.content : '').trim().toLowerCase() || 'json';
const { script, wasm } = source === 'json' ? builds.json : builds.live;
// A reader who selected text on the prerendered page before the app took it over keeps it, on
// the same nodes: when the app has drawn the same page and removes the prerendered copy
// (src/startup.rs), the blocks of text the selection starts and ends in (a headline, a
// paragraph, a caption) take the place of the app's copies of them, the same markup, which
// nothing redraws; and the text is selected again. It runs before the next frame, so nothing
// flickers. A copy kept because the app could not load the page (marked data-app) goes later,
// for another page: nothing moves then.
const prerendered = document.getElementById('PRERENDERED_ID');
if (prerendered) {
  let kept;
  const remember = () => {
    const selection = getSelection();
    kept = selection.rangeCount && prerendered.contains(selection.anchorNode) && prerendered.contains(selection.focusNode)
      && [selection.anchorNode, selection.anchorOffset, selection.focusNode, selection.focusOffset];
  };
  remember();
  document.addEventListener('selectionchange', remember);
  new MutationObserver((changes, observer) => {
    if (prerendered.isConnected) return;
    observer.disconnect();
    document.removeEventListener('selectionchange', remember);
    const app = document.getElementById('APP_ID');
    if (!kept || !app || prerendered.hasAttribute('data-app')) return;
    // The blocks (of two, one inside the other, the outer), each with its copy: the element of
    // the same name at the same place among those, with the same text (so not one that holds
    // the app's own controls). All found before any moves.
    let [start, end] = [kept[0], kept[2]].map((node) => (node.closest ? node : node.parentElement).closest('h1,h2,h3,h4,h5,h6,p,li,figcaption,blockquote,pre,dt,dd'));
    if (start && end && end.contains(start)) start = end;
    if (start && end && start.contains(end)) end = start;
    const moves = [...new Set([start, end])].filter(Boolean)
      .map((block) => [app.getElementsByTagName(block.tagName)[[...prerendered.getElementsByTagName(block.tagName)].indexOf(block)], block]);
    for (const [copy, block] of moves) if (copy && copy.textContent === block.textContent) copy.replaceWith(block);
    if (kept[0].isConnected && kept[2].isConnected) getSelection().setBaseAndExtent(...kept);
  }).observe(document.body, { childList: true });
}
// This file sits at the site's base, beside the builds.
const atBase = (path) => new URL(path, import.meta.url).href;
// Both at once: the wasm does not wait for the script.
const binary = fetch(atBase(wasm));
const app = await import(atBase(script));
const instance = await app.default({ module_or_path: binary });
// The app imports what its first page does not carry (Pagefind's script, the search page's
// module) through this function, since WebAssembly cannot import(); a path is relative to
// the base. It is handed the search module's files as this build named them.
app.start((path) => import(atBase(path)), atBase(builds.search.script), atBase(builds.search.wasm));
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm: instance } }));
// The offline worker (sw.js at the base, written by the build), registered once the app has
// started and the page has loaded, so it never competes with the story or the app for the
// network (the files it keeps are in the browser's cache by then); never in a frame (the
// widget on another site's page) nor on a widget page. The page setting OFFLINE_META "off"
// removes one installed before instead.
const offline = () => {
  if (!('serviceWorker' in navigator)) return;
  const worker = new URL('WORKER_FILE', import.meta.url);
  const scope = new URL('./', worker).href;
  const setting = document.querySelector('meta[name="OFFLINE_META"]');
  if (setting && setting.content.trim().toLowerCase() === 'off') {
    const controller = navigator.serviceWorker.controller;
    if (controller) controller.postMessage({ type: 'news-blog:off' });
    navigator.serviceWorker
      .getRegistrations()
      .then((all) => Promise.all(all.filter((one) => one.scope === scope).map((one) => one.unregister())))
      .then(() => caches.keys())
      .then((names) => Promise.all(names.filter((name) => name.startsWith('news-blog-')).map((name) => caches.delete(name))))
      .catch(() => {});
    return;
  }
  if (window.top !== window || location.href.startsWith(new URL('WIDGET_FOLDER/', scope).href)) return;
  navigator.serviceWorker
    .register(worker)
    // A register stubbed by a test harness or an extension gives no registration.
    .then((registration) => registration && offerUpdates(registration))
    .catch((error) => console.warn(`News Blog: the offline worker was not installed (${error}).`));
};
// A new build's worker waits beside the running one, which serves this page until the reader
// reloads: nothing is ever half old, half new. While one waits the page carries UPDATE_MARK,
// which shows the notice every page has (news_views' PageFrame); its Reload has the new worker
// take over, then reloads into it. The browser looks for a new worker on each page load; an
// open page looks again when the reader comes back to it or the network does.
const offerUpdates = (registration) => {
  const offer = () => registration.waiting && navigator.serviceWorker.controller && document.documentElement.setAttribute('UPDATE_MARK', '');
  offer();
  registration.addEventListener('updatefound', () => {
    const installing = registration.installing;
    if (installing) installing.addEventListener('statechange', () => installing.state === 'installed' && offer());
  });
  const look = () => document.visibilityState === 'visible' && registration.update().catch(() => {});
  document.addEventListener('visibilitychange', look);
  addEventListener('online', look);
  document.addEventListener('click', (event) => {
    if (!(event.target instanceof Element) || !event.target.closest('.update-notice button')) return;
    if (!registration.waiting) return location.reload();
    navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
    registration.waiting.postMessage({ type: 'news-blog:update' });
  });
};
if (document.readyState === 'complete') offline();
else addEventListener('load', offline, { once: true });
