// The Niên biểu page object for the cross-engine tests: the app reached through the
// driver-neutral page of index.mjs, so that one test runs in Chromium, Firefox and WebKit. Its
// methods have the names of AppPage's (app_page.mjs, the Chromium suite's), but every one is
// async (classic WebDriver answers nothing synchronously) and returns values, not locators.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, until } from '../app_page.mjs';

/** The selector of a data-testid hook. */
export const tid = (id) => `[data-testid="${id}"]`;

export class EngineApp {
  /** `page` is an engine's page (index.mjs); `url` the app's address; `engine` its name. */
  constructor(page, url, engine) {
    this.page = page;
    this.url = url;
    this.engine = engine;
  }

  /** Opens the app (with an optional query string such as '?q=...') and waits until it shows
   * results or an error. */
  async open(query = '', wait = true) {
    await this.page.goto(this.url + query);
    if (wait) await this.ready();
  }

  /** Waits for the list (or the load error) in view, then for the panels to follow it. The app
   * renders out of sight (`#app.booting`) behind the painted first screen until its own is
   * ready: WebDriver, unlike Playwright, does not wait for an element to be interactable, so a
   * click before the swap finds the app's controls hidden. */
  async ready() {
    await until(() => this.page.evaluate(() => !!document.querySelector('[data-testid=result-count], [data-testid=load-error]') && !document.querySelector('#app.booting')), 'the list in view', 30000);
    await this.settle();
  }

