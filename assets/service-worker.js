// Atelier NR's service worker: every file of the release build is cached at install, then
// served from the cache first, so the app starts offline after one visit.
// VERSION and FILES are filled in at build time by .ci/precache.sh (a Trunk post_build hook)
// from the hashed files of dist/: the list is never written by hand.
const VERSION = "__VERSION__";
const FILES = __FILES__;
const CACHE = "atelier-nr-" + VERSION;

self.addEventListener("install", (event) => {
  // No skipWaiting here: a new version waits until the user chooses to reload (the app asks).
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys
        .filter((key) => key.startsWith("atelier-nr-") && key !== CACHE)
        .map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  // Any page address of the app (with or without a fragment) is the one index.html.
  const key = request.mode === "navigate" ? "index.html" : request;
  event.respondWith(
    caches.open(CACHE)
      .then((cache) => cache.match(key, { ignoreSearch: true }))
      .then((hit) => hit || fetch(request)),
  );
});
