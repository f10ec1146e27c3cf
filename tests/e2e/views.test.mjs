// The views of documents, people, organisations and figures on the seeds: each opens from the
// navigation, its state lives in the URL, its numbers match the articles, it works with the
// keyboard, in English, on a phone, and exports what it shows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { harness } from './support/harness.mjs';
import { until, eventually } from './support/app_page.mjs';

const h = harness();

/** The seeds as the ingest tool reads them, for brute-force counts. */
const ARTICLES = execFileSync('target/native/nienbieu-ingest', ['--json-lines', 'data/raw/seeds'], { stdio: ['ignore', 'pipe', 'ignore'] })
  .toString()
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l));
const yearOf = (a) => Number((a.event_date ?? a.published ?? '').slice(0, 4)) || null;

async function openView(app, page, view) {
  await page.getByTestId(`nav-${view}`).click();
  await page.getByTestId(`view-${view}`).waitFor();
  await page.getByTestId('entity-row').first().waitFor();
}

test("the views' code is a module of its own: asked for only when a view first opens; a failed fetch says so and is tried again", async (t) => {
  const { app, page, errors } = await h.openApp(t);
  const views = (u) => /\/nienbieu-split_nienbieu_views[^/]*\.wasm$/.test(new URL(u).pathname);
  const asked = [];
  page.on('request', (r) => views(r.url()) && asked.push(r.url()));
  // The list, a search, a facet and the reader work without it.
  await app.search('đảng viên');
  await app.openResult(0);
  assert.ok((await app.readerTitle()).length > 0, 'the reader shows its article');
  assert.deepEqual(asked, [], 'no request for the views\' module before a view opens');
  // Its fetch fails: the view says so and offers to try again.
  await page.route(views, (route) => route.abort());
  await page.getByTestId('nav-documents').click();
  const failed = page.getByTestId('view-code-failed');
  await failed.waitFor();
  assert.match(await failed.textContent(), /Không tải được dữ liệu của trang này/);
  assert.equal(asked.length, 1);
  // Once the network answers, the retry brings the view.
  await page.unroute(views);
  await failed.getByRole('button').click();
  await page.getByTestId('entity-row').first().waitFor();
  assert.equal(asked.length, 2, 'asked again on the retry');
  // Loaded once: the other views need no other request.
  for (const view of ['people', 'organizations', 'figures']) {
    await page.getByTestId(`nav-${view}`).click();
    await page.getByTestId(`view-${view}`).waitFor();
  }
  assert.equal(asked.length, 2, 'one module for every view');
  assert.deepEqual(errors, []);
});

test('the documents view lists cited documents; a document page counts its citations by year', async (t) => {
  const { app, page, errors } = await h.openApp(t);
  await openView(app, page, 'documents');
  assert.equal(app.params().get('v'), 'documents');
  const row = page.locator('[data-testid=entity-row][data-key="15-NQ/TU"]');
  assert.equal(await row.getAttribute('data-count'), '2', '15-NQ/TU is cited by two articles');
  // Search by code however written.
  await page.getByTestId('view-filter').fill('số 15 - nq/tu');
  await eventually(() => page.getByTestId('entity-row').evaluateAll((rs) => rs.map((r) => r.dataset.key)), ['15-NQ/TU'], 'the code found');
  await row.locator('a').click();
  await page.getByTestId('entity-page').waitFor();
  assert.equal(app.params().get('e'), '15-NQ/TU');
  // Both citing articles, with their dates, and the bars against a brute-force count.
  const citing = ARTICLES.filter((a) => a.documents.some((d) => (d.key || `${d.number}-${d.code}/${d.issuer}`) === '15-NQ/TU'));
  assert.equal(citing.length, 2);
  const want = {};
  for (const a of citing) want[yearOf(a)] = (want[yearOf(a)] ?? 0) + 1;
  const bars = await page.getByTestId('year-bar').evaluateAll((bs) => bs.map((b) => [Number(b.dataset.year), Number(b.dataset.count)]));
  assert.deepEqual(Object.fromEntries(bars.filter(([, n]) => n > 0)), want);
  assert.match(await page.getByTestId('citation-count').textContent(), /2 bài dẫn \(từ 19\/11\/2021 đến 08\/01\/2024\)/);
  await until(async () => (await page.locator('.article-link a').allTextContents()).every((x) => x && x !== '…'), 'the two headlines');
  assert.equal(await page.locator('.article-link').count(), 2);
  // Back and forward move between the page and the list.
  await page.goBack();
  await page.getByTestId('view-filter').waitFor();
  assert.equal(app.params().get('e'), null);
  await page.goForward();
  await page.getByTestId('entity-page').waitFor();
  // The list of its citing articles, one click away.
  await page.getByTestId('list-link').click();
  await app.waitForTotal(2);
  assert.deepEqual(app.params().getAll('f.document'), ['15-NQ/TU']);
  assert.equal(app.params().get('v'), null);
  assert.deepEqual(errors, []);
});

