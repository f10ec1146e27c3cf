// Prints the built app's download sizes and the time from navigation to the article list
// being visible in headless Chromium (cold cache, median of several runs).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { serve } from '../tests/e2e/support/server.mjs';
import { launch } from '../tests/e2e/support/browser.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const dist = 'dist';

function size(file) {
  const raw = readFileSync(file);
  return { raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length };
}
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
const manifest = () => JSON.parse(readFileSync(join(dist, 'data', 'manifest.json'), 'utf8'));
function dataFiles() {
  const m = manifest();
  const at = (f) => join(dist, 'data', f);
  return { startup: [at('manifest.json'), at(m.index.path)], chunks: m.chunks.map((c) => at(c.path)) };
}
const find = (ext) => readdirSync(dist).filter((f) => f.endsWith(ext)).map((f) => join(dist, f));

const rows = [];
for (const [what, files] of [
  ['wasm', find('.wasm')],
  ['JS', find('.js')],
  ['CSS', find('.css')],
  ['dataset: manifest and index (loaded at start)', dataFiles().startup],
  ['dataset: article chunks (loaded on demand)', dataFiles().chunks],
]) {
  const s = files.map(size).reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip }), { raw: 0, gzip: 0 });
  rows.push([what, kb(s.raw), kb(s.gzip)]);
}
const articles = manifest().articles;

const server = await serve(dist);
const browser = await launch();
const times = [];
try {
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext(); // a fresh context: cold HTTP cache
    const page = await context.newPage();
    // Record, inside the page, the first moment a result row is in the DOM and painted.
    await page.addInitScript(() => {
      new MutationObserver((_, obs) => {
        if (document.querySelector('[data-testid=result]')) {
          obs.disconnect();
          requestAnimationFrame(() => { window.__listVisible = performance.now(); });
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(server.url);
    await page.waitForFunction(() => window.__listVisible !== undefined, null, { timeout: 30000 });
    times.push(await page.evaluate(() => window.__listVisible));
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];

console.log(`\nNiên biểu app benchmark (${articles} articles in the dataset)\n`);
console.log('| asset | raw | gzip |');
console.log('|---|---:|---:|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
console.log(`\nnavigation to list visible, headless Chromium, cold cache, ${RUNS} runs:`);
console.log(`  median ${median.toFixed(1)} ms, min ${times[0].toFixed(1)} ms, max ${times.at(-1).toFixed(1)} ms`);
