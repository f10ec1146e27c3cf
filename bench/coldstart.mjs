// Cold start as a first-time visitor meets it: the built app (dist/) serving a dataset,
// compressed as a static host serves it, in Chromium with the HTTP cache and the service
// worker off and the network throttled through the DevTools protocol
// (Network.emulateNetworkConditions). Each dataset gets its own build, as a deployment of it
// would: dist/ with the dataset, finished by scripts/postbuild.mjs (which paints the first
// screen into index.html). For each dataset and network: time and bytes on the wire to the
// first screen painted from index.html (rows, facet counts, timeline, before the app runs), to
// the first result row of the running app (the app's own, interactive); then, on the same visit, to the first results of a query
// ("đảng viên", a document code, a two-letter prefix), each on a fresh visit, and for the
// first, to its organisation and person counts (the columns file, fetched after the list);
// then to the reader of the first result; and the first query typed a letter at a time, at a
// practised typist's pace. And the first query typed as soon as the painted first screen is
// up, on a visit of its own: time and bytes from the start of the visit to its first results,
// answered on the painted screen by the search before the app (crates/early) or by the app,
// whichever comes first, and to the app's own answer. Pagefind, indexing the same articles as
// HTML pages, in the same run on the same networks: time and bytes to its first ten results
// for "đảng viên".
//
//   node bench/coldstart.mjs corpus=DIR [synth=DIR] [pagefind=SITE_DIR]
//
// Each network is measured twice: files served gzipped, as GitHub Pages serves them, then
// brotli, as a host serving the build's precompressed files does (see server.mjs);
// BENCH_ENCODINGS=gzip (or br) keeps one. NIENBIEU_DIST=DIR measures another build of the app
// in place of dist/ (an A/B run).
//
// Bytes are the response sizes on the wire (compressed bodies and headers) of the requests
// that finished in each phase, a dedicated worker's included (Pagefind searches in one), as
// Playwright reports them; times are the page's own clock (median of runs).
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from '../tests/e2e/support/server.mjs';
import { launch } from '../tests/e2e/support/browser.mjs';
import { deploy } from '../tests/e2e/support/deploy.mjs';
import { query } from './support/query.mjs';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.split('=')));
const RUNS = Number(process.env.BENCH_COLD_RUNS ?? 3);
const NETWORKS = [
  ['Fast 4G (9 Mbit/s, 40 ms)', { latency: 40, downloadThroughput: (9e6 / 8), uploadThroughput: (1.5e6 / 8) }],
  ['slow 4G (1.6 Mbit/s, 150 ms)', { latency: 150, downloadThroughput: (1.6e6 / 8), uploadThroughput: (0.75e6 / 8) }],
];
const CODE = process.env.BENCH_CODE ?? '45/2006/QĐ-TTg';
const QUERIES = ['đảng viên', CODE, 'th'];
// The first query again, typed a letter every 200 ms (a practised typist, 60 words a minute):
// its time counts from the last letter, its bytes (as every query's) from the first row.
const EVERY = 200;
const STEPS = [...QUERIES.map((q) => [q, 0]), [QUERIES[0], EVERY]];
const step = (q, every) => (every ? `${q}@${every}` : q);
const ENCODINGS = (process.env.BENCH_ENCODINGS ?? 'gzip,br').split(',');

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kB = (b) => `${Math.round(b / 1000)} kB`;
const s = (ms) => `${(ms / 1000).toFixed(2)} s`;

const browser = await launch();

