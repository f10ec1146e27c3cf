// The build's precompressed copies (scripts/postbuild.mjs step 4): every text and wasm file of
// the app has a brotli and a gzip copy beside it, each the same bytes once decompressed and
// smaller than on-the-fly compression gives, and the app served brotli, as a host serving
// those copies does, opens, searches and reads like the gzipped one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync } from 'node:zlib';
import { harness } from './support/harness.mjs';

const h = harness({ encoding: 'br' });

test('each file of the app has brotli and gzip copies of the same bytes; the wasm gains a quarter', () => {
  const app = readdirSync('dist').filter((f) => ['.html', '.js', '.css', '.wasm', '.svg', '.webmanifest'].includes(extname(f)));
  assert.ok(app.some((f) => f.endsWith('.wasm')) && app.includes('index.html') && app.includes('sw.js'), `app files: ${app}`);
  for (const f of app) {
    const body = readFileSync(join('dist', f));
    assert.ok(brotliDecompressSync(readFileSync(join('dist', `${f}.br`))).equals(body), `${f}.br`);
    assert.ok(gunzipSync(readFileSync(join('dist', `${f}.gz`))).equals(body), `${f}.gz`);
  }
  const wasm = app.find((f) => f.endsWith('_bg.wasm'));
  const body = readFileSync(join('dist', wasm));
  const br = statSync(join('dist', `${wasm}.br`)).size;
  const gz = statSync(join('dist', `${wasm}.gz`)).size;
  const fly = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }).length;
  assert.ok(br < 0.85 * gz, `brotli ${br} against gzip ${gz}`);
  assert.ok(br < fly, `precompressed ${br} against brotli 5 on the fly ${fly}`);
  // The service worker's list of the app's files names no copy.
  assert.doesNotMatch(readFileSync('dist/sw.js', 'utf8'), /\.(br|gz)"/);
});

test('served brotli, the app opens, searches and shows an article', async (t) => {
  const encodings = new Map();
  const { app, page, errors } = await h.openApp(t, {
    setup: (page) => page.on('response', async (r) => encodings.set(new URL(r.url()).pathname, (await r.allHeaders())['content-encoding'])),
  });
  await app.waitForTotal(5);
  const wasm = [...encodings.keys()].find((p) => p.endsWith('_bg.wasm'));
  assert.equal(encodings.get(wasm), 'br', 'the wasm came brotli');
  assert.equal(encodings.get('/'), 'br', 'the page came brotli');
  // The build's copy itself, not brotli made on the fly.
  const sent = await page.evaluate((w) => performance.getEntriesByName(new URL(w, location.href).href)[0]?.encodedBodySize, wasm);
  assert.equal(sent, statSync(join('dist', `${wasm.slice(1)}.br`)).size, 'the wasm sent is the .br copy');
  await app.search('hung yen');
  await app.waitForTotal(2);
  await app.openResult(0);
  assert.match(await app.readerTitle(), /Hưng Yên/);
  assert.deepEqual(errors, []);
});
