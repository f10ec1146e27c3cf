// Scraped text is data: a page full of <script>, <img onerror>, javascript: links and entities
// is ingested by the real tool, and the app shows it literally without running any of it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { harness } from './support/harness.mjs';
import { ingest } from './support/dataset.mjs';

const h = harness({ mounts: () => ({ 'data/': ingest(['tests/e2e/fixtures/hostile']) }) });

test('markup in scraped text shows as text and never runs', async (t) => {
  const { app, page, errors } = await h.openApp(t);
  await app.waitForTotal(1);
  const row = (await app.rows())[0];
  assert.equal(row.title, 'Tin thử <script>window.__xss="title"</script> và <img src=x onerror="window.__xss=1">');
  await app.openResult(0);
  const body = await app.reader().locator('.body').textContent();
  assert.ok(body.includes('<script>window.__xss="body"</script>'), body);
  assert.ok(body.includes('<img src=x onerror="window.__xss=2">'));
  assert.ok(body.includes('<a href="javascript:window.__xss=3">liên kết</a>'));
  assert.ok(body.includes('&amp; thực thể'), 'entities are not decoded either');
  // Searching for the markup finds it and marks it as text.
  await app.search('onerror');
  await app.waitForTotal(1);
  assert.deepEqual((await app.rows())[0].marks, ['onerror']);
  await page.waitForTimeout(300);
  const found = await page.evaluate(() => ({
    xss: window.__xss ?? null,
    // The page's own scripts are in the head; the app renders into the body.
    scripts: document.querySelectorAll('body script').length,
    injected: document.querySelectorAll('main img, aside img, main iframe, aside iframe, a[href^="javascript:"]').length,
  }));
  assert.deepEqual(found, { xss: null, scripts: 0, injected: 0 });
  assert.deepEqual(errors, []);
});
