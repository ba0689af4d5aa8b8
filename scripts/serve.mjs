// A tiny static file server bound to 127.0.0.1, used by the end-to-end tests and the demo:
// serves one folder read-only, records every request it answers, and never follows paths outside it.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Starts serving `root` on 127.0.0.1 (port 0 = any free port).
 * @returns {Promise<{ origin: string, port: number, log: {method: string, path: string, status: number}[], close: () => Promise<void> }>}
 */
export async function startServer(root, port = 0) {
  const base = resolve(root);
  const log = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    let file = resolve(join(base, path));
    let status = 404;
    try {
      if (file !== base && !file.startsWith(base + sep)) throw new Error('outside root');
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      status = 200;
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('not found');
    }
    log.push({ method: req.method ?? 'GET', path, status });
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', ok);
  });
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  return {
    origin: `http://127.0.0.1:${actual}`,
    port: actual,
    log,
    close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(() => ok()); }),
  };
}

// `node scripts/serve.mjs [folder] [port]`: serve a folder by hand (default: the fixture pages).
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = process.argv[2] ?? resolve(fileURLToPath(import.meta.url), '../../tests/fixtures/pages');
  const s = await startServer(root, Number(process.argv[3] ?? 8080));
  console.log(`Serving ${root} at ${s.origin}/ (Ctrl+C to stop)`);
}
