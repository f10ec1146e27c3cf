// A small static file server for dist/, optionally under a sub-path and with some URL prefixes
// served from other directories (a test's own dataset), for browser tests and benchmarks; for
// benchmarks, also over HTTP/2 and on a slowed network. No dependency: node's own modules (and
// openssl for HTTP/2's certificate).
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { createSecureServer } from 'node:http2';
import { tmpdir } from 'node:os';
import { readFile, stat } from 'node:fs/promises';
import { mkdtempSync, readFileSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Types a static host compresses (nginx's gzip_types, GitHub Pages). */
const COMPRESSED = new Set(['.html', '.js', '.mjs', '.css', '.json', '.jsonl', '.wasm', '.svg', '.webmanifest', '.bin']);

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.jsonl': 'application/jsonl; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

/** Serves `root` at http://127.0.0.1:<free port><base>; `mounts` maps a path under `base`
 * (such as 'data/') to another directory. Resolves to { url, close, requests, failed, setRoot,
 * setOffline, hold }, where `requests` counts the requests served, by path, `failed` lists the
 * answers of status 400 and above ("404 /path"), `setRoot(dir)` switches to another build, as
 * a new deploy would, `setOffline(true)` drops every connection and request until
 * `setOffline(false)`: the network gone, for any browser, and `hold(pattern)` keeps every
 * request whose path matches the RegExp waiting until the function it returns is called: a
 * slow file, for any browser.
 *
 * `encoding` is how compressible files go out to a browser that accepts it, as a host serving
 * precompressed files does (nginx's gzip_static and brotli_static, Caddy's `precompressed`):
 * the file's precompressed copy beside it when the build wrote one (`FILE.gz` or `FILE.br`),
 * else compressed on the fly as such hosts do: 'gzip' (the default, as GitHub Pages and
 * nginx's `gzip on` serve) or 'br' (brotli at quality 5, as CDNs compress on the fly).
 *
 * `link`, as { latency, bytesPerSecond }, shapes every answer on the server's side, as a slow
 * network between the host and the browser would: each waits `latency` ms before its head,
 * and all bodies share one downlink of `bytesPerSecond`. It reaches what DevTools' throttling
 * does not: a service worker's own fetches.
 *
 * With `http2`, the server speaks HTTP/2 over TLS (as static hosts and CDNs do; browsers speak
 * HTTP/2 only over TLS), with a certificate made for the run that the browser must be told to
 * accept (Chromium's `--ignore-certificate-errors`: Playwright's `ignoreHTTPSErrors` does not
 * reach a service worker's registration); over HTTP/1.1 a browser opens at most 6
 * connections to a host, over HTTP/2 one carries every request at once. */
export async function serve(root, base = '/', mounts = {}, { encoding = 'gzip', link = null, http2 = false } = {}) {
  if (!['gzip', 'br'].includes(encoding)) throw new Error(`serve: encoding ${encoding}, not 'gzip' or 'br'`);
  const write = link ? shaped(link) : (res, status, headers, body) => res.writeHead(status, headers).end(body);
  let sent = 0;
  const send = (res, status, headers, body) => {
    sent += body.length;
    return write(res, status, headers, body);
  };
  const accepted = new RegExp(`\\b${encoding}\\b`);
  root = resolve(root);
  const dirs = Object.entries(mounts).map(([prefix, dir]) => [prefix, resolve(dir)]);
  const requests = new Map();
  const failed = [];
  let offline = false;
  // [pattern, promise] pairs: a matching request waits for the promise.
  const holds = [];
  const sockets = new Set();
  // Compressed bodies, kept as a host keeps precompressed files (nginx's gzip_static), by path,
  // size, modification time and encoding.
  const compressed = new Map();
  const server = (http2 ? (handler) => createSecureServer({ ...certificate(), allowHTTP1: true }, handler) : createServer)(async (req, res) => {
    if (offline) {
      req.socket.destroy();
      return;
    }
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    requests.set(path, (requests.get(path) ?? 0) + 1);
    for (const [pattern, held] of holds) if (pattern.test(path)) await held;
    res.on('finish', () => {
      if (res.statusCode >= 400) failed.push(`${res.statusCode} ${path}`);
    });
    if (!path.startsWith(base)) {
      res.writeHead(404).end('not found');
      return;
    }
    const rel = path.slice(base.length);
    const [prefix, dir] = dirs.find(([p]) => rel.startsWith(p)) ?? ['', root];
    let file = normalize(join(dir, rel.slice(prefix.length)));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    try {
      let info = await stat(file);
      if (info.isDirectory()) {
        file = join(file, 'index.html');
        info = await stat(file);
      }
      let body = await readFile(file);
      const headers = {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
      };
      // Compressed as a static host would serve it, when the browser accepts the encoding.
      if (COMPRESSED.has(extname(file)) && accepted.test(req.headers['accept-encoding'] ?? '')) {
        const key = `${file}:${info.size}:${info.mtimeMs}:${encoding}`;
        if (!compressed.has(key)) {
          // A copy older than its file is stale and left alone (nginx and Caddy would serve it:
          // a deploy must carry the copies the build made with their files).
          const copy = `${file}.${encoding === 'br' ? 'br' : 'gz'}`;
          const fresh = await stat(copy).then((c) => c.mtimeMs >= info.mtimeMs, () => false);
          const pre = fresh ? await readFile(copy) : null;
          compressed.set(
            key,
            pre ??
              (encoding === 'br'
                ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })
                : gzipSync(body, { level: body.length > 1 << 20 ? 1 : 6 })),
          );
        }
        body = compressed.get(key);
        headers['content-encoding'] = encoding;
        headers.vary = 'Accept-Encoding';
      }
      await send(res, 200, headers, body);
    } catch {
      // Not found; or, on a shaped link, a browser that went away mid-answer.
      if (res.headersSent) (res.stream ?? res).destroy();
      else res.writeHead(404).end('not found');
    }
  });
  server.on('connection', (socket) => {
    if (offline) return socket.destroy();
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const url = `${http2 ? 'https' : 'http'}://127.0.0.1:${server.address().port}${base}`;
  return {
    url,
    requests,
    failed,
    sent: () => sent,
    setRoot: (dir) => {
      root = resolve(dir);
    },
    setOffline: (on) => {
      offline = on;
      if (on) for (const socket of sockets) socket.destroy();
    },
    hold: (pattern) => {
      let release;
      const entry = [pattern, new Promise((r) => (release = r))];
      holds.push(entry);
      return () => {
        const at = holds.indexOf(entry);
        if (at >= 0) holds.splice(at, 1);
        release();
      };
    },
    // Open connections too: a browser that hangs may hold some forever.
    close: () =>
      new Promise((ok) => {
        server.close(ok);
        for (const socket of sockets) socket.destroy();
      }),
  };
}

/** Slices of a body that go out one at a time on a shaped link. */
const SLICE = 16 * 1024;

/** A sender of answers over one shared downlink: `latency` ms before the head, then the body
 * in slices, each leaving when the link has carried the slices queued before it. */
function shaped({ latency, bytesPerSecond }) {
  if (!(latency >= 0) || !(bytesPerSecond > 0)) throw new Error(`serve: link ${JSON.stringify({ latency, bytesPerSecond })}`);
  const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));
  // When the link is next free, in ms of performance.now().
  let free = 0;
  return async (res, status, headers, body) => {
    await sleep(latency);
    res.writeHead(status, { ...headers, 'content-length': body.length });
    for (let at = 0; at < body.length && !res.destroyed; at += SLICE) {
      const slice = body.subarray(at, at + SLICE);
      const now = performance.now();
      free = Math.max(free, now) + (slice.length * 1000) / bytesPerSecond;
      await sleep(free - now);
      res.write(slice);
    }
    res.end();
  };
}

/** A self-signed certificate for 127.0.0.1, made once per process (openssl). */
let made = null;
function certificate() {
  if (!made) {
    const dir = mkdtempSync(join(tmpdir(), 'nienbieu-tls-'));
    const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
      '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', key, '-out', cert], { stdio: 'ignore' });
    made = { key: readFileSync(key), cert: readFileSync(cert) };
  }
  return made;
}
