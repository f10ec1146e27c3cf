// Keyboard use: "/" focuses the search, arrows or j/k move through the results, Enter opens,
// Escape closes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { harness } from './support/harness.mjs';
import { until } from './support/app_page.mjs';

const h = harness();
const cursor = (page) => page.locator('[data-testid=result].cursor').getAttribute('data-id');

test('the whole flow works without a mouse', async (t) => {
  const { app, page } = await h.openApp(t);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'search');
  await page.keyboard.type('hung yen');
  await app.waitForTotal(2);
  await page.keyboard.press('ArrowDown');
  assert.equal(await cursor(page), '000_a3aac47d90c9b531');
  await page.keyboard.press('j');
  assert.equal(await cursor(page), '004_69ae7685d5133d3d');
  await page.keyboard.press('k');
  assert.equal(await cursor(page), '000_a3aac47d90c9b531');
  await page.keyboard.press('Enter');
  await app.reader().waitFor();
  assert.equal(app.params().get('a'), '000_a3aac47d90c9b531');
  // With the reader open, j moves the reader to the next result.
  await page.keyboard.press('j');
  await until(() => app.params().get('a') === '004_69ae7685d5133d3d', 'the reader follows');
  await page.keyboard.press('Escape');
  await until(async () => (await app.reader().count()) === 0, 'closed');
});
