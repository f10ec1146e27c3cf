// Runs a cross-engine test file once per engine: `engineSuite(define)` makes one `describe`
// per engine (ENGINES in index.mjs), each with its own static server for dist/ and its own
// browser, and calls `define(s)`, where `s.openApp(t, options)` opens the app in a fresh
// profile of that engine and `s.engine`, `s.server` are the current ones.
//
// Tests are declared with `s.test(name, fn)`. A browser that dies mid-test can leave a
// protocol call waiting forever (WebKitWebDriver did once, when MiniBrowser crashed): a test
// whose browser went away, or that did not finish in TEST_TIMEOUT, is run once more in a newly
// launched browser, and says so; a failed assertion is never retried. Each engine's suite fails
// after SUITE_TIMEOUT whatever happens, and closing a page or an engine gives up after
// CLOSE_TIMEOUT, so the remaining engines still run and the test process ends.
import { describe, before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { serve } from '../server.mjs';
import { ENGINES, launchEngine } from './index.mjs';
import { EngineApp } from './app.mjs';

/** Desktop size unless a test asks for another. */
export const DESKTOP = { width: 1280, height: 900 };

/** An engine's whole suite takes 10 to 20 s here; a hung one fails after this. */
export const SUITE_TIMEOUT = 8 * 60_000;
/** One test takes at most 12 s here. */
const TEST_TIMEOUT = 2 * 60_000;
const CLOSE_TIMEOUT = 10_000;

/** What a browser or its driver says when it is gone, not the app misbehaving. */
const BROWSER_GONE =
  /session (deleted|not created)|no such (session|window)|invalid session id|(target|page|context|browser)( page, context or browser)? (has been )?closed|disconnected|ECONNREFUSED|ECONNRESET|socket hang up|did not answer in/i;

class Unanswered extends Error {}

/** `promise`, or an error after `ms`. */
function within(promise, ms, what) {
  let timer;
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Unanswered(`${what} did not answer in ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** `promise`, or after `ms` a warning and undefined: for closing what may be dead. */
export function bounded(promise, ms, what) {
  return within(Promise.resolve(promise).catch(() => {}), ms, what).catch((e) => console.log(`${e.message}, going on`));
}

export function engineSuite(define, { root = 'dist', base = '/' } = {}) {
  for (const name of ENGINES) {
    describe(name, { timeout: SUITE_TIMEOUT }, () => {
      const s = { name, engine: null, server: null };
      before(async () => {
        assert.ok(existsSync('dist/index.html'), 'dist/ is missing: run ./x build first');
        s.root = typeof root === 'function' ? root() : root;
        s.server = await serve(s.root, base);
        s.engine = await launchEngine(name);
      });
      after(async () => {
        if (s.engine) console.log(`tested in ${s.engine.version}`);
        await bounded(s.engine?.close(), CLOSE_TIMEOUT, `closing ${name}`);
        await s.server?.close();
      });
      /** A fresh page (its own storage and service workers) showing the app at `query`;
       * `errors()` gives the page's errors and the requests the server refused. */
      s.openApp = async (t, { query = '', viewport = DESKTOP, wait = true } = {}) => {
        // An attempt given up for a retry (see `s.test`) opens nothing more.
        if (t.retired) throw new Error('this attempt was given up and run again');
        const page = await s.engine.newPage({ viewport });
        // Closed once, by the test or after it.
        const close = page.close;
        let closed = null;
        page.close = () => (closed ??= bounded(close(), CLOSE_TIMEOUT, `closing a ${name} page`));
        t.after(() => page.close());
        const served = s.server.failed.length;
        const app = new EngineApp(page, s.server.url, name);
        await app.open(query, wait);
        const errors = async () => [...(await page.errors()), ...s.server.failed.slice(served)];
        return { app, page, errors };
      };
      /** A test, run once more in a new browser if the browser died or hung (see above).
       * Each attempt gets its own view of the test context (`after` and `retired`); before
       * the second, the first's browser is closed and the server is back online at its root. */
      s.test = (title, fn) =>
        test(title, async (t) => {
          const attempt = () => ({ after: (f) => t.after(f), retired: false });
          const first = attempt();
          try {
            return await within(fn(first), TEST_TIMEOUT, `${name}, "${title}"`);
          } catch (e) {
            if (e?.name === 'AssertionError' || !(e instanceof Unanswered || BROWSER_GONE.test(String(e?.message ?? e)))) throw e;
            first.retired = true;
            t.diagnostic(`${name} went away during "${title}" (${String(e?.message ?? e).split('\n')[0]}): relaunched, run once more`);
            await bounded(s.engine?.close(), CLOSE_TIMEOUT, `closing ${name}`);
            s.server.setOffline(false);
            s.server.setRoot(s.root);
            s.engine = await launchEngine(name);
            return await within(fn(attempt()), TEST_TIMEOUT, `${name}, "${title}" (run again)`);
          }
        });
      define(s);
    });
  }
}
