// Accessibility audit with axe-core on the main views (no serious or critical violation),
// and screenshots at desktop and phone sizes, light and dark, saved as artifacts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { harness } from './support/harness.mjs';

const h = harness();
const AXE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
const PHONE = { width: 360, height: 740 };

async function audit(page, name) {
  await page.evaluate(AXE);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const bad = result.violations.filter((v) => ['serious', 'critical'].includes(v.impact));
  const report = bad.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  assert.deepEqual(report, [], `${name}: ${report.join('\n')}`);
  return result.violations.length;
}

for (const [name, opts] of [
  ['desktop', {}],
  ['desktop-reader', { query: '?q=hung+yen&a=000_a3aac47d90c9b531' }],
  ['desktop-empty', { query: '?q=xyzzy' }],
  ['phone', { viewport: PHONE }],
  ['phone-reader', { viewport: PHONE, query: '?a=001_045dc231b05212c5' }],
]) {
  test(`no serious or critical accessibility violation: ${name}`, async (t) => {
    const { app, page } = await h.openApp(t, opts);
    if (opts.query?.includes('a=')) await app.reader().locator('h2').waitFor();
    await page.waitForFunction(() => !document.querySelector('.snippet.loading'));
    await audit(page, name);
    await app.screenshot(name, !name.startsWith('desktop'));
  });
}

test('dark theme follows the system setting, and stays accessible', async (t) => {
  const { app, page } = await h.openApp(t, { setup: (p) => p.emulateMedia({ colorScheme: 'dark' }) });
  const bg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  assert.equal(bg, 'rgb(22, 21, 15)');
  await audit(page, 'dark');
  await app.screenshot('desktop-dark', false);
});

// The views of documents, people, organisations and figures, lists and pages, desktop and
// phone; their screenshots are the README's.
for (const [name, query, ready, viewport] of [
  ['view-documents', '?v=documents', 'entity-row'],
  ['view-document', `?v=documents&e=${encodeURIComponent('15-NQ/TU')}`, 'year-chart'],
  ['view-people', '?v=people', 'entity-row'],
  ['view-person', `?v=people&e=${encodeURIComponent('Lê Quốc Chỉnh')}`, 'career'],
  ['view-organizations', '?v=organizations', 'entity-row'],
  ['view-organization', `?v=organizations&e=${encodeURIComponent('Đảng bộ Liên đoàn Lao động tỉnh Hưng Yên')}`, 'entity-page'],
  ['view-figures', '?v=figures', 'lines-chart'],
  ['view-figures-table', '?v=figures&tab=1', 'figures-table'],
  ['phone-view-person', `?v=people&e=${encodeURIComponent('Lê Quốc Chỉnh')}`, 'career', PHONE],
  ['phone-view-figures', '?v=figures', 'lines-chart', PHONE],
]) {
  test(`no serious or critical accessibility violation: ${name}`, async (t) => {
    const { app, page } = await h.openApp(t, { query, viewport });
    await page.getByTestId(ready).first().waitFor();
    await page.waitForFunction(() => ![...document.querySelectorAll('.article-link a')].some((a) => a.textContent === '…'));
    await audit(page, name);
    await app.screenshot(name, !viewport);
  });
}
