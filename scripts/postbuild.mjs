// Trunk's post-build hook (see Trunk.toml); also runs on its own: `node scripts/postbuild.mjs DIR`.
// Finishes a build in DIR (Trunk's staging directory):
//  0. splits the app's wasm into modules: the views' code and the reader's, fetched when a
//     view or an article first opens, apart from the explorer's; each module optimised, the
//     JS glue and loader minified, and each named by its content (scripts/split.mjs); and
//     builds the search before the app (scripts/early.mjs), which the painted first screen
//     loads when a visitor starts to search before the app is in;
//  1. draws the app icons as PNG (192, 512, and a maskable 512) from the geometry of
//     public/icons/icon.svg, so no image is copied from elsewhere;
//  2. inlines the stylesheet into index.html and has the app's files asked for once the first
//     frame is painted (replacing Trunk's start-up script), then paints the app's first screen
//     into index.html (scripts/prerender.mjs), so that a visitor sees the newest rows, the
//     facet counts and the timeline before the wasm arrives; the painting is skipped, with a
//     warning, when no browser can open the build, or with NIENBIEU_PRERENDER=0;
//  3. writes sw.js from public/sw.js, stamped with the list of shell files (found in DIR, with
//     their hashed names) and a version computed from their bytes and the dataset manifest;
//  4. puts a Content-Security-Policy into index.html, allowing the start-up script, the other
//     inline scripts and the inline styles by their SHA-256 hashes
//     and nothing from any other origin;
//  5. stores each text or wasm file of the app beside itself compressed at the highest
//     settings, FILE.br (brotli) and FILE.gz (gzip), for hosts that serve precompressed files
//     (nginx's brotli_static and gzip_static, Caddy's `precompressed`, a bucket's objects with
//     Content-Encoding). Compressing on the fly, a host or CDN uses faster settings: the wasm
//     is 444 kB at brotli's best against 510-555 kB at the levels CDNs use and 590 kB gzipped.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync, mkdirSync, statSync, unlinkSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { brotliCompressSync, constants, deflateSync, gzipSync } from 'node:zlib';

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('usage: node scripts/postbuild.mjs DIR (or run as a Trunk hook)');
const source = new URL('..', import.meta.url).pathname;

// 0. The wasm split ----------------------------------------------------------------------------
// Nothing to do on a build already split (this script run again on a finished build).
const { split } = await import('./split.mjs');
const wasmSplit = await split(dir);
// 0b. The search before the app (scripts/early.mjs). A finished build is kept as it is, with
// or without one (an older build, for an A/B benchmark).
const { buildEarly, earlyFiles } = await import('./early.mjs');
const early = wasmSplit === 'already split' ? earlyFiles(dir) : await buildEarly(dir);

// 1. Icons -----------------------------------------------------------------------------------
// The SVG's shapes on a 64-unit grid: a rounded square and four bars.
const RED = [0xa4, 0x16, 0x1a];
const PAPER = [0xfb, 0xfa, 0xf7];
const GOLD = [0xff, 0xd1, 0x66];
const BARS = [[10, 38, 8, 14, PAPER], [22, 26, 8, 26, PAPER], [34, 32, 8, 20, PAPER], [46, 14, 8, 38, GOLD]];

function inRoundRect(x, y, rx, ry, w, h, r) {
  if (x < rx || y < ry || x > rx + w || y > ry + h) return false;
  const cx = Math.min(Math.max(x, rx + r), rx + w - r);
  const cy = Math.min(Math.max(y, ry + r), ry + h - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** RGBA pixels of the icon at `size` px; `maskable` fills the square and shrinks the bars
 * into the 80 % safe zone. Each pixel averages 4×4 samples, for smooth edges. */
function drawIcon(size, maskable) {
  const px = new Uint8Array(size * size * 4);
  const scale = maskable ? 0.8 : 1;
  const offset = maskable ? 6.4 : 0;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (let sy = 0; sy < 4; sy++) {
        for (let sx = 0; sx < 4; sx++) {
          const u = ((x + (sx + 0.5) / 4) / size) * 64;
          const v = ((y + (sy + 0.5) / 4) / size) * 64;
          let colour = null;
          if (maskable || inRoundRect(u, v, 0, 0, 64, 64, 12)) colour = RED;
          for (const [bx, by, bw, bh, c] of BARS) {
            if (inRoundRect(u, v, offset + bx * scale, offset + by * scale, bw * scale, bh * scale, scale)) colour = c;
          }
          if (colour) {
            r += colour[0]; g += colour[1]; b += colour[2]; a += 255;
          }
        }
      }
      const i = (y * size + x) * 4;
      const n = a / 255 || 1;
      px.set([Math.round(r / n), Math.round(g / n), Math.round(b / n), Math.round(a / 16)], i);
    }
  }
  return px;
}

