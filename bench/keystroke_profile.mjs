// Where a keystroke's time goes: the benchmark queries typed into the app on DATASET, one
// character a frame as bench/app_bench.mjs types them (every term file fetched first), twice,
// under Chromium's sampling CPU profiler (DevTools `Profiler`, 0.1 ms); prints the keystroke
// to list painted times and the self time of the 45 costliest functions. On a build that
// keeps the wasm's function names (`NIENBIEU_WASM_NAMES=1 ./x build-app`), the wasm's
// functions are named; on a normal build they are numbers. The profile is written to
// PROFILE (default target/keystroke-profile.cpuprofile), which DevTools opens.
//
//   node bench/keystroke_profile.mjs DATASET   (NIENBIEU_DIST=DIR: another build)
import { readFileSync, writeFileSync } from 'node:fs';
import { serve } from '../tests/e2e/support/server.mjs';
import { launch } from '../tests/e2e/support/browser.mjs';
const dist = process.env.NIENBIEU_DIST ?? 'dist';
const dir = process.argv[2];
if (!dir) throw new Error('usage: node bench/keystroke_profile.mjs DATASET');
const out = process.env.PROFILE ?? 'target/keystroke-profile.cpuprofile';
const queries = JSON.parse(readFileSync('bench/queries.json', 'utf8')).queries.map((q) => q.q).filter(Boolean);
const browser = await launch();
const server = await serve(dist, '/', { 'data/': dir });
const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
const page = await context.newPage();
await page.goto(server.url);
await page.getByTestId('result').first().waitFor({ timeout: 60000 });
const cdp = await context.newCDPSession(page);
await page.evaluate(async (qs) => {
  const box = document.querySelector('[data-testid=search]');
  const pause = (ms) => new Promise((r) => setTimeout(r, ms));
  for (const q of qs) for (let i = 1; i <= q.length; i++) {
    box.value = q.slice(0, i); box.dispatchEvent(new Event('input', { bubbles: true })); await pause(60);
    for (let t = 0; t < 200 && document.querySelector('[data-testid=result-count]').dataset.loading === 'true'; t++) await pause(50);
  }
}, queries);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
const samples = await page.evaluate(async (qs) => {
  const box = document.querySelector('[data-testid=search]');
  const frame = (act) => new Promise((done) => requestAnimationFrame(() => { const t0 = performance.now(); act(); setTimeout(() => done(performance.now() - t0), 0); }));
  const pause = (ms) => new Promise((r) => setTimeout(r, ms));
  const out = [];
  for (let rep = 0; rep < 2; rep++) for (const q of qs) {
    for (let i = 1; i <= q.length; i++) {
      out.push(await frame(() => { box.value = q.slice(0, i); box.dispatchEvent(new Event('input', { bubbles: true })); }));
      await pause(60);
    }
    box.value = ''; box.dispatchEvent(new Event('input', { bubbles: true })); await pause(100);
  }
  return out;
}, queries);
const { profile } = await cdp.send('Profiler.stop');
writeFileSync(out, JSON.stringify(profile));
samples.sort((a, b) => a - b);
console.log(`${samples.length} keystrokes to list painted: median ${samples[samples.length >> 1].toFixed(1)} ms, p95 ${samples[Math.ceil(0.95 * samples.length) - 1].toFixed(1)} ms (profiler on)`);
// Self time by function, over the whole timed pass (idle included).
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
const dt = profile.timeDeltas;
for (let i = 0; i < profile.samples.length; i++) {
  const n = byId.get(profile.samples[i]);
  const k = n.callFrame.functionName || `(${n.callFrame.url.split('/').pop()})`;
  self.set(k, (self.get(k) ?? 0) + (dt[i + 1] ?? 0) / 1000);
}
const tot = [...self.values()].reduce((a, b) => a + b, 0);
console.log(`profiled ${tot.toFixed(0)} ms; self time, ms:`);
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 45)) console.log(v.toFixed(1).padStart(8), k.slice(0, 140));
await browser.close();
await server.close();
