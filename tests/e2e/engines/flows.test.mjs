// The core flows in every engine (Chromium, Firefox, WebKit), each test written once: the list's
// first paint, search with and without diacritics, a facet, the timeline's bars against the
// results per period, a brush on the timeline, the reader and its links, back and forward, a
// view from its own wasm module, export, and a query answered by the search before the app.
import assert from 'node:assert/strict';
import { engineSuite } from '../support/engines/suite.mjs';
import { tid } from '../support/engines/app.mjs';
import { eventually, until } from '../support/app_page.mjs';

const HUNG_YEN = '000_a3aac47d90c9b531';
const VISIT = '004_69ae7685d5133d3d';
const NEWEST_FIRST = ['003_6c8cf860eff313fa', '001_045dc231b05212c5', HUNG_YEN, '002_9228e39e671308d9', VISIT];

/** Each bar's count against the rows whose date falls in its period, for rows all shown. */
async function barsMatchRows(app) {
  const [bars, rows] = [await app.bars(), await app.rows()];
  const day = (r) => r.datetime?.slice(0, 10);
  const per = bars.map((b) => [b.start, b.count, rows.filter((r) => day(r) >= b.start && day(r) <= b.end).length]);
  assert.deepEqual(per.filter(([, shown, want]) => shown !== want), [], 'bars that differ from the rows of their period');
  return bars;
}