const CRC = new Int32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});
function crc32(buf) {
  let c = -1;
  for (const b of buf) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  Buffer.from(data).copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
/** A PNG file (8-bit RGBA) of `px`. */
export function png(size, px) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) Buffer.from(px.subarray(y * size * 4, (y + 1) * size * 4)).copy(raw, y * (size * 4 + 1) + 1);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync(join(dir, 'icons'), { recursive: true });
for (const [name, size, maskable] of [['icon-192.png', 192, false], ['icon-512.png', 512, false], ['maskable-512.png', 512, true]]) {
  writeFileSync(join(dir, 'icons', name), png(size, drawIcon(size, maskable)));
}

// 2. The first screen ------------------------------------------------------------------------
// Between markers, so that running this again on a finished build replaces it.
const indexFile = join(dir, 'index.html');
const FIRST_SCREEN = /<!--first-screen-->[\s\S]*?<!--\/first-screen-->/g;
writeFileSync(indexFile, readFileSync(indexFile, 'utf8').replace(FIRST_SCREEN, ''));
// First, the first frame before the app's downloads: the stylesheet goes inline (no request stands
// between the HTML and the painted screen), and the app's JS glue and wasm are asked for once
// the page's first frame is painted (index.html's `nienbieuPainted`), not from the head, where
// they would share the network with what is painted first. Trunk's start-up script is
// replaced by one that does the same after that wait, asking for the wasm and the JS glue
// together (the glue would ask for the wasm only once it has arrived).
{
  let html = readFileSync(indexFile, 'utf8');
  const sheet = /<link href=\.\/(main-[0-9a-f]+\.css) integrity=[^ >]+ rel=stylesheet>/;
  const start = /<script type=module>import init, \* as bindings from '\.\/(nienbieu-[0-9a-f]+\.js)';\s*const wasm = await init\(\{ module_or_path: '\.\/(nienbieu-[0-9a-f]+_bg\.wasm)' \}\);[\s\S]*?<\/script>/;
  const preloads = /<link [^>]*rel=(?:modulepreload|preload)[^>]*>/g;
  const css = sheet.exec(html);
  const glue = start.exec(html);
  const done = !css && !glue && html.includes('<script type=module>await window.nienbieuPainted;');
  if (!done && (!css || !glue)) throw new Error(`${indexFile}: Trunk's stylesheet link or start-up script is not as expected`);
  const sheetFile = css && join(dir, css[1]);
  if (!done) html = html
    .replace(sheet, () => `<style>${readFileSync(sheetFile, 'utf8')}</style>`)
    .replace(preloads, '')
    .replace(start, () => `<script type=module>await window.nienbieuPainted;await window.nienbieuEarly;\
const module_or_path = fetch('./${glue[2]}');\
const bindings = await import('./${glue[1]}');\
const wasm = await bindings.default({ module_or_path });\
window.wasmBindings = bindings;\
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));</script>`);
  writeFileSync(indexFile, html);
  if (!done) unlinkSync(sheetFile);
}

// Then the painted screen. Its script runs after the markup it follows has been parsed: the
// painted screen goes when it does not fit the visit (a state in the URL, a language other than
// Vietnamese chosen, a dataset other than the one painted, or none). It changes nothing else:
// a frame may be painted before it runs (the filters fold on a narrow window by the stylesheet,
// before any frame). When it stays, it imports the search before the app (crates/early) once
// the screen is painted, which answers a query typed there until the app takes the painted
// screen's place, and says when the app's module may be fetched (`nienbieuEarly`, awaited by
// the start-up script): the two share the network. The app is held back at most
// EARLY_HOLD_MS from the page's start. Not on a page the service worker controls: the app is
// in its cache, and comes at once.
/** The longest the search before the app holds the app's module back. */
const EARLY_HOLD_MS = 5000;
const EARLY_SCRIPT = early ? `var box=painted.querySelector('form[role=search] input[type=search]');\
if(box&&!(navigator.serviceWorker&&navigator.serviceWorker.controller))window.nienbieuEarly=new Promise(function(go){hold=go;setTimeout(go,${EARLY_HOLD_MS});window.nienbieuPainted.then(function(){\
if(!painted.parentNode)return go();\
var wasm=fetch('./${early.wasm}');return import('./${early.js}').then(function(m){return m.start(painted,go,wasm)})}).catch(function(e){\
console.warn('Niên biểu: no search before the app:',e);go()})});` : '';
const FIRST_SCREEN_SCRIPT = `(function(){var root=document.documentElement,painted=document.getElementById('prerender'),hold=null;\
document.currentScript.remove();\
function drop(){root.classList.add('no-prerender');if(painted.parentNode)painted.remove();if(hold)hold()}\
var lang=null;try{lang=localStorage.getItem('nienbieu.lang')}catch(e){}\
if(location.search||(lang&&lang!=='vi'))return drop();\
${EARLY_SCRIPT}\
window.nienbieuManifest.then(function(text){try{var m=JSON.parse(text);if(m.core.path+' '+m.fragments.dir===painted.getAttribute('data-core'))return}catch(e){}drop()})})();`;
let firstScreen = 'skipped (NIENBIEU_PRERENDER=0)';
if (process.env.NIENBIEU_PRERENDER !== '0') {
  let shot;
  try {
    // Imported here: a machine without the browser tools still finishes the build.
    const { prerender } = await import('./prerender.mjs');
    shot = await prerender(dir);
  } catch (e) {
    shot = { reason: String(e?.message ?? e).split('\n')[0] };
  }
  if (shot.reason) {
    firstScreen = `not painted: ${shot.reason}`;
    console.error(`postbuild: WARNING: the first screen is not painted into index.html: ${shot.reason}`);
  } else {
    const attr = shot.core.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);
    let html = readFileSync(indexFile, 'utf8');
    const body = /<body\b[^>]*>/;
    if (!html.includes('</head>') || !body.test(html)) throw new Error(`${indexFile}: no </head> or <body> to paint the first screen into`);
    html = html.replace('</head>', () => `<!--first-screen--><style>${shot.css}</style><!--/first-screen--></head>`);
    html = html.replace(body, (m) => `${m}<!--first-screen--><div id="prerender" data-core="${attr}">${shot.html}</div><script>${FIRST_SCREEN_SCRIPT}</script><!--/first-screen-->`);
    writeFileSync(indexFile, html);
    firstScreen = `${shot.html.length} bytes painted (offline status ${shot.status})`;
  }
}

