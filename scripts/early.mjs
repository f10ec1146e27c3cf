// Builds the search before the app (crates/early: the engine alone, without Leptos) into a
// build, as step 0b of scripts/postbuild.mjs:
//  1. cargo builds the crate for wasm32 with the `early` profile (Cargo.toml: the app's release
//     profile, the engine built for size: 106 kB gzipped instead of 117 at the app's speed
//     setting), with the app's toolchain;
//  2. wasm-bindgen writes its glue; wasm-opt optimises the module with the app's flags (the
//     features index.html names), and its custom sections go (the relocations that
//     .cargo/config.toml keeps for the app's split, names, producers);
//  3. the glue and the runtime (crates/early/js/early.js, which uses the glue's `__wbg_init`
//     and `Early`) make one ES module, minified;
//  4. the module is named by its bytes, nienbieu-early-HASH.wasm, and the JS by its own,
//     nienbieu-early-HASH.js (it names the module).
// Returns both files' names ({ js, wasm }); on a build that has them already, those.
//
//   node scripts/early.mjs DIR
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { hashOf, minifyModule, run as runAs, source, wasmOptFlags } from './tools.mjs';
import { dropCustomSections } from './wasm_glue.mjs';

const RUNTIME = join(source, 'crates', 'early', 'js', 'early.js');
/** What the runtime calls the module until it is named. */
const PLACEHOLDER = '__EARLY_WASM__';

const run = (cmd, args) => runAs('early', cmd, args);

/** The early search's files in `dir` ({ js, wasm }: the script and the module it names), if
 * the build has them. */
export function earlyFiles(dir) {
  const names = readdirSync(dir);
  for (const js of names.filter((f) => /^nienbieu-early-[0-9a-f]{16}\.js$/.test(f))) {
    const wasm = /nienbieu-early-[0-9a-f]{16}\.wasm/.exec(readFileSync(join(dir, js), 'utf8'))?.[0];
    if (wasm && names.includes(wasm)) return { js, wasm };
  }
  return null;
}

export async function buildEarly(dir) {
  const built = earlyFiles(dir);
  if (built) return built;
  const targetDir = process.env.CARGO_TARGET_DIR ?? join(source, 'target');
  run('cargo', ['build', '--quiet', '--profile', 'early', '--target', 'wasm32-unknown-unknown', '-p', 'nienbieu-early']);
  const linked = join(targetDir, 'wasm32-unknown-unknown', 'early', 'nienbieu_early.wasm');
  const tmp = mkdtempSync(join(tmpdir(), 'nienbieu-early-'));
  try {
    run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', tmp, '--out-name', 'early', linked]);
    run('wasm-opt', [...wasmOptFlags(), join(tmp, 'early_bg.wasm'), '-o', join(tmp, 'opt.wasm')]);
    const wasm = dropCustomSections(readFileSync(join(tmp, 'opt.wasm')));
    const wasmName = `nienbieu-early-${hashOf(wasm)}.wasm`;

    const glue = readFileSync(join(tmp, 'early.js'), 'utf8');
    // The runtime calls the glue's initialiser by its name in the glue.
    if (!/\bexport\s*\{[^}]*\b__wbg_init as default\b/.test(glue) || !/\bexport class Early\b/.test(glue)) {
      throw new Error('early: the glue does not define __wbg_init and Early as the runtime expects');
    }
    const runtime = readFileSync(RUNTIME, 'utf8');
    if (!runtime.includes(PLACEHOLDER)) throw new Error(`early: ${RUNTIME} does not name ${PLACEHOLDER}`);
    const code = await minifyModule('early', `${glue}\n${runtime.split(PLACEHOLDER).join(wasmName)}`, 'the glue and the runtime');
    const jsName = `nienbieu-early-${hashOf(code)}.js`;
    writeFileSync(join(dir, wasmName), wasm);
    writeFileSync(join(dir, jsName), code);
    return { js: jsName, wasm: wasmName };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && basename(process.argv[1]) === 'early.mjs') {
  const { js, wasm } = await buildEarly(process.argv[2]);
  console.error(`early: ${js}, ${wasm}`);
}
