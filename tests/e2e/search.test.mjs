// Searching in the browser: diacritics both ways, exact marks, phrases, exclusions, document
// codes, sorting, and the query living in the URL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { harness } from './support/harness.mjs';
import { until } from './support/app_page.mjs';

const h = harness();
const HUNG_YEN = '000_a3aac47d90c9b531';
const VISIT = '004_69ae7685d5133d3d';

test('finds the same articles with and without diacritics and marks the matches', async (t) => {
  const { app, errors } = await h.openApp(t);
  await app.search('hung yen');
  await app.waitForTotal(2);
  assert.deepEqual(await app.ids(), [HUNG_YEN, VISIT]);
  assert.deepEqual((await app.rows())[0].marks, ['Hưng', 'Yên']);
  assert.equal(app.params().get('q'), 'hung yen');
  await app.search('HƯNG YÊN');
  await app.waitForTotal(2);
  assert.deepEqual(await app.ids(), [HUNG_YEN, VISIT]);
  // đ folds to d like any other mark.
  await app.search('dang vien ');
  const plain = await app.total();
  await app.search('đảng viên ');
  assert.equal(await app.total(), plain);
  assert.ok(plain > 0);
  // The snippet shows the passage with the words.
  await until(async () => (await app.rows())[0].snippetMarks.length > 0, 'snippet marks');
  // Marked words are the folded matches ("Đảng", "đang", "viên"...).
  const fold = (w) => w.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd');
  assert.ok((await app.rows())[0].snippetMarks.every((m) => ['dang', 'vien'].includes(fold(m))));
  assert.deepEqual(errors, []);
});

test('the exact-marks switch keeps only the diacritics typed', async (t) => {
  const { app, page } = await h.openApp(t);
  await app.search('đang ');
  await app.waitForTotal(5);
  await page.getByTestId('strict').check();
  await app.waitForTotal(1);
  assert.deepEqual(await app.ids(), [VISIT]);
  assert.equal(app.params().get('strict'), '1');
});

test('phrases, exclusions and document codes', async (t) => {
  const { app } = await h.openApp(t);
  await app.search('"ban chấp hành"');
  await app.waitForTotal(2);
  assert.deepEqual(await app.ids(), [HUNG_YEN, '002_9228e39e671308d9']);
  await app.search('tổng kết -Hưng');
  await app.waitForTotal(3);
  assert.ok(!(await app.ids()).includes(HUNG_YEN));
  for (const q of ['15-NQ/TU', 'số 15-NQ/TU', '15 - nq / tu']) {
    await app.search(q);
    await app.waitForTotal(2);
    assert.deepEqual((await app.ids()).sort(), [HUNG_YEN, VISIT], q);
  }
  // The code is highlighted as one unit in the snippets, however the query spaced it.
  await until(async () => (await app.rows()).every((r) => r.snippetMarks.includes('15-NQ/TU')), 'code marked in snippets');
});

test('sorting by date, and back restores the previous order', async (t) => {
  const { app, page } = await h.openApp(t);
  await page.getByTestId('sort').selectOption('oldest');
  await until(async () => app.params().get('sort') === 'oldest', 'sort in URL');
  assert.deepEqual(await app.ids(), [VISIT, '002_9228e39e671308d9', HUNG_YEN, '001_045dc231b05212c5', '003_6c8cf860eff313fa']);
  await page.goBack();
  await until(async () => !app.params().has('sort'), 'sort gone from URL');
  await until(async () => (await app.ids())[0] === '003_6c8cf860eff313fa', 'newest first again');
  assert.equal(await page.getByTestId('sort').inputValue(), 'relevance');
});

test('typing replaces the history entry instead of adding one per keystroke', async (t) => {
  const { app, page } = await h.openApp(t);
  const before = await page.evaluate(() => history.length);
  await app.searchBox().click();
  await page.keyboard.type('hung yen', { delay: 15 });
  await app.waitForTotal(2);
  assert.equal(await page.evaluate(() => history.length), before);
  // The URL follows within a moment (typing rewrites it at most every 300 ms).
  await until(() => app.params().get('q') === 'hung yen', 'q=hung yen');
  assert.equal(await page.evaluate(() => history.length), before);
});

test('a copied link reopens the same search', async (t) => {
  const { app } = await h.openApp(t, { query: '?q=hung+yen&sort=oldest' });
  assert.equal(await app.searchBox().inputValue(), 'hung yen');
  await app.waitForTotal(2);
  assert.deepEqual(await app.ids(), [VISIT, HUNG_YEN]);
});

test('typing rewrites the URL a few times, not once per keystroke, and a click keeps what was typed', async (t) => {
  const { app, page, errors } = await h.openApp(t, {
    setup: (p) => p.addInitScript(() => {
      window.__replaced = 0;
      const replace = history.replaceState.bind(history);
      history.replaceState = (...a) => { window.__replaced++; return replace(...a); };
    }),
  });
  const before = await page.evaluate(() => window.__replaced);
  // Twelve keystrokes as fast as the page takes them.
  await app.searchBox().pressSequentially('hung yen dang', { delay: 0 });
  await until(() => app.params().get('q') === 'hung yen dang', 'the URL holds the whole query');
  const replaced = (await page.evaluate(() => window.__replaced)) - before;
  assert.ok(replaced >= 1 && replaced < 6, `${replaced} URL rewrites for 13 keystrokes`);
  // A click right after typing: the entry left behind records the query typed into it.
  await app.searchBox().pressSequentially(' vien', { delay: 0 });
  await app.openResult(0);
  await until(() => app.params().has('a'), 'the reader opened');
  assert.equal(app.params().get('q'), 'hung yen dang vien');
  await page.goBack();
  await until(() => !app.params().has('a'), 'back closes the reader');
  assert.equal(app.params().get('q'), 'hung yen dang vien');
  assert.deepEqual(errors, []);
});

test('typing the first letter, and emptying the box, moves nothing below the search bar', async (t) => {
  const { app, page, errors } = await h.openApp(t);
  const top = () => page.evaluate(() => [document.querySelector('main').getBoundingClientRect().top, document.querySelector('[data-testid=result]').getBoundingClientRect().top]);
  const before = await top();
  await app.search('h');
  await until(async () => (await app.rows())[0]?.snippetMarks.length > 0, 'the rows of "h"');
  assert.deepEqual(await top(), before, 'the list moved when the first letter came');
  await app.search('');
  await app.waitForTotal(5);
  assert.deepEqual(await top(), before, 'the list moved when the box was emptied');
  // With a filter in force, its chips and "clear all" are there, and clear the query too.
  await app.search('hung');
  await app.toggleFacet('province', 'Hưng Yên');
  await app.waitForTotal(2);
  await app.clearAll();
  await app.waitForTotal(5);
  assert.equal(await app.searchBox().inputValue(), '');
  assert.deepEqual(errors, []);
});
