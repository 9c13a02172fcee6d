(() => {
  // Gone once read: the page's own markup is all the app finds in <body>.
  const loader = document.currentScript.dataset.loader;
  document.currentScript.remove();
  const prerendered = document.getElementById('prerendered');
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    const content = prerendered && prerendered.dataset.content;
    if (content) {
      const link = document.createElement('link');
      link.rel = 'preload';
      link.as = 'fetch';
      link.crossOrigin = 'anonymous';
      link.href = content;
      document.head.append(link);
    }
    const script = document.createElement('script');
    script.type = 'module';
    script.src = loader;
    document.head.append(script);
  };
  if (!prerendered || prerendered.hidden) return start();
  const soon = () => requestAnimationFrame(() => setTimeout(start, 0));
  const lead = prerendered.querySelector('img[fetchpriority="high"]');
  const afterLoad = () => {
    setTimeout(soon, 300);
    if (!lead || typeof PerformanceObserver === 'undefined') return soon();
    try {
      new PerformanceObserver((list, observer) => {
        if (list.getEntries().some((entry) => entry.element === lead)) {
          observer.disconnect();
          soon();
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
