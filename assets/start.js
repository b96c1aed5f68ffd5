// Starts the app (inlined into every page by peerscope-site, which fills in the two addresses).
// Every page arrives pre-rendered, so the app loads once the page has painted its content: it is
// readable at once and its first paint never waits for the wasm. For the same reason there are
// no preload links: they would fetch the wasm ahead of the page's own paint. Browsers without
// paint timing start the app half a second after the page has loaded.
let started = false;
const start = () => {
  if (started) return;
  started = true;
  setTimeout(() => import('@APP_JS@').then((app) => app.default({ module_or_path: '@APP_WASM@' })), 0);
};
if (PerformanceObserver.supportedEntryTypes?.includes('paint')) {
  new PerformanceObserver((list) => {
    if (list.getEntries().some((e) => e.name === 'first-contentful-paint')) start();
  }).observe({ type: 'paint', buffered: true });
}
addEventListener('load', () => setTimeout(start, 500), { once: true });
