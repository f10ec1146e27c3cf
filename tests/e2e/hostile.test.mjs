// Nothing a visitor types or links to breaks the explorer: a table of hostile queries and
// links, on 3,000 generated articles, each of which must give a result or an empty state
// within a frame budget, with no page error (the app keeps working after each).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { harness } from './support/harness.mjs';
import { until } from './support/app_page.mjs';
import { ingest, records } from './support/dataset.mjs';

const N = 3000;
const WORDS = ['Đảng', 'viên', 'hội nghị', 'ban chấp hành', 'tổng kết', 'Hưng Yên', 'đang', 'kết nạp', 'công đoàn', 'Nam Định'];
const h = harness({
  mounts: () => ({
    'data/': ingest([
      records(
        Array.from({ length: N }, (_, i) => ({
          id: `h${String(i).padStart(5, '0')}`,
          title: `${WORDS[i % 10]} ${WORDS[(i * 7) % 10]} số ${i}`,
          date: new Date(Date.UTC(2010, 0, 1) + i * 86400000 * 2).toISOString().slice(0, 10),
          body: `Sáng ${1 + (i % 28)}/3, ${WORDS[(i * 3) % 10]} ${WORDS[(i * 5) % 10]} theo Nghị quyết số ${i % 40}-NQ/TU. ${WORDS.join(' ')}.`,
          outlet: ['Báo A', 'Báo B'][i % 2],
        })),
      ),
    ]),
  }),
});

/** The longest task (ms) while `action` runs and the list settles, and how long it took until
 * the list showed a final count or an empty state. */
async function timed(page, action) {
  await page.evaluate(() => {
    window.__long = 0;
    window.__obs?.disconnect();
    window.__obs = new PerformanceObserver((l) => {
      for (const e of l.getEntries()) window.__long = Math.max(window.__long, e.duration);
    });
    window.__obs.observe({ type: 'longtask' });
  });
  const t0 = Date.now();
  await action();
  await until(
    () =>
      page.evaluate(() => {
        const count = document.querySelector('[data-testid=result-count]');
        const done = count && count.dataset.loading === 'false';
        return done && (document.querySelector('[data-testid=result]') || document.querySelector('[data-testid=empty-state]'));
      }),
    'a result or an empty state',
  );
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const elapsed = Date.now() - t0;
  const longest = await page.evaluate(() => window.__long);
  return { elapsed, longest };
}

const QUERIES = [
  '-"',
  '-""',
  '"đảng -" -"" - -- """ viên',
  '"',
  '-',
  '""""',
  '"ban chấp',
  'đảng '.repeat(20_000),
  Array.from({ length: 5000 }, (_, i) => String.fromCharCode(97 + (i % 26))).join(' '),
  '-a '.repeat(3000),
  '"a b" '.repeat(200),
  '<script>window.__xss=1</script>',
  'Ðảng \u0000\u0001\u001f \u202e viên 🙂',
  'Đa\u0309ng vie\u0302n',
  'số 15 - nq/tu',
  '15-NQ/TU"',
  '((((((((((',
  '%E1%BA %zz + & =',
];

// The frame budget: generous for a shared CI machine; the freeze this guards against took
// seconds. The benchmark (./x bench) reports the real figures at 100,000 articles.
const BUDGET_MS = 250;

test('hostile queries give a result or an empty state within a frame budget', async (t) => {
  const { app, page, errors } = await h.openApp(t);
  await app.waitForTotal(N);
  const slow = [];
  for (const q of QUERIES) {
    const { longest } = await timed(page, () => app.searchBox().fill(q));
    if (longest > BUDGET_MS) slow.push(`${JSON.stringify(q.slice(0, 40))}: ${longest} ms`);
    // The search box still answers: a plain query works right after.
    await app.searchBox().fill('hội nghị');
    await until(async () => (await page.getByTestId('result-count').getAttribute('data-loading')) === 'false' && (await app.total()) > 0, 'a plain query after it');
  }
  assert.deepEqual(slow, [], 'no long task beyond the budget');
  // What the bar shows for a stray quote and for a pasted paragraph.
  await app.searchBox().fill('-"');
  await until(() => page.getByTestId('understood').isVisible(), 'the query as understood');
  assert.match(await page.getByTestId('understood').textContent(), /không có từ nào để tìm/);
  await app.searchBox().fill('đảng '.repeat(200));
  await until(async () => /bỏ bớt \d+ phần/.test(await page.getByTestId('understood').textContent()), 'the note on a cut query');
  assert.equal(await page.evaluate(() => window.__xss ?? null), null);
  assert.deepEqual(errors, []);
  assert.equal(await page.getByTestId('panic').count(), 0);
});

const LINKS = [
  '?g=day&zoom=0001-01-01..9999-12-31',
  '?from=2024-13-45&to=2024-02-30',
  '?from=2025-01-01&to=2010-01-01',
  '?zoom=2024-01-01..2010-01-01&g=week',
  '?f.__proto__=x&f.constructor=y',
  '?f.province=' + Array.from({ length: 100 }, (_, i) => `v${i}`).join('&f.province='),
  '?a=khong-co-bai-nay',
  '?q=%3Cb%3Ex%3C%2Fb%3E&a=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E',
  '?q=%E1%BA&from=%ZZ',
  '?q=%00%01%1F%7F&sort=sideways&g=eon&strict=maybe',
  '?q=' + encodeURIComponent('-"'.repeat(500)),
  '?undated=1&from=2011-01-01',
];

test('hostile links open a sensible view within a frame budget', async (t) => {
  const { app, page, errors } = await h.openApp(t);
  await app.waitForTotal(N);
  const slow = [];
  for (const link of LINKS) {
    const { elapsed, longest } = await timed(page, () => page.goto(app.url + link));
    if (longest > BUDGET_MS) slow.push(`${link.slice(0, 40)}: ${longest} ms (${elapsed} ms in all)`);
    assert.equal(await page.getByTestId('panic').count(), 0, link);
  }
  assert.deepEqual(slow, [], 'no long task beyond the budget');
  // A link with too many values says what it left out.
  await page.goto(app.url + LINKS[5]);
  await page.getByTestId('filters-cut').waitFor();
  assert.match(await page.getByTestId('filters-cut').textContent(), /đã bỏ 68 giá trị/);
  // A link to a missing article says so.
  await page.goto(app.url + '?a=khong-co-bai-nay');
  await until(async () => /khong-co-bai-nay/.test(await app.reader().textContent()), 'the missing article named');
  assert.equal(await page.evaluate(() => window.__xss ?? null), null);
  assert.deepEqual(errors, []);
});
