// The search before the app (crates/early), on a deployed build of 2,000 generated articles with
// many term shards: a query typed into the painted first screen while the app's wasm is held
// back is answered there, with only its own term files, its words marked, and the panels marked
// as not yet counted; the app then takes over with the same query, rows and count, and the
// focus; a count too common to check in full says so as the app's does; scraped text stays
// text; and a build whose early search cannot be fetched still works.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { launch } from './support/browser.mjs';
import { until } from './support/app_page.mjs';
import { ingest, records } from './support/dataset.mjs';
import { deploy } from './support/deploy.mjs';
import { serve } from './support/server.mjs';

const N = 2000;
const WORDS = ['Đảng', 'viên', 'hội nghị', 'tổng kết', 'Hưng Yên', 'kết nạp', 'công đoàn', 'thanh niên', 'phụ nữ', 'nông dân'];
const HOSTILE = '<img src=x onerror="window.pwned=1"></script><script>window.pwned=2</script> Phiên bất thường $& $\'';
let data, site, server, browser;

before(async () => {
  data = ingest([
    records([
      ...Array.from({ length: N }, (_, i) => ({
        id: `s${String(i).padStart(5, '0')}`,
        title: `${WORDS[i % 10]} ${WORDS[(i * 3) % 10]} chữ${i}`,
        date: new Date(Date.UTC(2012, 0, 1) + i * 86400000).toISOString().slice(0, 10),
        // A phrase in every article 80 times: too common to check in full (the engine reads
        // at most 400,000 positions for a query's phrases), so its count is approximate.
        body: `Hội nghị ${WORDS[(i * 7) % 10]} mục${i % 97}. ${Array.from({ length: 300 }, (_, k) => `w${((i * 131 + k * 7919) % 6000).toString(36)}`).join(' ')}. ${'ban chấp hành '.repeat(80)}`,
      })),
      { id: 'hostile', title: HOSTILE, date: '2011-06-01', body: `${HOSTILE} Nội dung về phiên họp bất thường.` },
    ]),
  ], 'early');
  site = deploy(data);
  server = await serve(site);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(site, { recursive: true, force: true });
});

/** A fresh page on the build, the app's wasm held back until the returned `release` (unless
 * `hold` is false). */
