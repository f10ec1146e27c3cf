// Niên biểu's service worker: the app offline after the first visit, on any static host.
// This is a template: the build (scripts/postbuild.mjs) writes dist/sw.js from it with the
// version and the shell files filled in. Never edit the lists by hand.
//
// One cache per version holds the shell (HTML, JS, wasm, CSS, icons, web manifest) and the
// dataset its manifest names, so a page always gets the JS, wasm and data of one version.
// Install caches the shell; every dataset file the app fetches is kept as it arrives, so what
// a visitor has seen stays usable offline; the whole dataset (every file of every layer) is
// cached when the page asks, with progress messages, so that a storage quota error leaves the
// app working online. Activate deletes the caches of older versions. A new version waits
// until the page tells it to take over.
const VERSION = '__VERSION__';
const SHELL = ['__SHELL__'];
const CACHE = `nienbieu-${VERSION}`;
const MANIFEST = 'data/manifest.json';
// Marks a cache that holds every file of its dataset.
const COMPLETE = 'data/.complete';
// Files fetched at once while caching the whole dataset the visitor asked to save. Over
// HTTP/2, as hosts serve, each file's round trip overlaps the others', so that a slow
// network's latency is paid about once per 32 files: the corpus (11,532 files, 64 MB sent)
// saved in 59 s on Fast 4G, near the 57 s its bytes take, against 113 s 6 at a time. Over
// HTTP/1.1 the browser holds the rest until one of its 6 connections is free.
// (bench/offline_save.mjs; README.md.)
const PARALLEL = 32;
// ... and while caching a small dataset in the background, unasked: a few at a time, so that
// the page's own fetches (a query's term files) do not share the network with 32 others.
const PARALLEL_UNASKED = 6;
const SCOPE = new URL('./', self.location).href;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.addAll([...SHELL, MANIFEST]);
      // The first screen opens offline whatever else is saved: the core, the deferred facets'
      // columns, the term directory and the newest articles' files.
      try {
        const m = await (await cache.match(MANIFEST)).json();
        const first = [m.core.path, m.terms.path];
        if (m.columns) first.push(m.columns.path);
        const per = Math.ceil(m.articles / Math.max(1, m.fragments.files));
        for (let n = 0; n < Math.min(Math.ceil(8 / per), m.fragments.files); n++) first.push(`${m.fragments.dir}/${n}.${m.fragments.ext}`);
        await cache.addAll(first.map((p) => `data/${p}`));
      } catch (e) {
        // A missing or broken dataset: the app says so; the shell is still installed.
      }
    })(),
  );
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
  if (event.data?.type === 'cache-data') event.waitUntil(cacheData(event.data.chosen === true));
  if (event.data?.type === 'data-status') event.waitUntil(status(event.source));
});

/** Tells `client` whether the whole dataset is cached. */
async function status(client) {
  const cache = await caches.open(CACHE);
  const complete = Boolean(await cache.match(COMPLETE));
  client?.postMessage({ type: 'data-status', complete, version: VERSION });
}

/** Every file of the dataset `m` names, with the size it adds, layer by layer. */
function datasetFiles(m) {
  const single = [m.core, m.columns, m.terms, m.views.documents, m.views.people, m.views.organizations, m.views.figures].filter(Boolean);
  const files = single.map((f) => ({ url: `data/${f.path}`, bytes: f.bytes }));
  for (const l of [m.postings, m.positions, m.pairs, m.fragments, m.catalog, m.ids]) {
    for (let n = 0; n < l.files; n++) files.push({ url: `data/${l.dir}/${n}.${l.ext}`, bytes: l.bytes / l.files });
  }
  return files;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || !url.href.startsWith(SCOPE)) return;
  // The app is one page whatever its query string: every navigation to it gets the cached
  // page of this version.
  const path = url.href.slice(SCOPE.length).split(/[?#]/)[0];
  if (request.mode === 'navigate' && (path === '' || path === 'index.html')) {
    event.respondWith(fromCache(event, new Request(SCOPE), request));
    return;
  }
  event.respondWith(fromCache(event, request, request));
});

/** The cached response for `key`, else the network's; dataset files are kept as they arrive
 * (the page gets the response at once, the copy is stored beside it). */
async function fromCache(event, key, request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(key, { ignoreSearch: key.mode === 'navigate' || key.url === SCOPE });
  if (hit) return hit;
  try {
    const response = await fetch(request);
    if (response.ok && new URL(request.url).href.startsWith(`${SCOPE}data/`)) {
      event.waitUntil(cache.put(request, response.clone()).catch(() => {}));
    }
    return response;
  } catch (e) {
    return new Response('offline and not cached', { status: 503, statusText: 'Offline' });
  }
}

let caching = null;
/** Caches every file of the dataset, many at a time when the visitor chose to save it (a few
 * otherwise), telling the pages how far it has got. */
function cacheData(chosen) {
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
      const files = datasetFiles(await manifest.json());
      const total = files.reduce((n, f) => n + f.bytes, 0);
      let done = 0;
      let told = 0;
      await tell({ type: 'data-progress', done, total, version: VERSION });
      let next = 0;
      // The first error stops every worker: none may tell progress after it, which would put
      // the page back to "saving" with the error never shown.
      let failed = null;
      const worker = async () => {
        while (next < files.length && !failed) {
          const f = files[next++];
          try {
            if (!(await cache.match(f.url))) {
              const response = await fetch(f.url);
              if (!response.ok) throw new Error(`${f.url}: HTTP ${response.status}`);
              await cache.put(f.url, response);
            }
          } catch (e) {
            failed ??= e;
            return;
          }
          done += f.bytes;
          // Progress at most every 1 % (thousands of files would flood the page).
          if (!failed && (done - told >= total / 100 || done === total)) {
            told = done;
            await tell({ type: 'data-progress', done, total, version: VERSION });
          }
        }
      };
      await Promise.all(Array.from({ length: chosen ? PARALLEL : PARALLEL_UNASKED }, worker));
      if (failed) throw failed;
      await cache.put(COMPLETE, new Response('1'));
      await tell({ type: 'data-ready', total, version: VERSION });
    } catch (e) {
      caching = null;
      const quota = e?.name === 'QuotaExceededError' || /quota/i.test(String(e?.message));
      await tell({ type: 'data-error', quota, message: String(e?.message ?? e), version: VERSION });
    }
  })();
  return caching;
}
