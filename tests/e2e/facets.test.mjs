// The facet panel: counts, several values of a facet with OR, facets with AND and counted
// disjunctively, chips, clear-all, the search box inside long lists, and the empty state.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { harness } from './support/harness.mjs';
import { eventually, until } from './support/app_page.mjs';

const h = harness();

test('values of one facet combine with OR, facets with AND, counts stay disjunctive', async (t) => {
  const { app, errors } = await h.openApp(t);
  assert.equal(await app.facetCount('province', 'Hưng Yên'), 2);
  await app.toggleFacet('province', 'Hưng Yên');
  await app.waitForTotal(2);
  assert.deepEqual(app.params().getAll('f.province'), ['Hưng Yên']);
  // The province facet is counted without its own filter: the other provinces still show.
  assert.equal(await app.facetCount('province', 'Long An'), 1);
  await app.toggleFacet('province', 'Long An');
  await app.waitForTotal(3);
  assert.deepEqual(app.params().getAll('f.province'), ['Hưng Yên', 'Long An']);
  // Other facets count within the selected provinces.
  assert.equal(await app.facetCount('kind', 'year_review'), 2);
  assert.equal(await app.facetCount('kind', 'working_visit'), 1);
  await app.toggleFacet('kind', 'working_visit');
  await app.waitForTotal(1);
  assert.deepEqual(await app.ids(), ['004_69ae7685d5133d3d']);
  assert.deepEqual(await app.chipTexts(), ['Tỉnh, thành phố: Hưng Yên', 'Tỉnh, thành phố: Long An', 'Loại sự kiện: Làm việc, thăm']);
  assert.deepEqual(errors, []);
});

test('a key press paints its list first; the facet counts, the timeline and the links to other pages follow after that paint', async (t) => {
  const { app, page, errors } = await h.openApp(t);
  // Typed once, so that every prefix's term files are in (a keystroke asks for its own only
  // once the typing pauses): then each key press below searches in its own frame.
  await app.searchBox().focus();
  for (const c of 'hung yen') {
    await page.keyboard.type(c);
    await until(async () => (await page.getByTestId('result-count').getAttribute('data-loading')) === 'false', `the files of a prefix ending in "${c}"`);
  }
  await app.searchBox().fill('');
  await app.waitForTotal(5);
  // At each key press, what the frame after it shows: a timer queued from that frame's
  // animation callback runs once the frame is painted.
  await page.evaluate(() => {
    window.__frames = [];
    const count = () => document.querySelector('[data-testid=result-count]').textContent;
    const facets = () => document.querySelector('[data-testid=facets]').textContent;
    // The view tabs' links carry the search: rewritten with the panels, not in the key's frame.
    const links = () => [...document.querySelectorAll('nav a[href]')].map((a) => a.getAttribute('href')).join(' ');
    document.querySelector('[data-testid=search]').addEventListener('keydown', () => {
      const t0 = performance.now();
      const before = { count: count(), facets: facets(), links: links() };
      requestAnimationFrame(() => setTimeout(() => {
        window.__frames.push({
          before,
          count: count(),
          facetsKept: facets() === before.facets,
          linksKept: links() === before.links,
          panels: performance.getEntriesByName('nienbieu:panels').filter((m) => m.startTime > t0).length,
        });
      }, 0));
    }, { capture: true });
  });
  await page.keyboard.type('hung yen', { delay: 80 });
  await app.waitForTotal(2);
  const frames = await page.evaluate(() => window.__frames);
  assert.equal(frames.length, 'hung yen'.length, JSON.stringify(frames));
  // The last key's frame already shows its list, and nothing of its panels was counted yet:
  // wherever a key changed the count, the facet panel painted with it is still the one before.
  assert.equal(frames.at(-1).count, await app.count());
  assert.deepEqual(frames.map((f) => f.panels), frames.map(() => 0), JSON.stringify(frames));
  const changed = frames.filter((f) => f.count !== f.before.count);
  assert.ok(changed.length > 0, JSON.stringify(frames));
  assert.ok(changed.every((f) => f.facetsKept), JSON.stringify(frames));
  assert.ok(frames.every((f) => f.linksKept), JSON.stringify(frames.map((f) => [f.before.links, f.linksKept])));
  // Then they follow: the links carry the query, and the panels are counted for it (Long An
  // has no article about Hưng Yên).
  await until(async () => (await page.getByTestId('nav-people').getAttribute('href')).includes('q=hung+yen'), 'the links carrying the query');
  assert.ok((await page.evaluate(() => performance.getEntriesByName('nienbieu:panels').length)) > 0);
  assert.equal(await app.facetCount('province', 'Hưng Yên'), 2);
  assert.equal(await app.facet('province', 'Long An').count(), 0);
  assert.deepEqual(errors, []);
});

