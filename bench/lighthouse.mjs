// Lighthouse (npm lighthouse, with Debian's Chromium) on the built app served from dist/:
// prints the performance, accessibility and best-practices scores, and the audits that cost
// points. `./x bench` runs this. BENCH_ENCODING=br serves the files brotli, as a host
// serving the build's precompressed files does (see tests/e2e/support/server.mjs); gzip else.
// Given a dataset directory, it measures a build of that dataset, as deploying it makes one
// (tests/e2e/support/deploy.mjs: its own first screen painted into index.html).
import { rmSync } from 'node:fs';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { serve } from '../tests/e2e/support/server.mjs';
import { CHROMIUM } from '../tests/e2e/support/browser.mjs';
import { deploy } from '../tests/e2e/support/deploy.mjs';

const encoding = process.env.BENCH_ENCODING ?? 'gzip';
const site = process.argv[2] ? deploy(process.argv[2]) : 'dist';
const server = await serve(site, '/', {}, { encoding });
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
  console.log(`\nLighthouse ${lhr.lighthouseVersion} on ${process.argv[2] ? process.argv[2] : 'the bundled dataset'} (${lhr.configSettings.formFactor}, ${lhr.configSettings.throttlingMethod} throttling, served ${encoding})\n`);
  console.log('| category | score |\n|---|---:|');
  for (const c of Object.values(lhr.categories)) console.log(`| ${c.title} | ${Math.round(c.score * 100)} |`);
  const lost = Object.values(lhr.audits).filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual');
  if (lost.length) {
    console.log('\naudits below full marks:');
    for (const a of lost) console.log(`  ${a.id}: ${Math.round(a.score * 100)} ${a.displayValue ?? ''}`);
  }
  for (const id of ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index']) {
    console.log(`  ${lhr.audits[id].title}: ${lhr.audits[id].displayValue}`);
  }
} finally {
  await chrome.kill();
  await server.close();
  if (site !== 'dist') rmSync(site, { recursive: true, force: true });
}