async function open(t, { blockEarly = false, hold = true, holdEarly = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  t.after(() => context.close());
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('response', (r) => r.status() >= 400 && errors.push(`${r.status()} ${r.url()}`));
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  let release;
  const held = new Promise((r) => (release = r));
  if (hold) {
    await page.route(/_bg\.wasm$/, async (route) => {
      await held;
      await route.continue();
    });
  }
  // When the painted count last turned final (a mutation observer's, before any task after it).
  await page.addInitScript(() => {
    const watch = () => {
      const count = document.querySelector('#prerender .result-count');
      if (!count) return requestAnimationFrame(watch);
      new MutationObserver(() => {
        if (count.dataset.loading === 'false' && document.querySelector('#prerender .result mark')) window.earlyAnsweredAt = performance.now();
      }).observe(count, { attributes: true, childList: true, characterData: true, subtree: true });
    };
    requestAnimationFrame(watch);
  });
  if (blockEarly) await page.route(/nienbieu-early-/, (route) => route.abort());
  // The search's module held back too, so that a test can type before it is in.
  let releaseEarly;
  const earlyHeld = new Promise((r) => (releaseEarly = r));
  if (holdEarly) {
    await page.route(/nienbieu-early-[0-9a-f]+\.wasm$/, async (route) => {
      await earlyHeld;
      await route.continue();
    });
  }
  await page.goto(server.url);
  await page.locator('#prerender .result').first().waitFor();
  return { page, errors, requested, release, releaseEarly };
}

const box = (page) => page.locator('#prerender form[role=search] input[type=search]');

/** What the painted screen shows once its count is final. */
const answered = (page) =>
  page.evaluate(() => {
    const p = document.getElementById('prerender');
    const count = p?.querySelector('.result-count');
    if (!count || count.dataset.loading !== 'false' || !p.querySelector('.result mark, .result .untitled')) return null;
    return {
      count: count.textContent.trim(),
      titles: [...p.querySelectorAll('.result .result-title')].map((e) => e.textContent.trim()),
      marked: [...p.querySelectorAll('.result mark')].map((e) => e.textContent),
      busyPanels: [...p.querySelectorAll('.filters-panel, .timeline')].map((e) => e.getAttribute('aria-busy')),
      links: [...p.querySelectorAll('.result .result-title a')].map((a) => a.getAttribute('href')),
      elements: p.querySelectorAll('.result img, .result script').length,
    };
  });

test('a query typed before the app arrives is answered on the painted screen with its own term files only', async (t) => {
  const { page, errors, requested, release } = await open(t);
  const query = 'kết nạp chữ1235';
  await box(page).click();
  await box(page).fill(query);
  const shown = await until(() => answered(page), 'the painted screen answering');
  assert.equal(shown.count, '1 bài viết');
  assert.deepEqual(shown.titles, [`${WORDS[1235 % 10]} ${WORDS[(1235 * 3) % 10]} chữ1235`]);
  assert.ok(shown.marked.includes('chữ1235'), `marked: ${shown.marked}`);
  assert.deepEqual(shown.busyPanels, ['true', 'true'], 'the facets and the timeline are not the query’s yet');
  assert.ok(shown.links[0].includes('a=s01235'), shown.links[0]);
  assert.equal(await page.getByTestId('result').count(), 0, 'the app has not run');
  // Only the query's own term files: those the native engine names.
  const termFile = (p) => /^\/data\/(postings|positions|pairs)-/.test(p);
  const fetched = new Set(requested.filter(termFile).map((p) => p.replace('/data/', '')));
  const lines = execFileSync('target/native/nienbieu-bench', ['needs', data, query]).toString().trim().split('\n');
  const need = new Set(lines.filter((l) => l.startsWith('need ')).map((l) => l.slice(5)));
  assert.ok(fetched.size > 0, 'term files fetched');
  for (const p of fetched) assert.ok(need.has(p), `${p} fetched but not needed`);
  // The app takes over with the same query, count and row, and the focus.
  release();
  await until(async () => (await page.locator('#prerender').count()) === 0, 'the app in place', 30000);
  assert.equal(await page.getByTestId('search').inputValue(), query);
  assert.ok(await page.getByTestId('search').evaluate((e) => e === document.activeElement), 'the box keeps the focus');
  assert.equal((await page.getByTestId('result-count').textContent()).trim(), '1 bài viết');
  assert.equal((await page.getByTestId('result').locator('h3').first().textContent()).trim(), shown.titles[0]);
  // The app took what the search before it had fetched: every file crossed the network once.
  const files = requested.filter((p) => p.startsWith('/data/'));
  assert.deepEqual(files.filter((p, i) => files.indexOf(p) !== i), [], 'no dataset file fetched twice');
  assert.deepEqual(errors, []);
});

test('a count too common to check in full says so on the painted screen, in the app’s words', async (t) => {
  const { page, errors, release } = await open(t);
  await box(page).click();
  await box(page).fill('"ban chấp hành"');
  const shown = await until(() => answered(page), 'the painted screen answering');
  assert.match(shown.count, /^Khoảng [\d.]+ bài viết \(/);
  release();
  await until(async () => (await page.locator('#prerender').count()) === 0, 'the app in place', 30000);
  assert.equal((await page.getByTestId('result-count').textContent()).trim(), shown.count, 'the app says the same');
  assert.deepEqual(errors, []);
});

test('the painted screen answers as the app does, and empties back to the newest rows', async (t) => {
  const { page, errors, release } = await open(t);
  const newest = await page.locator('#prerender .result .result-title').allTextContents();
  await box(page).fill('hội nghị hưng yên');
  const shown = await until(() => answered(page), 'the painted screen answering');
  assert.ok(shown.titles.length >= 3, `${shown.titles}`);
  await box(page).fill('');
  await until(async () => JSON.stringify(await page.locator('#prerender .result .result-title').allTextContents()) === JSON.stringify(newest), 'the newest rows again');
  assert.deepEqual(await page.locator('#prerender .filters-panel').getAttribute('aria-busy'), 'false');
  await box(page).fill('hội nghị hưng yên');
  await until(() => answered(page), 'answered again');
  release();
  await until(async () => (await page.locator('#prerender').count()) === 0, 'the app in place', 30000);
  const app = (await page.getByTestId('result').locator('h3').allTextContents()).map((s) => s.trim());
  const n = Math.min(app.length, shown.titles.length);
  assert.ok(n >= 3, `${app}`);
  assert.deepEqual(app.slice(0, n), shown.titles.slice(0, n), 'the same rows in the same order');
  assert.equal((await page.getByTestId('result-count').textContent()).trim(), shown.count);
  assert.deepEqual(errors, []);
});

test('scraped text in the painted screen’s answer stays text', async (t) => {
  const { page, errors, release } = await open(t);
  let dialogs = 0;
  page.on('dialog', (d) => { dialogs++; void d.dismiss(); });
  await box(page).fill('bất thường');
  const shown = await until(() => answered(page), 'the painted screen answering');
  assert.ok(shown.titles.some((s) => s.includes('<img src=x onerror=') && s.includes('$&')), JSON.stringify(shown.titles));
  assert.equal(shown.elements, 0, 'no element made of scraped text');
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  release();
  await until(async () => (await page.locator('#prerender').count()) === 0, 'the app in place', 30000);
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.equal(dialogs, 0);
  assert.deepEqual(errors, []);
});

test('without the search before the app, a query typed early is answered by the app', async (t) => {
  const { page, release } = await open(t, { blockEarly: true });
  await box(page).fill('kết nạp chữ1235');
  await page.waitForTimeout(500);
  assert.equal(await page.locator('#prerender .result-count').getAttribute('data-loading'), 'false');
  assert.notEqual((await page.locator('#prerender .result-count').textContent()).trim(), '1 bài viết', 'nothing answered it');
  release();
  await until(async () => (await page.locator('#prerender').count()) === 0, 'the app in place', 30000);
  await until(async () => (await page.getByTestId('result-count').textContent()).trim() === '1 bài viết', 'the app answers');
});

test('the app’s module waits for the first answer to a query typed early, and for the search before it to load otherwise', async (t) => {
  const started = (page, pattern) => page.evaluate((p) => performance.getEntriesByType('resource').find((e) => new RegExp(p).test(e.name)), pattern.source);
  {
    const { page, errors, releaseEarly } = await open(t, { hold: false, holdEarly: true });
    await box(page).fill('kết nạp chữ1235');
    releaseEarly();
    await until(async () => (await page.locator('#prerender').count()) === 0, 'the app in place', 30000);
    const answered = await page.evaluate(() => window.earlyAnsweredAt);
    const wasm = await started(page, /nienbieu-[0-9a-f]{16}_bg\.wasm$/);
    assert.ok(answered > 0, 'the painted screen answered first');
    assert.ok(wasm.startTime >= answered, `the app's module asked for at ${wasm.startTime} ms, the answer at ${answered} ms`);
    assert.equal((await page.getByTestId('result-count').textContent()).trim(), '1 bài viết');
    assert.deepEqual(errors, []);
  }
  {
    const { page, errors } = await open(t, { hold: false });
    await page.getByTestId('result-count').waitFor({ timeout: 30000 });
    const early = await started(page, /nienbieu-early-[0-9a-f]{16}\.wasm$/);
    const wasm = await started(page, /nienbieu-[0-9a-f]{16}_bg\.wasm$/);
    assert.ok(early && wasm.startTime >= early.responseEnd, `the app's module at ${wasm.startTime} ms, the search's in by ${early?.responseEnd} ms`);
    assert.deepEqual(errors, []);
  }
});

test('a page the service worker controls starts the app at once, without the search before it', async (t) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  t.after(() => context.close());
  const page = await context.newPage();
  await page.goto(server.url);
  await page.getByTestId('result-count').waitFor();
  await until(() => page.evaluate(() => !!navigator.serviceWorker.controller), 'the page controlled by the service worker', 30000);
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.reload();
  assert.equal(await page.evaluate(() => typeof window.nienbieuEarly), 'undefined', 'nothing holds the app back');
  await until(async () => (await page.locator('#prerender').count()) === 0, 'the app in place', 30000);
  await page.getByTestId('search').fill('kết nạp chữ1235');
  await until(async () => (await page.getByTestId('result-count').textContent()).trim() === '1 bài viết', 'the app answers');
  assert.deepEqual(requested.filter((p) => p.includes('nienbieu-early-')), []);
});