async function visit(url, network) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...network });
  // Every response's size and when it finished, by the page's clock.
  const origin = await page.evaluate(() => performance.timeOrigin).catch(() => 0);
  page.finished = [];
  page.on('requestfinished', async (r) => {
    const at = Date.now();
    const sizes = await r.sizes().catch(() => null);
    if (sizes) page.finished.push({ at, bytes: sizes.responseBodySize + sizes.responseHeadersSize });
  });
  void origin;
  await page.addInitScript(() => {
    // The first screen painted from index.html: a row of the build's snapshot on screen.
    const painted = () => {
      if (document.querySelector('#prerender .result')) {
        setTimeout(() => { window.paintedAt ??= performance.now(); }, 0);
      } else if (window.firstRowAt === undefined) requestAnimationFrame(painted);
    };
    requestAnimationFrame(painted);
    // The first row: a result of the running app with its headline painted, from a final (not
    // loading) list, the app in view.
    const look = () => {
      const count = document.querySelector('[data-testid=result-count]');
      const row = document.querySelector('[data-testid=result][data-pos="0"]');
      if (count?.dataset.loading === 'false' && row?.getAttribute('aria-busy') === 'false' &&
          !document.querySelector('#app.booting')) {
        setTimeout(() => { window.firstRowAt = performance.now(); }, 0);
      } else requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  await page.goto(url);
  return { context, page };
}

/** Bytes of the responses that finished after `from` and by `to` (the page's clock). */
async function bytes(page, from, to) {
  // Let the last events arrive, then map the page's clock to the wall clock.
  await page.waitForTimeout(50);
  const origin = await page.evaluate(() => performance.timeOrigin);
  return page.finished
    .filter((f) => f.at - origin > from && f.at - origin <= to + 20)
    .reduce((n, f) => n + f.bytes, 0);
}

/** The build of each dataset, made once for all networks and encodings (of the app in
 * NIENBIEU_DIST when set, for an A/B run against another build; dist/ else). */
const sites = new Map();
function site(dir) {
  if (!sites.has(dir)) sites.set(dir, deploy(dir, process.env.NIENBIEU_DIST ?? 'dist'));
  return sites.get(dir);
}

async function ours(name, dir, network) {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const server = await serve(site(dir), '/', {}, { encoding: network.encoding });
  const rows = { painted: [], paintedBytes: [], first: [], firstBytes: [] };
  const perQuery = Object.fromEntries(STEPS.map(([q, every]) => [step(q, every), { time: [], bytes: [], hits: '' }]));
  const reader = { time: [], bytes: [] };
  const panels = { time: [], bytes: [] };
  const early = { time: [], bytes: [], by: [], app: [], appBytes: [] };
  try {
    // Warm the server's compressed copies (a host keeps precompressed files).
    {
      const { context, page } = await visit(server.url, { latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
      await page.waitForFunction(() => window.firstRowAt !== undefined, null, { timeout: 180000 });
      for (const q of QUERIES) await query(page, q);
      await context.close();
    }
    for (let run = 0; run < RUNS; run++) {
      for (const [q, every] of STEPS) {
        const { context, page } = await visit(server.url, network);
        await page.waitForFunction(() => window.firstRowAt !== undefined, null, { timeout: 180000 });
        const first = await page.evaluate(() => window.firstRowAt);
        if (q === QUERIES[0] && !every) {
          const painted = await page.evaluate(() => window.paintedAt);
          if (painted !== undefined) {
            rows.painted.push(painted);
            rows.paintedBytes.push(await bytes(page, -1, painted));
          }
          rows.first.push(first);
          rows.firstBytes.push(await bytes(page, -1, first));
        }
        // A visitor looks at the first screen for a moment before typing.
        await page.waitForTimeout(1000);
        const { t0, t1, hits } = await query(page, q, every);
        const r = perQuery[step(q, every)];
        r.time.push(t1 - t0);
        r.bytes.push(await bytes(page, first, t1));
        r.hits = hits;
        if (q === QUERIES[0] && !every) {
          // Then every panel counted: the organisations' and people's counts follow the list
          // once the columns file is in.
          const p1 = await page.evaluate(() => new Promise((done) => {
            const look = () => {
              const loaded = performance.getEntriesByType('resource').some((e) => e.name.includes('/data/columns-'));
              if (loaded && document.querySelector('[data-testid=facets]') && !document.querySelector('[data-testid=facet-pending]')) {
                setTimeout(() => done(performance.now()), 0);
              } else requestAnimationFrame(look);
            };
            requestAnimationFrame(look);
          }));
          panels.time.push(p1 - t0);
          panels.bytes.push(await bytes(page, t1, p1));
          const r0 = await page.evaluate(() => performance.now());
          await page.locator('[data-testid=result][data-pos="0"] h3 a').click();
          await page.waitForFunction(() => document.querySelector('[data-testid=reader] article h2')?.textContent.trim(), null, { timeout: 120000 });
          const r1 = await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(() => r(performance.now()), 0))));
          reader.time.push(r1 - r0);
          reader.bytes.push(await bytes(page, p1, r1));
        }
        await context.close();
      }
      // The first query typed as soon as the painted screen is up.
      const { context, page } = await visit(server.url, network);
      const t = await typedAtOnce(page, QUERIES[0]);
      if (t) {
        early.time.push(t.first);
        early.by.push(t.by);
        early.bytes.push(await bytes(page, -1, t.first));
        early.app.push(t.app);
        early.appBytes.push(await bytes(page, -1, t.app));
      }
      await context.close();
    }
  } finally {
    await server.close();
  }
  console.log(`\n${name}: ${manifest.articles} articles${manifest.synthetic ? ' (SYNTHETIC dates)' : ''}, ${network.label}`);
  console.log('| step | time (median) | bytes on the wire (median) |\n|---|---:|---:|');
  if (rows.painted.length) {
    console.log(`| first screen painted from index.html (rows, facet counts, timeline; not yet interactive) | ${s(median(rows.painted))} | ${kB(median(rows.paintedBytes))} |`);
  }
  console.log(`| first result row of the running app, with every facet count and the timeline | ${s(median(rows.first))} | ${kB(median(rows.firstBytes))} |`);
  for (const q of QUERIES) {
    const r = perQuery[q];
    console.log(`| then the first results of \`${q}\` (${r.hits}) | +${s(median(r.time))} | +${kB(median(r.bytes))} |`);
    if (q === QUERIES[0]) console.log(`| and its organisation and person counts (the columns file, after the list) | +${s(median(panels.time))} | +${kB(median(panels.bytes))} more |`);
  }
  const typed = perQuery[step(QUERIES[0], EVERY)];
  console.log(`| or \`${QUERIES[0]}\` typed a letter every ${EVERY} ms: from its last letter to its first results | +${s(median(typed.time))} | +${kB(median(typed.bytes))} |`);
  console.log(`| then the reader of the first result of \`${QUERIES[0]}\` | +${s(median(reader.time))} | +${kB(median(reader.bytes))} |`);
  if (early.time.length) {
    const by = [...new Set(early.by)].join(' or ');
    console.log(`| on a visit of its own, \`${QUERIES[0]}\` typed as soon as the first screen is painted: its first results (from the start of the visit; answered by ${by}) | ${s(median(early.time))} | ${kB(median(early.bytes))} |`);
    console.log(`| and the app's own answer in its place (facets and timeline counted) | ${s(median(early.app))} | ${kB(median(early.appBytes))} |`);
  }
}

/** Types `q` into the painted first screen as soon as it is up; returns when (the page's
 * clock) its first results were on screen, `by` the search before the app (the painted screen
 * answering) or the app, and when the app's own answer was; null on a build without a painted
 * screen. */
async function typedAtOnce(page, q) {
  const painted = await page.waitForFunction(() => window.paintedAt ?? (window.firstRowAt !== undefined && -1), null, { timeout: 180000 }).then((h) => h.jsonValue());
  if (painted === -1) return null;
  const box = page.locator('#prerender form[role=search] input[type=search]');
  await box.click();
  await box.fill(q);
  return page.evaluate((q) => new Promise((done, fail) => {
    setTimeout(() => fail(new Error(`no answer to ${q} in 120 s`)), 120000);
    let first, by;
    const look = () => {
      const p = document.getElementById('prerender');
      const count = p?.querySelector('.result-count');
      if (!first && p && count?.dataset.loading === 'false' && p.querySelector('.result mark')) {
        [first, by] = [performance.now(), 'the search before the app'];
      }
      const app = document.querySelector('[data-testid=result-count]');
      if (!p && app?.dataset.loading === 'false' && document.querySelector('[data-testid=search]')?.value === q &&
          document.querySelector('[data-testid=result][data-pos="0"]')?.getAttribute('aria-busy') === 'false') {
        const now = performance.now();
        if (!first) [first, by] = [now, 'the app'];
        setTimeout(() => done({ first, by, app: now }), 0);
      } else requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  }), q);
}

async function pagefind(dir, network) {
  const server = await serve(dir, '/', {}, { encoding: network.encoding });
  const time = [], got = [];
  let hits = 0;
  try {
    for (let run = 0; run <= RUNS; run++) {
      const { context, page } = await visit(`${server.url}search.html#${encodeURIComponent(QUERIES[0])}`, run === 0 ? { latency: 0, downloadThroughput: -1, uploadThroughput: -1 } : network);
      await page.waitForFunction(() => window.done !== undefined, null, { timeout: 180000 });
      const done = await page.evaluate(() => window.done);
      if (run > 0) {
        time.push(done.at);
        got.push(await bytes(page, -1, done.at));
      }
      hits = done.hits;
      await context.close();
    }
  } finally {
    await server.close();
  }
  console.log(`\nPagefind 1.6.0, the same articles as HTML pages, ${network.label}: first ten results of \`${QUERIES[0]}\` (${hits} hits, no facet counts, no timeline) after ${s(median(time))}, ${kB(median(got))} on the wire`);
}

try {
  for (const [label, conditions] of NETWORKS) {
    for (const encoding of ENCODINGS) {
      const network = { ...conditions, encoding, label: `${label}, served ${encoding === 'br' ? 'brotli' : 'gzipped'}` };
      for (const k of ['corpus', 'synth']) if (args[k]) await ours(k, args[k], network);
      if (args.pagefind) await pagefind(args.pagefind, network);
    }
  }
} finally {
  await browser.close();
  for (const dir of sites.values()) rmSync(dir, { recursive: true, force: true });
}
