// Pages get this minified: after an edit, run bash .ci/minify-scripts.sh (story_first_loader.min.js).
(function () {
  // Written for any browser that runs scripts (no arrow functions, no const): one that cannot
  // run the app must still get to the lines that say so.
  var script = document.currentScript;
  var loader = script.getAttribute('data-loader');
  // Gone once read: the page's own markup is all the app finds in <body>.
  script.parentNode.removeChild(script);
  var prerendered = document.getElementById('prerendered');
  // A WebAssembly module using every feature the app's wasm is compiled with (multi-value,
  // sign extension, saturating float-to-int, bulk memory, reference types): a browser that
  // validates it can compile the app.
  var PROBE = 'AGFzbQEAAAABCQJgAABgAAJ/fwMCAQAEBAFvAAEFAwEAAQooASYAAgFBAEEACxoaQQDAGkMAAAAA/AAaQQBBAEEA/AsAQQDQbyYACw==';
  var canRunApp = function () {
    try {
      if (!('noModule' in HTMLScriptElement.prototype)) return false;
      if (typeof WebAssembly !== 'object' || typeof AbortController !== 'function') return false;
      if (typeof queueMicrotask !== 'function' || typeof TextDecoder !== 'function') return false;
      var text = atob(PROBE);
      var probe = new Uint8Array(text.length);
      for (var i = 0; i < text.length; i++) probe[i] = text.charCodeAt(i);
      return WebAssembly.validate(probe);
    } catch (error) {
      return false;
    }
  };
  if (!canRunApp()) {
    // The page stays as it was built; what only the app does says so where it would be.
    if (prerendered) prerendered.hidden = false;
    var notes = document.querySelectorAll('[data-needs-app]');
    for (var n = 0; n < notes.length; n++) notes[n].hidden = false;
    if (window.console) {
      console.warn('News Blog: this browser cannot run the site\'s app (it needs JavaScript modules and WebAssembly with reference types, as in Chromium 96, Firefox 91 or Safari 15 and later), so this page is shown as it was built.');
    }
    return;
  }
  var started = false;
  var start = function () {
    if (started) return;
    started = true;
    var content = prerendered && prerendered.getAttribute('data-content');
    if (content) {
      var link = document.createElement('link');
      link.rel = 'preload';
      link.as = 'fetch';
      link.crossOrigin = 'anonymous';
      link.href = content;
      document.head.appendChild(link);
    }
    var module = document.createElement('script');
    module.type = 'module';
    module.src = loader;
    document.head.appendChild(module);
  };
  if (!prerendered || prerendered.hidden) return start();
  var soon = function () {
    requestAnimationFrame(function () {
      setTimeout(start, 0);
    });
  };
  var lead = prerendered.querySelector('img[fetchpriority="high"]');
  var afterLoad = function () {
    setTimeout(soon, 300);
    if (!lead || typeof PerformanceObserver === 'undefined') return soon();
    try {
      new PerformanceObserver(function (list, observer) {
        var entries = list.getEntries();
        for (var e = 0; e < entries.length; e++) {
          if (entries[e].element === lead) {
            observer.disconnect();
            return soon();
          }
        }
      }).observe({ type: 'largest-contentful-paint', buffered: true });
    } catch (error) {
      soon();
    }
  };
  if (document.readyState === 'complete') afterLoad();
  else addEventListener('load', afterLoad, { once: true });
  setTimeout(start, 3000);
})();
