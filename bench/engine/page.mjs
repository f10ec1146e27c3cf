// Runs inside Chromium: loads our engine (wasm) and the peers (MiniSearch, FlexSearch) and
// times them on the same articles and queries. bench/engine_bench.mjs drives it and prints.
import init, { Bench } from './wasm/nienbieu_wasm_bench.js';
import MiniSearch from './node_modules/minisearch/dist/es/index.js';
import { Document, Encoder, Charset } from './node_modules/flexsearch/dist/flexsearch.bundle.module.min.mjs';

const now = () => performance.now();
const gc = () => (globalThis.gc ? globalThis.gc() : undefined);
const heap = () => (gc(), performance.memory?.usedJSHeapSize ?? NaN);
let wasm;
let ours;
let records;
let peers = {};

/** Folding as MiniSearch's issue #153 recommends, plus the đ→d mapping it forgets. */
const fold = (t) => t.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd');

function stats(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
  return { median: q(0.5), p95: q(0.95), max: s.at(-1) };
}

function time(runs, warmup, fn) {
  for (let i = 0; i < warmup; i++) fn();
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const t = now();
    fn();
    samples.push(now() - t);
  }
  return samples;
}

window.bench = {
  /** Loads our dataset at `dir` whole: the core (timed from its bytes to a ready engine), then
   * every file of the term layers and the catalog's ids (what a visitor has after saving the
   * whole archive for offline use). */
  async loadOurs(dir) {
    if (!wasm) wasm = await init();
    const heapBefore = heap();
    const get = async (path) => new Uint8Array(await (await fetch(`${dir}/${path}`)).arrayBuffer());
    const m = await (await fetch(`${dir}/manifest.json`)).json();
    const t0 = now();
    const core = await get(m.core.path);
    const t1 = now();
    ours?.free();
    ours = new Bench(core);
    const t2 = now();
    const layer = (l) => Array.from({ length: l.files }, (_, n) => `${l.dir}/${n}.${l.ext}`);
    const files = [['columns', 0, m.columns.path], ['directory', 0, m.terms.path], ...layer(m.postings).map((p, n) => ['postings', n, p]), ...layer(m.positions).map((p, n) => ['positions', n, p]), ...layer(m.pairs).map((p, n) => ['pairs', n, p])];
    let termBytes = 0;
    // At most 16 requests at a time: thousands at once (100,000 articles have about 2,900
    // term files) make Chromium refuse some with ERR_INSUFFICIENT_RESOURCES.
    const fetched = new Array(files.length);
    let next = 0;
    const worker = async () => {
      while (next < files.length) {
        const i = next++;
        const [kind, n, p] = files[i];
        fetched[i] = [kind, n, await get(p)];
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    const t3 = now();
    for (const [kind, n, bytes] of fetched) {
      termBytes += bytes.length;
      ours.add(kind, n, bytes);
    }
    const t4 = now();
    const ids = [];
    for (const p of layer(m.catalog)) {
      const text = await (await fetch(`${dir}/${p}`)).text();
      for (const line of text.split('\n')) if (line) ids.push(JSON.parse(line).id);
    }
    ours.set_ids(JSON.stringify(ids));
    return {
      articles: ours.len(),
      coreBytes: core.length,
      termBytes,
      fetchMs: t1 - t0,
      readyMs: t2 - t1,
      termsFetchMs: t3 - t2,
      termsLoadMs: t4 - t3,
      wasmMemory: wasm.memory.buffer.byteLength,
      heapDelta: heap() - heapBefore,
    };
  },

  runOurs(queries, runs, warmup) {
    const all = [];
    const perQuery = queries.map((q) => {
      const json = JSON.stringify(q);
      let hits = 0;
      const samples = time(runs, warmup, () => { hits = ours.search(json); });
      all.push(...samples);
      return { q: q.q, hits, ...stats(samples) };
    });
    return { perQuery, all: stats(all), samples: all.length };
  },

  oursIds(q, n) {
    return JSON.parse(ours.ids(JSON.stringify(q), n));
  },

  async loadRecords(url, limit) {
    const text = await (await fetch(url)).text();
    records = text.split('\n').filter(Boolean).slice(0, limit).map((l) => {
      const r = JSON.parse(l);
      return { id: r.id, title: r.title ?? '', body: r.body ?? '', outlet: r.outlet, topic: r.topic_vi };
    });
    return records.length;
  },

  buildPeer(name) {
    const before = heap();
    const t = now();
    let index;
    if (name === 'MiniSearch') {
      index = new MiniSearch({
        fields: ['title', 'body'],
        processTerm: fold,
        searchOptions: { boost: { title: 2 }, combineWith: 'AND', prefix: (term, i, terms) => i === terms.length - 1 },
      });
      index.addAll(records);
    } else {
      const encoder = new Encoder(Charset.Normalize);
      encoder.addMapper('đ', 'd');
      index = new Document({
        document: { id: 'id', index: [
          { field: 'title', tokenize: 'forward', encoder },
          { field: 'body', tokenize: 'forward', encoder },
        ] },
      });
      for (const r of records) index.add(r);
    }
    const ms = now() - t;
    peers[name] = index;
    return { ms, heapDelta: heap() - before };
  },

  /** All hits of a peer, filtered afterwards by the request's metadata filters (FlexSearch's
   * own field filter cuts large result sets; PEERS.md). */
  peerSearch(name, q) {
    const byId = this._byId ??= new Map(records.map((r) => [r.id, r]));
    // Peers know no quotes or exclusions: they get the words.
    const text = q.q.replace(/"/g, ' ').split(/\s+/).filter((w) => w && !w.startsWith('-')).join(' ');
    let ids;
    if (!text) ids = records.map((r) => r.id);
    else if (name === 'MiniSearch') ids = peers[name].search(text).map((r) => r.id);
    else ids = peers[name].search(text, { limit: records.length, merge: true }).map((r) => r.id);
    const f = q.filters ?? {};
    if (f['meta:outlet'] || f['meta:topic_vi']) {
      ids = ids.filter((id) => {
        const r = byId.get(id);
        return (!f['meta:outlet'] || f['meta:outlet'].includes(r.outlet))
          && (!f['meta:topic_vi'] || f['meta:topic_vi'].includes(r.topic));
      });
    }
    return ids;
  },

  runPeer(name, queries, runs, warmup) {
    const all = [];
    const perQuery = queries.map((q) => {
      let hits = 0;
      const samples = time(runs, warmup, () => { hits = this.peerSearch(name, q).length; });
      all.push(...samples);
      return { q: q.q, hits, ...stats(samples) };
    });
    return { perQuery, all: stats(all), samples: all.length };
  },

  /** Correctness beside speed, for any engine's `search(q) -> ids`. */
  quality(engine) {
    const search = engine === 'Niên biểu'
      ? (q) => this.oursIds({ q }, 1_000_000)
      : (q) => this.peerSearch(engine, { q });
    const byId = this._byId ??= new Map(records.map((r) => [r.id, r]));
    const cover = (plain, marked) => {
      const p = new Set(search(plain));
      const m = search(marked);
      return { found: m.filter((id) => p.has(id)).length, of: m.length };
    };
    // Lower-case words with their marks, as a reader sees them.
    const words = (id) => {
      const r = byId.get(id);
      return `${r.title} ${r.body}`.toLowerCase().normalize('NFC').split(/[^\p{L}\p{M}\p{N}]+/u);
    };
    const exactTop = (q, word) => search(q).slice(0, 10).filter((id) => words(id).includes(word)).length;
    const phraseTop = (q, phrase) => search(q).slice(0, 10).filter((id) => words(id).join(' ').includes(phrase)).length;
    return {
      dangVien: cover('dang vien ', 'đảng viên '),
      bongDa: cover('bong da ', 'bóng đá '),
      dangExactTop10: exactTop('đảng ', 'đảng'),
      phraseTop10: phraseTop('đảng viên ', 'đảng viên'),
    };
  },
};
window.benchReady = true;
