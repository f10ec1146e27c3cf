// The bundled dataset end to end: the five seed articles newest first, the timeline, the
// languages, and clear messages (never a blank page) when the dataset is missing or bad.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { harness } from './support/harness.mjs';
import { eventually } from './support/app_page.mjs';

const h = harness();

const EXPECTED = [
  ['003_6c8cf860eff313fa', 'Ngành Tổ chức xây dựng Đảng thực hiện hoàn thành 29/29 chỉ tiêu', '12/01/2024 16:14:27', '2024-01-12T16:14:27+07:00'],
  ['001_045dc231b05212c5', 'Đảng bộ Khối tổng kết công tác xây dựng Đảng năm 2023; triển khai phương hướng, nhiệm vụ năm 2024', '10/01/2024', '2024-01-10T00:00:00+07:00'],
  ['000_a3aac47d90c9b531', 'Đảng bộ Liên đoàn Lao động tỉnh Hưng Yên tổng kết công tác xây dựng Đảng năm 2023', '08/01/2024', '2024-01-08T00:00:00+07:00'],
  ['002_9228e39e671308d9', 'Đảng bộ Sở Lao động - Thương binh và Xã hội sơ kết công tác đảng 6 tháng đầu năm, phương hướng, nhiệm vụ 6 tháng cuối năm 2023', '11/07/2023 14:51', '2023-07-11T14:51:00+07:00'],
  ['004_69ae7685d5133d3d', 'Đồng chí Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh Trần Quốc Toản làm việc với Ban Thường vụ Đảng ủy Khối Cơ quan – Doanh nghiệp tỉnh', '19/11/2021 21:17', '2021-11-19T21:17:00+07:00'],
];

test('lists the five seed articles newest first with their titles, dates and snippets', async (t) => {
  const { app, errors } = await h.openApp(t);
  const rows = await app.rows();
  assert.deepEqual(rows.map((r) => [r.id, r.title, r.date, r.datetime]), EXPECTED);
  assert.equal(await app.count(), '5 bài viết');
  // Snippets come from the article chunk, fetched after the list shows.
  await app.page.waitForFunction(() => document.querySelectorAll('[data-testid=result] .snippet:not(.loading)').length === 5);
  assert.match((await app.rows())[2].snippet, /Ngày 08-1-2024, tại trụ sở Liên đoàn Lao động/);
  assert.ok(existsSync(await app.screenshot('seeds-desktop')));
  assert.deepEqual(errors, []);
});

test('the first screen downloads alongside the wasm, each file once, before any term file', async (t) => {
  const requested = [];
  const { app, page, errors } = await h.openApp(t, {
    setup: async (p) => {
      p.on('request', (r) => requested.push(new URL(r.url()).pathname));
      // When the first row shows its headline, by the page's clock.
      await p.addInitScript(() => {
        const look = () => {
          if (document.querySelector('[data-testid=result] h3 a')?.textContent.trim()) window.firstRowAt = performance.now();
          else requestAnimationFrame(look);
        };
        requestAnimationFrame(look);
      });
    },
  });
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=result] .snippet:not(.loading)').length === 5);
  const name = (p) => p.replace(/^\/data\//, '').replace(/-[0-9a-f]{16}/, '-H');
  const data = requested.filter((p) => p.startsWith('/data/')).map(name);
  assert.deepEqual(
    data.filter((p) => !p.startsWith('terms-')).sort(),
    ['articles-H/0.jsonl', 'articles-H/1.jsonl', 'articles-H/2.jsonl', 'core-H.bin', 'manifest.json'],
  );
  assert.equal(new Set(data).size, data.length, 'no file twice');
  // index.html's script fetched the manifest and preloaded the core and the first screen's
  // article files before the app's code ran; the app took them over instead of asking again.
  const how = await page.evaluate(() =>
    performance.getEntriesByType('resource').filter((e) => e.name.includes('/data/')).map((e) => ({ name: e.name, initiator: e.initiatorType, start: e.startTime })),
  );
  const by = (re) => how.find((e) => re.test(e.name));
  assert.equal(by(/manifest\.json$/).initiator, 'fetch');
  assert.equal(by(/core-[0-9a-f]+\.bin$/).initiator, 'link');
  assert.equal(by(/articles-[0-9a-f]+\/0\.jsonl$/).initiator, 'link');
  // No term file is asked for before the first row is painted: the first screen needs none.
  const firstRowAt = await page.evaluate(() => window.firstRowAt);
  assert.ok(firstRowAt > 0);
  for (const e of how.filter((e) => /\/(terms|postings|positions|pairs)-/.test(e.name))) {
    assert.ok(e.start >= firstRowAt, `${e.name} started at ${e.start} ms, before the first row at ${firstRowAt} ms`);
  }
  assert.equal(await app.total(), 5);
  assert.deepEqual(errors, []);
});

