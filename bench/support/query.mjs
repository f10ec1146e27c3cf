// Timing a query as a visitor types it, for the benchmarks run in a browser (coldstart.mjs,
// offline_save.mjs): the search box filled, then the app's final first row painted.

/** Types `q` at once (as a paste), or a letter every `every` ms, and waits for its final first
 * row: `t0` is when the (last) letter came and `t1` when the row was painted, by the page's
 * clock; `hits` the result count then. */
export async function query(page, q, every = 0) {
  if (every) {
    for (let i = 1; i < [...q].length; i++) {
      await page.evaluate((v) => {
        const box = document.querySelector('[data-testid=search]');
        box.value = v;
        box.dispatchEvent(new Event('input', { bubbles: true }));
      }, [...q].slice(0, i).join(''));
      await page.waitForTimeout(every);
    }
  }
  const t0 = await page.evaluate((q) => new Promise((done) => {
    // The moment of this query's row, not of an earlier query's on the same page.
    window.queryAt = undefined;
    const count = () => document.querySelector('[data-testid=result-count]');
    const before = count().textContent + '|' + document.querySelector('[data-testid=result][data-pos="0"]')?.dataset.id;
    let saw = false;
    const box = document.querySelector('[data-testid=search]');
    const t0 = performance.now();
    box.value = q;
    box.dispatchEvent(new Event('input', { bubbles: true }));
    const look = () => {
      const c = count();
      const row = document.querySelector('[data-testid=result][data-pos="0"]');
      const now = c.textContent + '|' + row?.dataset.id;
      saw ||= c.dataset.loading === 'true' || now !== before;
      const ready = c.dataset.loading === 'false' && (row ? row.getAttribute('aria-busy') === 'false' : document.querySelector('[data-testid=empty-state]'));
      if (saw && ready) setTimeout(() => { window.queryAt = performance.now(); }, 0);
      else requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
    done(t0);
  }), q);
  await page.waitForFunction(() => window.queryAt !== undefined, null, { timeout: 180000 });
  const t1 = await page.evaluate(() => window.queryAt);
  const hits = await page.getByTestId('result-count').textContent();
  return { t0, t1, hits };
}
