// Offline after the first load, on any static host: dist/ served under a sub-path, loaded
// once, then used with the network off; a changed deploy noticed and switched to; a storage
// quota error explained; the web manifest valid and the app installable; no request leaves
// the origin and the Content-Security-Policy allows all the app does.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { serve } from './support/server.mjs';
import { launch, launchPersistent } from './support/browser.mjs';
import { AppPage, until } from './support/app_page.mjs';
import { ingest, pages, records, tempDir } from './support/dataset.mjs';

const BASE = '/archive/nienbieu/';
let server, browser, v1, v2, big, large;

before(async () => {
  // v1 is the build as it is; v2 is the same app with one more article, finished by the
  // same post-build step, so its service worker has a new version, as a real deploy would.
  v1 = tempDir('v1');
  cpSync('dist', v1, { recursive: true });
  v2 = tempDir('v2');
  cpSync('dist', v2, { recursive: true });
  rmSync(join(v2, 'data'), { recursive: true });
  cpSync(ingest(['data/raw/seeds', pages({ 'new.txt': 'Bài mới sau khi cập nhật\n\nNội dung bài mới của Đảng bộ.' })]), join(v2, 'data'), { recursive: true });
  execFileSync('node', ['scripts/postbuild.mjs', v2], { stdio: 'ignore' });
  // A dataset of some megabytes, for the storage quota test.
  big = tempDir('big');
  cpSync('dist', big, { recursive: true });
  rmSync(join(big, 'data'), { recursive: true });
  const body = 'Hội nghị tổng kết công tác xây dựng Đảng và hệ thống chính trị của tỉnh. '.repeat(20);
  cpSync(ingest([records(Array.from({ length: 3000 }, (_, i) => ({ id: `b${i}`, title: `Bài ${i}`, date: '2024-01-08', body })))]), join(big, 'data'), { recursive: true });
  execFileSync('node', ['scripts/postbuild.mjs', big], { stdio: 'ignore' });
  // An archive its owner saves for offline use only on request (the manifest says up to how
  // many bytes the app saves by itself): 1,200 articles with varied words, many term shards.
  large = tempDir('large');
  cpSync('dist', large, { recursive: true });
  rmSync(join(large, 'data'), { recursive: true });
  const words = ['Đảng', 'viên', 'hội nghị', 'tổng kết', 'Hưng Yên', 'kết nạp', 'công đoàn', 'thanh niên', 'phụ nữ', 'nông dân', 'cựu chiến binh', 'mặt trận'];
  cpSync(
    ingest([records(Array.from({ length: 1200 }, (_, i) => ({
      id: `l${String(i).padStart(4, '0')}`,
      title: `${words[i % 12]} ${words[(i * 5) % 12]} tháng ${1 + (i % 12)} từ${i}`,
      date: '2023-05-01',
      body: `${words[(i * 7) % 12]} ${words[(i * 3) % 12]} mã${i} ${'Hội nghị sơ kết công tác. '.repeat(8)}`,
    })))]),
    join(large, 'data'),
    { recursive: true },
  );
  const m = JSON.parse(readFileSync(join(large, 'data', 'manifest.json'), 'utf8'));
  writeFileSync(join(large, 'data', 'manifest.json'), JSON.stringify({ ...m, offline_auto_bytes: 1000 }, null, 2));
  execFileSync('node', ['scripts/postbuild.mjs', large], { stdio: 'ignore' });
  server = await serve(v1, BASE);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(t, query = '', viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport });
  t.after(() => context.close());
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const app = new AppPage(page, server.url);
  await app.open(query);
  return { context, page, app, errors };
}

const offlineState = (page) => page.getByTestId('offline-status').getAttribute('data-state');
const cacheNames = (page) => page.evaluate(() => caches.keys());

