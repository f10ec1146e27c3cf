// Lighthouse (npm lighthouse, with Debian's Chromium) on the built app served from dist/:
// prints the performance, accessibility and best-practices scores, and the audits that cost
// points. `./x bench` runs this. BENCH_ENCODING=br serves the files brotli, as a host
// serving the build's precompressed files does (see tests/e2e/support/server.mjs); gzip else.
// Given a dataset directory, it measures a build of that dataset, as deploying it makes one
// (tests/e2e/support/deploy.mjs: its own first screen painted into index.html).
// On a shared VM one run's Total Blocking Time varies several-fold (90 to 600 ms for one
// build, three runs in a row): LH_RUNS runs (3 unless set) are made, each printed, and the
// run with the median performance score is shown in detail.
import { rmSync } from 'node:fs';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { serve } from '../tests/e2e/support/server.mjs';
import { CHROMIUM } from '../tests/e2e/support/browser.mjs';
import { deploy } from '../tests/e2e/support/deploy.mjs';

const encoding = process.env.BENCH_ENCODING ?? 'gzip';
const runs = Number(process.env.LH_RUNS ?? 3);
const score = (lhr, id) => Math.round(lhr.categories[id].score * 100);
// NIENBIEU_DIST=DIR measures another build of the app in place of dist/ (an A/B run).
const dist = process.env.NIENBIEU_DIST ?? 'dist';
let site = dist;
let server;
try {
  if (process.argv[2]) site = deploy(process.argv[2], dist);
  server = await serve(site, '/', {}, { encoding });
  const reports = [];
  for (let i = 0; i < runs; i++) {
    // A fresh browser per run: nothing cached from the run before.
    const chrome = await chromeLauncher.launch({
      chromePath: CHROMIUM,
      chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    try {
      const { lhr } = await lighthouse(server.url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices'],
      });
      reports.push(lhr);
    } finally {
      await chrome.kill();
    }
  }
  const first = reports[0];
  console.log(`\nLighthouse ${first.lighthouseVersion}, ${dist}, on ${process.argv[2] ? process.argv[2] : 'the bundled dataset'} (${first.configSettings.formFactor}, ${first.configSettings.throttlingMethod} throttling, served ${encoding}), ${runs} runs\n`);
  console.log('| run | Performance | Accessibility | Best Practices | FCP | LCP | TBT | CLS | SI |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  reports.forEach((r, i) => {
    const a = (id) => r.audits[id].displayValue;
    console.log(`| ${i + 1} | ${score(r, 'performance')} | ${score(r, 'accessibility')} | ${score(r, 'best-practices')} | ${a('first-contentful-paint')} | ${a('largest-contentful-paint')} | ${a('total-blocking-time')} | ${a('cumulative-layout-shift')} | ${a('speed-index')} |`);
  });
  const sorted = [...reports].sort((a, b) => score(a, 'performance') - score(b, 'performance'));
  const lhr = sorted[Math.floor(sorted.length / 2)];
  console.log(`median performance ${score(lhr, 'performance')} (best ${score(sorted.at(-1), 'performance')}, worst ${score(sorted[0], 'performance')})`);
  const lost = Object.values(lhr.audits).filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual');
  if (lost.length) {
    console.log('\nthe median run\'s audits below full marks:');
    for (const a of lost) console.log(`  ${a.id}: ${Math.round(a.score * 100)} ${a.displayValue ?? ''}`);
  }
  // Where the blocking time comes from: the main thread's long tasks (Lighthouse's simulated
  // timings, on its throttled CPU) and the work by kind.
  const tasks = lhr.audits['long-tasks']?.details?.items ?? [];
  if (tasks.length) {
    console.log('long tasks (start, duration, script):');
    for (const t of tasks) console.log(`  ${Math.round(t.startTime)} ms  ${Math.round(t.duration)} ms  ${String(t.url).split('/').pop()}`);
  }
  const work = lhr.audits['mainthread-work-breakdown']?.details?.items ?? [];
  if (work.length) console.log(`main thread: ${work.map((w) => `${w.groupLabel ?? w.group} ${Math.round(w.duration)} ms`).join(', ')}`);
} finally {
  await server?.close();
  if (site !== dist) rmSync(site, { recursive: true, force: true });
}
