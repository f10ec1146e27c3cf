// The main thread during a cold start on a phone's CPU: what a visitor who scrolls or types
// into the painted first screen feels while the app starts behind it. `./x bench` runs this.
//
// Each run opens a build of the dataset given (its first screen painted, as deploying makes
// it) in a fresh context of headless Chromium: a phone's viewport, the CPU slowed 4x through
// the DevTools protocol (Lighthouse's mobile setting, applied for real rather than simulated),
// service worker off (so neither its registration nor a first visit's background caching is
// in the figures). It records every long task (over 50 ms) from navigation until the app's
// own first screen is in with its snippets, and one second more. Printed per build: the
// median over the runs of the longest task, of the blocking time (the part of each long task
// past 50 ms, summed: Lighthouse's TBT measured this way), and the time the app's first
// screen was in.
//
//   node bench/startup.mjs DATASET_DIR [BUILD_DIR ...]
//
// With several build directories (for example a copy of dist/ made before a change, and
// dist/), the runs alternate between them, so that the machine's drift falls on each alike.
// RUNS sets the runs per build (7 unless set).
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from '../tests/e2e/support/server.mjs';
import { launch } from '../tests/e2e/support/browser.mjs';
import { deploy } from '../tests/e2e/support/deploy.mjs';

const [data, ...given] = process.argv.slice(2);
if (!data) throw new Error('usage: node bench/startup.mjs DATASET_DIR [BUILD_DIR ...]');
const builds = given.length ? given : ['dist'];
const runs = Number(process.env.RUNS ?? 7);
const SLOWDOWN = 4;

const sites = [];
const servers = [];
let browser;
const results = builds.map(() => []);
try {
  for (const b of builds) {
    const site = deploy(data, b);
    sites.push(site);
    // Measured is the start behind the painted screen: a build without one (painting skipped
    // or failed) would time another path.
    if (!readFileSync(join(site, 'index.html'), 'utf8').includes('id="prerender"')) {
      throw new Error(`${b}: no first screen painted into index.html (is Chromium installed? NIENBIEU_PRERENDER=0?)`);
    }
    servers.push(await serve(site, '/', {}, { encoding: 'gzip' }));
  }
  browser = await launch();
  for (let r = 0; r < runs; r++) {
    for (let i = 0; i < builds.length; i++) {
      const context = await browser.newContext({ viewport: { width: 412, height: 823 }, serviceWorkers: 'block' });
      try {
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOWDOWN });
        await page.addInitScript(() => {
          window.benchLongTasks = [];
          new PerformanceObserver((list) => {
            for (const e of list.getEntries()) window.benchLongTasks.push(e.duration);
          }).observe({ type: 'longtask', buffered: true });
        });
        await page.goto(servers[i].url);
        // The app's own first screen, in place of the painted one, with a row's snippet.
        await page.waitForFunction(
          () => !document.getElementById('prerender') && document.querySelector('[data-testid=result] .snippet:not(.loading)'),
          null,
          { timeout: 120000 },
        );
        const ready = await page.evaluate(() => performance.now());
        await page.waitForTimeout(1000);
        const tasks = await page.evaluate(() => window.benchLongTasks);
        results[i].push({
          longest: Math.max(0, ...tasks),
          blocking: tasks.reduce((sum, d) => sum + Math.max(0, d - 50), 0),
          count: tasks.length,
          ready,
        });
      } finally {
        await context.close();
      }
    }
  }
} finally {
  await browser?.close();
  for (const s of servers) await s.close();
  for (const s of sites) rmSync(s, { recursive: true, force: true });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${Math.round(x)} ms`;
console.log(`\nCold start on ${data}: the main thread, CPU slowed ${SLOWDOWN}x, phone viewport, ${runs} runs per build (median [each run])\n`);
console.log('| build | longest task | blocking time | tasks over 50 ms | app\'s first screen in |\n|---|---:|---:|---:|---:|');
builds.forEach((b, i) => {
  const r = results[i];
  const each = (k) => r.map((x) => Math.round(x[k])).join(' ');
  console.log(`| ${b} | ${ms(median(r.map((x) => x.longest)))} [${each('longest')}] | ${ms(median(r.map((x) => x.blocking)))} [${each('blocking')}] | ${median(r.map((x) => x.count))} | ${ms(median(r.map((x) => x.ready)))} |`);
});
