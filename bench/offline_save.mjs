// Saving a whole archive for offline use, as a visitor does it: a build of each dataset (its
// own first screen painted, as deploying it makes one), served gzipped on this machine, opened
// in Chromium with its service worker; "Lưu toàn bộ để dùng ngoại tuyến" clicked once the app
// offers it; timed until the offline status says everything is saved. Prints the dataset's
// files and bytes (as stored) and the time, median of BENCH_SAVE_RUNS (3) fresh contexts.
// On this machine's loopback: what it shows is the cost of each file to the browser and its
// service worker (a request, a cache entry), which grows with the number of files, not the
// network's; the DevTools network throttling does not reach a service worker's own fetches.
//
//   node bench/offline_save.mjs DATASET_DIR...
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from '../tests/e2e/support/server.mjs';
import { launch } from '../tests/e2e/support/browser.mjs';
import { deploy } from '../tests/e2e/support/deploy.mjs';

const RUNS = Number(process.env.BENCH_SAVE_RUNS ?? 3);
const dirs = process.argv.slice(2);
if (!dirs.length) {
  console.error('usage: node bench/offline_save.mjs DATASET_DIR...');
  process.exit(2);
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const browser = await launch();
const state = (page) => page.getByTestId('offline-status').getAttribute('data-state');
async function until(check, what, ms) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

console.log('| dataset | files | MB as stored | saved offline in (median) | files a second |\n|---|---:|---:|---:|---:|');
try {
  for (const dir of dirs) {
    const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    const layers = [m.postings, m.positions, m.pairs, m.fragments, m.catalog, m.ids];
    const single = [m.core, m.columns, m.terms, ...Object.values(m.views)].filter(Boolean);
    const files = layers.reduce((n, l) => n + l.files, single.length);
    const bytes = layers.reduce((n, l) => n + l.bytes, single.reduce((n, f) => n + f.bytes, 0));
    const site = deploy(dir);
    const server = await serve(site, '/', {}, { encoding: 'gzip' });
    const times = [];
    try {
      for (let run = 0; run < RUNS; run++) {
        const context = await browser.newContext({ serviceWorkers: 'allow' });
        try {
          const page = await context.newPage();
          await page.goto(server.url);
          await until(async () => (await state(page)) === 'partial', 'the offer to save the whole archive', 60000);
          const t0 = Date.now();
          await page.getByTestId('save-offline').click();
          await until(async () => (await state(page)) === 'ready', 'everything saved', 30 * 60000);
          times.push((Date.now() - t0) / 1000);
        } finally {
          await context.close();
        }
      }
    } finally {
      await server.close();
      rmSync(site, { recursive: true, force: true });
    }
    const t = median(times);
    console.log(`| ${m.articles} articles${m.synthetic ? ' (synthetic)' : ''} | ${files} | ${(bytes / 1e6).toFixed(1)} | ${t.toFixed(1)} s (${times.map((x) => x.toFixed(1)).join(', ')}) | ${Math.round(files / t)} |`);
  }
} finally {
  await browser.close();
}
