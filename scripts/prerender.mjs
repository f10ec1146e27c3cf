// The first screen painted at build time: the built app is opened in headless Chromium on its own
// dataset, and what it shows first (the newest rows with their snippets, every facet's counts,
// the timeline) is written into index.html, so that a visitor sees it as soon as the HTML
// arrives instead of after the wasm and the core layer. src/boot.rs renders the app out of sight
// and puts it in the snapshot's place once its own first screen is ready.
//
// The snapshot is the browser's own serialization of the page, so every text in it (scraped
// titles and snippets included) is escaped as text, as the DOM held it: nothing scraped becomes
// markup. It is inert but for its links and the search box (whose text the app takes over); it
// carries no id or data-testid (the app's own elements keep theirs), and its few inline styles
// become one <style> element, allowed by its hash in the Content-Security-Policy.
import { launch } from '../tests/e2e/support/browser.mjs';
import { serve } from '../tests/e2e/support/server.mjs';

/** Width and height of the window the snapshot is taken in: a desktop's, tall enough for the
 * rows of a large screen (a phone's narrower layout comes from the same markup and the CSS). */
const VIEWPORT = { width: 1280, height: 1000 };

/** Builds the snapshot inside the page: runs in the browser. With `orOther`, a page that
 * shows a load error or an empty list instead of rows gives `true`. */
function snapshot(orOther) {
  if (orOther && document.querySelector('[data-testid=load-error], [data-testid=empty-state]')) return true;
  const READY = () => {
    const rows = [...document.querySelectorAll('[data-testid=result]')];
    return rows.length > 0 && rows.every((r) => r.getAttribute('aria-busy') === 'false') &&
      document.querySelector('[data-testid=timeline]') && document.querySelector('[data-testid=facets]');
  };
  if (!READY()) return null;
  const root = document.createElement('div');
  for (const node of (document.getElementById('app') ?? document.body).childNodes) {
    if (node.nodeType === Node.ELEMENT_NODE && ['SCRIPT', 'NOSCRIPT'].includes(node.tagName)) continue;
    root.appendChild(node.cloneNode(true));
  }
  // The rows sit at their offsets in a spacer as tall as the whole list. Both follow the row
  // height of the window (--row-h, larger on a phone), and the spacer is cut to the rows
  // painted, so that scrolling the snapshot does not run into blank space.
  const rows = [...root.querySelectorAll('.result[data-pos]')];
  for (const r of rows) r.style.setProperty('transform', `translateY(calc(var(--row-h) * ${Number(r.dataset.pos)}))`);
  rows[0]?.parentElement?.style.setProperty('height', `calc(var(--row-h) * ${rows.length})`);
  // The timeline was drawn for the snapshot's width: it shrinks to fit a narrower window, in a
  // box of its height (what follows stays where the app's timeline will put it), until the app
  // draws its own.
  for (const svg of root.querySelectorAll('svg[viewBox][height]')) {
    svg.style.setProperty('height', `${svg.getAttribute('height')}px`);
    svg.style.setProperty('max-width', '100%');
    svg.removeAttribute('width');
    svg.removeAttribute('height');
  }
  // Inline styles become classes of one style sheet.
  const rules = [];
  for (const el of root.querySelectorAll('[style]')) {
    rules.push(`.pr-${rules.length}{${el.getAttribute('style')}}`);
    el.classList.add(`pr-${rules.length - 1}`);
    el.removeAttribute('style');
  }
  // The search box is named by its label through its id: it names it directly.
  const box = root.querySelector('form[role=search] input[type=search]');
  const label = box && root.querySelector(`label[for="${CSS.escape(box.id)}"]`);
  if (label) box.setAttribute('aria-label', label.textContent.trim());
  // No ids (the app's elements have them), nothing that names one, no test hooks.
  for (const el of root.querySelectorAll('*')) {
    for (const a of ['id', 'for', 'aria-labelledby', 'aria-describedby', 'aria-controls', 'aria-activedescendant', 'data-testid']) {
      el.removeAttribute(a);
    }
  }
  // Links work as links, relative to wherever the app is hosted.
  for (const a of root.querySelectorAll('a[href^="/"]')) a.setAttribute('href', `.${a.getAttribute('href')}`);
  // Nothing but the links and the search box responds before the app does: every other
  // control is inert, and nothing is focusable by a tabindex of its own (the list's scroller
  // keeps its links and its scrolling).
  for (const el of root.querySelectorAll('[tabindex]')) el.removeAttribute('tabindex');
  for (const el of root.querySelectorAll('button, select, input, summary, svg, .facet-value')) {
    if (el !== box) el.setAttribute('inert', '');
  }
  return { html: root.innerHTML.replace(/<!---->/g, ''), css: rules.join(''), status: root.querySelector('.offline-status')?.dataset.state };
}

/** Opens the build in `dir` and returns { html, css, core, status } of its first screen (the
 * markup, its style sheet, the dataset it shows as `core` and the offline status painted), or
 * { reason } why there is none (a dataset without articles, an app that did not start). */
export async function prerender(dir) {
  const server = await serve(dir);
  try {
    const browser = await launch();
    try {
      return await paint(browser, server);
    } finally {
      await browser.close();
    }
  } finally {
    await server.close();
  }
}

/** Takes the first screen of the app served by `server`, in `browser`. */
async function paint(browser, server) {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'vi-VN' });
  const page = await context.newPage();
  // The offline status as a first visit shows it until the service worker answers: a
  // registration that never settles (no worker is installed for the snapshot).
  await page.addInitScript(() => {
    if (navigator.serviceWorker) navigator.serviceWorker.register = () => new Promise(() => {});
  });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(server.url);
  try {
    // (A function, not a string: the build's Content-Security-Policy forbids evaluating one.)
    await page.waitForFunction(snapshot, true, { timeout: 30000, polling: 100 });
    const other = await page.evaluate(() => document.querySelector('[data-testid=load-error], [data-testid=empty-state]')?.dataset.testid);
    if (other) return { reason: `the app shows ${other}, not rows` };
  } catch (e) {
    const shown = await page.evaluate(() => document.body.innerText.slice(0, 200)).catch(() => '');
    return { reason: `no first screen within 30 s (${String(e.message).split('\n')[0]}; page shows: ${JSON.stringify(shown)}${errors.length ? `; errors: ${errors.join('; ')}` : ''})` };
  }
  // Two frames more: the panels follow the list by a frame.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const snap = await page.evaluate(snapshot);
  if (!snap) return { reason: 'the first screen went away before it was taken' };
  // The dataset painted: its core (dates and facets) and its article files (titles,
  // snippets), both named by content hashes.
  const core = await page.evaluate(() => fetch('data/manifest.json').then((r) => r.json()).then((m) => `${m.core.path} ${m.fragments.dir}`));
  return { ...snap, core };
}
