// The timeline: dragging and clicking filter to a period (list, counts and URL follow), the
// keyboard does the same, zoom in, out and reset, and undated articles are selectable apart.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { harness } from './support/harness.mjs';
import { eventually, until } from './support/app_page.mjs';
import { ingest, pages } from './support/dataset.mjs';

const h = harness({
  mounts: () => ({
    // The seeds plus two pages without any date, served at /undated/data/.
    'undated/data/': ingest([
      'data/raw/seeds',
      pages({
        'x1.txt': 'Hội nghị không ghi ngày\n\nĐảng bộ xã họp bàn công tác.',
        'x2.txt': 'Một tin khác không ngày\n\nChi bộ thôn kết nạp đảng viên mới.',
      }),
    ]),
    'undated/': 'dist',
  }),
});

test('dragging across the chart filters the list to that period', async (t) => {
  const { app, errors } = await h.openApp(t);
  // Bars 20 to 26 are July 2023 to January 2024.
  await app.dragTimeline(20, 26);
  await until(() => app.params().get('from') === '2023-07-01' && app.params().get('to') === '2024-01-31', 'range in URL');
  await app.waitForTotal(4);
  assert.ok(!(await app.ids()).includes('004_69ae7685d5133d3d'));
  assert.deepEqual(await app.chipTexts(), ['Từ 01/07/2023 đến 31/01/2024']);
  const chosen = await app.bars().evaluateAll((bs) => bs.filter((b) => b.getAttribute('aria-selected') === 'true').length);
  assert.equal(chosen, 7);
  // The facet counts follow the range.
  assert.equal(await app.facetCount('province', 'Hưng Yên'), 1);
  assert.deepEqual(errors, []);
});

test('clicking a bar filters to its month; the keyboard does the same', async (t) => {
  const { app, page } = await h.openApp(t);
  await app.bars().nth(26).click();
  await until(() => app.params().get('from') === '2024-01-01' && app.params().get('to') === '2024-01-31', 'January');
  await app.waitForTotal(3);
  await app.clearAll();
  await app.waitForTotal(5);
  await app.timeline().focus();
  await page.keyboard.press('Home');
  await eventually(() => app.timeline().getAttribute('aria-activedescendant'), 'tl-bar-0', 'the first bar active');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Enter');
  await until(() => app.params().get('from') === '2021-11-01', 'November 2021');
  await app.waitForTotal(1);
  assert.deepEqual(await app.ids(), ['004_69ae7685d5133d3d']);
  assert.equal(await app.bars().first().getAttribute('aria-label'), 'Tháng 11/2021: 1 bài');
});

test('zoom in to the chosen period, out, and reset', async (t) => {
  const { app, page } = await h.openApp(t, { query: '?from=2024-01-01&to=2024-01-31' });
  await page.getByTestId('zoom-in').click();
  await until(() => app.params().get('zoom') === '2024-01-01..2024-01-31', 'zoom in URL');
  // A month shown day by day, the three articles on their days.
  // The chart follows the URL a frame later.
  await eventually(() => app.timeline().getAttribute('data-granularity'), 'day', 'granularity');
  await eventually(() => app.bars().count(), 31, 'one bar a day');
  await eventually(async () => (await app.barCounts()).map((c, i) => [i + 1, c]).filter(([, c]) => c > 0), [[8, 1], [9, 1], [12, 1]], 'days with articles');
  await page.getByTestId('zoom-out').click();
  await until(async () => (await app.bars().count()) > 31, 'a wider window');
  await page.getByTestId('zoom-reset').click();
  await until(() => !app.params().has('zoom'), 'zoom gone');
  await eventually(() => app.bars().count(), 27, 'the whole span by month');
});

test('undated articles are counted apart and can be selected', async (t) => {
  const { app, page } = await h.openApp(t, {});
  await app.page.goto(h.server.url + 'undated/');
  await app.page.getByTestId('result-count').waitFor();
  // The app under /undated/ reads /undated/data/: the seeds and two undated pages.
  await app.waitForTotal(7);
  const button = page.getByTestId('timeline-undated');
  assert.equal(await button.textContent(), 'Không rõ ngày: 2');
  await button.click();
  await app.waitForTotal(2);
  assert.equal(app.params().get('undated'), '1');
  assert.equal(await button.getAttribute('aria-pressed'), 'true');
  assert.deepEqual((await app.rows()).map((r) => r.date), [null, null]);
});
