// The WebKit engine for the cross-engine tests: WebKitGTK's MiniBrowser (Debian's
// libwebkit2gtk-4.1, the engine family of Safari) driven by WebKitWebDriver over classic
// WebDriver through selenium-webdriver, on a private Xvfb display, behind the same small page
// interface as Chromium and Firefox (see index.mjs).
//
// Differences the adapter absorbs: MiniBrowser is a real window, so a viewport size is a window
// size less its toolbar (measured, then corrected); its toolbar is themed tiny so that the
// window can be as narrow as a phone (GTK would keep it 447 px wide); classic WebDriver has no
// event for page errors, so a listener is added after each navigation the test makes.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Builder, By, Key, Origin } from 'selenium-webdriver';

export const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver';
/** MiniBrowser, from Debian's libwebkit2gtk-4.1-0 (webkit2gtk-driver depends on it), under
 * the machine's multiarch directory. */
export const MINIBROWSER =
  process.env.MINIBROWSER_PATH ??
  readdirSync('/usr/lib')
    .map((d) => join('/usr/lib', d, 'webkit2gtk-4.1', 'MiniBrowser'))
    .find((p) => existsSync(p)) ??
  '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** Launches Xvfb and WebKitWebDriver; resolves to an engine (see index.mjs) whose pages are
 * WebDriver sessions, each a new MiniBrowser with its own ephemeral storage. */
