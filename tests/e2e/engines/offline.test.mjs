// The service worker in every engine: after one visit the app opens, searches, filters and
// shows articles with the network gone (the test server dropping every connection, which any
// browser sees as a network failure); a first visit never offers an update, however the engine
// orders the worker's events, and a real deploy is offered and switched to.
import { before } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { engineSuite } from '../support/engines/suite.mjs';
import { until } from '../support/app_page.mjs';
import { ingest, pages, tempDir } from '../support/dataset.mjs';

const BASE = '/archive/nienbieu/';
let v1, v2;

before(() => {
  // v1 is the build as it is; v2 the same app with one more article, finished by the same
  // post-build step, so that its service worker is a new version, as a real deploy's is.
  v1 = tempDir('v1');
  cpSync('dist', v1, { recursive: true });
  v2 = tempDir('v2');
  cpSync('dist', v2, { recursive: true });
  rmSync(join(v2, 'data'), { recursive: true });
  cpSync(ingest(['data/raw/seeds', pages({ 'new.txt': 'Bài mới sau khi cập nhật\n\nNội dung bài mới của Đảng bộ.' })]), join(v2, 'data'), { recursive: true });
  execFileSync('node', ['scripts/postbuild.mjs', v2], { stdio: 'ignore' });
});

/** Polls for `ms` and fails at once if the update offer shows. */
async function noOfferFor(app, ms, when) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    assert.equal(await app.exists('update-banner'), false, `an update was offered ${when}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

engineSuite(
  (s) => {
    s.test('after one visit the app opens, searches, filters and shows articles with the network gone', async (t) => {
      s.server.setRoot(v1);
      t.after(() => s.server.setOffline(false));
      const { app, page, errors } = await s.openApp(t);
      await until(async () => (await app.offlineState()) === 'ready', 'saved for offline use', 30000);
      s.server.setOffline(true);
      await page.reload();
      await app.ready();
      assert.equal(await app.count(), '5 bài viết');
      await app.search('hung yen');
      await app.waitForTotal(2);
      await app.toggleFacet('kind', 'working_visit');
      await app.waitForTotal(1);
      await app.openResult(0);
      assert.match(await app.readerTitle(), /Trần Quốc Toản/);
      const paragraphs = await app.page.evaluate(() => document.querySelectorAll('[data-testid=reader] .body p').length);
      assert.ok(paragraphs > 3, 'the article text came from the cache');
      // A deep link, typed into the address bar, offline.
      await page.goto(`${s.server.url}?q=long+an&a=003_6c8cf860eff313fa`);
      assert.match(await app.readerTitle(), /29\/29 chỉ tiêu/);
      await app.waitForTotal(1);
      assert.deepEqual(await errors(), []);
    });

    s.test('a first visit never offers an update; a new deploy is offered and switched to', async (t) => {
      s.server.setRoot(v1);
      // Three first visits, each in a fresh profile: the worker installs, activates and
      // claims the page, and nothing is offered.
      let app, page, errors;
      for (let visit = 1; visit <= 3; visit++) {
        ({ app, page, errors } = await s.openApp(t));
        await until(async () => (await app.offlineState()) === 'ready', 'saved for offline use', 30000);
        await noOfferFor(app, 1500, `on first visit ${visit}`);
        if (visit < 3) await page.close();
      }
      // A later visit to the same version: nothing to offer either.
      await page.reload();
      await app.ready();
      await until(async () => (await app.offlineState()) === 'ready', 'ready again', 30000);
      await noOfferFor(app, 1500, 'on a second visit to the same version');
      // A deploy: the next visit finds the new worker, which waits; the page stays wholly v1.
      s.server.setRoot(v2);
      await page.reload();
      await app.ready();
      await until(() => app.exists('update-banner'), 'the update offer', 30000);
      assert.equal(await app.count(), '5 bài viết');
      assert.match(await app.text('update-banner'), /Đã có phiên bản mới/);
      await app.click('update-reload');
      await until(async () => (await app.count().catch(() => '')) === '6 bài viết', 'v2 after the switch', 30000);
      await until(async () => (await app.offlineState()) === 'ready', 'v2 saved', 30000);
      assert.equal(await app.exists('update-banner'), false);
      const caches = await app.page.evaluate(() => caches.keys());
      assert.equal(caches.length, 1, 'the old version cache is gone');
      assert.deepEqual(await errors(), []);
    });
  },
  { root: () => v1, base: BASE },
);
