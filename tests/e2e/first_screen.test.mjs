// The first screen painted into index.html at build (scripts/prerender.mjs, src/boot.rs): a
// visitor sees the newest rows, the facet counts and the timeline before the wasm has run; the
// app then takes its place without moving anything, with what was typed meanwhile; a visit the
// painted screen does not fit never shows it; and scraped text in it stays text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { harness } from './support/harness.mjs';
import { eventually, until } from './support/app_page.mjs';
import { ingest, records } from './support/dataset.mjs';
import { deploy } from './support/deploy.mjs';
import { serve } from './support/server.mjs';

const h = harness();

/** Holds the wasm's request until the returned function is called. */
async function holdWasm(page) {
  let release;
  const held = new Promise((r) => (release = r));
  await page.route(/_bg\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** What the painted screen shows: row titles, facet counts, timeline bars. */
const painted = (page) =>
  page.evaluate(() => {
    const p = document.getElementById('prerender');
    if (!p) return null;
    const style = (el) => getComputedStyle(el);
    return {
      visible: p.querySelector('.result') ? style(p.querySelector('.result')).visibility === 'visible' : false,
      titles: [...p.querySelectorAll('.result .result-title')].map((e) => e.textContent.trim()),
      counts: [...p.querySelectorAll('.facet-value .count')].map((e) => e.textContent.trim()),
      bars: p.querySelectorAll('svg rect.bar').length,
      hooks: p.querySelectorAll('[id], [data-testid], [for], [tabindex]').length,
      links: [...p.querySelectorAll('.result a[href]')].map((a) => !a.closest('[inert]')),
      boxName: p.querySelector('form[role=search] input[type=search]')?.getAttribute('aria-label'),
      live: [...p.querySelectorAll('button, select, input, summary')].filter((e) => !e.closest('[inert]')).map((e) => e.outerHTML.slice(0, 60)),
    };
  });

test('the first screen is painted from index.html before the wasm runs, and the app takes its place without moving anything', async (t) => {
  let release;
  const { app, page, errors } = await h.openApp(t, {
    wait: false,
    setup: async (p) => {
      release = await holdWasm(p);
      await p.addInitScript(() => {
        window.shifts = 0;
        new PerformanceObserver((l) => l.getEntries().forEach((e) => (window.shifts += e.value))).observe({ type: 'layout-shift', buffered: true });
      });
    },
  });
  const before = await until(() => painted(page), 'the painted screen');
  assert.ok(before.visible, 'the painted rows are on screen');
  assert.ok(before.titles.length >= 3 && before.titles.every((t) => t.length > 0), `titles: ${before.titles}`);
  assert.ok(before.counts.length > 0, 'facet counts painted');
  assert.ok(before.bars > 0, 'timeline bars painted');
  assert.equal(before.hooks, 0, 'no id, label target, tabindex or test hook in the painted screen');
  // Its article links work as links; its search box has a name.
  assert.ok(before.links.length >= 3 && before.links.every(Boolean), `links live: ${before.links}`);
  assert.equal(before.boxName, 'Tìm kiếm bài viết');
  // Only the search box answers before the app does.
  assert.deepEqual(before.live.length, 1, `controls not inert: ${before.live}`);
  assert.equal(await page.getByTestId('result').count(), 0, 'the app has not run');
  release();
  await until(async () => (await painted(page)) === null, 'the painted screen replaced');
  const shown = (await app.rows()).map((r) => r.title.trim());
  assert.ok(shown.length >= 3, `app rows: ${shown}`);
  await until(async () => (await app.total()) > 0, 'the count');
  assert.deepEqual(shown, before.titles.slice(0, shown.length), 'the app shows the rows painted');
  assert.ok((await page.evaluate(() => window.shifts)) <= 0.001, `layout shift ${await page.evaluate(() => window.shifts)}`);
  // Nothing but the HTML before the first frame: no stylesheet to fetch, and the app's files
  // (glue, wasm, core) asked for after it was painted.
  const order = await page.evaluate(() => ({
    paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
    app: performance.getEntriesByType('resource').filter((r) => /\.(js|wasm|bin)$/.test(r.name)).map((r) => [r.name.split('/').pop(), r.startTime]),
    css: performance.getEntriesByType('resource').filter((r) => /\.css$/.test(r.name)).length,
  }));
  assert.equal(order.css, 0, 'no stylesheet request');
  assert.ok(order.paint > 0 && order.app.length >= 3, JSON.stringify(order));
  for (const [name, at] of order.app) assert.ok(at >= order.paint, `${name} asked for at ${at} ms, before the first paint at ${order.paint} ms`);
  assert.deepEqual(errors, []);
});

test('text typed into the painted screen is searched by the app when it takes over', async (t) => {
  let release;
  const { app, page, errors } = await h.openApp(t, { wait: false, setup: async (p) => (release = await holdWasm(p)) });
  const box = page.locator('#prerender form[role=search] input[type=search]');
  await box.click();
  await box.pressSequentially('dang vien');
  release();
  await until(async () => app.params().get('q') === 'dang vien', 'q=dang vien in the URL');
  assert.equal(await app.searchBox().inputValue(), 'dang vien');
  assert.ok(await app.searchBox().evaluate((e) => e === document.activeElement), 'the search box keeps the focus');
  await until(async () => (await app.total()) > 0, 'results for the typed words');
  assert.equal(await page.locator('#prerender').count(), 0);
  assert.deepEqual(errors, []);
});

test('a visit the painted screen does not fit never shows it: a state in the URL, English chosen', async (t) => {
  for (const [name, query, setup] of [
    ['a query in the URL', '?q=%C4%91%E1%BA%A3ng', null],
    ['English chosen', '', (p) => p.addInitScript(() => localStorage.setItem('nienbieu.lang', 'en'))],
  ]) {
    let release;
    const { page } = await h.openApp(t, { query, wait: false, setup: async (p) => { release = await holdWasm(p); if (setup) await setup(p); } });
    await page.waitForLoadState('domcontentloaded');
    assert.equal(await page.locator('#prerender').count(), 0, `${name}: painted screen removed`);
    assert.ok(await page.evaluate(() => document.documentElement.classList.contains('no-prerender')), name);
    release();
    await page.getByTestId('result-count').waitFor();
  }
});

test('served with another dataset than the one painted, the painted screen goes as the manifest arrives', async (t) => {
  const data = ingest([records([{ id: 'other-1', title: 'Một bài khác hẳn', date: '2020-02-02', body: 'Nội dung khác.' }])], 'other');
  const server = await serve('dist', '/', { 'data/': data });
  t.after(() => server.close());
  const context = await h.browser.newContext({ serviceWorkers: 'block' });
  t.after(() => context.close());
  const page = await context.newPage();
  const release = await holdWasm(page);
  await page.goto(server.url);
  await until(() => page.evaluate(() => !document.getElementById('prerender')), 'the painted screen removed');
  release();
  await eventually(async () => (await page.getByTestId('result').locator('h3').allTextContents()).map((s) => s.trim()), ['Một bài khác hẳn'], 'the served dataset shown');
});

test('scraped text in the painted screen stays text', async (t) => {
  const hostile = '<img src=x onerror="window.pwned=1"></script><script>window.pwned=2</script> Hội nghị &amp; $& $\'';
  const data = ingest([records([
    { id: 'x-1', title: hostile, date: '2021-03-04', body: `${hostile} Nội dung bài viết về công tác Đảng.` },
    { id: 'x-2', title: 'Bài thứ hai', date: '2021-03-03', body: 'Kết nạp đảng viên mới.' },
  ])], 'hostile');
  const site = deploy(data);
  t.after(() => rmSync(site, { recursive: true, force: true }));
  const server = await serve(site);
  t.after(() => server.close());
  const context = await h.browser.newContext({ serviceWorkers: 'block' });
  t.after(() => context.close());
  const page = await context.newPage();
  let dialogs = 0;
  page.on('dialog', (d) => { dialogs++; void d.dismiss(); });
  const release = await holdWasm(page);
  await page.goto(server.url);
  const shown = await until(() => painted(page), 'the painted screen');
  assert.ok(shown.titles.some((t) => t.includes('<img src=x onerror=') && t.includes('$&') && t.includes('&amp;')), `titles: ${JSON.stringify(shown.titles)}`);
  assert.equal(await page.locator('#prerender img, #prerender script').count(), 0, 'no element made of scraped text');
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  release();
  await until(async () => (await page.locator('#prerender').count()) === 0, 'the app in its place');
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.equal(dialogs, 0);
});
