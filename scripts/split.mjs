// Splits the app's wasm into modules, as the first step of the post-build
// (scripts/postbuild.mjs): the first module, asked for at start, holds what the explorer needs;
// each split point (`#[wasm_split]`: `views::view_of`, the views of documents, people,
// organisations and figures; `reader::article_view`, an article's text in the reader) gets a
// module fetched on its first call, and code that two of them share one more.
//
// Trunk 0.21 has no step for this, so it is done here, after Trunk, from the wasm that cargo
// linked for Trunk (kept with its relocations: .cargo/config.toml):
//  1. a check that it is that wasm: Trunk names its files by the SeaHash of it;
//  2. wasm-split-cli (crate wasm_split_cli_support, installed by scripts/setup.sh) cuts it at
//     its split points into a main module, a module per split (and per shared part), and a
//     small loader that fetches and instantiates a module on its first call;
//  3. wasm-bindgen makes the main module's JS glue, as Trunk did for the whole, keeping the
//     exports the split modules import (memory, function table, stack pointer);
//  4. the classes that nothing constructs (wasm-streams', via Leptos) leave the glue and their
//     exports the main module; wasm-opt optimises each module for size (Trunk's own run is
//     off, `data-wasm-opt="0"`, its output being replaced), with the features index.html
//     names, and so drops the code only those exports reached;
//  5. the main module's imports from the glue get short names, in the wasm and in the glue
//     (scripts/wasm_glue.mjs: wasm-bindgen's `__wbg_<method>_<hash>` names were 7 kB of the
//     first load, gzipped); the JS glue and the loader are minified (terser: Trunk minified
//     the glue it wrote, this glue is wasm-bindgen's own, 62 kB as written, 21 kB minified);
//  6. every file is named by a hash of what it holds, like every file of the build, so that
//     all can be cached forever: each split module by its own bytes, and the glue, the main
//     module and the loader (which name each other) by one hash of the three and the split
//     modules. All is written to a temporary directory first; Trunk's glue and wasm are
//     replaced (index.html renamed to match) only once everything is ready.
//
//   node scripts/split.mjs DIR   (DIR: a Trunk build, before postbuild's other steps)
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { hashOf, minifyModule as minifyAs, run as runAs, source, wasmOptFlags } from './tools.mjs';
import { dropExports, dropGlueClasses, renameGlueImports, shortenImports } from './wasm_glue.mjs';

/** The module a wasm's split points import from until the split links them to the loader
 * (wasm_split_macros' `PLACEHOLDER_IMPORT_MODULE`). */
const PLACEHOLDER = '__wasm_split_placeholder__';

// SeaHash (crate seahash 4, `SeaHasher` fed by `std::io::copy` in 8 KiB writes), with which
// Trunk names its output after the wasm cargo linked (its `hashed` in pipelines/rust).
const SEA_M = 0x6eed0e9da4d94a4fn;
const U64 = (1n << 64n) - 1n;
function diffuse(x) {
  x = (x * SEA_M) & U64;
  x ^= (x >> 32n) >> (x >> 60n);
  return (x * SEA_M) & U64;
}
/** The hexadecimal name Trunk gives the build of `bytes`. */
export function trunkHash(bytes, write = 8192) {
  let [s0, s1, s2, s3] = [0x16f11fe89b0d677cn, 0xb480a793d8e6c86cn, 0x6fe2e5aaf078ebc9n, 0x14f994a4c5259381n];
  let written = 0n;
  let tail = 0n;
  let ntail = 0;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const push = (x) => {
    [s0, s1, s2, s3] = [s1, s2, s3, diffuse(s0 ^ x)];
    written += 8n;
  };
  const int = (at, n) => {
    let v = 0n;
    for (let k = n - 1; k >= 0; k--) v = (v << 8n) | BigInt(bytes[at + k]);
    return v;
  };
  for (let start = 0; start < bytes.length; start += write) {
    const end = Math.min(bytes.length, start + write);
    // The tail left by the write before is filled first.
    const copied = Math.min(8 - ntail, end - start);
    let word = tail;
    for (let k = 0; k < copied; k++) word |= BigInt(bytes[start + k]) << BigInt(8 * (ntail + k));
    if (copied + ntail !== 8) {
      ntail += copied;
      tail = word;
      continue;
    }
    push(word);
    ntail = 0;
    tail = 0n;
    let p = start + copied;
    for (const blocks = p + ((end - p) & ~0x1f); p < blocks; p += 32) {
      s0 = diffuse(s0 ^ view.getBigUint64(p, true));
      s1 = diffuse(s1 ^ view.getBigUint64(p + 8, true));
      s2 = diffuse(s2 ^ view.getBigUint64(p + 16, true));
      s3 = diffuse(s3 ^ view.getBigUint64(p + 24, true));
      written += 32n;
    }
    for (; end - p >= 8; p += 8) push(view.getBigUint64(p, true));
    if (end > p) {
      tail = int(p, end - p);
      ntail = end - p;
    }
  }
  const a = ntail > 0 ? diffuse(s0 ^ tail) : s0;
  return diffuse(a ^ s1 ^ s2 ^ s3 ^ ((written + BigInt(ntail)) & U64)).toString(16);
}