  /** Two animation frames: the deferred panels have been updated and painted. */
  settle() {
    return this.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(true)))));
  }

  /** The view state in the URL, as URLSearchParams. */
  async params() {
    return new URL(await this.page.url()).searchParams;
  }

  /** Whether an element with this data-testid is in the page. */
  exists(testid) {
    return this.page.evaluate((s) => !!document.querySelector(s), tid(testid));
  }

  /** The text of the first element with this data-testid (null if there is none). */
  text(testid) {
    return this.page.evaluate((s) => document.querySelector(s)?.textContent ?? null, tid(testid));
  }

  /** Clicks the element with this data-testid. */
  click(testid, index = 0) {
    return this.page.click(tid(testid), index);
  }

  /** Replaces the query by typing it (select all, then the keys), as a person does, and waits
   * for the URL to follow. */
  async search(text) {
    const box = tid('search');
    await this.page.click(box);
    await this.page.press('Control+a');
    if (text) await this.page.type(box, text);
    else await this.page.press('Backspace');
    await until(async () => (await this.params()).get('q') === (text || null), `q=${text}`, 15000);
  }

  /** The rows in the page: id, title, date text and datetime, position, and marked words. */
  rows() {
    return this.page.evaluate(() =>
      [...document.querySelectorAll('[data-testid=result]')]
        .map((r) => ({
          id: r.dataset.id,
          pos: Number(r.dataset.pos),
          title: r.querySelector('h3').textContent,
          date: r.querySelector('time')?.textContent ?? null,
          datetime: r.querySelector('time')?.getAttribute('datetime') ?? null,
          marks: [...r.querySelectorAll('h3 mark')].map((m) => m.textContent),
        }))
        .sort((a, b) => a.pos - b.pos),
    );
  }

  async ids() {
    return (await this.rows()).map((r) => r.id);
  }

  count() {
    return this.text('result-count');
  }

  /** The number in the result count ("1.234 bài viết" gives 1234). */
  async total() {
    return Number(((await this.count()) ?? '').replace(/[^\d]/g, ''));
  }

  /** Waits until the list shows `n` results, and the panels have followed. */
  async waitForTotal(n) {
    // On a timeout, what the page showed: the count, whether it was loading, and any term
    // file that failed.
    await until(
      () => this.page.evaluate((n) => {
        const c = document.querySelector('[data-testid=result-count]');
        return !!c && c.dataset.loading !== 'true' && Number(c.textContent.replace(/[^\d]/g, '')) === n;
      }, n),
      `${n} results`,
      20000,
    ).catch(async (e) => {
      const seen = await this.page.evaluate(() => {
        const c = document.querySelector('[data-testid=result-count]');
        const failure = document.querySelector('[data-testid=term-failure]')?.textContent;
        return `count "${c?.textContent}", loading ${c?.dataset.loading}${failure ? `, failure "${failure}"` : ''}`;
      }).catch((x) => `the page did not answer: ${x}`);
      throw new Error(`${e.message}; the page showed ${seen}`);
    });
    await this.settle();
  }

  /** The count shown beside a facet value, once the value is shown (the facet panel is built a
   * task after the first rows, boot::in_turn), as the Chromium suite's locator waits for it. */
  async facetCount(key, value) {
    const s = tid(`facet-${key}-${value}`);
    await until(() => this.page.evaluate((s) => !!document.querySelector(`${s} .count`), s), `the facet value ${key}=${value}`, 15000);
    return this.page.evaluate((s) => Number(document.querySelector(`${s} .count`).textContent.replace(/[^\d]/g, '')), s);
  }

  toggleFacet(key, value) {
    return this.page.click(`${tid(`facet-${key}-${value}`)} input`);
  }

  chipTexts() {
    return this.page.evaluate(() => [...document.querySelectorAll('[data-testid=chip]')].map((c) => c.textContent.replace(/ ×$/, '')));
  }

  clearAll() {
    return this.click('clear-all');
  }

  /** The bars: count, period, and box in the viewport. */
  bars() {
    return this.page.evaluate(() =>
      [...document.querySelectorAll('[data-testid=timeline-bar]')].map((b) => {
        const r = b.getBoundingClientRect();
        return { count: Number(b.dataset.count), start: b.dataset.start, end: b.dataset.end, x: r.x, y: r.y, width: r.width, height: r.height };
      }),
    );
  }

  /** Counts of the bars, in order. */
  async barCounts() {
    return (await this.bars()).map((b) => b.count);
  }

  /** Drags the mouse across the timeline from the centre of bar `from` to that of bar `to`. */
  async dragTimeline(from, to) {
    await this.page.evaluate(() => document.querySelector('[data-testid=timeline]').scrollIntoView({ block: 'nearest' }));
    const bars = await this.bars();
    const chart = await this.page.evaluate(() => {
      const r = document.querySelector('[data-testid=timeline]').getBoundingClientRect();
      return { y: r.y, height: r.height };
    });
    const [a, b] = [bars[from], bars[to]];
    const y = chart.y + chart.height / 2;
    await this.page.drag([
      [a.x + a.width / 2, y],
      [(a.x + b.x) / 2 + b.width / 2, y],
      [b.x + b.width / 2, y],
    ]);
  }

  /** Opens the result at display position `pos` by clicking its title. */
  async openResult(pos = 0) {
    const link = `[data-testid=result][data-pos="${pos}"] h3 a`;
    // A row is a link to its article once the article's id has arrived with its file.
    await until(() => this.page.evaluate((s) => /[?&]a=/.test(document.querySelector(s)?.getAttribute('href') ?? ''), link), `row ${pos} ready`, 15000);
    // Clicked where a person would: on the headline's first line, the row scrolled into view.
    // (A driver asked to click the link itself may scroll the clamped headline's hidden third
    // line into view first, which a person cannot do: Firefox then lost the click.)
    const [x, y] = await this.page.evaluate((s) => {
      const a = document.querySelector(s);
      a.closest('[data-testid=result]').scrollIntoView({ block: 'nearest' });
      const line = a.getClientRects()[0];
      return [line.left + Math.min(line.width / 2, 40), line.top + line.height / 2];
    }, link);
    await this.page.clickAt(x, y);
    await until(() => this.exists('reader'), `the reader (at ${await this.page.url()})`, 15000);
  }

  /** The reader's headline, once its article is loaded. */
  readerTitle() {
    return until(() => this.page.evaluate(() => document.querySelector('[data-testid=reader] h2')?.textContent), 'the article', 15000);
  }

  /** The offline status's state (data-state), or null. */
  offlineState() {
    return this.page.evaluate(() => document.querySelector('[data-testid=offline-status]')?.dataset.state ?? null);
  }

  /** Clicks the export button `testid` and returns the file the app offered: { name, text }.
   * The app saves through an <a download> it clicks; that click is caught in the page (and
   * the browser's download not started, which differs in every engine and is not the app's). */
  async exportFile(testid) {
    await this.page.evaluate(() => {
      // The blob is kept as it is made (the CSP forbids fetching a blob: URL back).
      const blobs = new Map();
      const make = URL.createObjectURL;
      URL.createObjectURL = (blob) => {
        const url = make(blob);
        blobs.set(url, blob);
        return url;
      };
      window.__exports = [];
      HTMLAnchorElement.prototype.click = function () {
        const name = this.download;
        window.__exports.push(blobs.get(this.href).text().then((text) => ({ name, text })));
      };
    });
    await this.click(testid);
    return until(() => this.page.evaluate(() => window.__exports.length && window.__exports.shift()), `the ${testid} file`);
  }

  async screenshot(name) {
    mkdirSync(join(ARTIFACTS, 'screenshots'), { recursive: true });
    const path = join(ARTIFACTS, 'screenshots', `${this.engine}-${name}.png`);
    await this.page.screenshot(path);
    return path;
  }

  /** What spills, as a list of sentences (empty when the layout holds): any panel or element
   * that scrolls sideways, anything that runs past its panel's edge, any timeline bar or
   * label outside its chart, and any drawn bar covered by something else. When the reader
   * covers the whole screen (a phone), the chart is not expected to be seen. */
  layoutProblems() {
    return this.page.evaluate(() => {
      const problems = [];
      const name = (e) => {
        const id = e.getAttribute('data-testid');
        const cls = typeof e.className === 'string' ? e.className : e.className?.baseVal;
        return `<${e.tagName.toLowerCase()}${id ? ` ${id}` : ''}${cls ? ` .${cls.split(' ').join('.')}` : ''}>${(e.textContent ?? '').trim().slice(0, 40)}`;
      };
      const root = document.scrollingElement;
      if (root.scrollWidth > root.clientWidth + 1) problems.push(`the page scrolls sideways (${root.scrollWidth} > ${root.clientWidth})`);
      const hidden = (e) => e.closest('.visually-hidden, [hidden], details:not([open]) > :not(summary)');
      for (const e of document.querySelectorAll('body *')) {
        const s = getComputedStyle(e);
        if ((s.overflowX === 'auto' || s.overflowX === 'scroll') && e.scrollWidth > e.clientWidth + 1 && !hidden(e)) {
          problems.push(`${name(e)} scrolls sideways (${e.scrollWidth} > ${e.clientWidth})`);
        }
      }
      // The panels: header, toolbar, filters, main column, reader.
      const panels = [...document.querySelectorAll('header, .toolbar, .filters-panel, main, [data-testid=reader]')];
      // Only the outermost element that spills is told, not each of its descendants.
      const told = [];
      for (const p of panels) {
        const pr = p.getBoundingClientRect();
        const right = pr.left + p.clientLeft + p.clientWidth + 1;
        const left = pr.left - 1;
        for (const e of p.querySelectorAll('*')) {
          const r = e.getBoundingClientRect();
          if (r.width * r.height <= 1 || hidden(e)) continue;
          if (r.right <= right && r.left >= left) continue;
          if (told.some((o) => o.contains(e))) continue;
          // Cut off inside the panel by a box that clips it (a title ending in an ellipsis):
          // that box is checked itself.
          let clipped = false;
          for (let a = e.parentElement; a && a !== p; a = a.parentElement) {
            const o = getComputedStyle(a).overflowX;
            if (o !== 'visible') {
              const ar = a.getBoundingClientRect();
              if (ar.right <= right && ar.left >= left) clipped = true;
              break;
            }
          }
          if (clipped) continue;
          told.push(e);
          problems.push(`${name(e)} runs past ${name(p).slice(0, 40)} (${Math.round(r.left)}-${Math.round(r.right)} outside ${Math.round(left)}-${Math.round(right)})`);
        }
      }
      // The chart: each drawn bar and each label inside the plot's box, each bar seen.
      const svg = document.querySelector('[data-testid=timeline]');
      const reader = document.querySelector('[data-testid=reader]');
      const rr = reader?.getBoundingClientRect();
      // The viewport less any classic scroll bar (Firefox's headless one takes 12 px).
      const [vw, vh] = [document.documentElement.clientWidth, document.documentElement.clientHeight];
      const fullScreenReader = rr && rr.left <= 0 && rr.top <= 0 && rr.right >= vw && rr.bottom >= vh;
      if (svg && !fullScreenReader) {
        svg.scrollIntoView({ block: 'nearest' });
        const box = svg.parentElement.getBoundingClientRect();
        const inside = (r) => r.left >= box.left - 1 && r.right <= box.right + 1;
        for (const b of svg.querySelectorAll('[data-testid=timeline-bar]')) {
          if (Number(b.dataset.count) === 0) continue;
          const r = b.getBoundingClientRect();
          const label = b.getAttribute('aria-label');
          if (!inside(r)) {
            problems.push(`bar ${label} outside the chart (${Math.round(r.left)}-${Math.round(r.right)} outside ${Math.round(box.left)}-${Math.round(box.right)})`);
            continue;
          }
          const x = r.left + r.width / 2;
          const y = r.top + Math.min(r.height / 2, r.height - 1);
          const top = document.elementFromPoint(x, y);
          if (top !== b && !b.contains(top)) problems.push(`bar ${label} covered by ${top ? name(top) : 'nothing (off screen)'}`);
        }
        for (const t of svg.querySelectorAll('text')) {
          if (!inside(t.getBoundingClientRect())) problems.push(`label ${t.textContent} outside the chart`);
        }
      }
      return problems;
    });
  }
}