test('the timeline has one bar per month from the first article to the last', async (t) => {
  const { app } = await h.openApp(t);
  // November 2021 to January 2024 is 27 months; the bars hold the five articles, each placed
  // at its event date (the publication date when the body gives none).
  assert.equal(await app.bars().count(), 27);
  const counts = await app.barCounts();
  assert.equal(counts.reduce((a, b) => a + b, 0), 5);
  assert.equal(counts.at(-1), 3, 'January 2024 holds three articles');
  assert.equal(counts[20], 1, 'July 2023 holds the six-month review');
  assert.equal(await app.bars().last().getAttribute('aria-label'), 'Tháng 1/2024: 3 bài');
  assert.equal(await app.timeline().getAttribute('data-granularity'), 'month');
});

test('the interface speaks Vietnamese by default, switches to English and remembers it', async (t) => {
  const { app, page } = await h.openApp(t);
  assert.equal(await page.locator('html').getAttribute('lang'), 'vi');
  assert.equal(await app.searchBox().getAttribute('placeholder'), 'Tìm: đảng viên, "ban chấp hành", 15-NQ/TU, -Hà Nội…');
  await app.switchLanguage();
  assert.equal(await app.count(), '5 articles');
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  await eventually(() => app.bars().last().getAttribute('aria-label'), 'Jan 2024: 3 articles', 'bar labels in English');
  assert.equal((await app.rows())[2].date, '8 Jan 2024');
  await page.reload();
  await app.page.getByTestId('result-count').waitFor();
  assert.equal(await app.count(), '5 articles', 'the choice survives a reload');
});

test('a missing dataset shows a clear message and a retry that recovers', async (t) => {
  let broken = true;
  const { app, page } = await h.openApp(t, {
    allow: ['manifest.json'],
    setup: (page) =>
      page.route('**/data/manifest.json', (route) =>
        broken ? route.fulfill({ status: 404, body: 'not found' }) : route.continue(),
      ),
  });
  await app.loadError().waitFor();
  assert.match(await app.loadError().textContent(), /Không tìm thấy tệp dữ liệu data\/manifest\.json/);
  broken = false;
  await page.getByRole('button', { name: 'Thử lại' }).click();
  await app.results().first().waitFor();
  assert.equal(await app.results().count(), 5);
});

test('a newer schema, a corrupt manifest or a corrupt index is refused with a message', async (t) => {
  for (const [pattern, body, expected] of [
    ['**/data/manifest.json', '{"schema_version": 999, "articles": 0}', /phiên bản định dạng 999, mới hơn/],
    ['**/data/manifest.json', '{"schema_version": 8, "articles": [{"id": ', /Tệp dữ liệu bị hỏng/],
    ['**/data/core-*.bin', 'NBCO garbage', /Tệp chỉ mục bị hỏng/],
  ]) {
    const { app } = await h.openApp(t, { setup: (page) => page.route(pattern, (route) => route.fulfill({ status: 200, body })) });
    await app.loadError().waitFor();
    assert.match(await app.loadError().textContent(), expected);
    assert.equal(await app.page.getByRole('button', { name: 'Thử lại' }).count(), 1);
  }
});

test('a panic is reported on the page with the query, and reloads into the last good view', async (t) => {
  // ?debug=panic arms a deliberate panic for the query "panic!" (a documented switch for this
  // test: every bad input is handled as an error, so nothing else panics on demand).
  const { app, page, errors } = await h.openApp(t, { query: '?debug=panic&q=hung+yen' });
  await app.waitForTotal(2);
  await app.searchBox().fill('panic!');
  const panel = page.getByTestId('panic');
  await panel.waitFor();
  assert.match(await panel.textContent(), /Ứng dụng gặp lỗi và đã dừng.*deliberate panic/s);
  assert.equal(await panel.getAttribute('role'), 'alert');
  assert.equal(await page.getByTestId('panic-query').textContent(), 'panic!');
  assert.ok(errors.some((e) => /unreachable|RuntimeError/.test(e)), `${errors}`);
  // The reload restores the last view that searched without trouble, not the one that failed.
  const reload = page.getByTestId('panic-reload');
  assert.equal(new URL(await reload.getAttribute('href'), app.url).search, '?q=hung+yen');
  await reload.click();
  await page.waitForURL(/\?q=hung\+yen$/);
  await app.page.getByTestId('result-count').waitFor();
  await app.waitForTotal(2);
  assert.equal(await page.getByTestId('panic').count(), 0);
});
