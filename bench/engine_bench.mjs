// The engine benchmark in headless Chromium: our wasm engine on the 20,000-article corpus and
// on the synthetic 100,000-article set, and, in the same browser run, MiniSearch and
// FlexSearch indexing the same 20,000 articles and answering the same queries.
//
//   node bench/engine_bench.mjs corpus=DIR records=FILE.jsonl [synth=DIR]
//
// DIR is a dataset written by nienbieu-ingest; FILE is the JSON Lines the corpus came from
// (the peers index its titles and bodies). Prints tables; exits non-zero on failure.
import { mkdtempSync, readFileSync, symlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serve } from '../tests/e2e/support/server.mjs';
import { launch } from '../tests/e2e/support/browser.mjs';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.split('=')));
const RUNS = Number(process.env.BENCH_QUERY_RUNS ?? 30);
const WARMUP = 3;
const queries = JSON.parse(readFileSync('bench/queries.json', 'utf8')).queries;

// Serve one directory of links: the page, the wasm bindings, node_modules and the data.
const root = mkdtempSync(join(tmpdir(), 'nienbieu-bench-'));
const link = (target, name) => symlinkSync(resolve(target), join(root, name));
link('bench/engine/page.html', 'page.html');
link('bench/engine/page.mjs', 'page.mjs');
link('target/wasm-bench', 'wasm');
link('node_modules', 'node_modules');
for (const k of ['corpus', 'synth']) if (args[k]) link(args[k], k);
if (args.records) link(args.records, 'records.jsonl');

const manifest = (k) => JSON.parse(readFileSync(join(args[k], 'manifest.json'), 'utf8'));
const f = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : '–');
const mb = (b) => `${(b / 1e6).toFixed(0)} MB`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const server = await serve(root);
const browser = await launch(['--enable-precise-memory-info', '--js-flags=--expose-gc']);
async function freshPage() {
  const page = await (await browser.newContext()).newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(`${server.url}page.html`);
  await page.waitForFunction(() => window.benchReady === true);
  return page;
}

/** Loads our dataset `loads` times (median ready time) and runs the query set. */
async function ours(page, key, loads = 5) {
  const loaded = [];
  for (let i = 0; i < loads; i++) loaded.push(await page.evaluate((u) => window.bench.loadOurs(u), key));
  const run = await page.evaluate(([q, r, w]) => window.bench.runOurs(q, r, w), [queries, RUNS, WARMUP]);
  return { load: loaded.at(-1), readyMs: median(loaded.map((l) => l.readyMs)), run };
}

function printRun(title, r) {
  console.log(`\n${title}`);
  console.log('| query | hits | median ms | p95 ms |\n|---|---:|---:|---:|');
  for (const q of r.run.perQuery) console.log(`| \`${q.q}\` | ${q.hits} | ${f(q.median, 2)} | ${f(q.p95, 2)} |`);
  console.log(`all ${r.run.samples} searches, each with every facet count and the timeline bins: median ${f(r.run.all.median, 2)} ms, p95 ${f(r.run.all.p95, 2)} ms, max ${f(r.run.all.max, 2)} ms`);
  console.log(`core ${(r.load.coreBytes / 1e3).toFixed(0)} kB: fetch ${f(r.load.fetchMs)} ms, core bytes to ready engine ${f(r.readyMs)} ms (median of the loads); every term layer (${mb(r.load.termBytes)}) fetched in ${f(r.load.termsFetchMs)} ms and added in ${f(r.load.termsLoadMs)} ms; wasm memory ${mb(r.load.wasmMemory)}`);
}

try {
  const page = await freshPage();
  const corpus = await ours(page, 'corpus');
  printRun(`Niên biểu engine in wasm, headless Chromium: ${corpus.load.articles} articles (the real corpus)`, corpus);

  if (args.records) {
    const n = await page.evaluate((u) => window.bench.loadRecords(u, 1e9), 'records.jsonl');
    const rows = [];
    const q0 = await page.evaluate(() => window.bench.quality('Niên biểu'));
    rows.push(['Niên biểu (wasm, with every facet count and the timeline)', `${f(corpus.readyMs)} ms (from core bytes; term layers ${f(corpus.load.termsLoadMs)} ms more)`, corpus.run.all, mb(corpus.load.wasmMemory) + ' wasm memory', q0]);
    for (const name of ['FlexSearch', 'MiniSearch']) {
      const built = await page.evaluate((x) => window.bench.buildPeer(x), name);
      const run = await page.evaluate(([x, q, r, w]) => window.bench.runPeer(x, q, r, w), [name, queries, RUNS, WARMUP]);
      const q = await page.evaluate((x) => window.bench.quality(x), name);
      rows.push([name, `${f(built.ms)} ms (from articles)`, run.all, mb(built.heapDelta) + ' JS heap', q]);
    }
    const pct = (c) => `${c.found}/${c.of} (${f((100 * c.found) / Math.max(1, c.of), 0)} %)`;
    console.log(`\nSide by side in one Chromium run, ${n} articles, the same ${queries.length} queries × ${RUNS} runs (peers get no facets or timeline; their hits are filtered afterwards where a query has filters)`);
    console.log('| engine | index ready | query median | query p95 | memory | "dang vien" finds of "đảng viên" | "bong da" finds of "bóng đá" | "đảng" top 10 with exact "đảng" | "đảng viên" top 10 with the phrase |');
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const [name, ready, all, mem, q] of rows) {
      console.log(`| ${name} | ${ready} | ${f(all.median, 2)} ms | ${f(all.p95, 2)} ms | ${mem} | ${pct(q.dangVien)} | ${pct(q.bongDa)} | ${q.dangExactTop10}/10 | ${q.phraseTop10}/10 |`);
    }
  }
  await page.context().close();

  if (args.synth) {
    const synthPage = await freshPage();
    const synth = await ours(synthPage, 'synth', 3);
    printRun(`Niên biểu engine in wasm, headless Chromium: ${synth.load.articles} SYNTHETIC articles (corpus texts, invented dates 2015-2025)`, synth);
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(root, { recursive: true, force: true });
}