const run = (cmd, args) => runAs('split', cmd, args);
const minifyModule = (code, what) => minifyAs('split', code, what);

/** Replaces each `from` in `text` by `to`, failing if it is not there. */
function swap(text, from, to, what) {
  if (!text.includes(from)) throw new Error(`split: ${what} does not hold ${from}`);
  return text.split(from).join(to);
}

/** The loader's instantiation of a split module, and what it becomes: streaming when the host
 * sends `application/wasm`, from the whole body otherwise (as wasm-bindgen's glue does for
 * the main module), so that a host with another type for `.wasm` still opens the views. */
const STREAMING = 'WebAssembly.instantiateStreaming(src, imports)';
const TOLERANT = `async function instantiateAny(src, imports) {
    const response = await src;
    if ((response.headers.get('content-type') || '').startsWith('application/wasm')) return WebAssembly.instantiateStreaming(response, imports);
    return WebAssembly.instantiate(await response.arrayBuffer(), imports);
}
`;

/** The classes wasm-bindgen exports for wasm-streams (brought in by Leptos's server functions,
 * which this app has none of): nothing constructs them, yet their exports kept in the first
 * module the code only they used (3.9 kB raw) and their classes in the glue. A class the glue
 * does not hold (a later Leptos without them) is passed over. */
const UNUSED_CLASSES = ['IntoUnderlyingByteSource', 'IntoUnderlyingSink', 'IntoUnderlyingSource'];

/** The name the main module's imports from the glue are made under (wasm-bindgen's is
 * `./<stem>_bg.js`). */
const SHORT_MODULE = 'w';