test('the people view gives titles with their first and last dates and the articles as evidence', async (t) => {
  const { app, page, errors } = await h.openApp(t, { query: '?v=people' });
  await page.getByTestId('entity-row').first().waitFor();
  for (const a of ARTICLES) {
    for (const p of a.people) {
      const row = page.locator(`[data-testid=entity-row][data-key="${p.name}"]`);
      assert.equal(await row.count(), 1, `${p.name} is listed`);
    }
  }
  await page.getByTestId('view-filter').fill('le quoc chinh');
  await page.locator('[data-testid=entity-row][data-key="Lê Quốc Chỉnh"] a').click();
  await page.getByTestId('career').waitFor();
  const seed = ARTICLES.find((a) => a.people.some((p) => p.name === 'Lê Quốc Chỉnh'));
  const titles = seed.people.find((p) => p.name === 'Lê Quốc Chỉnh').titles.map((x) => x.role);
  const steps = await page.getByTestId('career-step').evaluateAll((s) => s.map((x) => x.dataset.role));
  assert.deepEqual(steps.sort(), [...new Set(titles)].sort());
  assert.equal(await page.getByTestId('certainty').getAttribute('data-certainty'), 'sure');
  assert.match(await page.getByTestId('career').textContent(), /09\/01\/2024/);
  assert.deepEqual(errors, []);
});

test("an organisation's page shows the events it held and the figures it reported", async (t) => {
  const { page, errors } = await h.openApp(t, { query: '?v=organizations' });
  const name = 'Đảng bộ Liên đoàn Lao động tỉnh Hưng Yên';
  await page.getByTestId('view-filter').fill('lien doan lao dong hung yen');
  await page.locator(`[data-testid=entity-row][data-key="${name}"] a`).click();
  await page.getByTestId('entity-page').waitFor();
  // Its year-end review of 2023, held in January 2024.
  const events = await page.getByTestId('event-year').evaluateAll((e) => e.map((x) => [x.closest('tr').dataset.kind, x.dataset.year, Number(x.dataset.count)]));
  const want = ARTICLES.filter((a) => a.organizer === name).map((a) => [a.event_kind, String(yearOf(a)), 1]);
  assert.deepEqual(events, want);
  // The Hưng Yên Labour Federation's figures, as its articles report them.
  const figures = await page.getByTestId('org-figure').evaluateAll((f) => f.map((x) => [x.dataset.metric, Number(x.dataset.value)]));
  const wantFigures = ARTICLES.flatMap((a) => a.figures.filter((f) => f.subject === name).map((f) => [f.kind, f.value]));
  assert.ok(wantFigures.length > 0);
  assert.deepEqual(figures, wantFigures);
  assert.deepEqual(errors, []);
});

test('the figures view charts a metric by year, as a table too, with what was left out', async (t) => {
  const { app, page, errors } = await h.openApp(t, { query: '?v=figures' });
  await page.getByTestId('metric').waitFor();
  const metric = await page.getByTestId('metric').inputValue();
  const points = ARTICLES.flatMap((a) => a.figures.filter((f) => f.kind === metric && f.subject).map((f) => ({ a, f })));
  await page.getByTestId('figures-table-toggle').click();
  await page.getByTestId('figures-table').waitFor();
  assert.equal(app.params().get('tab'), '1');
  assert.equal(await page.getByTestId('figure-row').count(), points.length);
  const left = ARTICLES.flatMap((a) => a.figures.filter((f) => !f.subject)).length;
  if (left > 0) assert.equal(await page.getByTestId('left-out').getAttribute('data-count'), String(left));
  // Back to the chart, by the keyboard.
  await page.getByTestId('figures-table-toggle').focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('lines-chart').waitFor();
  assert.equal(app.params().get('tab'), null);
  assert.deepEqual(errors, []);
});

test('views are reached with the keyboard, speak English, export, and fit a 360 px phone', async (t) => {
  const { app, page, errors } = await h.openApp(t, { viewport: { width: 360, height: 740 } });
  await page.getByTestId('nav-documents').focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('view-documents').waitFor();
  for (const view of ['documents', 'people', 'organizations', 'figures']) {
    await page.getByTestId(`nav-${view}`).click();
    await page.getByTestId(`view-${view}`).waitFor();
    await page.waitForTimeout(200);
    const wide = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(wide <= 1, `${view}: the page scrolls sideways by ${wide} px`);
  }
  await app.switchLanguage();
  await page.getByTestId('nav-people').click();
  await page.getByTestId('view-people').waitFor();
  assert.equal(await page.locator('#view-heading').textContent(), 'People');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('view-export-csv').click()]);
  const csv = readFileSync(await download.path(), 'utf8');
  assert.ok(csv.startsWith('name,context,title,articles,first_seen,last_seen'));
  assert.equal(csv.trim().split('\r\n').length - 1, await page.getByTestId('entity-row').count());
  assert.deepEqual(errors, []);
});

test("the reader's people, organisations and documents, and the facets, open their pages", async (t) => {
  const { app, page, errors } = await h.openApp(t, { query: '?q=hung+yen' });
  await app.waitForTotal(2);
  await app.openResult(0);
  await app.reader().locator('.documents .to-page a').first().click();
  await page.getByTestId('view-documents').waitFor();
  await page.getByTestId('entity-page').waitFor();
  await page.getByTestId('nav-articles').click();
  await app.waitForTotal(2);
  await page.getByTestId('facet-page-link').first().locator('a').click();
  await until(() => page.locator('[data-testid^=view-]').count(), 'a view opened from a facet');
  assert.deepEqual(errors, []);
});
