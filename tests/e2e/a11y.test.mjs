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
