// A tiny static file server for the end-to-end tests: serves dist/ on 127.0.0.1, optionally
// under a sub-path, with the MIME types browsers insist on (application/wasm for streaming).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
};

/** Serves `root` at `http://127.0.0.1:<port><base>`; resolves to { url, close, log }.
 * `gzip`: compress responses as a static host would (gzip -9, when the browser accepts it).
 * `log` lists every request served: { path, bytes } with the bytes sent on the wire. */
export async function serve(root, { base = '/', port = 0, gzip = false } = {}) {
  const log = [];
  const gzipCache = new Map();
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!path.startsWith(base)) { res.writeHead(404).end('not found'); return; }
    let rel = normalize(path.slice(base.length)).replace(/^(\.\.[/\\])+/, '');
    if (rel === '' || rel === '.' || rel.endsWith('/')) rel = join(rel, 'index.html');
    try {
      let body = await readFile(join(root, rel));
      const headers = { 'content-type': TYPES[extname(rel)] ?? 'application/octet-stream', 'cache-control': 'no-cache' };
      if (gzip && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '') && !['.png'].includes(extname(rel))) {
        const key = `${rel}:${body.length}`;
        if (!gzipCache.has(key)) gzipCache.set(key, gzipSync(body, { level: 9 }));
        body = gzipCache.get(key);
        headers['content-encoding'] = 'gzip';
      }
      headers['content-length'] = body.length;
      res.writeHead(200, headers);
      res.end(body);
      log.push({ path: rel, bytes: body.length, time: Date.now() });
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${server.address().port}${base}`;
  return { url, log, close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(ok); }) };
}
