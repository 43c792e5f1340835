// Helpers of the embedding tests: a strict static server (404 for anything missing, like a real
// one, with the demo portal's CSP) that forwards /api to the reference server, and the reference
// server itself on loopback with a fresh database.
import { spawn } from 'node:child_process';
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { createInterface } from 'node:readline';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** The policy a government portal sets: nothing inline, nothing evaluated, nothing from elsewhere. */
export const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'";

/**
 * Serves `root` (index.html for folders) with a strict CSP (the returned `csp` can be changed);
 * `/api/*` goes to `api`; `cors` lets any page load the files, as a CDN does.
 * @param {{ root: string, api?: string, csp?: string, cors?: boolean }} options
 */
export async function serveStatic({ root, api, csp = STRICT_CSP, cors = false }) {
  const served = { url: '', csp, close: () => Promise.resolve() };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (api && url.pathname.startsWith('/api/')) {
      const target = new URL(url.pathname + url.search, api);
      const forward = request(target, { method: req.method, headers: { ...req.headers, host: target.host } }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      forward.on('error', () => res.writeHead(502).end());
      req.pipe(forward);
      return;
    }
    let path = normalize(join(root, decodeURIComponent(url.pathname)));
    if (path !== root && !path.startsWith(root.endsWith(sep) ? root : root + sep)) return res.writeHead(403).end();
    try {
      if (statSync(path).isDirectory()) path = join(path, 'index.html');
      statSync(path);
    } catch {
      return res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
    }
    res.writeHead(200, {
      'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream',
      'Cache-Control': 'no-store',
      ...(served.csp ? { 'Content-Security-Policy': served.csp } : {}),
      ...(cors ? { 'Access-Control-Allow-Origin': '*' } : {}),
    });
    createReadStream(path).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  served.url = `http://127.0.0.1:${server.address().port}`;
  served.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(resolve);
    });
  return served;
}

/** demo/server on loopback with a fresh SQLite file; resolves when it listens. */
export async function startReferenceServer(env = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'gu-embedding-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'demo/server/main.ts', '--port', '0', '--data', dataDir, '--quiet', '--rate-limit', '100000'], {
    env: { ...process.env, GU_OPERATOR_TOKEN: 'operator-test', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  const url = await new Promise((resolve, reject) => {
    lines.once('line', (line) => resolve(JSON.parse(line).url));
    child.once('exit', (code) => reject(new Error(`reference server exited with ${code}`)));
  });
  return {
    url,
    async close() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
