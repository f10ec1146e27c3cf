// A facet with more values than the core keeps (organisations here: 157): the whole archive's
// panel lists the most frequent at once; a search within the facet asks for the rest (the
// columns file), lists what is loaded meanwhile with a note, then every match.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { harness } from './support/harness.mjs';
import { until } from './support/app_page.mjs';
import { ingest, records } from './support/dataset.mjs';

const FIRST = ['An', 'Bình', 'Hòa', 'Phú', 'Tân', 'Long', 'Thạnh', 'Vĩnh', 'Hưng', 'Phước', 'Mỹ', 'Đông'];
const SECOND = ['Lộc', 'Thuận', 'Hiệp', 'Thành', 'Lợi', 'Hải', 'Sơn', 'Trung', 'Nghĩa', 'Phong', 'Quang', 'Xuân', 'Đức'];
const COMMUNES = FIRST.flatMap((a) => SECOND.map((b) => `${a} ${b}`));

const h = harness({
  mounts: () => ({
    'data/': ingest([
      records(COMMUNES.map((name, i) => ({
        id: `x${String(i).padStart(3, '0')}`,
        title: `Hội nghị ở xã ${name}`,
        date: `2020-01-${String(1 + (i % 28)).padStart(2, '0')}`,
        body: `Ngày 5/1, Hội Nông dân xã ${name} tổ chức hội nghị tổng kết công tác năm. Tỉnh ủy Hưng Yên chỉ đạo.`,
      }))),
    ]),
  }),
});

test('a search within a facet of many values asks for the rest of them, and lists what is loaded until they come', async (t) => {
  const columns = (u) => /^\/data\/columns-[^/]*\.bin$/.test(new URL(u).pathname);
  const asked = [];
  let release;
  const held = new Promise((r) => { release = r; });
  const { app, page, errors } = await h.openApp(t, {
    setup: (p) => p.route(columns, async (route) => {
      asked.push(route.request().url());
      await held;
      await route.continue();
    }),
  });
  await app.waitForTotal(COMMUNES.length);
  const orgs = page.locator('section.facet').filter({ has: page.getByRole('heading', { name: 'Tổ chức', exact: true }) });
  // The whole archive: the most frequent first, counted, without the columns.
  assert.equal(await app.facetCount('organization', 'Tỉnh ủy Hưng Yên'), COMMUNES.length);
  await orgs.getByRole('button', { name: 'Xem thêm' }).click();
  assert.equal(await orgs.locator('.facet-value').count(), 100, 'the core keeps the 100 most frequent');
  assert.equal(await page.getByTestId('facet-pending').count(), 0);
  assert.equal(await page.getByTestId('facet-values-pending').count(), 0);
  assert.deepEqual(asked, [], 'listing the most frequent needs no columns');
  // Past the province's party committee (in every article), names of one article each come
  // in alphabetical order (by code point): the core keeps the first 99. "Phước" is cut in
  // two: some of its communes are kept, the rest come with the columns.
  const kept = [...COMMUNES].sort().slice(0, 99);
  const phuoc = COMMUNES.filter((c) => c.startsWith('Phước '));
  const keptPhuoc = phuoc.filter((c) => kept.includes(c));
  assert.ok(keptPhuoc.length > 0 && keptPhuoc.length < phuoc.length, `${keptPhuoc.length} of ${phuoc.length}`);
  const rare = phuoc.find((c) => !kept.includes(c));
  const name = `Hội Nông dân xã ${rare}`;
  const value = page.getByTestId(`facet-organization-${name}`);
  // Searching within the facet (without marks) asks for the rest, lists what is loaded and
  // says the rest is coming.
  await orgs.getByRole('searchbox').fill('phuoc');
  await until(() => asked.length === 1, 'the columns asked for');
  const note = page.getByTestId('facet-values-pending');
  await note.waitFor();
  assert.equal(await note.textContent(), 'Đang tải các giá trị còn lại…');
  await until(async () => (await orgs.locator('.facet-value').count()) === keptPhuoc.length, 'the kept ones listed');
  assert.deepEqual(
    (await orgs.locator('.value-label').allTextContents()).sort(),
    keptPhuoc.map((c) => `Hội Nông dân xã ${c}`).sort(),
  );
  assert.equal(await value.count(), 0, 'not loaded yet');
  // They arrive: every match, the rare one with its count, and the note goes.
  release();
  await value.waitFor();
  assert.equal(await app.facetCount('organization', name), 1);
  assert.equal(await note.count(), 0);
  assert.equal(await orgs.locator('.facet-value').count(), phuoc.length);
  // Choosing it filters the list to its one article.
  await app.toggleFacet('organization', name);
  await app.waitForTotal(1);
  assert.equal(await app.results().first().locator('h3').textContent(), `Hội nghị ở xã ${rare}`);
  assert.equal(asked.length, 1);
  assert.deepEqual(errors, []);
});

test('when the rest of the values cannot come, the search within the facet says why and searches the most frequent', async (t) => {
  const columns = (u) => /^\/data\/columns-[^/]*\.bin$/.test(new URL(u).pathname);
  // 503 is what the service worker answers offline for a file it has not stored.
  for (const [status, said] of [
    [503, 'Chưa lưu trên máy: chỉ tìm trong các giá trị thường gặp nhất.'],
    [500, 'Không tải được các giá trị còn lại: chỉ tìm trong các giá trị thường gặp nhất.'],
  ]) {
    const { app, page } = await h.openApp(t, {
      allow: ['/data/columns-'],
      setup: (p) => p.route(columns, (route) => route.fulfill({ status, body: '' })),
    });
    await app.waitForTotal(COMMUNES.length);
    const orgs = page.locator('section.facet').filter({ has: page.getByRole('heading', { name: 'Tổ chức', exact: true }) });
    await orgs.getByRole('searchbox').fill('phuoc');
    const note = page.getByTestId('facet-values-pending');
    await until(async () => (await note.count()) === 1 && (await note.textContent()) === said, `${status} said`);
    // What is loaded still answers: the kept communes of Phước, no other.
    const labels = await orgs.locator('.value-label').allTextContents();
    const kept = [...COMMUNES].sort().slice(0, 99).filter((c) => c.startsWith('Phước '));
    assert.deepEqual(labels.sort(), kept.map((c) => `Hội Nông dân xã ${c}`).sort());
  }
});
