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
