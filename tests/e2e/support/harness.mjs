// Shared set-up for browser test files: one server for dist/ (with optional mounts) and one
// headless Chromium per file, and `openApp` giving a fresh context, a page object and the
// errors the page raised.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { serve } from './server.mjs';
import { launch } from './browser.mjs';
import { AppPage } from './app_page.mjs';

/** Starts a server for dist/ (`mounts` and `encoding` as in serve) and a browser for the test
 * file. */
export function harness({ base = '/', mounts = {}, encoding = 'gzip' } = {}) {
  const h = { server: null, browser: null };
  before(async () => {
    assert.ok(existsSync('dist/index.html'), 'dist/ is missing: run ./x build first');
    h.server = await serve('dist', base, typeof mounts === 'function' ? mounts() : mounts, { encoding });
    h.browser = await launch();
  });
  after(async () => {
    await h.browser?.close();
    await h.server?.close();
  });
  /** A new context and page (desktop size unless `viewport`), with `setup(page)` run before
   * the app opens at `query`. `errors` collects page errors and failed requests. Service
   * workers are blocked unless `serviceWorkers: 'allow'`: only the offline tests want them. */
  h.openApp = async (t, { query = '', viewport = { width: 1280, height: 900 }, setup, allow = [], wait = true, serviceWorkers = 'block' } = {}) => {
    const context = await h.browser.newContext({ viewport, serviceWorkers });
    t.after(() => context.close());
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('response', (r) => {
      if (r.status() >= 400 && !allow.some((a) => r.url().includes(a))) errors.push(`${r.status()} ${r.url()}`);
    });
    if (setup) await setup(page);
    const app = new AppPage(page, h.server.url);
    await app.open(query, wait);
    return { app, page, context, errors };
  };
  return h;
}
