// A build of dist/ for another dataset, as deploying that dataset makes one: dist/'s app files,
// the dataset as its data/, finished again by scripts/postbuild.mjs (which paints the first
// screen of that dataset into index.html). For tests and benchmarks of the painted screen.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** Makes the build in a new temporary directory, which it returns: the app of `dist` (another
 * build's directory, for an A/B run) with the dataset in `dataDir`. */
export function deploy(dataDir, dist = 'dist') {
  const out = mkdtempSync(join(tmpdir(), 'nienbieu-site-'));
  const data = resolve(dist, 'data');
  cpSync(dist, out, { recursive: true, filter: (f) => resolve(f) !== data && !resolve(f).startsWith(`${data}/`) });
  symlinkSync(resolve(dataDir), join(out, 'data'));
  execFileSync('node', ['scripts/postbuild.mjs', out], { stdio: ['ignore', 'ignore', 'inherit'] });
  return out;
}
