// Page object for the Niên biểu app: every test reaches the app through these methods and the
// data-testid hooks, never through CSS classes.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

export const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'artifacts');

/** Polls `fn` until it returns a truthy value (returned) or `ms` pass (throws with `what`). */
export async function until(fn, what = 'condition', ms = 10000) {
  const end = Date.now() + ms;
  let last;
  for (;;) {
    try {
      last = await fn();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what} (last: ${last})`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Polls `fn` until its value deep-equals `expected`, then returns; after `ms` it fails with the
 * last value seen. For what the page shows a frame or more after the URL changes: the facet
 * panel and the timeline follow the list one frame later, by design. */
export async function eventually(fn, expected, what = 'value', ms = 10000) {
  let last;
  try {
    await until(async () => isDeepStrictEqual((last = await fn()), expected), what, ms);
  } catch {
    assert.deepStrictEqual(last, expected, what);
  }
}

export class AppPage {
  constructor(page, url) {
    this.page = page;
    this.url = url;
  }

  /** Opens the app (with an optional query string such as '?q=...') and waits until it shows
   * results, a view (documents, people, ...) or an error. */
  async open(query = '', wait = true) {
    await this.page.goto(this.url + query);
    if (wait) {
      await this.page
        .getByTestId('result-count')
        .or(this.page.getByTestId('load-error'))
        .or(this.page.locator('[data-testid^="view-"][aria-labelledby=view-heading]'))
        .first()
        .waitFor();
      await this.settle();
    }
  }

  /** The view state in the URL, as URLSearchParams. */
  params() {
    return new URL(this.page.url()).searchParams;
  }

  searchBox() {
    return this.page.getByTestId('search');
  }

  /** Replaces the query, as typing would, and waits for the list to follow. */
  async search(text) {
    const before = await this.count();
    await this.searchBox().fill(text);
    await until(async () => this.params().get('q') === (text || null) || (!text && !this.params().has('q')), `q=${text}`);
    return before;
  }

  results() {
    return this.page.getByTestId('result');
  }

  /** The rows in the page: id, title, date text and datetime, position, and marked words. */
  async rows() {
    return this.results().evaluateAll((rows) =>
      rows
        .map((r) => ({
          id: r.dataset.id,
          pos: Number(r.dataset.pos),
          title: r.querySelector('h3').textContent,
          date: r.querySelector('time')?.textContent ?? null,
          datetime: r.querySelector('time')?.getAttribute('datetime') ?? null,
          marks: [...r.querySelectorAll('h3 mark')].map((m) => m.textContent),
          snippet: r.querySelector('.snippet')?.textContent ?? null,
          snippetMarks: [...r.querySelectorAll('.snippet mark')].map((m) => m.textContent),
        }))
        .sort((a, b) => a.pos - b.pos),
    );
  }

  async ids() {
    return (await this.rows()).map((r) => r.id);
  }

  async count() {
    return this.page.getByTestId('result-count').textContent();
  }

  /** The number in the result count ("1.234 bài viết" gives 1234). */
  async total() {
    return Number((await this.count()).replace(/[^\d]/g, ''));
  }

  /** Waits until the list shows `n` results and the facet panel and timeline, which follow
   * the list one frame later, have caught up. */
  async waitForTotal(n) {
    await until(async () => (await this.total()) === n, `${n} results`);
    await this.settle();
  }

  /** Two painted frames: the panels, counted in a task after the list's frame, have been
   * updated and painted. (A timer queued from an animation frame runs after its paint.) */
  async settle() {
    await this.page.evaluate(() => new Promise((r) => {
      const painted = (then) => requestAnimationFrame(() => setTimeout(then, 0));
      painted(() => painted(r));
    }));
  }

  facet(key, value) {
    return this.page.getByTestId(`facet-${key}-${value}`);
  }

  /** The count shown beside a facet value. */
  async facetCount(key, value) {
    return Number((await this.facet(key, value).locator('.count').textContent()).replace(/[^\d]/g, ''));
  }

  async toggleFacet(key, value) {
    await this.facet(key, value).locator('input').click();
  }

  chips() {
    return this.page.getByTestId('chip');
  }

  async chipTexts() {
    return this.chips().evaluateAll((cs) => cs.map((c) => c.textContent.replace(/ ×$/, '')));
  }

  async clearAll() {
    await this.page.getByTestId('clear-all').click();
  }

  timeline() {
    return this.page.getByTestId('timeline');
  }

  bars() {
    return this.page.getByTestId('timeline-bar');
  }

  /** Counts of the bars, in order. */
  async barCounts() {
    return this.bars().evaluateAll((bars) => bars.map((b) => Number(b.dataset.count)));
  }

  /** Drags the mouse across the timeline from the centre of bar `from` to that of bar `to`. */
  async dragTimeline(from, to) {
    const box = async (i) => (await this.bars().nth(i).boundingBox()) ?? { x: 0, y: 0, width: 0, height: 0 };
    const chart = await this.timeline().boundingBox();
    const [a, b] = [await box(from), await box(to)];
    const y = chart.y + chart.height / 2;
    await this.page.mouse.move(a.x + a.width / 2, y);
    await this.page.mouse.down();
    await this.page.mouse.move((a.x + b.x) / 2 + b.width / 2, y, { steps: 4 });
    await this.page.mouse.move(b.x + b.width / 2, y, { steps: 4 });
    await this.page.mouse.up();
  }

  /** Opens the result at display position `pos` by clicking its title. */
  async openResult(pos = 0) {
    await this.page.locator(`[data-testid=result][data-pos="${pos}"] h3 a`).click();
    await this.reader().waitFor();
  }

  reader() {
    return this.page.getByTestId('reader');
  }

  async readerTitle() {
    return this.reader().locator('h2').textContent();
  }

  loadError() {
    return this.page.getByTestId('load-error');
  }

  async switchLanguage() {
    await this.page.getByTestId('lang-switch').click();
  }

  async screenshot(name, fullPage = true) {
    mkdirSync(join(ARTIFACTS, 'screenshots'), { recursive: true });
    const path = join(ARTIFACTS, 'screenshots', `${name}.png`);
    await this.page.screenshot({ path, fullPage });
    return path;
  }
}
