// How fast the views of documents, people, organisations and figures open, on a real archive:
// for each view, the first open (its file fetched and read) and then, with the file in
// memory, the list and each of its first entries' pages, timed in the page from the click to
// the frame that shows the page. Also the view files' sizes.
//
//   node bench/views_bench.mjs DATASET_DIR [ENTRIES]
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { serve } from '../tests/e2e/support/server.mjs';
import { launch } from '../tests/e2e/support/browser.mjs';

const [dir, entries = '20'] = process.argv.slice(2);
if (!dir) throw new Error('usage: node bench/views_bench.mjs DATASET_DIR [ENTRIES]');
const N = Number(entries);
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
  return { n: s.length, median: q(0.5), p95: q(0.95), max: s.at(-1) };
};
const f = (x) => x.toFixed(1);

console.log(`\nViews on ${manifest.articles} articles${manifest.synthetic ? ' (SYNTHETIC)' : ''}: the files, loaded when their view first opens`);
console.log('| view file | raw | gzip |\n|---|---:|---:|');
for (const [name, ref] of Object.entries(manifest.views)) {
  const bytes = readFileSync(join(dir, ref.path));
  console.log(`| ${name} | ${(bytes.length / 1e3).toFixed(0)} kB | ${(gzipSync(bytes).length / 1e3).toFixed(0)} kB |`);
}

const server = await serve('dist', '/', { 'data/': dir });
const browser = await launch();
const READY = { documents: 'entity-page', people: 'career', organizations: 'entity-page', figures: 'lines-chart' };
try {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' })).newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(server.url);
  await page.getByTestId('result').first().waitFor({ timeout: 60000 });
  // Clicks `selector`, then resolves with the time until `ready` is in the page and painted.
  const timed = (selector, ready) =>
    page.evaluate(([selector, ready]) => new Promise((done, fail) => {
      const el = document.querySelector(selector);
      if (!el) return fail(new Error(`no ${selector}`));
      const t0 = performance.now();
      el.click();
      const look = () => {
        if (document.querySelector(ready)) requestAnimationFrame(() => setTimeout(() => done(performance.now() - t0), 0));
        else if (performance.now() - t0 > 20000) fail(new Error(`${ready} never came`));
        else requestAnimationFrame(look);
      };
      look();
    }), [selector, ready]);
  console.log(`\n| view | first open (fetch and read its file) | list, median / p95 | ${N} entry pages, median / p95 / max |\n|---|---:|---:|---:|`);
  for (const view of ['documents', 'people', 'organizations', 'figures']) {
    const first = await timed(`[data-testid=nav-${view}]`, `[data-testid=view-${view}] [data-testid=${view === 'figures' ? 'lines-chart' : 'entity-row'}]`);
    const lists = [];
    const pages = [];
    if (view === 'figures') {
      // The figures view's pages are its metrics and groupings.
      const metrics = await page.getByTestId('metric').evaluate((s) => [...s.options].map((o) => o.value));
      for (const m of metrics.slice(0, N)) {
        await page.getByTestId('nav-articles').click();
        await page.getByTestId('result').first().waitFor();
        await page.evaluate((m) => history.pushState(null, '', `?v=figures&e=${m}`), m);
        const t = await timed('[data-testid=nav-figures]', '[data-testid=lines-chart]');
        pages.push(t);
      }
    } else {
      for (let i = 0; i < 5; i++) {
        await page.getByTestId('nav-articles').click();
        await page.getByTestId('result').first().waitFor();
        lists.push(await timed(`[data-testid=nav-${view}]`, '[data-testid=entity-row]'));
      }
      const keys = await page.getByTestId('entity-row').evaluateAll((rs, n) => rs.slice(0, n).map((r) => r.dataset.key), N);
      for (const key of keys) {
        await page.getByTestId(`nav-${view}`).click();
        await page.getByTestId('entity-row').first().waitFor();
        const sel = `[data-testid=entity-row][data-key="${key.replace(/["\\]/g, '\\$&')}"] a`;
        pages.push(await timed(sel, `[data-testid=${READY[view]}]`).catch((e) => { console.error(view, key, e.message); return NaN; }));
      }
    }
    const l = lists.length ? stats(lists) : null;
    const p = stats(pages.filter(Number.isFinite));
    console.log(`| ${view} | ${f(first)} ms | ${l ? `${f(l.median)} / ${f(l.p95)} ms` : '–'} | ${f(p.median)} / ${f(p.p95)} / ${f(p.max)} ms (${p.n}) |`);
  }
} finally {
  await browser.close();
  await server.close();
}