export async function launch() {
  const home = mkdtempSync(join(tmpdir(), 'nienbieu-webkit-'));
  // The toolbar's widgets shrunk to nothing: the window may then be 320 px wide.
  mkdirSync(join(home, 'gtk-3.0'));
  writeFileSync(join(home, 'gtk-3.0', 'gtk.css'), '* { min-width: 0; min-height: 0; padding: 0; margin: 0; border-width: 0; font-size: 1px; }\n');
  const xvfb = await startXvfb();
  const port = await freePort();
  const env = { ...process.env, DISPLAY: xvfb.display, XDG_CONFIG_HOME: home, GDK_BACKEND: 'x11', NO_AT_BRIDGE: '1' };
  const driver = spawn(WEBKIT_DRIVER, [`--port=${port}`, '--host=127.0.0.1'], { env, stdio: 'ignore' });
  // Neither outlives the test process, however it ends.
  const stop = () => {
    driver.kill();
    xvfb.process.kill();
  };
  process.once('exit', stop);
  const url = `http://127.0.0.1:${port}`;
  await waitForDriver(url);
  const capabilities = {
    browserName: 'MiniBrowser',
    'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
  };
  // The engine's version is known once a session has started.
  let version = 'WebKitGTK (MiniBrowser)';
  const sessions = new Set();
  return {
    name: 'webkit',
    get version() {
      return version;
    },
    async newPage({ viewport }) {
      const d = await new Builder().usingServer(url).withCapabilities(capabilities).build();
      sessions.add(d);
      version = `WebKitGTK ${(await d.getCapabilities()).get('browserVersion')} (MiniBrowser)`;
      // The window's toolbar, in CSS pixels, measured once per session.
      let chrome = null;
      const setViewport = async (width, height) => {
        if (!chrome) {
          const [iw, ih, ow, oh] = await d.executeScript('return [innerWidth, innerHeight, outerWidth, outerHeight]');
          chrome = { w: ow - iw, h: oh - ih };
        }
        await d.manage().window().setRect({ x: 0, y: 0, width: width + chrome.w, height: height + chrome.h });
        // The window manager may settle later than the call returns.
        const end = Date.now() + 5000;
        for (;;) {
          const [iw, ih] = await d.executeScript('return [innerWidth, innerHeight]');
          if (iw === width && ih === height) return;
          if (Date.now() > end) throw new Error(`WebKit viewport ${iw}x${ih}, wanted ${width}x${height}`);
          await new Promise((r) => setTimeout(r, 50));
        }
      };
      const hookErrors = () =>
        d.executeScript(`if (!window.__engineErrors) {
          window.__engineErrors = [];
          addEventListener('error', (e) => window.__engineErrors.push(e.message || String(e.error)));
          addEventListener('unhandledrejection', (e) => window.__engineErrors.push('unhandled rejection: ' + (e.reason && e.reason.message || e.reason)));
        }`);
      const find = async (selector, index = 0) => {
        const all = await d.findElements(By.css(selector));
        if (!all[index]) throw new Error(`no element ${selector} [${index}]`);
        return all[index];
      };
      const KEYS = {
        Enter: Key.ENTER,
        Escape: Key.ESCAPE,
        Backspace: Key.BACK_SPACE,
        Tab: Key.TAB,
        Home: Key.HOME,
        End: Key.END,
        ArrowDown: Key.ARROW_DOWN,
        ArrowUp: Key.ARROW_UP,
        ArrowLeft: Key.ARROW_LEFT,
        ArrowRight: Key.ARROW_RIGHT,
        Control: Key.CONTROL,
        Shift: Key.SHIFT,
      };
      // Errors of documents already left, gathered before each navigation.
      const errors = [];
      const gather = async () => {
        const seen = await d
          .executeScript('const e = window.__engineErrors || []; if (window.__engineErrors) window.__engineErrors = []; return e;')
          .catch(() => []);
        errors.push(...seen);
      };
      await setViewport(viewport.width, viewport.height);
      return {
        async goto(u) {
          await gather();
          await d.get(u);
          await hookErrors();
        },
        async reload() {
          await gather();
          await d.navigate().refresh();
          await hookErrors();
        },
        async back() {
          await gather();
          await d.navigate().back();
          await hookErrors();
        },
        async forward() {
          await gather();
          await d.navigate().forward();
          await hookErrors();
        },
        url: () => d.getCurrentUrl(),
        evaluate: (fn, ...args) => d.executeScript(`return (${fn}).apply(null, arguments)`, ...args),
        click: async (selector, index = 0) => (await find(selector, index)).click(),
        clickAt: (x, y) =>
          d
            .actions({ async: true })
            .move({ x: Math.round(x), y: Math.round(y), origin: Origin.VIEWPORT })
            .press()
            .release()
            .perform(),
        // Keys go to the focused element as they come (Element Send Keys would first move the
        // caret to the end, undoing a selection).
        async type(selector, text) {
          const el = await find(selector);
          await d.executeScript('if (document.activeElement !== arguments[0]) arguments[0].focus()', el);
          await d.actions({ async: true }).sendKeys(text).perform();
        },
        async press(key) {
          const parts = key.split('+').map((k) => KEYS[k] ?? k);
          let a = d.actions({ async: true });
          for (const k of parts) a = a.keyDown(k);
          for (const k of parts.reverse()) a = a.keyUp(k);
          await a.perform();
        },
        async drag(points) {
          const at = ([x, y]) => ({ x: Math.round(x), y: Math.round(y), origin: Origin.VIEWPORT });
          let a = d.actions({ async: true }).move(at(points[0])).press();
          for (const p of points.slice(1)) a = a.move({ ...at(p), duration: 60 });
          await a.release().perform();
        },
        setViewport,
        async screenshot(path) {
          writeFileSync(path, Buffer.from(await d.takeScreenshot(), 'base64'));
        },
        async errors() {
          await gather();
          return [...errors];
        },
        async close() {
          sessions.delete(d);
          await d.quit().catch(() => {});
        },
      };
    },
    async close() {
      // A session whose browser died may never answer: the driver is stopped anyway.
      const quits = [...sessions].map((d) => d.quit().catch(() => {}));
      await Promise.race([Promise.all(quits), new Promise((r) => setTimeout(r, 5000).unref())]);
      process.off('exit', stop);
      stop();
      rmSync(home, { recursive: true, force: true });
    },
  };
}

/** Starts Xvfb on the first free display (it picks and reports it), large enough for 1440 px either way up. */
function startXvfb() {
  return new Promise((resolve, reject) => {
    const p = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '2560x2560x24', '-nolisten', 'tcp'], {
      stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
    });
    let out = '';
    p.on('error', reject);
    p.on('exit', (code) => reject(new Error(`Xvfb exited (${code}): is the xvfb package installed?`)));
    p.stdio[3].on('data', (d) => {
      out += d;
      if (out.includes('\n')) resolve({ display: `:${out.trim()}`, process: p });
    });
  });
}

/** A TCP port no one listens on now. */
function freePort() {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Waits until WebKitWebDriver answers its status endpoint. */
async function waitForDriver(url) {
  const end = Date.now() + 15000;
  for (;;) {
    try {
      const r = await fetch(`${url}/status`);
      if (r.ok) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > end) throw new Error(`WebKitWebDriver did not start at ${url}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
