// Saving a whole archive for offline use, as a visitor does it: a build of each dataset (its
// own first screen painted, as deploying it makes one), served gzipped on this machine, opened
// in Chromium with its service worker; "Lưu toàn bộ để dùng ngoại tuyến" clicked once the app
// offers it; timed until the offline status says everything is saved. Prints the dataset's
// files and bytes (as stored and as sent) and the time, median of BENCH_SAVE_RUNS (3) fresh
// contexts; and what the save costs a visitor who searches meanwhile: the time from "đảng
// viên" typed (at once) to its first results, 5 s into the save, beside the same in a fresh
// context with nothing saving. On each network of BENCH_SAVE_NETWORKS:
//  - `loopback` (this machine's): what it shows is the cost of each file to the browser and
//    its service worker (a request, a cache entry), which grows with the number of files;
//  - `fast4g` (9 Mbit/s, 40 ms, the cold-start benchmark's Fast 4G): the network shaped on the
//    server's side (tests/e2e/support/server.mjs, `link`), since DevTools' throttling does not
//    reach a service worker's own fetches; over HTTP/1.1, where the browser opens at most 6
//    connections to a host, each file waits its turn for one;
//  - `fast4g-h2`: the same over HTTP/2, as static hosts and CDNs serve (one connection
//    carries every request at once, so the service worker's fetches at once are the limit);
//  - `slow4g-h2`: Lighthouse's slow 4G (1.6 Mbit/s, 150 ms) over HTTP/2 (minutes a run).
//
//   BENCH_SAVE_NETWORKS=loopback,fast4g,fast4g-h2 node bench/offline_save.mjs DATASET_DIR...
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from '../tests/e2e/support/server.mjs';
import { launch } from '../tests/e2e/support/browser.mjs';
import { deploy } from '../tests/e2e/support/deploy.mjs';
import { until } from '../tests/e2e/support/app_page.mjs';
import { query } from './support/query.mjs';

const RUNS = Number(process.env.BENCH_SAVE_RUNS ?? 3);
const FAST_4G = { latency: 40, bytesPerSecond: 9e6 / 8 };
const SLOW_4G = { latency: 150, bytesPerSecond: 1.6e6 / 8 };
const NETWORKS = {
  loopback: {},
  fast4g: { link: FAST_4G },
  'fast4g-h2': { link: FAST_4G, http2: true },
  'slow4g-h2': { link: SLOW_4G, http2: true },
};
const networks = (process.env.BENCH_SAVE_NETWORKS ?? 'loopback').split(',');
for (const n of networks) if (!(n in NETWORKS)) throw new Error(`BENCH_SAVE_NETWORKS: ${n} is not one of ${Object.keys(NETWORKS).join(', ')}`);
const dirs = process.argv.slice(2);
if (!dirs.length) {
  console.error('usage: node bench/offline_save.mjs DATASET_DIR...');
  process.exit(2);
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const QUERY = 'đảng viên';
/** Ms from QUERY typed at once to its final first row. */
const queryTime = async (page) => {
  const { t0, t1 } = await query(page, QUERY);
  return t1 - t0;
};
// HTTP/2's certificate is made for the run: accepted, or the service worker is refused.
const browser = await launch(['--ignore-certificate-errors']);
const state = (page) => page.getByTestId('offline-status').getAttribute('data-state');

console.log(`| dataset | network | files | MB as stored | MB sent | saved offline in (median) | files a second | "${QUERY}", nothing saving / while saving (medians) |\n|---|---|---:|---:|---:|---:|---:|---:|`);
try {
  for (const dir of dirs) {
    const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    const layers = [m.postings, m.positions, m.pairs, m.fragments, m.catalog, m.ids];
    const single = [m.core, m.columns, m.terms, ...Object.values(m.views)].filter(Boolean);
    const files = layers.reduce((n, l) => n + l.files, single.length);
    const bytes = layers.reduce((n, l) => n + l.bytes, single.reduce((n, f) => n + f.bytes, 0));
    const site = deploy(dir);
    for (const network of networks) {
      const { link = null, http2 = false } = NETWORKS[network];
      const server = await serve(site, '/', {}, { encoding: 'gzip', link, http2 });
      const times = [];
      const [alone, saving] = [[], []];
      let sent = 0;
      /** A fresh context, the app opened and ready to offer the save, given to `f`. */
      const visit = async (f) => {
        const context = await browser.newContext({ serviceWorkers: 'allow' });
        try {
          const page = await context.newPage();
          await page.goto(server.url);
          await until(async () => (await state(page)) === 'partial', 'the offer to save the whole archive', 10 * 60000);
          await f(page);
        } finally {
          await context.close();
        }
      };
      try {
        for (let run = 0; run < RUNS; run++) {
          await visit(async (page) => alone.push(await queryTime(page)));
          await visit(async (page) => {
            const [t0, sent0] = [Date.now(), server.sent()];
            await page.getByTestId('save-offline').click();
            await page.waitForTimeout(5000);
            saving.push(await queryTime(page));
            await until(async () => (await state(page)) === 'ready', 'everything saved', 60 * 60000);
            times.push((Date.now() - t0) / 1000);
            sent = server.sent() - sent0;
          });
        }
      } finally {
        await server.close();
      }
      const t = median(times);
      const q = (xs) => `${(median(xs) / 1000).toFixed(2)} s`;
      console.log(`| ${m.articles} articles${m.synthetic ? ' (synthetic)' : ''} | ${network} | ${files} | ${(bytes / 1e6).toFixed(1)} | ${(sent / 1e6).toFixed(1)} | ${t.toFixed(1)} s (${times.map((x) => x.toFixed(1)).join(', ')}) | ${Math.round(files / t)} | ${q(alone)} / ${q(saving)} |`);
    }
    rmSync(site, { recursive: true, force: true });
  }
} finally {
  await browser.close();
}
