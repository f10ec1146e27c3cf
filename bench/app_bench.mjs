// The app in headless Chromium: download sizes of the built app, then for each dataset given
// (the bundled one, and NAME=DIR datasets served in its place):
//  - navigation to interactive from a cold cache (the first result row painted);
//  - keystroke to updated list painted, typing the benchmark queries one character at a time,
//    and to the facet panel and timeline painted after it;
//  - real key presses to the next paint, as the Event Timing API (and INP) counts them;
//  - facet click to updated list painted.
//
//   node bench/app_bench.mjs [corpus=target/bench-data/corpus] [synth=target/bench-data/synth]
//   (NIENBIEU_DIST=DIR measures another build of the app in place of dist/, for an A/B run)
//
// Service workers are blocked: a cold visit, without the background caching of the dataset.
// How a frame is timed: inside a requestAnimationFrame callback (the start of a frame) the
// input event is dispatched; the app updates the DOM in that event and its microtasks; a
// setTimeout queued in the same callback runs after that frame's style, layout and paint.
// Its time minus the start is the keystroke-to-paint time of that frame, without the wait
// for vsync. A time above 16.7 ms means a missed frame.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { serve } from '../tests/e2e/support/server.mjs';
import { launch } from '../tests/e2e/support/browser.mjs';

const dist = process.env.NIENBIEU_DIST ?? 'dist';
const NAV_RUNS = Number(process.env.BENCH_RUNS ?? 7);
const datasets = [['bundled', null], ...process.argv.slice(2).map((a) => a.split('='))];
const queries = JSON.parse(readFileSync('bench/queries.json', 'utf8')).queries.map((q) => q.q).filter(Boolean);

const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
const mb = (n) => `${(n / 1e6).toFixed(1)} MB`;
const f = (x) => x.toFixed(1);
const files = (ext) => readdirSync(dist).filter((x) => x.endsWith(ext)).map((x) => join(dist, x));
function size(list) {
  return list.reduce((a, file) => {
    const raw = readFileSync(file);
    // The build's precompressed copies (scripts/postbuild.mjs), else the same settings.
    const br = existsSync(`${file}.br`) ? statSync(`${file}.br`).size : brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    const gz = existsSync(`${file}.gz`) ? statSync(`${file}.gz`).size : gzipSync(raw, { level: 9 }).length;
    return { raw: a.raw + raw.length, gzip: a.gzip + gz, br: a.br + br };
  }, { raw: 0, gzip: 0, br: 0 });
}
function stats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
  return { n: s.length, median: q(0.5), p95: q(0.95), max: s.at(-1), over: s.filter((x) => x > 1000 / 60).length };
}

console.log('\nThe built app (dist/)\n');
console.log('| asset | raw | gzip | brotli |\n|---|---:|---:|---:|');
// The wasm in its modules (scripts/split.mjs): the first, asked for at start, and those fetched
// when a view or an article first opens; and the search before the app (scripts/early.mjs),
// asked for on a first visit's painted screen.
const first = files('_bg.wasm');
const early = files('.wasm').filter((f) => /[\\/]nienbieu-early-/.test(f));
const later = files('.wasm').filter((f) => !first.includes(f) && !early.includes(f));
const earlyJs = files('.js').filter((f) => /[\\/]nienbieu-early-/.test(f));
for (const [what, list] of [['wasm, first module', first], ['wasm, fetched on a view or an article', later], ['JS', files('.js').filter((f) => !earlyJs.includes(f))], ['CSS', files('.css')], ['search before the app (first visit): wasm and JS', [...early, ...earlyJs]]]) {
  const s = size(list);
  console.log(`| ${what} | ${kb(s.raw)} | ${kb(s.gzip)} | ${kb(s.br)} |`);
}

