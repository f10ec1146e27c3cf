// The Chromium engine for the cross-engine tests: Debian's Chromium through playwright-core,
// behind the same small page interface as Firefox and WebKit (see index.mjs).
import { chromium } from 'playwright-core';
import { CHROMIUM } from '../browser.mjs';

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Launches headless Chromium; resolves to an engine (see index.mjs). */
export async function launch() {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  return {
    name: 'chromium',
    version: `Chromium ${browser.version()}`,
    /** A fresh context (its own storage and service workers) with one page. */
    async newPage({ viewport }) {
      const context = await browser.newContext({ viewport, serviceWorkers: 'allow' });
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      return {
        goto: (url) => page.goto(url).then(() => {}),
        reload: () => page.reload().then(() => {}),
        back: () => page.goBack().then(() => {}),
        forward: () => page.goForward().then(() => {}),
        url: async () => page.url(),
        // An expression, evaluated by the debugger protocol (which the page's CSP does not govern).
        evaluate: (fn, ...args) => page.evaluate(`(${fn})(...${JSON.stringify(args)})`),
        click: (selector, index = 0) => page.locator(selector).nth(index).click(),
        clickAt: (x, y) => page.mouse.click(x, y),
        type: (selector, text) => page.locator(selector).first().pressSequentially(text),
        press: (key) => page.keyboard.press(key),
        async drag(points) {
          await page.mouse.move(...points[0]);
          await page.mouse.down();
          for (const p of points.slice(1)) await page.mouse.move(...p, { steps: 4 });
          await page.mouse.up();
        },
        setViewport: (width, height) => page.setViewportSize({ width, height }),
        screenshot: (path) => page.screenshot({ path }).then(() => {}),
        errors: async () => [...errors],
        close: () => context.close(),
      };
    },
    close: () => browser.close(),
  };
}
