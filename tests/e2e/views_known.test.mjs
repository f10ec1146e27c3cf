// The views on a generated archive with known answers, every number also checked against a
// brute-force count over the articles the ingest tool read: a person whose title changes in a
// known year, an organisation's year-end reviews in four consecutive years, a document cited
// twelve times over three years, and a figure reported each quarter.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { harness } from './support/harness.mjs';
import { ingest, pages } from './support/dataset.mjs';

const files = {};
for (const year of [2020, 2021, 2022, 2023]) {
  const role = year < 2021 ? 'Phó Chủ tịch' : 'Chủ tịch';
  files[`review-${year}.txt`] =
    `Tỉnh ủy Thái Bình tổng kết công tác xây dựng Đảng năm ${year - 1}\n15/01/${year} 09:30\n\n` +
    `Sáng 15/1/${year}, Tỉnh ủy Thái Bình tổ chức hội nghị tổng kết công tác xây dựng Đảng năm ${year - 1}, triển khai nhiệm vụ năm ${year}. ` +
    `Đồng chí Nguyễn Văn Bình, ${role} UBND tỉnh Thái Bình dự và phát biểu chỉ đạo hội nghị.\n`;
}
for (let k = 0; k < 12; k++) {
  const year = 2021 + Math.floor(k / 4);
  const month = 1 + (k % 4) * 3;
  const day = 10 + k;
  files[`cite-${String(k).padStart(2, '0')}.txt`] =
    `Hội nghị quán triệt Nghị quyết của Tỉnh ủy lần ${k + 1}\n${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year} 08:00\n\n` +
    `Ngày ${day}/${month}/${year}, Ban Tuyên giáo Tỉnh ủy Thái Bình tổ chức hội nghị quán triệt, triển khai Nghị quyết số 09-NQ/TU ngày 12/3/2021 của Ban Chấp hành Đảng bộ tỉnh về phát triển nông nghiệp.\n` +
    `Năm ${year}, Đảng bộ tỉnh Thái Bình kết nạp ${1000 + k * 10} đảng viên mới.\n`;
}
const dir = pages(files);
const h = harness({ mounts: () => ({ 'data/': ingest([dir]) }) });
const ARTICLES = execFileSync('target/native/nienbieu-ingest', ['--json-lines', dir], { stdio: ['ignore', 'pipe', 'ignore'] })
  .toString()
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l));
const dayOf = (a) => a.event_date ?? a.published?.slice(0, 10) ?? null;
const yearOf = (a) => Number(dayOf(a)?.slice(0, 4)) || null;
const vn = (iso) => iso.split('-').reverse().join('/');

test('a person whose title changes in 2021: the career in order, each title with its first and last day', async (t) => {
  const { page, errors } = await h.openApp(t, { query: `?v=people&e=${encodeURIComponent('Nguyễn Văn Bình')}` });
  await page.getByTestId('career').waitFor();
  const steps = await page.getByTestId('career-step').evaluateAll((s) => s.map((x) => [x.dataset.role, Number(x.dataset.count), x.textContent]));
  // Brute force: each role's articles and their first and last days.
  const roles = {};
  for (const a of ARTICLES) {
    for (const p of a.people.filter((p) => p.name === 'Nguyễn Văn Bình')) {
      for (const t of p.titles) (roles[t.role] ??= []).push(dayOf(a));
    }
  }
  assert.deepEqual(Object.keys(roles).sort(), ['Chủ tịch', 'Phó Chủ tịch']);
  assert.deepEqual(steps.map((s) => s[0]), ['Phó Chủ tịch', 'Chủ tịch'], 'in order of first day');
  for (const [role, n, text] of steps) {
    const days = roles[role].sort();
    assert.equal(n, days.length, role);
    const span = days.length === 1 ? vn(days[0]) : `từ ${vn(days[0])} đến ${vn(days.at(-1))}`;
    assert.ok(text.includes(span), `${role}: ${text} should give ${span}`);
  }
  assert.match(steps[1][2], /từ 15\/01\/2021 đến 15\/01\/2023/, 'chairman from 2021');
  assert.deepEqual(errors, []);
});