test('chips remove one filter each; clear all removes every one', async (t) => {
  const { app } = await h.openApp(t, { query: '?q=t%E1%BB%95ng+k%E1%BA%BFt&f.province=H%C6%B0ng+Y%C3%AAn&f.year=2024' });
  await app.waitForTotal(1);
  await app.chips().filter({ hasText: 'Năm: 2024' }).click();
  await app.waitForTotal(1);
  assert.equal(app.params().get('f.year'), null);
  await app.clearAll();
  await app.waitForTotal(5);
  assert.equal(new URL(app.page.url()).search, '');
  assert.equal(await app.chips().count(), 0);
  assert.equal(await app.searchBox().inputValue(), '');
});

test('long facet lists have a search box and a show-more switch', async (t) => {
  const { app, page } = await h.openApp(t);
  const orgs = page.locator('section.facet').filter({ has: page.getByRole('heading', { name: 'Tổ chức', exact: true }) });
  assert.equal(await orgs.locator('.facet-value').count(), 8);
  await orgs.getByRole('button', { name: 'Xem thêm' }).click();
  assert.ok((await orgs.locator('.facet-value').count()) > 8);
  await orgs.getByRole('searchbox').fill('lao dong');
  await until(async () => (await orgs.locator('.facet-value').count()) < 10, 'the list narrows');
  const labels = await orgs.locator('.value-label').allTextContents();
  assert.ok(labels.length > 0);
  assert.ok(labels.every((l) => /lao động/i.test(l)), labels.join(' | '));
});

test('an empty result says which filter to remove, and removing it brings results back', async (t) => {
  const { app, page } = await h.openApp(t, { query: '?f.kind=working_visit&f.province=Nam+%C4%90%E1%BB%8Bnh' });
  await app.waitForTotal(0);
  const empty = page.getByTestId('empty-state');
  await empty.waitFor();
  const options = await page.getByTestId('relax').allTextContents();
  assert.deepEqual(options.sort(), [
    'Bỏ lọc Loại sự kiện: Làm việc, thăm → 1 bài',
    'Bỏ lọc Tỉnh, thành phố: Nam Định → 1 bài',
  ]);
  await page.getByTestId('relax').filter({ hasText: 'Nam Định' }).click();
  await app.waitForTotal(1);
  // The row's id comes with its article file, which the empty list had not needed.
  await eventually(() => app.ids(), ['004_69ae7685d5133d3d'], 'the row');
});

test('on a desktop screen only the panes scroll, never the page, however long the filters', async (t) => {
  // The filters run far below the panel's end (2,400 px at this size), their "↗" links' hidden
  // labels included (absolutely positioned, they once escaped the panel and made the whole
  // page scroll 2,368 px into blank space).
  const { app, page, errors } = await h.openApp(t, { viewport: { width: 1280, height: 720 } });
  await app.waitForTotal(5);
  const overflow = await page.evaluate(() => {
    const panel = document.querySelector('.filters-panel');
    return {
      panel: panel.scrollHeight - panel.clientHeight,
      page: document.documentElement.scrollHeight - document.documentElement.clientHeight,
    };
  });
  assert.ok(overflow.panel > 0, 'the filters are longer than their panel');
  assert.equal(overflow.page, 0, 'the page itself does not scroll');
  assert.deepEqual(errors, []);
});

test('on a phone the folded filters are built when opened, counted for the current search, and work', async (t) => {
  const { app, page, errors } = await h.openApp(t, { viewport: { width: 412, height: 823 } });
  await app.waitForTotal(5);
  // Folded: none of its values is in the page (926 elements on the corpus's first screen
  // before, 286 now), so typing does not keep them up to date.
  assert.equal(await page.locator('details.filters-panel').getAttribute('open'), null);
  assert.equal(await page.locator('[data-testid=facets]').count(), 0);
  await app.search('hung yen');
  await app.waitForTotal(2);
  await page.click('details.filters-panel > summary');
  // Opened: the counts are those of the current search (the whole archive has Long An too,
  // and three year-end reviews).
  assert.equal(await app.facetCount('province', 'Hưng Yên'), 2);
  assert.equal(await app.facet('province', 'Long An').count(), 0);
  assert.equal(await app.facetCount('kind', 'working_visit'), 1);
  await app.toggleFacet('kind', 'working_visit');
  await app.waitForTotal(1);
  assert.deepEqual(app.params().getAll('f.kind'), ['working_visit']);
  // Folded again: gone from the page, the filter kept.
  await page.click('details.filters-panel > summary');
  await until(async () => (await page.locator('[data-testid=facets]').count()) === 0, 'the values leave with the fold');
  await app.waitForTotal(1);
  assert.deepEqual(await app.chipTexts(), ['Loại sự kiện: Làm việc, thăm']);
  assert.deepEqual(errors, []);
});