test('after one visit the app opens, searches, filters and shows articles offline', async (t) => {
  server.setRoot(v1);
  const { context, page, app, errors } = await open(t);
  await until(async () => (await offlineState(page)) === 'ready', 'offline ready', 20000);
  assert.match(await page.getByTestId('offline-status').textContent(), /^Dùng được khi không có mạng \(0,\d MB\)$/);

  await context.setOffline(true);
  await page.reload();
  await app.page.getByTestId('result-count').waitFor();
  assert.equal(await app.count(), '5 bài viết');
  await app.search('hung yen');
  await app.waitForTotal(2);
  await app.toggleFacet('kind', 'working_visit');
  await app.waitForTotal(1);
  await app.openResult(0);
  assert.match(await app.readerTitle(), /Trần Quốc Toản/);
  assert.ok((await app.reader().locator('.body p').count()) > 3, 'the article text came from the cache');
  // A deep link, typed into the address bar, offline.
  await page.goto(`${server.url}?q=long+an&a=003_6c8cf860eff313fa`);
  await app.reader().waitFor();
  assert.match(await app.readerTitle(), /29\/29 chỉ tiêu/);
  await app.waitForTotal(1);
  // A view never opened online: its wasm module came with the shell, its file with the dataset.
  await page.getByTestId('nav-people').click();
  await page.getByTestId('entity-row').first().waitFor();
  assert.deepEqual(errors, []);
});

test('on a phone the offline line is there with the first row: the worker’s answer moves nothing', async (t) => {
  for (const [root, settled] of [[v1, 'ready'], [large, 'partial']]) {
    server.setRoot(root);
    const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
    t.after(() => context.close());
    const page = await context.newPage();
    // The header's height and state when the first result row is added to the page.
    await page.addInitScript(() => {
      const seen = new MutationObserver(() => {
        if (!document.querySelector('[data-testid=result]')) return;
        const status = document.querySelector('[data-testid=offline-status]');
        window.__atFirstRow = { height: document.querySelector('.app-header').getBoundingClientRect().height, state: status.dataset.state };
        seen.disconnect();
      });
      seen.observe(document, { childList: true, subtree: true });
    });
    await page.goto(server.url);
    await until(async () => (await offlineState(page)) === settled, `${settled} on the worker's answer`, 30000);
    const first = await page.evaluate(() => window.__atFirstRow);
    const now = await page.evaluate(() => document.querySelector('.app-header').getBoundingClientRect().height);
    assert.notEqual(first.state, 'unavailable', 'the status line is there with the first row');
    assert.equal(first.height, now, `the header keeps its height (${first.state} then ${settled})`);
    if (settled === 'partial') assert.ok(now < 130, `the offer fits in two short lines (${now} px)`);
  }
});

