// Exporting the current results as CSV and as JSON, in the order shown.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { harness } from './support/harness.mjs';

const h = harness();

async function download(page, testid) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
}

test('CSV and JSON hold the current results in the order shown', async (t) => {
  const { app, page } = await h.openApp(t, { query: '?f.province=H%C6%B0ng+Y%C3%AAn&sort=oldest' });
  await app.waitForTotal(2);
  const csv = await download(page, 'export-csv');
  assert.equal(csv.name, 'nienbieu.csv');
  const lines = csv.text.trim().split('\r\n');
  assert.equal(lines.length, 3);
  assert.ok(lines[0].startsWith('id,title,published,event_date,province,organization,kind,year,person,document'));
  assert.ok(lines[1].startsWith('004_69ae7685d5133d3d,"Đồng chí Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh Trần Quốc Toản'));
  assert.ok(lines[2].startsWith('000_a3aac47d90c9b531,Đảng bộ Liên đoàn Lao động tỉnh Hưng Yên tổng kết'));
  const json = await download(page, 'export-json');
  const rows = JSON.parse(json.text);
  assert.deepEqual(rows.map((r) => r.id), ['004_69ae7685d5133d3d', '000_a3aac47d90c9b531']);
  assert.equal(rows[1].published, '2024-01-08T00:00:00+07:00');
  assert.deepEqual(rows[1].facets.province, ['Hưng Yên']);
  assert.ok(rows[1].facets.document.includes('15-NQ/TU'));
});

test("an export waits for the organisations' and people's columns, then holds them", async (t) => {
  const columns = (u) => /^\/data\/columns-[^/]*\.bin$/.test(new URL(u).pathname);
  let release;
  const held = new Promise((r) => { release = r; });
  const { app, page } = await h.openApp(t, {
    query: '?f.province=H%C6%B0ng+Y%C3%AAn&sort=oldest',
    setup: (p) => p.route(columns, async (route) => { await held; await route.continue(); }),
  });
  await app.waitForTotal(2);
  let done = false;
  const downloaded = page.waitForEvent('download').then((d) => { done = true; return d; });
  await page.getByTestId('export-json').click();
  await page.waitForTimeout(400);
  assert.equal(done, false, 'no file before the columns');
  release();
  const file = await downloaded;
  const rows = JSON.parse(readFileSync(await file.path(), 'utf8'));
  assert.deepEqual(rows.map((r) => r.id), ['004_69ae7685d5133d3d', '000_a3aac47d90c9b531']);
  assert.ok(rows[0].facets.person.includes('Trần Quốc Toản'), JSON.stringify(rows[0].facets.person));
  assert.ok(rows[0].facets.organization.includes('Tỉnh ủy Hưng Yên'), JSON.stringify(rows[0].facets.organization));
  assert.ok(rows[1].facets.person.includes('Lê Quang Toản'), JSON.stringify(rows[1].facets.person));
});
