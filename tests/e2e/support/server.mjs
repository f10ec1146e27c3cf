// A small static file server for dist/, optionally under a sub-path and with some URL prefixes
// served from other directories (a test's own dataset), for browser tests and benchmarks. No
// dependency: node's http module only.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
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
 * setOffline }, where `requests` counts the requests served, by path, `failed` lists the
 * answers of status 400 and above ("404 /path"), `setRoot(dir)` switches to another build, as
 * a new deploy would, and `setOffline(true)` drops every connection and request until
 * `setOffline(false)`: the network gone, for any browser.
 *
 * `encoding` is how compressible files go out to a browser that accepts it, as a host serving
 * precompressed files does (nginx's gzip_static and brotli_static, Caddy's `precompressed`):
 * the file's precompressed copy beside it when the build wrote one (`FILE.gz` or `FILE.br`),
 * else compressed on the fly as such hosts do: 'gzip' (the default, as GitHub Pages and
 * nginx's `gzip on` serve) or 'br' (brotli at quality 5, as CDNs compress on the fly). */
export async function serve(root, base = '/', mounts = {}, { encoding = 'gzip' } = {}) {
  if (!['gzip', 'br'].includes(encoding)) throw new Error(`serve: encoding ${encoding}, not 'gzip' or 'br'`);
  const accepted = new RegExp(`\\b${encoding}\\b`);
  root = resolve(root);
  const dirs = Object.entries(mounts).map(([prefix, dir]) => [prefix, resolve(dir)]);
  const requests = new Map();
  const failed = [];
  let offline = false;
  const sockets = new Set();
  // Compressed bodies, kept as a host keeps precompressed files (nginx's gzip_static), by path,
  // size, modification time and encoding.
  const compressed = new Map();
  const server = createServer(async (req, res) => {
    if (offline) {
      req.socket.destroy();
      return;
    }
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    requests.set(path, (requests.get(path) ?? 0) + 1);
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
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  server.on('connection', (socket) => {
    if (offline) return socket.destroy();
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${server.address().port}${base}`;
  return {
    url,
    requests,
    failed,
    setRoot: (dir) => {
      root = resolve(dir);
    },
    setOffline: (on) => {
      offline = on;
      if (on) for (const socket of sockets) socket.destroy();
    },
    // Open connections too: a browser that hangs may hold some forever.
    close: () =>
      new Promise((ok) => {
        server.close(ok);
        for (const socket of sockets) socket.destroy();
      }),
  };
}