test('organisations and people are counted from a file of their own: the list never waits for it, their panels say they are counting, a filter on them waits for it', async (t) => {
  const columns = (u) => /^\/data\/columns-[^/]*\.bin$/.test(new URL(u).pathname);
  const asked = [];
  let release;
  const held = new Promise((r) => { release = r; });
  const hold = (page) => page.route(columns, async (route) => {
    asked.push(route.request().url());
    await held;
    await route.continue();
  });
  // What each panel lists: value and count.
  const listed = (page, key) => page.locator(`[data-testid^="facet-${key}-"]`).evaluateAll((els, key) =>
    els.map((e) => [e.dataset.testid.slice(`facet-${key}-`.length), Number(e.querySelector('.count').textContent.replace(/[^\d]/g, ''))]), key);
  const { app, page, errors } = await h.openApp(t, { setup: hold });
  // The whole archive: every facet counted, organisations and people from the core's
  // frequencies, without their columns.
  await app.waitForTotal(5);
  for (const key of ['person', 'organization']) {
    const all = await listed(page, key);
    assert.ok(all.length >= 5, `${key}: ${all.length} values listed`);
    assert.ok(all.every(([, n]) => n >= 1 && n <= 5), `${key}: counts of the whole archive`);
  }
  assert.equal(await page.getByTestId('facet-pending').count(), 0);
  assert.deepEqual(asked, [], 'the first screen needs no columns');
  // A filter on a province (in the core): the list comes at once; the two deferred panels
  // say they are counting, and their columns are asked for.
  await app.toggleFacet('province', 'Hưng Yên');
  await app.waitForTotal(2);
  assert.equal(await app.facetCount('province', 'Hưng Yên'), 2);
  await until(async () => (await page.getByTestId('facet-pending').count()) === 2, 'two panels counting');
  assert.deepEqual(await page.getByTestId('facet-pending').allTextContents(), ['Đang đếm…', 'Đang đếm…']);
  await until(() => asked.length === 1, 'the columns asked for');
  // They arrive: the panels count the two articles of Hưng Yên, and only them.
  release();
  await until(async () => (await page.getByTestId('facet-pending').count()) === 0, 'panels counted');
  const people = await listed(page, 'person');
  assert.ok(people.some(([name]) => name === 'Trần Quốc Toản' || name === 'Lê Quang Toản'), JSON.stringify(people));
  for (const [name, n] of people) {
    assert.ok(!['Lê Quốc Chỉnh', 'Nguyễn Đức Thắng', 'Nguyễn Văn Được'].includes(name), `${name} is not in Hưng Yên`);
    assert.ok(n >= 1 && n <= 2, `${name}: ${n}`);
  }
  assert.equal(asked.length, 1);
  assert.deepEqual(errors, []);
});

test('a link filtering by a person waits for the columns without showing a count, then lists the right articles', async (t) => {
  const columns = (u) => /^\/data\/columns-[^/]*\.bin$/.test(new URL(u).pathname);
  let release;
  const held = new Promise((r) => { release = r; });
  const { app, page, errors } = await h.openApp(t, {
    query: '?f.person=Tr%E1%BA%A7n+Qu%E1%BB%91c+To%E1%BA%A3n',
    wait: false,
    setup: (p) => p.route(columns, async (route) => { await held; await route.continue(); }),
  });
  const count = page.getByTestId('result-count');
  await count.waitFor();
  await page.waitForTimeout(300);
  assert.equal(await count.getAttribute('data-loading'), 'true', 'no count is final before the columns');
  release();
  await app.waitForTotal(1);
  assert.equal(await count.getAttribute('data-loading'), 'false');
  assert.deepEqual(await app.ids(), ['004_69ae7685d5133d3d']);
  assert.deepEqual(errors, []);
});
