// Search before the app: what runs in the page painted into index.html when a visitor starts to
// search before the app's own module has arrived. scripts/early.mjs appends this file to the
// wasm-bindgen glue of crates/early (so `__wbg_init` and `Early` are in scope) and names the
// result nienbieu-early-HASH.js; the painted screen's script imports it once that screen is
// on screen, and calls `start`, which says when the app's own module may be fetched: the two
// share the visitor's network, and a search typed meanwhile should not wait for 400 kB it does
// not need.
//
// A query's term files and its rows' article files are fetched as the app fetches them (the
// same paths; each response is handed to the app, which takes it instead of fetching the file
// again: src/data.rs); the painted rows are replaced by the
// query's, each a copy of a painted row filled with text (never markup); the count says how many;
// the facets and the timeline, which still count the whole archive, are dimmed and marked busy
// until the app, which counts them, takes the painted screen's place (src/boot.rs). Nothing here
// is needed: if anything fails, the painted screen stays as it was and the app comes as before.

/** How long typing must pause before a keystroke's files are fetched (as the app waits). */
const PAUSE_MS = 300;

const DATA = 'data/';

/** `n` written as the painted count writes it (Vietnamese: a dot between thousands). */
function number(n) {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** Responses fetched here, by URL, that the app takes instead of fetching them again
 * (src/data.rs): each file crosses the network once, whether or not the browser caches it. */
const handed = (window.nienbieuHanded ??= new Map());

/** How long a file may take before it counts as failed (the app's own wait, src/data.rs). */
const ANSWER_WITHIN_MS = 10000;

/** A file of the dataset, as bytes or as text; a copy of its response is left for the app. */
async function get(path, as) {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), ANSWER_WITHIN_MS);
  const response = await fetch(DATA + path, { signal: abort.signal }).finally(() => clearTimeout(timer));
  if (!response.ok) throw new Error(`${DATA}${path}: HTTP ${response.status}`);
  handed.set(DATA + path, response.clone());
  return as === 'text' ? response.text() : new Uint8Array(await response.arrayBuffer());
}

/** Fills `parent` with `pieces`: plain text, then a marked word, in turn. */
function fill(parent, pieces) {
  parent.replaceChildren();
  pieces.forEach((text, i) => {
    if (!text) return;
    if (i % 2) {
      const mark = document.createElement('mark');
      mark.textContent = text;
      parent.append(mark);
    } else parent.append(text);
  });
}

/** How long a focused, empty box holds the app's module back for a first letter. */
const FOCUS_HOLD_MS = 1000;

/** Searches the painted screen `painted` from its own search box; `wasm` is the module's
 * response (or its promise), fetched beside this file. Calls `release` (once) when the app's
 * module may be fetched: at once if nothing here can run; else once the module is in and no
 * search is waiting, or once the first search typed meanwhile is answered; and
 * at once when the visitor clicks anywhere but the box, which only the app can answer. */
