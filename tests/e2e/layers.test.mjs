// The layered dataset as a visitor meets it, on 2,000 generated articles with many term
// shards: the first screen needs no term file; a query fetches the term files it needs (as
// the native engine computes them) and what the next keystroke will, and nothing else, typed
// a letter at a time or at once; words typed side by side rank on the pairs layer, not on
// their positions; a list waiting for term files says so instead of showing a count.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { harness } from './support/harness.mjs';
import { until } from './support/app_page.mjs';
import { ingest, records } from './support/dataset.mjs';

const N = 2000;
const WORDS = ['Đảng', 'viên', 'hội nghị', 'tổng kết', 'Hưng Yên', 'kết nạp', 'công đoàn', 'thanh niên', 'phụ nữ', 'nông dân'];
let dataDir;
const h = harness({
  mounts: () => {
    dataDir = ingest([
      records(
        Array.from({ length: N }, (_, i) => ({
          id: `s${String(i).padStart(5, '0')}`,
          title: `${WORDS[i % 10]} ${WORDS[(i * 3) % 10]} chữ${i} ${(i * 7919).toString(36)}`,
          date: new Date(Date.UTC(2012, 0, 1) + i * 86400000).toISOString().slice(0, 10),
          // Three hundred words of a 6,000-word vocabulary each: postings for dozens of shards.
          body: `Hội nghị ${WORDS[(i * 7) % 10]} mục${i % 97}. ${Array.from({ length: 300 }, (_, k) => `w${((i * 131 + k * 7919) % 6000).toString(36)}`).join(' ')}.`,
        })),
      ),
    ]);
    return { 'data/': dataDir };
  },
});

const termFile = (path) => /^\/data\/(terms|postings|positions|pairs)-/.test(path);

test('a query fetches only the term files it needs, and the next keystroke will', async (t) => {
  const requested = [];
  const { app, page, errors } = await h.openApp(t, { setup: (p) => p.on('request', (r) => requested.push(new URL(r.url()).pathname)) });
  await app.waitForTotal(N);
  const manifest = JSON.parse(readFileSync(join(dataDir, 'manifest.json'), 'utf8'));
  assert.ok(manifest.postings.files > 20, `${manifest.postings.files} postings shards`);
  // Let the idle prefetch of the directory happen, then search.
  await until(() => requested.some((p) => p.includes('/terms-')), 'the directory prefetched');
  const before = requested.length;
  const query = 'kết nạp chữ1235';
  await app.searchBox().fill(query);
  await until(async () => (await page.getByTestId('result-count').getAttribute('data-loading')) === 'false' && (await app.total()) === 1, 'the one article');
  await page.waitForTimeout(600);
  const fetched = new Set(requested.slice(before).filter(termFile).map((p) => p.replace('/data/', '')));
  const lines = execFileSync('target/native/nienbieu-bench', ['needs', dataDir, query]).toString().trim().split('\n');
  const need = new Set(lines.filter((l) => l.startsWith('need ')).map((l) => l.slice(5)).filter((p) => !p.startsWith('terms-')));
  const ahead = new Set(lines.filter((l) => l.startsWith('ahead ')).map((l) => l.slice(6)));
  for (const p of need) assert.ok(fetched.has(p), `${p} needed but not fetched`);
  for (const p of fetched) assert.ok(need.has(p) || ahead.has(p), `${p} fetched but neither needed nor ahead`);
  const total = manifest.postings.files + manifest.positions.files + manifest.pairs.files;
  assert.ok(fetched.size <= 8 && fetched.size * 10 < total, `${fetched.size} of ${total} term files`);
  assert.equal(new Set(requested.filter(termFile)).size, requested.filter(termFile).length, 'no term file twice');
  assert.deepEqual(errors, []);
});

test('typed a letter at a time, a query fetches what its last keystroke needs once the typing pauses, not every prefix\'s', async (t) => {
  const requested = [];
  const { app, page, errors } = await h.openApp(t, { setup: (p) => p.on('request', (r) => requested.push(new URL(r.url()).pathname)) });
  await app.waitForTotal(N);
  await until(() => requested.some((p) => p.includes('/terms-')), 'the directory prefetched');
  // Term files take 250 ms, so that the files of a pause arrive while the next word is typed.
  await page.route(/\/data\/(postings|positions|pairs)-/, async (r) => {
    await new Promise((done) => setTimeout(done, 250));
    await r.continue();
  });
  const before = requested.length;
  const [words, query] = ['kết nạp ', 'kết nạp chữ1235'];
  // A pause after the first words: their files are fetched. Then faster than the pause: each
  // prefix ("kết nạp c", "kết nạp ch", ...) is searched, none of its files fetched, not even
  // when the first words' files arrive in the middle.
  await app.searchBox().pressSequentially(words, { delay: 40 });
  await until(() => requested.slice(before).some(termFile), 'the first words fetched once the typing paused');
  await app.searchBox().pressSequentially(query.slice(words.length), { delay: 60 });
  await until(async () => (await page.getByTestId('result-count').getAttribute('data-loading')) === 'false' && (await app.total()) === 1, 'the one article, once the typing paused');
  await page.waitForTimeout(600);
  const fetched = new Set(requested.slice(before).filter(termFile).map((p) => p.replace('/data/', '')));
  const needs = (q) => execFileSync('target/native/nienbieu-bench', ['needs', dataDir, q]).toString().trim().split('\n');
  const wanted = new Set([...needs(words), ...needs(query)].map((l) => l.replace(/^(need|ahead) /, '')));
  assert.ok(fetched.size > 0, 'the files of the last keystroke fetched');
  for (const p of fetched) assert.ok(wanted.has(p), `${p} fetched for a prefix typed on the way: ${[...fetched]}`);
  assert.deepEqual(errors, []);
});