engineSuite((s) => {
  s.test('first paint: the five seeds newest first, the count and 27 monthly bars', async (t) => {
    const { app, errors } = await s.openApp(t);
    assert.equal(await app.count(), '5 bài viết');
    assert.deepEqual(await app.ids(), NEWEST_FIRST);
    const rows = await app.rows();
    assert.equal(rows[2].title, 'Đảng bộ Liên đoàn Lao động tỉnh Hưng Yên tổng kết công tác xây dựng Đảng năm 2023');
    assert.equal(rows[2].date, '08/01/2024');
    await eventually(async () => (await app.bars()).length, 27, 'bars from 11/2021 to 01/2024');
    const bars = await barsMatchRows(app);
    assert.equal(bars.at(-1).count, 3, 'January 2024 holds three articles');
    await app.screenshot('first-paint');
    assert.deepEqual(await errors(), []);
  });

  s.test('search with and without diacritics finds the same articles and marks them', async (t) => {
    const { app, errors } = await s.openApp(t);
    await app.search('hung yen');
    await app.waitForTotal(2);
    assert.deepEqual(await app.ids(), [HUNG_YEN, VISIT]);
    assert.deepEqual((await app.rows())[0].marks, ['Hưng', 'Yên']);
    await app.search('Hưng Yên');
    await app.waitForTotal(2);
    assert.deepEqual(await app.ids(), [HUNG_YEN, VISIT]);
    // đ folds to d like any other mark.
    await app.search('dang vien ');
    const plain = await app.total();
    assert.ok(plain > 0);
    await app.search('đảng viên ');
    await app.waitForTotal(plain);
    // The timeline counts the results, period by period.
    await app.search('hung yen');
    await app.waitForTotal(2);
    await eventually(async () => (await app.barCounts()).filter((c) => c > 0), [1, 1], 'two bars');
    await barsMatchRows(app);
    assert.deepEqual(await errors(), []);
  });

  s.test('a facet filters, counts disjunctively, and shows as a chip', async (t) => {
    const { app, errors } = await s.openApp(t);
    assert.equal(await app.facetCount('province', 'Hưng Yên'), 2);
    await app.toggleFacet('province', 'Hưng Yên');
    await app.waitForTotal(2);
    assert.deepEqual((await app.params()).getAll('f.province'), ['Hưng Yên']);
    assert.equal(await app.facetCount('province', 'Long An'), 1);
    await app.toggleFacet('kind', 'working_visit');
    await app.waitForTotal(1);
    assert.deepEqual(await app.ids(), [VISIT]);
    assert.deepEqual(await app.chipTexts(), ['Tỉnh, thành phố: Hưng Yên', 'Loại sự kiện: Làm việc, thăm']);
    await app.clearAll();
    await app.waitForTotal(5);
    assert.deepEqual(await errors(), []);
  });

  s.test('a click on a bar filters to its month; a brush across the chart to its period', async (t) => {
    const { app, errors } = await s.openApp(t);
    // The last bar is January 2024, with three articles.
    const bars = await app.bars();
    await app.page.click(tid('timeline-bar'), bars.length - 1);
    await until(async () => (await app.params()).get('from') === '2024-01-01' && (await app.params()).get('to') === '2024-01-31', 'January in the URL');
    await app.waitForTotal(bars.at(-1).count);
    await app.clearAll();
    await app.waitForTotal(5);
    // Bars 20 to 26 are July 2023 to January 2024.
    await app.dragTimeline(20, 26);
    await until(async () => (await app.params()).get('from') === '2023-07-01' && (await app.params()).get('to') === '2024-01-31', 'the range in the URL');
    await app.waitForTotal(4);
    assert.ok(!(await app.ids()).includes(VISIT));
    assert.deepEqual(await app.chipTexts(), ['Từ 01/07/2023 đến 31/01/2024']);
    await eventually(
      () => app.page.evaluate(() => [...document.querySelectorAll('[data-testid=timeline-bar][aria-selected=true]')].length),
      7,
      'seven bars chosen',
    );
    assert.equal(await app.facetCount('province', 'Hưng Yên'), 1);
    assert.deepEqual(await errors(), []);
  });

  s.test('the reader shows the article; its links filter the list and keep it open', async (t) => {
    const { app, errors } = await s.openApp(t);
    await app.openResult(2);
    assert.equal((await app.params()).get('a'), HUNG_YEN);
    assert.equal(await app.readerTitle(), 'Đảng bộ Liên đoàn Lao động tỉnh Hưng Yên tổng kết công tác xây dựng Đảng năm 2023');
    const body = await app.page.evaluate(() => [...document.querySelectorAll('[data-testid=reader] .body p')].map((p) => p.textContent));
    assert.ok(body.length >= 5 && body[0].startsWith('Ngày 08-1-2024, tại trụ sở'), body[0]);
    const docs = await app.page.evaluate(() => [...document.querySelectorAll('[data-testid=reader] .documents a')].map((a) => a.textContent));
    await app.page.click('[data-testid=reader] .documents a', docs.indexOf('15-NQ/TU'));
    await app.waitForTotal(2);
    assert.deepEqual((await app.params()).getAll('f.document'), ['15-NQ/TU']);
    assert.equal((await app.params()).get('a'), HUNG_YEN, 'the reader stays open');
    await app.page.click('[data-testid=reader] dl.meta a[data-facet=province]');
    await until(async () => (await app.params()).getAll('f.province').includes('Hưng Yên'), 'the province filter');
    assert.equal((await app.chipTexts()).length, 2);
    assert.deepEqual(await errors(), []);
  });

  s.test('previous and next, Escape, and the browser\'s back and forward', async (t) => {
    const { app, errors } = await s.openApp(t);
    await app.openResult(0);
    const position = () => app.page.evaluate(() => document.querySelector('[data-testid=reader] .position')?.textContent);
    assert.equal(await position(), 'Bài 1/5');
    await app.click('reader-next');
    await until(async () => (await app.params()).get('a') === '001_045dc231b05212c5', 'the next article');
    assert.equal(await position(), 'Bài 2/5');
    await app.click('reader-prev');
    await until(async () => (await app.params()).get('a') === NEWEST_FIRST[0], 'the first again');
    await app.page.press('Escape');
    await until(async () => !(await app.exists('reader')), 'the reader closes');
    await app.page.back();
    await until(async () => (await app.params()).get('a') === NEWEST_FIRST[0] && (await app.exists('reader')), 'back reopens it');
    await app.page.back();
    await until(async () => (await app.params()).get('a') === '001_045dc231b05212c5', 'back to the second');
    await app.page.forward();
    await app.page.forward();
    await until(async () => !(await app.exists('reader')), 'forward closes it again');
    assert.deepEqual(await errors(), []);
  });

  s.test('a view opens from its own wasm module: the documents view, a document page, its list', async (t) => {
    const { app, errors } = await s.openApp(t);
    // Room for every request in the page's resource timing (250 entries by default).
    await app.page.evaluate(() => performance.setResourceTimingBufferSize(10000));
    const asked = () => app.page.evaluate(() => performance.getEntriesByType('resource').filter((e) => /\/nienbieu-split_nienbieu_views[^/]*\.wasm$/.test(new URL(e.name).pathname)).length);
    assert.equal(await asked(), 0, 'the views\' module waits for a view');
    await app.click('nav-documents');
    await until(() => app.exists('entity-row'), 'the documents view, from its module', 20000);
    assert.equal(await asked(), 1);
    const keys = await app.page.evaluate(() => [...document.querySelectorAll('[data-testid=entity-row]')].map((r) => r.dataset.key));
    await app.page.click('[data-testid=entity-row] a', keys.indexOf('15-NQ/TU'));
    await until(() => app.exists('citation-count'), 'the page of 15-NQ/TU');
    assert.match(await app.text('citation-count'), /2 bài dẫn/);
    await app.click('list-link');
    await app.waitForTotal(2);
    assert.deepEqual((await app.params()).getAll('f.document'), ['15-NQ/TU']);
    assert.deepEqual(await errors(), []);
  });

  s.test('export gives the current results as CSV and JSON, in the order shown', async (t) => {
    const { app, errors } = await s.openApp(t, { query: '?f.province=H%C6%B0ng+Y%C3%AAn&sort=oldest' });
    await app.waitForTotal(2);
    const csv = await app.exportFile('export-csv');
    assert.equal(csv.name, 'nienbieu.csv');
    const lines = csv.text.trim().split('\r\n');
    assert.equal(lines.length, 3);
    assert.ok(lines[0].startsWith('id,title,published,event_date,province,organization,kind,year,person,document'));
    assert.ok(lines[1].startsWith(`${VISIT},"Đồng chí Phó Bí thư Thường trực Tỉnh ủy`));
    assert.ok(lines[2].startsWith(`${HUNG_YEN},Đảng bộ Liên đoàn Lao động tỉnh Hưng Yên tổng kết`));
    const json = await app.exportFile('export-json');
    assert.equal(json.name, 'nienbieu.json');
    const rows = JSON.parse(json.text);
    assert.deepEqual(rows.map((r) => r.id), [VISIT, HUNG_YEN]);
    assert.deepEqual(rows[1].facets.province, ['Hưng Yên']);
    assert.deepEqual(await errors(), []);
  });

  s.test('a query typed before the app arrives is answered on the painted screen, then the app takes it over', async (t) => {
    // The app's module held at the host: only the search before the app can answer.
    const release = s.server.hold(/_bg\.wasm$/);
    t.after(release);
    const { app, errors } = await s.openApp(t, { wait: false });
    const box = '#prerender form[role=search] input[type=search]';
    await until(() => app.page.evaluate((b) => !!document.querySelector(b), box), 'the painted first screen', 20000);
    await app.page.click(box);
    await app.page.type(box, 'hung yen');
    const painted = () =>
      app.page.evaluate(() => {
        const p = document.getElementById('prerender');
        const count = p?.querySelector('.result-count');
        if (!count || count.dataset.loading !== 'false' || !p.querySelector('.result mark')) return null;
        return {
          count: count.textContent.trim(),
          ids: [...p.querySelectorAll('.result .result-title a')].map((a) => new URL(a.href).searchParams.get('a')),
          marks: [...p.querySelector('.result .result-title').querySelectorAll('mark')].map((m) => m.textContent),
          busy: [...p.querySelectorAll('.filters-panel, .timeline')].map((e) => e.getAttribute('aria-busy')),
          appRows: document.querySelectorAll('[data-testid=result]').length,
        };
      });
    const shown = await until(painted, 'the painted screen answering', 20000);
    assert.deepEqual(shown, { count: '2 bài viết', ids: [HUNG_YEN, VISIT], marks: ['Hưng', 'Yên'], busy: ['true', 'true'], appRows: 0 });
    release();
    await app.ready();
    await app.waitForTotal(2);
    assert.equal(await app.page.evaluate(() => document.getElementById('prerender')), null, 'the painted screen gone');
    // Written into the URL as a keystroke's state is, within 300 ms.
    await until(async () => (await app.params()).get('q') === 'hung yen', 'the query in the URL');
    assert.deepEqual(await app.ids(), [HUNG_YEN, VISIT]);
    assert.ok(await app.page.evaluate(() => document.activeElement?.dataset.testid === 'search'), 'the app’s box has the focus');
    assert.deepEqual(await errors(), []);
  });
});