// 3. The service worker ------------------------------------------------------------------------
/** The search before the app: for a first visit only (offline, the app is in the cache). */
const EARLY = /^nienbieu-early-/;
/** The precompressed copies step 5 writes: never part of the shell itself. */
const PRECOMPRESSED = /\.(br|gz)$/;

function walk(d) {
  return readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : [join(d, f)]));
}
// The shell: every file of the build but the dataset (cached from its own manifest) and the
// service worker itself. Paths are relative, so the app works under any sub-path.
const shell = walk(dir)
  .map((f) => relative(dir, f).split(sep).join('/'))
  .filter((f) => !f.startsWith('data/') && f !== 'sw.js' && !PRECOMPRESSED.test(f) && !EARLY.test(f))
  .sort();
const hash = createHash('sha256');
for (const f of shell) hash.update(f).update(readFileSync(join(dir, f)));
try {
  hash.update(readFileSync(join(dir, 'data', 'manifest.json')));
} catch {
  // A build without a dataset still works; the app reports the missing dataset.
}
const version = hash.digest('hex').slice(0, 16);
const template = readFileSync(join(source, 'public', 'sw.js'), 'utf8');
writeFileSync(
  join(dir, 'sw.js'),
  template
    .replace('__VERSION__', version)
    .replace("['__SHELL__']", JSON.stringify(['./', ...shell.filter((f) => f !== 'index.html')], null, 2)),
);

// 4. Content-Security-Policy ---------------------------------------------------------------------
let html = readFileSync(indexFile, 'utf8');
const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
const sha256 = (s) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
const hashes = inline.map(sha256);
const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => sha256(m[1]));
const csp = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
  `style-src 'self' ${styles.join(' ')}`.trim(),
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');
html = html.replace(/\s*<meta http-equiv="?Content-Security-Policy"?[^>]*>/, '');

// Right after the charset (however the minifier wrote it), before any script.
const charset = /<meta charset=["']?utf-8["']?\s*\/?>/i;
if (!charset.test(html)) throw new Error(`${indexFile}: no <meta charset> to put the CSP after`);
html = html.replace(charset, (m) => `${m}<meta http-equiv="Content-Security-Policy" content="${csp}">`);
writeFileSync(indexFile, html);

// 5. Precompressed copies ---------------------------------------------------------------------
const TEXT = new Set(['.html', '.js', '.css', '.wasm', '.svg', '.webmanifest']);
let precompressed = 0;
for (const f of readdirSync(dir)) {
  if (!TEXT.has(extname(f))) continue;
  const body = readFileSync(join(dir, f));
  const brotli = brotliCompressSync(body, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_LGWIN]: 24, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
  });
  writeFileSync(join(dir, `${f}.br`), brotli);
  writeFileSync(join(dir, `${f}.gz`), gzipSync(body, { level: 9 }));
  precompressed++;
}
console.error(`postbuild: wasm ${wasmSplit}, early search ${early?.js ?? 'none'}, icons, first screen ${firstScreen}, sw.js (version ${version}, ${shell.length} shell files), CSP with ${hashes.length} script hash(es), ${precompressed} files precompressed`);
