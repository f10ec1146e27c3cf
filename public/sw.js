// Niên biểu's service worker: the app offline after the first visit, on any static host.
// This is a template: the build (scripts/postbuild.mjs) writes dist/sw.js from it with the
// version and the shell files filled in. Never edit the lists by hand.
//
// One cache per version holds the shell (HTML, JS, wasm, CSS, icons, web manifest) and the
// dataset its manifest names, so a page always gets the JS, wasm and data of one version.
// Install caches the shell; the dataset is cached when the page asks, with progress
// messages, so that a storage quota error leaves the app working online. Activate deletes
// the caches of older versions. A new version waits until the page tells it to take over.
const VERSION = '__VERSION__';
const SHELL = ['__SHELL__'];
const CACHE = `nienbieu-${VERSION}`;
const MANIFEST = 'data/manifest.json';
const SCOPE = new URL('./', self.location).href;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll([...SHELL, MANIFEST])));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith('nienbieu-') && key !== CACHE) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data?.type === 'skip-waiting') self.skipWaiting();
  if (event.data?.type === 'cache-data') event.waitUntil(cacheData());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || !url.href.startsWith(SCOPE)) return;
  // The app is one page whatever its query string: every navigation to it gets the cached
  // page of this version.
  const path = url.href.slice(SCOPE.length).split(/[?#]/)[0];
  if (request.mode === 'navigate' && (path === '' || path === 'index.html')) {
    event.respondWith(fromCache(new Request(SCOPE), request));
    return;
  }
  event.respondWith(fromCache(request, request));
});

/** The cached response for `key`, else the network's (and dataset files are kept). */
async function fromCache(key, request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(key, { ignoreSearch: key.mode === 'navigate' || key.url === SCOPE });
  if (hit) return hit;
  try {
    const response = await fetch(request);
    if (response.ok && new URL(request.url).href.startsWith(`${SCOPE}data/`)) {
      await cache.put(request, response.clone()).catch(() => {});
    }
    return response;
  } catch (e) {
    return new Response('offline and not cached', { status: 503, statusText: 'Offline' });
  }
}

let caching = null;
/** Caches every file of the dataset, telling the pages how far it has got. */
function cacheData() {
  caching ??= (async () => {
    const tell = async (message) => {
      for (const client of await self.clients.matchAll({ includeUncontrolled: true })) client.postMessage(message);
    };
    try {
      const cache = await caches.open(CACHE);
      let manifest = await cache.match(MANIFEST);
      if (!manifest) {
        await cache.add(MANIFEST);
        manifest = await cache.match(MANIFEST);
      }
      const m = await manifest.json();
      const files = [m.index, ...m.chunks];
      const total = files.reduce((n, f) => n + f.bytes, 0);
      let done = 0;
      await tell({ type: 'data-progress', done, total, version: VERSION });
      for (const f of files) {
        const url = `data/${f.path}`;
        if (!(await cache.match(url))) {
          const response = await fetch(url);
          if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
          await cache.put(url, response);
        }
        done += f.bytes;
        await tell({ type: 'data-progress', done, total, version: VERSION });
      }
      await tell({ type: 'data-ready', total, version: VERSION });
    } catch (e) {
      caching = null;
      const quota = e?.name === 'QuotaExceededError' || /quota/i.test(String(e?.message));
      await tell({ type: 'data-error', quota, message: String(e?.message ?? e), version: VERSION });
    }
  })();
  return caching;
}