export async function start(painted, release = () => {}, wasm = undefined) {
  let released = false;
  const go = () => {
    if (!released) {
      released = true;
      release();
    }
  };
  // Nothing waits on the module's fetch if this stops before reading it.
  Promise.resolve(wasm).catch(() => {});
  const box = painted.querySelector('form[role=search] input[type=search]');
  const results = painted.querySelector('.results');
  const list = painted.querySelector('.result-list');
  const count = painted.querySelector('.result-count');
  const template = list && list.querySelector('li.result');
  if (!box || !results || !count || !template) return go();
  painted.addEventListener('pointerdown', (e) => box.contains(e.target) || go(), true);
  const slots = list.children.length;
  const painting = { rows: [...list.children], count: count.textContent };
  const panels = [...painted.querySelectorAll('.filters-panel, .timeline')];

  let manifest, core;
  try {
    manifest = await (window.nienbieuManifest || Promise.resolve(null))
      .then((text) => text || get('manifest.json', 'text'));
    // The core (preloaded by index.html) is waited for only by a query: the app's module need
    // not wait for it (1.9 MB gzipped at 1,000,000 articles).
    core = get(JSON.parse(manifest).core.path);
    core.catch(() => {});
    await __wbg_init({ module_or_path: wasm ?? new URL('./__EARLY_WASM__', import.meta.url) });
  } catch (e) {
    go();
    throw e;
  }
  if (!painted.isConnected) return go();
  // The engine is made at the first query: a visitor who types nothing costs no decoding of
  // the core here (the app decodes its own) and no second copy of it in memory.
  let made = null;
  const engine = async () => (made ??= new Early(manifest, await core));

  let wanted = box.value;
  let typedAt = 0;
  let running = false;

  const current = () => painted.isConnected && box.value === wanted;
  const busy = (on) => {
    results.classList.toggle('stale', on);
    results.setAttribute('aria-busy', String(on));
    count.classList.toggle('loading', on);
    count.dataset.loading = String(on);
  };
  const dim = (on) => panels.forEach((p) => {
    p.classList.toggle('stale-panels', on);
    p.setAttribute('aria-busy', String(on));
  });

  /** The rows of `q`, or null when the query changed or the app came meanwhile. */
  async function answer(q) {
    const early = await engine();
    if (!current()) return null;
    let hits = early.search(q, slots);
    while (!hits) {
      const wait = typedAt + PAUSE_MS - performance.now();
      if (wait > 0) {
        await new Promise((r) => setTimeout(r, wait));
        if (!current()) return null;
        continue;
      }
      const needs = early.needs(q);
      const files = await Promise.all(needs.map((p) => get(p)));
      needs.forEach((p, i) => early.add(p, files[i]));
      if (!current()) return null;
      hits = early.search(q, slots);
    }
    const names = [...new Set([...hits].map((d) => early.file_of(d)))];
    const texts = new Map(await Promise.all(names.map(async (f) => [f, await get(f, 'text')])));
    if (!current()) return null;
    return {
      total: early.total(),
      approximate: early.approximate(),
      rows: [...hits].map((d) => early.row(q, d, texts.get(early.file_of(d)))),
    };
  }

  function show({ total, approximate, rows }) {
    // A count the engine could not check in full says so, in the app's words
    // (src/i18n.rs, `approximate`; tests/e2e/early.test.mjs holds the two alike).
    const text = approximate
      ? `Khoảng ${number(total)} bài viết (cụm từ quá phổ biến để kiểm tra hết)`
      : painting.count.replace(/^[\d.]+/, number(total));
    count.textContent = text;
    list.closest('.results-scroll')?.setAttribute('aria-label', text);
    list.replaceChildren(...rows.map((r, i) => {
      const [id, flags, date, datetime, org, province, n] = r;
      const title = r.slice(7, 7 + Number(n));
      const snippet = r.slice(7 + Number(n));
      const li = template.cloneNode(true);
      // The painted row's place (its class positions it).
      li.className = painting.rows[i].className;
      li.dataset.pos = String(i);
      li.dataset.id = id;
      li.setAttribute('aria-setsize', String(total));
      li.setAttribute('aria-posinset', String(i + 1));
      const link = li.querySelector('.result-title a');
      link.href = `./?${new URLSearchParams({ q: wanted, a: id })}`;
      if (flags.includes('u')) {
        const lead = document.createElement('span');
        lead.className = 'untitled';
        lead.textContent = title[0];
        link.replaceChildren(lead);
      } else fill(link, title);
      const meta = li.querySelector('.result-meta');
      meta.replaceChildren();
      if (date) {
        const time = document.createElement('time');
        time.dateTime = datetime;
        time.textContent = date;
        meta.append(time);
      }
      for (const [cls, value] of [['org', org], ['province', province]]) {
        if (!value) continue;
        const span = document.createElement('span');
        span.className = cls;
        span.textContent = value;
        meta.append(span);
      }
      const p = li.querySelector('.snippet');
      fill(p, [flags.includes('<') ? '… ' : '', '', ...snippet, '', flags.includes('>') ? ' …' : '']);
      return li;
    }));
  }

  function restore() {
    list.replaceChildren(...painting.rows);
    count.textContent = painting.count;
    busy(false);
    dim(false);
  }

  async function run() {
    if (running) return;
    running = true;
    try {
      for (;;) {
        if (!painted.isConnected) return;
        const q = box.value;
        wanted = q;
        if (!q.trim()) {
          restore();
          return;
        }
        busy(true);
        const got = await answer(q);
        if (got && current()) {
          show(got);
          busy(false);
          dim(true);
          return;
        }
      }
    } catch (e) {
      // The app will say what went wrong with the dataset; here it only stops, the painted
      // screen left as it was, and the next keystroke tries again.
      console.warn('Niên biểu: the search before the app stopped:', e);
      restore();
    } finally {
      running = false;
      go();
    }
  }

  box.addEventListener('input', (e) => {
    // A word an input method is still composing is searched once it is whole.
    if (e.isComposing) return;
    // Letters typed one by one wait for a pause before fetching; a paste does not.
    typedAt = e.inputType && !e.inputType.includes('Paste') ? performance.now() : 0;
    run();
  });
  box.addEventListener('compositionend', () => {
    typedAt = performance.now();
    run();
  });
  if (box.value) run();
  else if (document.activeElement === box) {
    // About to type: the first letter's files go first, unless none comes soon.
    box.addEventListener('blur', go, { once: true });
    setTimeout(go, FOCUS_HOLD_MS);
  } else go();
}
