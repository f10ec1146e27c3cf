// The Firefox engine for the cross-engine tests: Debian's Firefox ESR, headless, driven over
// WebDriver BiDi by puppeteer-core (no geckodriver, no browser download), behind the same small
// page interface as Chromium and WebKit (see index.mjs).
import puppeteer from 'puppeteer-core';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** Launches headless Firefox; resolves to an engine (see index.mjs). */
export async function launch() {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: {
      // Quiet on a closed network: no update checks, telemetry or remote settings.
      'app.update.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
    },
  });
  const version = (await browser.version()).replace(/^firefox\//i, 'Firefox ');
  return {
    name: 'firefox',
    version,
    /** A fresh user context (its own storage and service workers) with one page. */
    async newPage({ viewport }) {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      await page.setViewport(viewport);
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      const mouse = page.mouse;
      return {
        goto: (url) => page.goto(url).then(() => {}),
        reload: () => page.reload().then(() => {}),
        back: () => page.goBack().then(() => {}),
        forward: () => page.goForward().then(() => {}),
        url: async () => page.url(),
        evaluate: (fn, ...args) => page.evaluate(fn, ...args),
        async click(selector, index = 0) {
          const all = await page.$$(selector);
          if (!all[index]) throw new Error(`no element ${selector} [${index}]`);
          await all[index].click();
        },
        clickAt: (x, y) => mouse.click(x, y),
        async type(selector, text) {
          await page.focus(selector);
          await page.keyboard.type(text);
        },
        async press(key) {
          const parts = key.split('+');
          for (const k of parts.slice(0, -1)) await page.keyboard.down(k);
          await page.keyboard.press(parts.at(-1));
          for (const k of parts.slice(0, -1).reverse()) await page.keyboard.up(k);
        },
        async drag(points) {
          await mouse.move(...points[0]);
          await mouse.down();
          for (const [x, y] of points.slice(1)) await mouse.move(x, y, { steps: 4 });
          await mouse.up();
        },
        setViewport: (width, height) => page.setViewport({ width, height }),
        screenshot: (path) => page.screenshot({ path }).then(() => {}),
        errors: async () => [...errors],
        close: () => context.close(),
      };
    },
    close: () => browser.close(),
  };
}
