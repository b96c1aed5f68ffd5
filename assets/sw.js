// peerscope's service worker: a page once visited opens again without a network.
//
// peerscope-site writes it to the site's root as `sw.js`, with the deploy's name filled in
// (the content hash of the app's wasm), and every page registers it with the base path as its
// scope. Pages are fetched from the network first, so a new deploy shows at once, and from the
// cache when the network is gone; the app's files and data files have content-hashed names and
// never change, so they come from the cache first. Each deploy has its own cache and a new
// deploy deletes the others: cached pages of an old deploy never meet the new deploy's code.
const DEPLOY = "@DEPLOY@";
const CACHE = `peerscope-${DEPLOY}`;
// A content-hashed file, or a file in a content-hashed folder (home's search shards).
const HASHED = /-[0-9a-f]{16}((_bg)?\.(js|wasm|css|json|svg)$|\/)/;

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n.startsWith("peerscope-") && n !== CACHE).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

// A page hands over what it loaded before the worker was running: itself, the app, its data.
self.addEventListener("message", (event) => {
  const urls = (event.data && event.data.keep) || [];
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      Promise.all(urls.map((url) => cache.match(url).then((hit) => hit || cache.add(url).catch(() => {})))),
    ),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  if (HASHED.test(new URL(request.url).pathname)) {
    event.respondWith(
      caches.open(CACHE).then((cache) =>
        cache.match(request).then(
          (hit) =>
            hit ||
            fetch(request).then((response) => {
              if (response.ok) cache.put(request, response.clone());
              return response;
            }),
        ),
      ),
    );
    return;
  }
  event.respondWith(
    caches.open(CACHE).then((cache) =>
      fetch(request)
        .then((response) => {
          if (response.ok) cache.put(request, response.clone());
          return response;
        })
        .catch(() => cache.match(request, { ignoreSearch: request.mode === "navigate" }).then((hit) => hit || Response.error())),
    ),
  );
});
