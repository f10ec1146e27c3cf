// Datasets made by the real ingest tool, for tests that need other articles than the seeds.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const INGEST = 'target/native/nienbieu-ingest';

/** A fresh temporary directory. */
export function tempDir(name) {
  return mkdtempSync(join(tmpdir(), `nienbieu-${name}-`));
}

/** Ingests `inputs` (files or directories) into a new dataset directory, which it returns. */
export function ingest(inputs, name = 'data') {
  if (!existsSync(INGEST)) throw new Error(`${INGEST} is missing: run ./x ingest first`);
  const out = tempDir(name);
  execFileSync(INGEST, ['--quiet', '--out', out, ...inputs], { stdio: ['ignore', 'ignore', 'pipe'] });
  return out;
}

/** Writes raw pages, { 'name.txt': text }, into a new directory, which it returns. */
export function pages(files) {
  const dir = tempDir('pages');
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** Writes JSON Lines records into a new file, whose path it returns. */
export function records(list) {
  const file = join(tempDir('records'), 'records.jsonl');
  writeFileSync(file, list.map((r) => JSON.stringify(r)).join('\n') + '\n');
  return file;
}
