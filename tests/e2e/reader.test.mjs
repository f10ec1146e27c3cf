// The reader: the article's text and metadata, links that filter, previous and next, copy
// link, Escape, back and forward, and deep links.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { harness } from './support/harness.mjs';
import { until } from './support/app_page.mjs';

const h = harness();
const HUNG_YEN = '000_a3aac47d90c9b531';

test('shows clean paragraphs, captions apart, metadata, people, documents and figures', async (t) => {
  const { app, page, errors } = await h.openApp(t, { query: '?q=hung+yen' });
  await app.openResult(0);
  assert.equal(app.params().get('a'), HUNG_YEN);
  // Reading starts at the headline, though the reader's module came only now.
  await until(() => page.evaluate(() => document.activeElement?.id === 'reader-title'), 'the headline focused');
  const reader = app.reader();
  assert.equal(await app.readerTitle(), 'Đảng bộ Liên đoàn Lao động tỉnh Hưng Yên tổng kết công tác xây dựng Đảng năm 2023');
  const meta = await reader.locator('dl.meta').textContent();
  for (const part of ['Ngày đăng08/01/2024', 'Ngày diễn ra08/01/2024', 'Loại sự kiệnTổng kết năm', 'Tác giảHuyền Trang']) {
    assert.ok(meta.includes(part), `${part} in ${meta}`);
  }
  const paragraphs = await reader.locator('.body p').allTextContents();
  assert.ok(paragraphs.length >= 5 && paragraphs[0].startsWith('Ngày 08-1-2024, tại trụ sở'), paragraphs[0]);
  assert.ok(!paragraphs.join(' ').includes('Lượt xem'), 'no clutter');
  const captions = await reader.locator('figure figcaption').allTextContents();
  assert.equal(captions.length, 2);
  assert.ok(captions[0].startsWith('Ảnh: Đ/c Bí thư Đảng ủy LĐLĐ tỉnh Lê Quang Toản'));
  assert.ok(!paragraphs.some((p) => captions.some((c) => c.endsWith(p))), 'captions are not paragraphs');
  // Each entry's text without its "↗" link to the entity's page (whose label is for screen
  // readers).
  const texts = (sel) => reader.locator(sel).evaluateAll((els) => els.map((el) => {
    const c = el.cloneNode(true);
    c.querySelectorAll('.to-page').forEach((e) => e.remove());
    return c.textContent;
  }));
  const people = await texts('.people li');
  assert.ok(people[0].startsWith('Lê Quang Toản — Bí thư Đảng ủy; Chủ tịch LĐLĐ tỉnh'), people.join(' | '));
  const docs = await texts('.documents li');
  assert.ok(docs.some((d) => d.startsWith('Nghị quyết 15-NQ/TU (08/10/2021)')), docs.join(' | '));
  assert.ok((await reader.locator('.figures li').count()) >= 1);
  assert.deepEqual(errors, []);
});

test('people, places, organisations and documents are links that filter the list', async (t) => {
  const { app } = await h.openApp(t);
  await app.openResult(2);
  assert.equal(app.params().get('a'), HUNG_YEN);
  await app.reader().locator('.documents a.filter-link', { hasText: '15-NQ/TU' }).click();
  await app.waitForTotal(2);
  assert.deepEqual(app.params().getAll('f.document'), ['15-NQ/TU']);
  assert.equal(app.params().get('a'), HUNG_YEN, 'the reader stays open');
  await app.reader().locator('.people a.filter-link', { hasText: 'Lê Quang Toản' }).click();
  await app.waitForTotal(1);
  await app.reader().locator('dl.meta a[data-facet=province]', { hasText: 'Hưng Yên' }).click();
  assert.deepEqual(app.params().getAll('f.province'), ['Hưng Yên']);
  assert.equal(await app.chips().count(), 3);
});

test('previous and next move within the results; Escape closes; back reopens', async (t) => {
  const { app, page } = await h.openApp(t);
  await app.openResult(0);
  const reader = app.reader();
  assert.equal(await reader.locator('.position').textContent(), 'Bài 1/5');
  assert.ok(await page.getByTestId('reader-prev').isDisabled());
  await page.getByTestId('reader-next').click();
  await until(() => app.params().get('a') === '001_045dc231b05212c5', 'the next article');
  assert.equal(await reader.locator('.position').textContent(), 'Bài 2/5');
  await page.getByTestId('reader-prev').click();
  await until(() => app.params().get('a') === '003_6c8cf860eff313fa', 'the first again');
  await page.keyboard.press('Escape');
  await until(async () => (await reader.count()) === 0, 'the reader closes');
  assert.equal(app.params().get('a'), null);
  await page.goBack();
  await reader.waitFor();
  assert.equal(app.params().get('a'), '003_6c8cf860eff313fa');
  await page.goForward();
  await until(async () => (await reader.count()) === 0, 'closed again');
});

test('a deep link opens the article; a link to a missing article says so', async (t) => {
  const { app, page, context } = await h.openApp(t, { query: `?q=hung+yen&a=${HUNG_YEN}` });
  await app.reader().waitFor();
  assert.match(await app.readerTitle(), /Hưng Yên tổng kết/);
  await app.waitForTotal(2);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByTestId('copy-link').click();
  await until(async () => (await page.getByTestId('copy-link').textContent()) === 'Đã sao chép liên kết', 'copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, page.url());
  await app.open('?a=no-such-article');
  assert.match(await app.reader().textContent(), /Không có bài viết mã no-such-article/);
});

test("the reader's code is a module of its own, asked for beside the first article's file; a failed fetch says so and is tried again", async (t) => {
  const { app, page, errors } = await h.openApp(t);
  const module = (u) => /\/nienbieu-split_nienbieu_reader[^/]*\.wasm$/.test(new URL(u).pathname);
  const asked = [];
  page.on('request', (r) => module(r.url()) && asked.push(r.url()));
  await app.search('hung yen');
  await app.waitForTotal(2);
  assert.deepEqual(asked, [], 'not before an article opens');
  await page.route(module, (route) => route.abort());
  await app.openResult(0);
  // The reader's frame is there at once; the article says its code could not be fetched.
  const failed = page.getByTestId('reader-code-failed');
  await failed.waitFor();
  assert.match(await failed.textContent(), /Không tải được bài viết/);
  // Asked for when the reader opened, and again (after the first failure) by the article.
  assert.ok(asked.length >= 1 && asked.length <= 2, `${asked.length} requests`);
  await page.unroute(module);
  const before = asked.length;
  await failed.getByRole('button').click();
  assert.match(await app.readerTitle(), /Hưng Yên/);
  assert.equal(asked.length, before + 1, 'asked again on the retry');
  // The next article needs no other request.
  await page.getByTestId('reader-next').click();
  await until(async () => app.params().get('a') !== HUNG_YEN, 'the next article');
  await app.reader().locator('.body p').first().waitFor();
  assert.equal(asked.length, before + 1);
  assert.deepEqual(errors, []);
});