test('a large archive is saved on request; what is not stored says so offline; once saved, all works offline', async (t) => {
  server.setRoot(large);
  const { context, page, app, errors } = await open(t);
  await until(async () => (await offlineState(page)) === 'partial', 'offered, not saved', 20000);
  assert.match(await page.getByTestId('offline-status').textContent(), /chỉ những gì đã xem/);
  // The offer comes with the first screen; what is viewed is kept once the worker is in control.
  await until(() => page.evaluate(() => navigator.serviceWorker.controller !== null), 'the worker in control', 20000);
  // The offer names what saving downloads: the files gzipped, as the manifest says.
  const offer = await page.getByTestId('save-offline').textContent();
  const download = Number(/^Lưu toàn bộ để dùng ngoại tuyến \(tải về (\d+,\d) MB\)$/.exec(offer)?.[1].replace(',', '.'));
  const manifest = await page.evaluate(() => fetch('data/manifest.json').then((r) => r.json()));
  assert.equal(download, Math.round(manifest.compressed_bytes / 1e5) / 10, offer);
  // Searched online: what it fetched is kept.
  await app.search('kết nạp');
  await until(async () => (await page.getByTestId('result-count').getAttribute('data-loading')) === 'false' && (await app.total()) > 0, 'results online');
  const seen = await app.total();
  await app.openResult(0);
  await context.setOffline(true);
  await page.reload();
  await app.page.getByTestId('result-count').waitFor();
  // The first screen and what was viewed work offline.
  await app.searchBox().fill('kết nạp');
  await until(async () => (await page.getByTestId('result-count').getAttribute('data-loading')) === 'false' && (await app.total()) === seen, 'the same results offline');
  // A search that needs files never fetched says what is missing, and why.
  await app.searchBox().fill('từ1117');
  const failure = page.getByTestId('term-failure');
  await failure.waitFor();
  assert.match(await failure.textContent(), /Đang ngoại tuyến: phần chỉ mục cần cho tìm kiếm này chưa được lưu trên máy/);
  assert.match(await app.count(), /Đang tìm/, 'no count is shown as final');
  // Back online, save everything; then the same search works offline.
  await context.setOffline(false);
  await page.reload();
  await until(async () => (await offlineState(page)) === 'partial', 'offered again', 20000);
  await page.getByTestId('save-offline').click();
  await until(async () => (await offlineState(page)) === 'ready', 'saved', 60000);
  assert.match(await page.getByTestId('offline-status').textContent(), /^Dùng được khi không có mạng \(\d+,\d MB\)$/);
  await context.setOffline(true);
  await page.reload();
  await app.page.getByTestId('result-count').waitFor();
  // The worker answers once it controls the page, which may be after the first screen.
  await until(async () => (await offlineState(page)) === 'ready', 'a later visit knows all is saved', 20000);
  await app.searchBox().fill('từ1117');
  await until(async () => (await page.getByTestId('result-count').getAttribute('data-loading')) === 'false' && (await app.total()) === 1, 'the search offline');
  await app.openResult(0);
  assert.match(await app.readerTitle(), /từ1117/);
  assert.equal(await page.getByTestId('term-failure').count(), 0);
  assert.deepEqual(errors, []);
});

test('a save that fails part-way says so and stays so: no later progress hides it, and nothing is marked saved', async (t) => {
  // The large archive with one postings shard missing from the host, early in the save's
  // order: the files the service worker fetches beside it arrive after the error.
  const broken = tempDir('broken');
  cpSync(large, broken, { recursive: true });
  const m = JSON.parse(readFileSync(join(broken, 'data', 'manifest.json'), 'utf8'));
  const shard = join(broken, 'data', m.postings.dir, `0.${m.postings.ext}`);
  const kept = readFileSync(shard);
  rmSync(shard);
  server.setRoot(broken);
  const { page, app } = await open(t);
  await until(async () => (await offlineState(page)) === 'partial', 'offered, not saved', 20000);
  await until(() => page.evaluate(() => navigator.serviceWorker.controller !== null), 'the worker in control', 20000);
  await page.getByTestId('save-offline').click();
  await until(async () => (await offlineState(page)) === 'failed', 'the failure said', 60000);
  const said = await page.getByTestId('offline-status').textContent();
  assert.match(said, /^Chưa lưu được để dùng ngoại tuyến \(.*0\.bin: HTTP 404\); sẽ thử lại lần sau\.$/);
  // Every fetch under way when it failed has ended by now; none put the page back to saving.
  await new Promise((ok) => setTimeout(ok, 1500));
  assert.equal(await offlineState(page), 'failed');
  assert.equal(await page.getByTestId('offline-status').textContent(), said);
  const complete = await page.evaluate(async () => {
    for (const key of await caches.keys()) if (await (await caches.open(key)).match('data/.complete')) return true;
    return false;
  });
  assert.equal(complete, false, 'the cache is not marked complete');
  // The app keeps working online (the shard back on the host, for the search to need it).
  writeFileSync(shard, kept);
  await app.search('kết nạp');
  await until(async () => (await page.getByTestId('result-count').getAttribute('data-loading')) === 'false' && (await app.total()) > 0, 'results online');
});

