// The first slice end to end: the built app in dist/, loaded in headless Chromium, shows the
// five bundled seed articles newest first, a timeline, and clear messages on a bad dataset.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { serve } from './support/server.mjs';
import { launch } from './support/browser.mjs';
import { AppPage } from './support/app_page.mjs';

const EXPECTED = [
  ['003_6c8cf860eff313fa', 'Ngành Tổ chức xây dựng Đảng thực hiện hoàn thành 29/29 chỉ tiêu', '12/01/2024 16:14:27', '2024-01-12T16:14:27+07:00'],
  ['001_045dc231b05212c5', 'Đảng bộ Khối tổng kết công tác xây dựng Đảng năm 2023; triển khai phương hướng, nhiệm vụ năm 2024', '10/01/2024', '2024-01-10T00:00:00+07:00'],
  ['000_a3aac47d90c9b531', 'Đảng bộ Liên đoàn Lao động tỉnh Hưng Yên tổng kết công tác xây dựng Đảng năm 2023', '08/01/2024', '2024-01-08T00:00:00+07:00'],
  ['002_9228e39e671308d9', 'Đảng bộ Sở Lao động - Thương binh và Xã hội sơ kết công tác đảng 6 tháng đầu năm, phương hướng, nhiệm vụ 6 tháng cuối năm 2023', '11/07/2023 14:51', '2023-07-11T14:51:00+07:00'],
  ['004_69ae7685d5133d3d', 'Đồng chí Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh Trần Quốc Toản làm việc với Ban Thường vụ Đảng ủy Khối Cơ quan – Doanh nghiệp tỉnh', '19/11/2021 21:17', '2021-11-19T21:17:00+07:00'],
];

let server;
let browser;
before(async () => {
  assert.ok(existsSync('dist/index.html'), 'dist/ is missing: run ./x build first');
  server = await serve('dist');
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function openApp(t, setup) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  t.after(() => context.close());
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('response', (r) => {
    if (r.status() >= 400 && !r.url().endsWith('manifest.json')) errors.push(`${r.status()} ${r.url()}`);
  });
  if (setup) await setup(page);
  const app = new AppPage(page, server.url);
  await app.open();
  return { app, page, errors };
}

test('lists the five seed articles newest first with their titles and dates', async (t) => {
  const { app, errors } = await openApp(t);
  const rows = await app.rows();
  assert.deepEqual(
    rows.map((r) => [r.id, r.title, r.date, r.datetime]),
    EXPECTED,
  );
  assert.equal(await app.count(), '5 bài viết');
  const shot = await app.screenshot('seeds-desktop');
  assert.ok(existsSync(shot));
  assert.deepEqual(errors, []);
});

test('the timeline has one bar per month from the first article to the last', async (t) => {
  const { app } = await openApp(t);
  // November 2021 to January 2024 is 27 months; the bars hold the five articles.
  assert.equal(await app.bars().count(), 27);
  const counts = await app.bars().evaluateAll((bars) => bars.map((b) => Number(b.dataset.count)));
  assert.equal(counts.reduce((a, b) => a + b, 0), 5);
  assert.equal(counts.at(-1), 3, 'January 2024 holds three articles');
  assert.equal(await app.bars().last().getAttribute('aria-label'), 'Tháng 1/2024: 3 bài');
});

test('the interface speaks Vietnamese by default and switches to English', async (t) => {
  const { app, page } = await openApp(t);
  assert.equal(await page.locator('html').getAttribute('lang'), 'vi');
  await app.switchLanguage();
  assert.equal(await app.count(), '5 articles');
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
});

test('a missing dataset shows a clear message and a retry that recovers', async (t) => {
  let broken = true;
  const { app, page } = await openApp(t, (page) =>
    page.route('**/data/manifest.json', (route) =>
      broken ? route.fulfill({ status: 404, body: 'not found' }) : route.continue(),
    ),
  );
  await app.loadError().waitFor();
  assert.match(await app.loadError().textContent(), /Không tìm thấy tệp dữ liệu/);
  broken = false;
  await page.getByRole('button', { name: 'Thử lại' }).click();
  await app.results().first().waitFor();
  assert.equal(await app.results().count(), 5);
});

test('a newer schema or a corrupt file is refused with a message, never a blank page', async (t) => {
  for (const [body, expected] of [
    ['{"schema_version": 999, "articles": []}', /phiên bản định dạng 999/],
    ['{"schema_version": 1, "articles": [{"id": ', /bị hỏng/],
  ]) {
    const { app } = await openApp(t, (page) =>
      page.route('**/data/manifest.json', (route) => route.fulfill({ status: 200, body })),
    );
    await app.loadError().waitFor();
    assert.match(await app.loadError().textContent(), expected);
  }
});