test("an organisation's year-end reviews in four consecutive years", async (t) => {
  const name = 'Tỉnh ủy Thái Bình';
  const { page, errors } = await h.openApp(t, { query: `?v=organizations&e=${encodeURIComponent(name)}` });
  await page.getByTestId('events').waitFor();
  const cells = await page.locator('[data-kind=year_review] [data-testid=event-year]').evaluateAll((e) => e.map((x) => [x.dataset.year, Number(x.dataset.count)]));
  assert.deepEqual(cells, [['2020', 1], ['2021', 1], ['2022', 1], ['2023', 1]]);
  const brute = {};
  for (const a of ARTICLES.filter((a) => a.organizer === name && a.event_kind === 'year_review')) brute[yearOf(a)] = (brute[yearOf(a)] ?? 0) + 1;
  assert.deepEqual(Object.fromEntries(cells.map(([y, n]) => [y, n])), Object.fromEntries(Object.entries(brute).map(([y, n]) => [String(y), n])));
  // The chairman is among the people seen in its posts? No: his post is in the People's Committee.
  const posts = await page.getByTestId('post').count();
  assert.equal(posts, 0);
  assert.deepEqual(errors, []);
});

test('a document cited twelve times over three years', async (t) => {
  const { page, errors } = await h.openApp(t, { query: `?v=documents&e=${encodeURIComponent('09-NQ/TU')}` });
  await page.getByTestId('entity-page').waitFor();
  assert.equal(await page.getByTestId('entity-page').getAttribute('data-count'), '12');
  const bars = await page.getByTestId('year-bar').evaluateAll((b) => b.map((x) => [Number(x.dataset.year), Number(x.dataset.count)]));
  const brute = {};
  for (const a of ARTICLES.filter((a) => a.documents.some((d) => d.key === '09-NQ/TU'))) brute[yearOf(a)] = (brute[yearOf(a)] ?? 0) + 1;
  assert.deepEqual(bars, Object.entries(brute).map(([y, n]) => [Number(y), n]));
  assert.deepEqual(bars, [[2021, 4], [2022, 4], [2023, 4]]);
  assert.match(await page.getByTestId('citation-count').textContent(), /12 bài dẫn \(từ 10\/01\/2021 đến 21\/10\/2023\)/);
  assert.deepEqual(errors, []);
});

test('a figure per year: the newest report of each year, each point tied to its sentence', async (t) => {
  const { page, errors } = await h.openApp(t, { query: '?v=figures&e=members_admitted' });
  await page.getByTestId('lines-chart').waitFor();
  const subject = 'Đảng bộ tỉnh Thái Bình';
  const points = await page.locator(`[data-series="${subject}"] [data-testid=figure-point]`).evaluateAll((p) => p.map((x) => [Number(x.dataset.year), Number(x.dataset.value)]));
  const newest = {};
  for (const a of ARTICLES) {
    for (const f of a.figures.filter((f) => f.kind === 'members_admitted' && f.subject === subject)) {
      const y = Number((f.period?.match(/\d{4}/) ?? [yearOf(a)])[0]);
      if (!newest[y] || dayOf(a) > newest[y].day) newest[y] = { day: dayOf(a), value: f.value };
    }
  }
  assert.deepEqual(points, Object.entries(newest).map(([y, v]) => [Number(y), v.value]));
  assert.deepEqual(points, [[2021, 1030], [2022, 1070], [2023, 1110]]);
  // A click on a point shows its sentence and article.
  await page.locator(`[data-series="${subject}"] [data-testid=figure-point]`).last().click();
  await page.getByTestId('point-detail').waitFor();
  assert.match(await page.getByTestId('point-detail').textContent(), /kết nạp 1110 đảng viên mới/);
  assert.deepEqual(errors, []);
});
