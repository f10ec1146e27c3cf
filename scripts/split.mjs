// Splits the app's wasm in two, as part of the post-build (scripts/postbuild.mjs): what the
// explorer needs (the first module, asked for at start) and the code only the views of
// documents, people, organisations and figures reach (a second module, fetched when a view
// first opens; its split point is `view_of` in src/views/mod.rs).
//
// Trunk 0.21 has no step for this, so it is done here, after Trunk, from the wasm that cargo
// linked for Trunk (kept with its relocations: .cargo/config.toml):
//  1. wasm-split-cli (crate wasm_split_cli_support, installed by scripts/setup.sh) cuts the
//     linked wasm at its split points into a main module, a module per split, and a small
//     loader (`__wasm_split.js`) that fetches and instantiates a module on its first call;
//  2. wasm-bindgen makes the main module's JS glue, as Trunk did for the whole;
//  3. wasm-opt optimises each module for size with Trunk's settings (from index.html);
//  4. the results replace Trunk's glue and wasm under Trunk's names, and the loader and the
//     split modules are stored under names with their content's hash, like every file of the
//     build, so that all can be cached forever.
// A check comes first: the glue made here must bind the same JavaScript imports as Trunk's,
// proof that the linked wasm is the one Trunk built.
//
//   node scripts/split.mjs DIR   (DIR: a Trunk build, before postbuild's other steps)
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { basename, delimiter, join } from 'node:path';

const source = new URL('..', import.meta.url).pathname;

/** The module a wasm's split points import from until the split links them to the loader
 * (wasm_split_macros' `PLACEHOLDER_IMPORT_MODULE`). */
const PLACEHOLDER = '__wasm_split_placeholder__';

/** The content hash that names a file, as Trunk's own (16 hex digits). */
const hashOf = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);

/** The names of the JS functions a wasm-bindgen glue hands to its wasm (`__wbg_…`). */
const imports = (js) => new Set([...js.matchAll(/\b(__wbg_[A-Za-z0-9_]+)\s*[:=(]/g)].map((m) => m[1]));

// The tools where scripts/setup.sh installs them, when this runs outside ./x.
const PATH = [join(source, 'node_modules', '.bin'), join(homedir(), '.cargo', 'bin'), process.env.PATH].join(delimiter);

function run(cmd, args) {
  try {
    return execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PATH } }).toString();
  } catch (e) {
    const why = e.code === 'ENOENT' ? `${cmd} is not installed (run ./x setup)` : `${cmd} failed: ${e.stderr?.toString().trim() || e.message}`;
    throw new Error(`split: ${why}`);
  }
}

/** wasm-opt's flags: for size, with the features index.html names on Trunk's rust asset (whose
 * own wasm-opt run is off, `data-wasm-opt="0"`: its output would be replaced). */
function wasmOptFlags() {
  const html = readFileSync(join(source, 'index.html'), 'utf8');
  const link = /<link data-trunk rel="rust"[^>]*>/.exec(html)?.[0] ?? '';
  const params = /data-wasm-opt-params="([^"]*)"/.exec(link)?.[1] ?? '';
  return ['-Oz', ...params.split(/\s+/).filter(Boolean)];
}

export function split(dir) {
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
  const stem = glueName.replace(/\.js$/, '');
  const targetDir = process.env.CARGO_TARGET_DIR ?? join(source, 'target');
  const linked = join(targetDir, 'wasm32-unknown-unknown', 'release', 'nienbieu.wasm');
  if (!existsSync(linked)) throw new Error(`split: ${linked} is missing: the wasm cargo linked for Trunk`);

  const tmp = mkdtempSync(join(tmpdir(), 'nienbieu-split-'));
  try {
    // 1. The cut.
    const cut = join(tmp, 'cut');
    run('wasm-split-cli', [linked, cut, '--out-name', stem]);
    const chunks = readdirSync(cut).filter((f) => f.endsWith('.wasm') && f !== `${stem}.wasm`);
    if (chunks.length === 0) throw new Error(`split: ${linked} has no split point (was it linked with --emit-relocs? see .cargo/config.toml)`);
    const unknown = readdirSync(cut).filter((f) => !f.endsWith('.wasm') && f !== '__wasm_split.js');
    if (unknown.length) throw new Error(`split: wasm-split-cli also wrote ${unknown.join(', ')}, which the build does not ship`);

    // 2. The glue of the main module.
    const bound = join(tmp, 'bound');
    run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--keep-lld-exports', '--out-dir', bound, '--out-name', stem, join(cut, `${stem}.wasm`)]);
    for (const extra of readdirSync(bound)) {
      if (extra !== `${stem}.js` && extra !== `${stem}_bg.wasm`) throw new Error(`split: wasm-bindgen also wrote ${extra}, which the build does not ship`);
    }
    let glue = readFileSync(join(bound, `${stem}.js`), 'utf8');
    const ours = imports(glue);
    const theirs = imports(trunkGlue);
    if (theirs.size === 0) throw new Error(`split: no import found in Trunk's glue ${glueName}: has wasm-bindgen's output changed?`);
    const differ = [...ours].filter((n) => !theirs.has(n)).concat([...theirs].filter((n) => !ours.has(n)));
    if (differ.length) throw new Error(`split: ${linked} is not the wasm Trunk built (${differ.length} of the glue's imports differ, e.g. ${differ[0]}): build again`);

    // 3. Each module optimised.
    const flags = wasmOptFlags();
    run('wasm-opt', [...flags, join(bound, `${stem}_bg.wasm`), '-o', join(dir, wasmName)]);
    let loader = readFileSync(join(cut, '__wasm_split.js'), 'utf8');
    const stored = [];
    for (const chunk of chunks) {
      const out = join(tmp, `opt-${chunk}`);
      run('wasm-opt', [...flags, join(cut, chunk), '-o', out]);
      const bytes = readFileSync(out);
      const name = `nienbieu-${chunk.replace(/\.wasm$/, '').replace(/[^A-Za-z0-9_]/g, '_')}-${hashOf(bytes)}.wasm`;
      writeFileSync(join(dir, name), bytes);
      if (!loader.includes(`"./${chunk}"`)) throw new Error(`split: the loader does not name ${chunk}`);
      loader = loader.split(`"./${chunk}"`).join(`"./${name}"`);
      stored.push(`${name} ${statSync(join(dir, name)).size} B`);
    }

    // 4. The loader under a hashed name, and the glue importing it from there.
    const loaderName = `nienbieu-split-${hashOf(loader)}.js`;
    writeFileSync(join(dir, loaderName), loader);
    // Only where the glue imports it: the wasm's own import keeps the module name it was
    // linked with, the key of the object the glue hands it.
    const importFrom = /\bfrom\s*(['"])\.\/__wasm_split\.js\1/g;
    if (!importFrom.test(glue)) throw new Error('split: the glue does not import ./__wasm_split.js');
    glue = glue.replace(importFrom, `from './${loaderName}'`);
    writeFileSync(join(dir, glueName), glue);
    return `main ${statSync(join(dir, wasmName)).size} B, ${stored.join(', ')}`;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && basename(process.argv[1]) === 'split.mjs') {
  console.error(`split: ${split(process.argv[2] ?? process.env.TRUNK_STAGING_DIR)}`);
}