test('words typed side by side are ranked on the pairs layer, not on their positions', async (t) => {
  const requested = [];
  const { app, page, errors } = await h.openApp(t, { setup: (p) => p.on('request', (r) => requested.push(new URL(r.url()).pathname)) });
  await app.waitForTotal(N);
  const manifest = JSON.parse(readFileSync(join(dataDir, 'manifest.json'), 'utf8'));
  assert.ok(manifest.pairs.files > 0, 'the dataset has a pairs layer');
  // Every article's body opens with "Hội nghị"; those with it in the title come first.
  await app.searchBox().fill('hội nghị ');
  await until(async () => (await page.getByTestId('result-count').getAttribute('data-loading')) === 'false' && (await app.total()) === N, 'every article');
  await page.waitForTimeout(600);
  const fetched = requested.filter(termFile);
  assert.ok(fetched.some((p) => p.startsWith('/data/pairs-')), `a pairs shard fetched: ${fetched}`);
  assert.ok(!fetched.some((p) => p.startsWith('/data/positions-')), `no positions shard fetched: ${fetched}`);
  const [first] = await app.rows();
  assert.match(first.title, /hội nghị/i);
  assert.deepEqual(errors, []);
});

test('a list waiting for term files says so, and never shows a count as final', async (t) => {
  let release;
  const held = new Promise((r) => { release = r; });
  const { app, page, errors } = await h.openApp(t, {
    setup: (p) => p.route('**/data/postings-*/*', async (route) => { await held; await route.continue(); }),
  });
  await app.waitForTotal(N);
  await app.searchBox().fill('hội nghị');
  await until(async () => (await page.getByTestId('result-count').getAttribute('data-loading')) === 'true', 'loading');
  assert.equal(await app.count(), 'Đang tìm…');
  // The previous rows stay, marked as stale, until the answer is complete.
  assert.ok((await app.results().count()) > 0);
  release();
  await until(async () => (await page.getByTestId('result-count').getAttribute('data-loading')) === 'false', 'answered');
  assert.match(await app.count(), /^[\d.]+ bài viết$/);
  assert.deepEqual(errors, []);
});

test('a term file or a row file whose request fails or stalls once is fetched again, and the list completes', async (t) => {
  // A phone's connection drops a request now and then, or leaves it unanswered: the first
  // request for each postings shard is never answered, for each pairs shard the connection
  // drops, and each row fragment file gets a 503 (as the service worker answers when its own
  // fetch fails); every second request succeeds.
  const tries = new Map();
  const once = (fail) => async (route) => {
    const path = new URL(route.request().url()).pathname;
    const n = tries.get(path) ?? 0;
    tries.set(path, n + 1);
    return n > 0 ? route.continue() : fail(route);
  };
  const { app, page } = await h.openApp(t, {
    setup: async (p) => {
      await p.route('**/data/postings-*/*', once(() => new Promise(() => {})));
      await p.route('**/data/pairs-*/*', once((r) => r.abort('connectionreset')));
      await p.route('**/data/articles-*/*', once((r) => r.fulfill({ status: 503, body: 'busy' })));
    },
  });
  await app.waitForTotal(N);
  await app.searchBox().fill('kết nạp chữ1235');
  await until(
    async () => (await page.getByTestId('result-count').getAttribute('data-loading')) === 'false' && (await app.total()) === 1,
    'the one article',
    20000,
  );
  assert.equal(await page.getByTestId('term-failure').count(), 0, 'no failure shown');
  const again = (kind) => [...tries].filter(([p, n]) => p.includes(`/${kind}-`) && n === 2).length;
  assert.ok(again('postings') > 0, `a postings shard asked for again: ${JSON.stringify([...tries])}`);
  assert.ok(again('pairs') > 0, `a pairs shard asked for again: ${JSON.stringify([...tries])}`);
  // The rows' titles and snippets came from files that also failed once.
  assert.ok(again('articles') > 0, 'a fragment file asked for again');
  const [row] = await until(async () => ((r) => r.length && r[0].title.includes('chữ1235') && r)(await app.rows()), 'the row with its title');
  assert.match(row.snippet, /kết nạp/i);
});
