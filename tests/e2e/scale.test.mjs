// 3,000 articles: the list renders only the rows in view, scrolls to the last one, and the
// keyboard cursor scrolls with it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { harness } from './support/harness.mjs';
import { until } from './support/app_page.mjs';
import { ingest, records } from './support/dataset.mjs';

const N = 3000;
const h = harness({
  mounts: () => ({
    'data/': ingest([
      records(
        Array.from({ length: N }, (_, i) => ({
          id: `r${String(i).padStart(5, '0')}`,
          title: `Bài thử số ${i + 1}: Đảng bộ tỉnh tổng kết công tác`,
          date: new Date(Date.UTC(2015, 0, 1) + i * 86400000 * 3).toISOString().slice(0, 10),
          body: `Nội dung bài số ${i + 1}.\nHội nghị đánh giá công tác xây dựng Đảng của tỉnh.`,
          outlet: ['Báo A', 'Báo B', 'Báo C'][i % 3],
        })),
      ),
    ]),
  }),
});

test('only the rows in view are in the page, and the last row can be reached', async (t) => {
  const { app, page, errors } = await h.openApp(t);
  await app.waitForTotal(N);
  assert.equal(await app.count(), '3.000 bài viết');
  const rendered = await app.results().count();
  assert.ok(rendered > 5 && rendered < 40, `${rendered} rows in the page`);
  const scroller = page.getByTestId('results-scroll');
  await scroller.evaluate((el) => { el.scrollTop = el.scrollHeight; });
  const last = page.locator('[data-testid=result][data-pos="2999"]');
  await last.waitFor();
  assert.equal(await last.getAttribute('aria-posinset'), '3000');
  assert.equal(await last.getAttribute('aria-setsize'), '3000');
  assert.ok((await app.results().count()) < 40);
  // The row is there at once; its headline when its article file arrives ("…" until then).
  await until(async () => (await last.locator('h3').textContent()) !== '…', 'the headline of the last row');
  assert.match(await last.locator('h3').textContent(), /^Bài thử số 1: /, 'newest first: the oldest is last');
  // The keyboard cursor brings its row into view.
  await scroller.evaluate((el) => { el.scrollTop = 0; });
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  for (let i = 0; i < 30; i++) await page.keyboard.press('j');
  await until(async () => (await page.locator('[data-testid=result].cursor').getAttribute('data-pos')) === '29', 'row 30 chosen');
  assert.ok(await page.locator('[data-testid=result].cursor').isVisible());
  assert.deepEqual(errors, []);
});

test('a search over every article shows, opens and steps through rows far down its list', async (t) => {
  // By relevance, the best rows are ordered at once and the rest when the list first reaches
  // them (crates/model/src/search/ranked.rs, whose tests check the order against a full
  // sort): here the list, the reader's place and its neighbour far past those first rows.
  const { app, page, errors } = await h.openApp(t, { query: '?q=t%E1%BB%95ng+k%E1%BA%BFt' });
  await app.waitForTotal(N);
  const scroller = page.getByTestId('results-scroll');
  const rowH = (await page.locator('[data-testid=result]').first().boundingBox()).height;
  const rowAt = async (pos) => {
    await scroller.evaluate((el, y) => { el.scrollTop = y; }, pos * rowH);
    const row = page.locator(`[data-testid=result][data-pos="${pos}"]`);
    await row.waitFor();
    await until(async () => (await row.locator('h3').textContent()) !== '…', `the headline of row ${pos}`);
    return row.locator('h3').textContent();
  };
  const before = await rowAt(1499);
  const at = await rowAt(1500);
  assert.match(before, /^Bài thử số \d+: /);
  assert.match(at, /^Bài thử số \d+: /);
  assert.notEqual(before, at);
  await page.locator('[data-testid=result][data-pos="1500"] h3 a').click();
  const position = page.locator('.reader-bar .position');
  await until(async () => (await position.textContent()) === 'Bài 1.501/3.000', 'the reader at 1.501 of 3.000');
  assert.equal(await page.locator('.article h2').textContent(), at);
  await page.getByTestId('reader-prev').click();
  await until(async () => (await position.textContent()) === 'Bài 1.500/3.000', 'the reader at 1.500');
  assert.equal(await page.locator('.article h2').textContent(), before);
  assert.match(await rowAt(N - 1), /^Bài thử số \d+: /);
  assert.deepEqual(errors, []);
});