const browser = await launch();
try {
  for (const [name, dir] of datasets) {
    const dataDir = dir ?? join(dist, 'data');
    const manifest = JSON.parse(readFileSync(join(dataDir, 'manifest.json'), 'utf8'));
    const startup = statSync(join(dataDir, manifest.core.path)).size;
    const server = await serve(dist, '/', dir ? { 'data/': dir } : {});
    try {
      // One untimed visit and a request for every dataset file, so that the server has
      // compressed each file once, as a host serving precompressed files has; the browser's
      // cache stays cold for every timed run.
      {
        const context = await browser.newContext({ serviceWorkers: 'block' });
        const page = await context.newPage();
        await page.goto(server.url);
        await page.getByTestId('result').first().waitFor({ timeout: 120000 });
        await context.close();
        const layers = [manifest.postings, manifest.positions, manifest.pairs, manifest.fragments];
        const paths = [manifest.core.path, ...(manifest.columns ? [manifest.columns.path] : []), manifest.terms.path, ...layers.flatMap((l) => Array.from({ length: l.files }, (_, n) => `${l.dir}/${n}.${l.ext}`))];
        for (let i = 0; i < paths.length; i += 64) {
          await Promise.all(paths.slice(i, i + 64).map(async (p) => (await fetch(`${server.url}data/${p}`, { headers: { 'accept-encoding': 'gzip' } })).arrayBuffer()));
        }
      }
      // Navigation to interactive, each run in a fresh context: a cold HTTP cache.
      const nav = [];
      for (let i = 0; i < NAV_RUNS; i++) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
        const page = await context.newPage();
        await page.addInitScript(() => {
          new MutationObserver((_, obs) => {
            if (document.querySelector('[data-testid=result]') && document.querySelector('[data-testid=search]')) {
              obs.disconnect();
              requestAnimationFrame(() => setTimeout(() => { window.__interactive = performance.now(); }, 0));
            }
          }).observe(document, { childList: true, subtree: true });
        });
        await page.goto(server.url);
        await page.waitForFunction(() => window.__interactive !== undefined, null, { timeout: 60000 });
        nav.push(await page.evaluate(() => window.__interactive));
        await context.close();
      }

      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
      const page = await context.newPage();
      page.on('pageerror', (e) => console.error('page error:', e.message));
      await page.goto(server.url);
      await page.getByTestId('result').first().waitFor({ timeout: 60000 });
      const typed = await page.evaluate(async (qs) => {
        const box = document.querySelector('[data-testid=search]');
        const count = () => document.querySelector('[data-testid=result-count]').textContent;
        // The list's frame (the facet panel and the timeline follow it: timed below).
        const frame = (act) => new Promise((done) => requestAnimationFrame(() => {
          const t0 = performance.now();
          act();
          setTimeout(() => done(performance.now() - t0), 0);
        }));
        const pause = (ms) => new Promise((r) => setTimeout(r, ms));
        // Long tasks while typing: every task over 50 ms, cold (term files still arriving) and
        // warm alike.
        const long = [];
        new PerformanceObserver((l) => { for (const e of l.getEntries()) long.push(e.duration); }).observe({ type: 'longtask' });
        // A first pass fetches what the queries need, every prefix's (each waits for the pause
        // after which the app asks for a keystroke's files); the timed pass below types them
        // again, every keystroke a whole search.
        for (const q of qs) {
          for (let i = 1; i <= q.length; i++) {
            box.value = q.slice(0, i);
            box.dispatchEvent(new Event('input', { bubbles: true }));
            await pause(60);
            for (let t = 0; t < 200 && document.querySelector('[data-testid=result-count]').dataset.loading === 'true'; t++) await pause(50);
          }
        }
        const samples = [];
        const seen = new Set();
        for (const q of qs) {
          for (let i = 1; i <= q.length; i++) {
            const list = await frame(() => {
              box.value = q.slice(0, i);
              box.dispatchEvent(new Event('input', { bubbles: true }));
            });
            samples.push(list);
            seen.add(count());
            await pause(60); // a fast typist: about 16 characters a second
          }
          box.value = '';
          box.dispatchEvent(new Event('input', { bubbles: true }));
          await pause(100);
        }
        await pause(200);
        return { samples, distinctCounts: seen.size, longest: Math.max(0, ...long), longTasks: long.length };
      }, queries);
      // Real key presses (the browser's own input events, between frames as a person's
      // arrive), timed by the Event Timing API as INP counts them: from the key event to the
      // next paint after its handlers, in 8 ms steps; a key under 16 ms reports nothing and
      // counts as 8 ms.
      // The panels of each key press: from the key event until the frame painted after the
      // app's mark of their count (`nienbieu:panels`), watched frame by frame; a key pressed
      // before they come supersedes them.
      await page.evaluate(() => {
        window.__keys = new Map();
        window.__panels = [];
        new PerformanceObserver((l) => {
          for (const e of l.getEntries()) if (e.interactionId) window.__keys.set(e.interactionId, Math.max(window.__keys.get(e.interactionId) ?? 0, e.duration));
        }).observe({ type: 'event', durationThreshold: 16 });
        window.__keydowns = 0;
        let latest = 0;
        document.querySelector('[data-testid=search]').addEventListener('keydown', (e) => {
          window.__keydowns++;
          // From the key event; only a count made after its handling began is its own.
          const t0 = e.timeStamp;
          const handled = performance.now();
          latest = handled;
          const watch = () => {
            if (latest !== handled || performance.now() - t0 > 2000) return;
            const mark = performance.getEntriesByName('nienbieu:panels').at(-1);
            if (mark && mark.startTime > handled) setTimeout(() => window.__panels.push(performance.now() - t0), 0);
            else requestAnimationFrame(watch);
          };
          requestAnimationFrame(watch);
        }, { capture: true });
      });
      const box = page.getByTestId('search');
      for (const q of queries) {
        await box.fill('');
        await box.focus();
        await page.keyboard.type(q, { delay: 60 });
        await page.waitForTimeout(100);
      }
      await box.fill('');
      await page.waitForTimeout(300);
      const [keyed, keyPanels, keydowns] = await page.evaluate(() => [[...window.__keys.values()], window.__panels, window.__keydowns]);
      // Letters off a US keyboard (đ, ả, ư...) go in as text without a key event: only the
      // key presses count.
      while (keyed.length < keydowns) keyed.push(8);
      const clicked = await page.evaluate(async () => {
        const frame = (act) => new Promise((done) => requestAnimationFrame(() => {
          const t0 = performance.now();
          act();
          setTimeout(() => done(performance.now() - t0), 0);
        }));
        const pause = (ms) => new Promise((r) => setTimeout(r, ms));
        const samples = [];
        // Every value of the first four facets shown, on and off.
        const boxes = [...document.querySelectorAll('[data-testid=facets] section.facet')].slice(0, 4);
        for (const box of boxes) {
          const n = box.querySelectorAll('label.facet-value').length;
          for (let i = 0; i < Math.min(n, 5); i++) {
            for (let k = 0; k < 2; k++) {
              const input = box.querySelectorAll('label.facet-value input')[i];
              if (!input) continue;
              samples.push(await frame(() => input.click()));
              await pause(80);
            }
          }
        }
        return samples;
      });
      await context.close();

      const n = stats(nav), k = stats(typed.samples), c = stats(clicked), p = stats(keyPanels), r = stats(keyed);
      console.log(`\n${name}: ${manifest.articles} articles${manifest.synthetic ? ' (SYNTHETIC dates)' : ''}, core ${mb(startup)} loaded at start, the rest on demand`);
      console.log('| measure | runs | median | p95 | max | over one frame (16.7 ms) |\n|---|---:|---:|---:|---:|---:|');
      console.log(`| navigation to interactive, cold cache | ${n.n} | ${f(n.median)} ms | ${f(n.p95)} ms | ${f(n.max)} ms | |`);
      console.log(`| keystroke to list painted (${queries.length} queries typed; ${typed.distinctCounts} distinct counts shown) | ${k.n} | ${f(k.median)} ms | ${f(k.p95)} ms | ${f(k.max)} ms | ${k.over} |`);
      console.log(`| real key press to next paint (Event Timing, as INP; 8 ms steps) | ${r.n} | ${f(r.median)} ms | ${f(r.p95)} ms | ${f(r.max)} ms | |`);
      console.log(`| real key press to facets and timeline painted (after the list's frame; ${keydowns - p.n} of ${keydowns} superseded by the next key or not changing the results) | ${p.n} | ${f(p.median)} ms | ${f(p.p95)} ms | ${f(p.max)} ms | |`);
      console.log(`| longest task while typing (cold and warm passes) | ${typed.longTasks} over 50 ms | | | ${f(typed.longest)} ms | |`);
      console.log(`| facet click to list painted | ${c.n} | ${f(c.median)} ms | ${f(c.p95)} ms | ${f(c.max)} ms | ${c.over} |`);
    } finally {
      await server.close();
    }
  }
} finally {
  await browser.close();
}