test('a new deploy is noticed, offered, and switched to; old caches are deleted', async (t) => {
  server.setRoot(v1);
  const { page, app } = await open(t);
  await until(async () => (await offlineState(page)) === 'ready', 'v1 ready', 20000);
  const old = await cacheNames(page);
  assert.equal(old.length, 1);
  server.setRoot(v2);
  // Reloading checks for a new worker; until the user switches, the page stays wholly v1.
  await page.reload();
  await page.getByTestId('update-banner').waitFor({ timeout: 20000 });
  assert.equal(await app.count(), '5 bài viết');
  assert.match(await page.getByTestId('update-banner').textContent(), /Đã có phiên bản mới/);
  await page.getByTestId('update-reload').click();
  await until(async () => (await app.count().catch(() => '')) === '6 bài viết', 'v2 after the switch', 20000);
  await until(async () => (await offlineState(page)) === 'ready', 'v2 cached', 20000);
  const now = await cacheNames(page);
  assert.equal(now.length, 1);
  assert.notEqual(now[0], old[0], 'the old version cache is gone');
  assert.equal(await page.getByTestId('update-banner').count(), 0);
});

test('a storage quota error is explained and the app keeps working online', async (t) => {
  server.setRoot(big);
  const context = await browser.newContext();
  t.after(() => context.close());
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  // Room for the app, not for its 3,000-article dataset.
  const shell = Number(execFileSync('du', ['-sb', '--exclude=data', big]).toString().split('\t')[0]);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(server.url).origin, quotaSize: shell + 300_000 });
  const app = new AppPage(page, server.url);
  await app.open();
  await until(async () => (await offlineState(page)) === 'quota', 'quota error', 20000);
  assert.match(await page.getByTestId('offline-status').textContent(), /không cho đủ dung lượng/);
  await app.waitForTotal(3000);
  await app.search('Bài 42 ');
  await until(async () => (await app.ids())[0] === 'b42', 'search still works online');
});

test('the web manifest is valid and the app installable', async (t) => {
  server.setRoot(v1);
  // Installability is judged in a normal profile, not in an incognito-like context.
  const context = await launchPersistent(tempDir('profile'));
  t.after(() => context.close());
  const page = await context.newPage();
  await new AppPage(page, server.url).open();
  await until(async () => (await offlineState(page)) === 'ready', 'ready', 20000);
  const manifest = JSON.parse(readFileSync(join(v1, 'manifest.webmanifest'), 'utf8'));
  assert.equal(manifest.short_name, 'Niên biểu');
  assert.equal(manifest.lang, 'vi');
  assert.equal(manifest.start_url, './');
  assert.equal(manifest.display, 'standalone');
  for (const icon of manifest.icons) {
    const png = readFileSync(join(v1, icon.src));
    const [w, h] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    assert.equal(`${w}x${h}`, icon.sizes, icon.src);
  }
  const cdp = await page.context().newCDPSession(page);
  const { errors } = await cdp.send('Page.getAppManifest');
  assert.deepEqual(errors, []);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  assert.deepEqual(installabilityErrors, []);
});

test('no request leaves the origin, and the CSP allows everything the app does', async (t) => {
  server.setRoot(v1);
  const context = await browser.newContext();
  t.after(() => context.close());
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const app = new AppPage(page, server.url);
  await app.open('?q=hung+yen&a=000_a3aac47d90c9b531');
  await app.reader().waitFor();
  await until(async () => (await offlineState(page)) === 'ready', 'ready', 20000);
  await app.dragTimeline(0, 5);
  const origin = new URL(server.url).origin;
  assert.deepEqual(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('blob:') && !u.startsWith('data:')), []);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  const csp = await page.locator('meta[http-equiv=Content-Security-Policy]').getAttribute('content');
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
  assert.doesNotMatch(csp, /unsafe-inline|https?:/);
});
