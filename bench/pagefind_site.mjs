// Builds the Pagefind peer for the cold-start benchmark: every record of a JSON Lines file as
// an HTML page (headline and paragraphs, as a news site would publish it), then Pagefind's own
// CLI (npm pagefind) indexes the pages. Nothing of Pagefind is committed; the site is built
// under target/.
//
//   node bench/pagefind_site.mjs RECORDS.jsonl OUT_DIR
import { execFileSync } from 'node:child_process';
import { createReadStream, mkdirSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const [records, out] = process.argv.slice(2);
if (!records || !out) throw new Error('usage: node bench/pagefind_site.mjs RECORDS.jsonl OUT_DIR');
rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'a'), { recursive: true });
const esc = (s) => String(s ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
let n = 0;
for await (const line of createInterface({ input: createReadStream(records) })) {
  if (!line.trim()) continue;
  const r = JSON.parse(line);
  const paragraphs = String(r.body ?? '').split(/\n+/).filter(Boolean).map((p) => `<p>${esc(p)}</p>`).join('\n');
  writeFileSync(
    join(out, 'a', `${encodeURIComponent(r.id)}.html`),
    `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${esc(r.title)}</title></head>` +
      `<body><main data-pagefind-body><h1>${esc(r.title)}</h1>\n${paragraphs}</main></body></html>\n`,
  );
  n++;
}
copyFileSync(new URL('pagefind/page.html', import.meta.url), join(out, 'search.html'));
const t0 = Date.now();
execFileSync('node_modules/.bin/pagefind', ['--site', out, '--quiet'], { stdio: 'inherit' });
console.error(`pagefind: ${n} pages indexed in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
