// `npm run bench:outbox`: 1,000 requests with a 500 KB attachment each, queued while Chromium is
// offline, then drained against the reference server on loopback. Counts duplicates and losses
// on the server, and sends the same load directly (no outbox) side by side for the ratio.
import { build } from 'esbuild';
import { chromium } from 'playwright';
import { createServer } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startReferenceServer } from './reference-server.mjs';

const COUNT = Number(process.env.BENCH_REQUESTS ?? 1000);
const SIZE = Number(process.env.BENCH_ATTACHMENT_BYTES ?? 500 * 1024);

const bundle = await build({ entryPoints: ['bench/outbox-page.ts'], bundle: true, format: 'esm', write: false, tsconfig: 'tsconfig.json', logLevel: 'silent' });
const page = `<!doctype html><meta charset="utf-8"><script type="module" src="/bench.js"></script>`;
const pageServer = createServer((req, res) => {
  if (req.url === '/bench.js') res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(bundle.outputFiles[0].text);
  else res.writeHead(200, { 'Content-Type': 'text/html' }).end(page);
});
await new Promise((r) => pageServer.listen(0, '127.0.0.1', r));
const pageUrl = `http://127.0.0.1:${pageServer.address().port}/`;

const dataDir = mkdtempSync(join(tmpdir(), 'gu-bench-'));
const server = await startReferenceServer(dataDir);
const api = `${server.url}/api`;
const count = async (query) => (await (await fetch(`${server.url}/__test/count?${query}`)).json()).count;

const userDataDir = mkdtempSync(join(tmpdir(), 'gu-bench-chromium-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const tab = await context.newPage();
  await tab.goto(pageUrl);
  await tab.waitForFunction(() => typeof window.enqueueAll === 'function');

  console.log(`Queueing ${COUNT} requests with ${Math.round(SIZE / 1024)} KB each while offline…`);
  await context.setOffline(true);
  const enqueueMs = await tab.evaluate(([a, n, s]) => window.enqueueAll(a, n, s), [api, COUNT, SIZE]);
  await context.setOffline(false);
  const before = await count('table=tickets');
  console.log('Back online: draining…');
  const { drainMs, left } = await tab.evaluate(() => window.drainAll());
  const created = (await count('table=tickets')) - before;
  const distinct = (await count('table=tickets&distinct=title')) - before;

  console.log('Sending the same load directly (no outbox) for comparison…');
  const directMs = await tab.evaluate(([a, n, s]) => window.sendDirect(a, n, s), [api, COUNT, SIZE]);

  const result = {
    requests: COUNT,
    attachment_bytes: SIZE,
    delivered: distinct,
    duplicates: created - distinct,
    lost: COUNT - distinct + left,
    enqueue_ms: Math.round(enqueueMs),
    drain_ms: Math.round(drainMs),
    per_request_ms: Number((drainMs / COUNT).toFixed(2)),
    direct_ms: Math.round(directMs),
    direct_per_request_ms: Number((directMs / COUNT).toFixed(2)),
    ratio_drain_vs_direct: Number((drainMs / directMs).toFixed(2)),
    browser: 'Chromium (Debian) via Playwright',
    measured_at: new Date().toISOString(),
  };
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/outbox.json', JSON.stringify(result, null, 2) + '\n');
  console.table(result);
  if (result.duplicates || result.lost) process.exitCode = 1;
} finally {
  await context.close();
  await server.stop();
  pageServer.close();
  rmSync(userDataDir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
}
