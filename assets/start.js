// Starts the app (inlined into every page by peerscope-site, which fills in the two addresses).
// Every page arrives pre-rendered, so the app loads once the page has painted its content: it is
// readable at once and its first paint never waits for the wasm. For the same reason there are
// no preload links: they would fetch the wasm ahead of the page's own paint. Browsers without
// paint timing (or without PerformanceObserver at all, where naming it would throw and stop this
// script before its fallback) start the app half a second after the page has loaded.
let started = false;
const start = () => {
  if (started) return;
  started = true;
  setTimeout(() => import('@APP_JS@').then((app) => app.default({ module_or_path: '@APP_WASM@' })), 0);
};
if (globalThis.PerformanceObserver?.supportedEntryTypes?.includes('paint')) {
  new PerformanceObserver((list) => {
    if (list.getEntries().some((e) => e.name === 'first-contentful-paint')) start();
  }).observe({ type: 'paint', buffered: true });
}
addEventListener('load', () => setTimeout(start, 500), { once: true });
// A page once visited opens again offline (assets/sw.js); its scope is the site's base path.
// The worker starts after this page has loaded, so the page hands it what it already fetched.
if ("serviceWorker" in navigator) {
  const keep = () => {
    const here = [location.href, ...performance.getEntriesByType("resource").map((e) => e.name)];
    navigator.serviceWorker.ready.then((r) => r.active?.postMessage({ keep: here.filter((u) => u.startsWith(location.origin)) }));
  };
  addEventListener("load", () => {
    navigator.serviceWorker.register("@APP_BASE@sw.js", { scope: "@APP_BASE@" }).then(() => setTimeout(keep, 1000), () => {});
  }, { once: true });
}
