// What the build's wasm steps (scripts/split.mjs for the app, scripts/early.mjs for the search
// before it) share: running a tool where scripts/setup.sh installs it, naming a file by a hash
// of what it holds, wasm-opt's flags, and minifying an ES module. Each takes `who`, the step's
// name, which its errors start with.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { minify } from 'terser';

/** The project's root. */
export const source = new URL('..', import.meta.url).pathname;

// The tools where scripts/setup.sh installs them, when this runs outside ./x.
const PATH = [join(source, 'node_modules', '.bin'), join(homedir(), '.cargo', 'bin'), process.env.PATH].join(delimiter);

/** Runs `cmd` with `args` in the project's root; its output, or an error saying why not. */
export function run(who, cmd, args) {
  try {
    return execFileSync(cmd, args, { cwd: source, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PATH } }).toString();
  } catch (e) {
    const why = e.code === 'ENOENT' ? `${cmd} is not installed (run ./x setup)` : `${cmd} failed: ${e.stderr?.toString().trim() || e.message}`;
    throw new Error(`${who}: ${why}`);
  }
}

/** A hash of `parts` for a file name: 16 hex digits of SHA-256. */
export function hashOf(...parts) {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\0');
  return h.digest('hex').slice(0, 16);
}

/** wasm-opt's flags: for size, with the features index.html names on Trunk's rust asset;
 * `NIENBIEU_WASM_NAMES=1` keeps the functions' names, for `twiggy` to tell what is in each
 * module (a build for measuring only: the names add about half again to the module). */
export function wasmOptFlags() {
  const html = readFileSync(join(source, 'index.html'), 'utf8');
  const link = /<link data-trunk rel="rust"[^>]*>/.exec(html)?.[0] ?? '';
  const params = /data-wasm-opt-params="([^"]*)"/.exec(link)?.[1] ?? '';
  const names = process.env.NIENBIEU_WASM_NAMES === '1' ? ['-g'] : [];
  return ['-Oz', ...names, ...params.split(/\s+/).filter(Boolean)];
}

/** `code`, an ES module, minified; its exports keep their names, and so does every property
 * (the wasm's imports are looked up by them). */
export async function minifyModule(who, code, what) {
  try {
    const out = await minify(code, { module: true, compress: { passes: 2 }, mangle: true, format: { comments: false } });
    return out.code;
  } catch (e) {
    throw new Error(`${who}: terser could not minify ${what}: ${e.message}`);
  }
}
