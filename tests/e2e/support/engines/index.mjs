// The engines the cross-engine tests run in, and the one small interface through which a test
// drives any of them, so that each test is written once.
//
// An engine: { name, version, newPage({ viewport }) -> page, close() }.
// A page (a fresh profile or context of its own: storage, caches, service workers), every
// coordinate in CSS pixels of the viewport:
//   goto(url), reload(), back(), forward()   navigate (back and forward as the browser's
//                                            buttons do, same-document entries included)
//   url()                                    the current URL
//   evaluate(fn, ...args)                    runs fn(...args) in the page; JSON values in and out
//   click(selector, index = 0)               a real click on the index-th match, scrolled into view
//   clickAt(x, y)                            a real click at a point of the viewport
//   type(selector, text)                     real key events into the element (appends)
//   press(key)                               a key or chord: 'Escape', 'ArrowDown', 'Control+a'
//   drag([[x, y], ...])                      mouse down at the first point, through the others,
//                                            up at the last
//   setViewport(width, height)               resizes the viewport (a window, a phone rotating)
//   screenshot(path)                         a PNG of the viewport
//   errors()                                 uncaught errors and rejections the page raised
//   close()
//
// Chromium runs through playwright-core (CDP), Firefox through puppeteer-core (WebDriver BiDi),
// WebKit through selenium-webdriver (classic WebDriver to WebKitWebDriver): each browser
// through the protocol its Debian build speaks best. NIENBIEU_ENGINES (a comma-separated list)
// picks some of them; all three run by default.
import { launch as chromium } from './chromium.mjs';
import { launch as firefox } from './firefox.mjs';
import { launch as webkit } from './webkit.mjs';

const LAUNCHERS = { chromium, firefox, webkit };

/** The engines to test in, in order. */
export const ENGINES = (process.env.NIENBIEU_ENGINES ?? 'chromium,firefox,webkit')
  .split(',')
  .map((e) => e.trim())
  .filter(Boolean);

for (const e of ENGINES) {
  if (!LAUNCHERS[e]) throw new Error(`unknown engine ${e} in NIENBIEU_ENGINES (chromium, firefox, webkit)`);
}

/** Launches the engine `name`. */
export function launchEngine(name) {
  return LAUNCHERS[name]();
}
