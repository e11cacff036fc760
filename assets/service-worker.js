// Atelier NR's service worker: the app works offline after one visit, without making that
// first visit heavier.
//
// - CORE is what the first screen needs (the page, the main module, the style, the texts):
//   cached at install. The page registers this worker only once its first screen works.
// - REST is every part downloaded on first use (screens, file jobs): fetched in the
//   background, one at a time and at low priority, when the page says "warm" — after its
//   first screen is interactive. An update copies the unchanged parts from the previous
//   version's cache instead (their names carry a hash of their content).
// - ON_DEMAND is what most visits never need and is heavy (the territory picker's data, about
//   370 KB gzip): never fetched by the worker itself, kept once the page fetched it, so that
//   what was used once works offline. An update keeps it only if the previous version had it.
// - Every request for a listed file is answered from the cache first; a part fetched by the
//   page before the warm-up reached it is kept on the way.
//
// VERSION, CORE, REST and ON_DEMAND are filled in at build time by .ci/post-build.mjs from the
// files of the build: the lists are never written by hand.
const VERSION = "__VERSION__";
const CORE = __CORE__;
const REST = __REST__;
const ON_DEMAND = __ON_DEMAND__;
const CACHE = "atelier-nr-" + VERSION;
// Files whose names carry no content hash: always fetched anew for a new version.
const UNHASHED = /^(\.\/|index\.html|favicon.*|manifest.*|icon-.*)$/;
const LISTED = new Set([...CORE, ...REST, ...ON_DEMAND].map((f) => new URL(f, self.location).href));

async function previous(file) {
  if (UNHASHED.test(file)) return undefined;
  for (const key of await caches.keys()) {
    if (!key.startsWith("atelier-nr-") || key === CACHE) continue;
    const hit = await (await caches.open(key)).match(file);
    if (hit) return hit;
  }
  return undefined;
}

// Puts `files` in the cache, each from the previous version's cache if it has it, else from
// the network (sequentially and at low priority when `gently`).
async function fill(files, gently) {
  const cache = await caches.open(CACHE);
  for (const file of files) {
    if (await cache.match(file)) continue;
    const kept = await previous(file);
    if (kept) {
      await cache.put(file, kept);
      continue;
    }
    const response = await fetch(file, gently ? { priority: "low" } : {});
    if (!response.ok) throw new Error(`${file}: ${response.status}`);
    await cache.put(file, response);
  }
}

// Copies into the cache those of `files` that the previous version's cache holds (the page
// fetched them once); never fetches.
async function keep(files) {
  const cache = await caches.open(CACHE);
  for (const file of files) {
    const kept = await previous(file);
    if (kept) await cache.put(file, kept);
  }
}

self.addEventListener("install", (event) => {
  // No skipWaiting here: a new version waits until the user chooses to reload (the app asks).
  event.waitUntil((async () => {
    const updating = (await caches.keys()).some((k) => k.startsWith("atelier-nr-") && k !== CACHE);
    // A first install takes only what the first screen needs; an update takes everything,
    // mostly copied from the version it replaces.
    await fill(updating ? [...CORE, ...REST] : CORE, false);
    if (updating) await keep(ON_DEMAND);
  })());
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

// The warm-up, tried again a few times when the network fails on the way (a train tunnel
// during the first visit): otherwise the parts it missed would wait for the next visit, and a
// user gone offline meanwhile would find screens that cannot open. About 4 minutes in all,
// within what browsers let a worker's task run.
const RETRY_AFTER_S = [0, 10, 30, 60, 120];
let warming = null;
function warm() {
  warming ??= (async () => {
    for (const wait of RETRY_AFTER_S) {
      await new Promise((done) => setTimeout(done, wait * 1000));
      try {
        await fill(REST, true);
        return;
      } catch {
        // Offline or a failed download: the files already cached stay; try again later.
      }
    }
  })().finally(() => { warming = null; });
  return warming;
}

self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
  if (event.data === "warm") event.waitUntil(warm());
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  // The page asks the server which build it holds: never answer from a cache.
  if (url.pathname.endsWith("/version.txt")) return;
  // Any page address of the app (with or without a fragment) is the one index.html.
  const key = request.mode === "navigate" ? "index.html" : request;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const hit = await cache.match(key, { ignoreSearch: true });
    if (hit) return hit;
    const response = await fetch(request);
    if (response.ok && LISTED.has(url.origin + url.pathname)) await cache.put(request, response.clone());
    return response;
  })());
});
