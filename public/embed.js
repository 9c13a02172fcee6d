/* News Blog embed loader. On a host page:
 *
 *   <div data-news-article="https://example.org/news/article/some-slug"></div>
 *   <script src="https://example.org/news/embed.js" async></script>
 *
 * Optional attributes on the div: data-theme="light|dark|auto", data-comments="off",
 * data-title="…" (the frame's accessible name). Each div becomes a lazy-loaded iframe of the
 * widget, sized to its content from the widget's height messages. Messages are accepted only
 * from that iframe's own window and origin, and only in the expected shape.
 */
(function () {
  'use strict';
  var MESSAGE_TYPE = 'news-blog:height';
  var ARTICLE_PATH = /\/article\/([a-z0-9]+(?:-[a-z0-9]+)*)\/?$/;
  // The frame's accessible name without data-title, in the site's language (news-blog build
  // writes it here).
  var FRAME_TITLE = 'News article';
  // One registry per host page, shared by every copy of this script the page loads.
  var registry = window.__newsBlogEmbed;
  if (!registry) {
    registry = window.__newsBlogEmbed = { frames: [] };
    window.addEventListener('message', onMessage);
  }

  function embedUrl(articleUrl, element) {
    var url;
    try {
      url = new URL(articleUrl, document.baseURI);
    } catch (error) {
      return null;
    }
    var match = ARTICLE_PATH.exec(url.pathname);
    if (!match || (url.protocol !== 'https:' && url.protocol !== 'http:')) return null;
    url.pathname = url.pathname.slice(0, match.index) + '/embed/article/' + match[1] + '/';
    url.search = '';
    url.hash = '';
    var theme = element.getAttribute('data-theme');
    if (theme === 'light' || theme === 'dark') url.searchParams.set('theme', theme);
    if (/^(off|0|false|no)$/.test(element.getAttribute('data-comments') || '')) url.searchParams.set('comments', '0');
    return url;
  }

  function setStyle(frame, name, value) {
    // Important, so no rule of the host page's can change the frame's own box.
    frame.style.setProperty(name, value, 'important');
  }

  function mount(element) {
    if (element.getAttribute('data-news-article-mounted') === 'true') return;
    var url = embedUrl(element.getAttribute('data-news-article') || '', element);
    if (!url) return;
    element.setAttribute('data-news-article-mounted', 'true');
    var frame = document.createElement('iframe');
    frame.src = url.href;
    frame.title = element.getAttribute('data-title') || FRAME_TITLE;
    frame.loading = 'lazy';
    setStyle(frame, 'display', 'block');
    setStyle(frame, 'width', '100%');
    setStyle(frame, 'height', '480px');
    setStyle(frame, 'border', '0');
    setStyle(frame, 'margin', '0');
    setStyle(frame, 'padding', '0');
    setStyle(frame, 'box-sizing', 'content-box');
    registry.frames.push({ frame: frame, origin: url.origin });
    element.appendChild(frame);
  }

  function onMessage(event) {
    var data = event.data;
    if (!data || typeof data !== 'object' || data.type !== MESSAGE_TYPE) return;
    var height = data.height;
    if (typeof height !== 'number' || !isFinite(height) || height < 0 || height > 100000) return;
    for (var i = 0; i < registry.frames.length; i++) {
      var entry = registry.frames[i];
      if (event.source === entry.frame.contentWindow && event.origin === entry.origin) {
        setStyle(entry.frame, 'height', Math.ceil(height) + 'px');
        return;
      }
    }
  }

  function mountAll() {
    var elements = document.querySelectorAll('[data-news-article]');
    for (var i = 0; i < elements.length; i++) mount(elements[i]);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', mountAll);
  } else {
    mountAll();
  }
})();