export async function split(dir) {
  const names = readdirSync(dir);
  const glueName = names.find((f) => /^nienbieu-[0-9a-f]+\.js$/.test(f));
  const wasmName = glueName && glueName.replace(/\.js$/, '_bg.wasm');
  if (!glueName || !names.includes(wasmName)) throw new Error(`split: ${dir} holds no Trunk build of the app (nienbieu-HASH.js and _bg.wasm)`);
  const trunkGlue = readFileSync(join(dir, glueName), 'utf8');
  // A build split already (postbuild run again on a finished build), or one whose wasm has no
  // split point (its glue binds no split placeholder, as a build older than the split): nothing
  // to do. A wasm with split points does not run unsplit: its placeholders are no module.
  if (/\bfrom\s*['"]\.\/nienbieu-split-[0-9a-f]+\.js['"]/.test(trunkGlue)) return 'already split';
  if (!trunkGlue.includes(PLACEHOLDER)) return 'not split (no split point)';

  // 1. The wasm Trunk built: its profile's, checked by the name Trunk gave it.
  const stem = glueName.replace(/\.js$/, '');
  const profile = process.env.TRUNK_PROFILE ?? 'release';
  const targetDir = process.env.CARGO_TARGET_DIR ?? join(source, 'target');
  const linked = join(targetDir, 'wasm32-unknown-unknown', profile, 'nienbieu.wasm');
  if (!existsSync(linked)) throw new Error(`split: ${linked} is missing: the wasm cargo linked for Trunk`);
  const linkedHash = trunkHash(readFileSync(linked));
  if (`nienbieu-${linkedHash}` !== stem) throw new Error(`split: ${linked} is not the wasm Trunk built (${stem}: it would be nienbieu-${linkedHash}); build again`);

  const tmp = mkdtempSync(join(tmpdir(), 'nienbieu-split-'));
  try {
    // 2. The cut.
    const cut = join(tmp, 'cut');
    run('wasm-split-cli', [linked, cut, '--out-name', stem]);
    const chunks = readdirSync(cut).filter((f) => f.endsWith('.wasm') && f !== `${stem}.wasm`);
    if (chunks.length === 0) throw new Error(`split: ${linked} has no split point (was it linked with --emit-relocs? see .cargo/config.toml)`);
    const unknown = readdirSync(cut).filter((f) => !f.endsWith('.wasm') && f !== '__wasm_split.js');
    if (unknown.length) throw new Error(`split: wasm-split-cli also wrote ${unknown.join(', ')}, which the build does not ship`);

    // 3. The glue of the main module.
    const bound = join(tmp, 'bound');
    run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--keep-lld-exports', '--out-dir', bound, '--out-name', stem, join(cut, `${stem}.wasm`)]);
    const extra = readdirSync(bound).filter((f) => f !== `${stem}.js` && f !== `${stem}_bg.wasm`);
    if (extra.length) throw new Error(`split: wasm-bindgen also wrote ${extra.join(', ')}, which the build does not ship`);

    // 4. Each module optimised; the split modules named by their bytes.
    const out = join(tmp, 'out');
    mkdirSync(out);
    const flags = wasmOptFlags();
    const { glue: boundGlue, exports: unused } = dropGlueClasses(readFileSync(join(bound, `${stem}.js`), 'utf8'), UNUSED_CLASSES);
    const splitLoader = readFileSync(join(cut, '__wasm_split.js'), 'utf8');
    const loaderUses = [...unused].find((name) => splitLoader.includes(name));
    if (loaderUses) throw new Error(`split: the loader uses ${loaderUses}, an export of a class the glue drops`);
    writeFileSync(join(tmp, 'bound.wasm'), dropExports(readFileSync(join(bound, `${stem}_bg.wasm`)), unused));
    run('wasm-opt', [...flags, join(tmp, 'bound.wasm'), '-o', join(tmp, 'main.wasm')]);
    const glueModule = `./${stem}_bg.js`;
    const { bytes: mainWasm, renamed } = shortenImports(readFileSync(join(tmp, 'main.wasm')), glueModule, SHORT_MODULE);
    let loader = swap(splitLoader, STREAMING, 'instantiateAny(src, imports)', 'the loader') + TOLERANT;
    const stored = [];
    for (const chunk of chunks) {
      const optimised = join(tmp, `opt-${chunk}`);
      run('wasm-opt', [...flags, join(cut, chunk), '-o', optimised]);
      const bytes = readFileSync(optimised);
      const name = `nienbieu-${chunk.replace(/\.wasm$/, '').replace(/[^A-Za-z0-9_]/g, '_')}-${hashOf(bytes)}.wasm`;
      writeFileSync(join(out, name), bytes);
      loader = swap(loader, `"./${chunk}"`, `"./${name}"`, 'the loader');
      stored.push(`${name} ${bytes.length} B`);
    }

    // 5 and 6. The glue's imports renamed as the wasm's were, the glue and the loader
    // minified; the glue, the main module and the loader named by one hash of all. The glue
    // imports the loader, the loader the glue.
    const longGlue = renameGlueImports(boundGlue, glueModule, SHORT_MODULE, renamed);
    let glue = await minifyModule(longGlue, 'the glue');
    const importFrom = /\bfrom\s*(['"])\.\/__wasm_split\.js\1/g;
    if (!importFrom.test(glue)) throw new Error('split: the glue does not import ./__wasm_split.js');
    const build = hashOf(mainWasm, glue, loader, ...stored);
    const newStem = `nienbieu-${build}`;
    const loaderName = `nienbieu-split-${build}.js`;
    glue = glue.replace(importFrom, `from './${loaderName}'`);
    loader = swap(loader, `"./${stem}.js"`, `"./${newStem}.js"`, 'the loader');
    writeFileSync(join(out, loaderName), await minifyModule(loader, 'the loader'));
    writeFileSync(join(out, `${newStem}_bg.wasm`), mainWasm);
    const indexFile = join(dir, 'index.html');
    const html = swap(readFileSync(indexFile, 'utf8'), stem, newStem, indexFile);

    // Into the build: the modules and the loader, then the page, the glue last (it marks the
    // build as split), then Trunk's own files go.
    for (const f of readdirSync(out)) copyFileSync(join(out, f), join(dir, f));
    writeFileSync(indexFile, html);
    writeFileSync(join(dir, `${newStem}.js`), glue);
    unlinkSync(join(dir, glueName));
    unlinkSync(join(dir, wasmName));
    return `main ${newStem}_bg.wasm ${mainWasm.length} B, ${stored.join(', ')}`;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && basename(process.argv[1]) === 'split.mjs') {
  console.error(`split: ${await split(process.argv[2] ?? process.env.TRUNK_STAGING_DIR)}`);
}
