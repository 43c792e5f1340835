// `npm run bench:chat`: <gu-chat> in Chromium rendering a 2,000-message history (as the citizen sees
// it: the newest 300 laid out, «Показать ранние сообщения» for the rest) and appending 100 live
// messages (each timed from the event to the laid-out list), then a conversation with the
// reference server whose event streams are cut four times mid-way: messages lost or shown twice.
import { build } from 'esbuild';
import { chromium } from 'playwright';
import { createServer } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startReferenceServer } from './reference-server.mjs';

const HISTORY = Number(process.env.BENCH_CHAT_HISTORY ?? 2000);
const LIVE = Number(process.env.BENCH_CHAT_LIVE ?? 100);
const RUNS = 5;

const bundle = await build({ entryPoints: ['bench/chat-page.ts'], bundle: true, format: 'esm', write: false, minify: true, tsconfig: 'tsconfig.json', logLevel: 'silent', define: { 'process.env.NODE_ENV': '"production"' }, conditions: ['production'] });
const page = `<!doctype html><html lang="ru"><meta charset="utf-8"><body><script type="module" src="/bench.js"></script></body></html>`;
const pageServer = createServer((req, res) => {
  if (req.url === '/bench.js') res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(bundle.outputFiles[0].text);
  else res.writeHead(200, { 'Content-Type': 'text/html' }).end(page);
});
await new Promise((r) => pageServer.listen(0, '127.0.0.1', r));
const pageUrl = `http://127.0.0.1:${pageServer.address().port}/`;

const dataDir = mkdtempSync(join(tmpdir(), 'gu-bench-chat-'));
process.env.GU_OPERATOR_TOKEN = 'operator-test';
const server = await startReferenceServer(dataDir);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const p95 = (values) => [...values].sort((a, b) => a - b)[Math.ceil(values.length * 0.95) - 1];
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
try {
  const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await tab.goto(pageUrl);
  await tab.waitForFunction(() => typeof window.renderBench === 'function');
  // A warm-up run (JIT, fonts), then the median of RUNS.
  await tab.evaluate(([h, l]) => window.renderBench(h, l), [HISTORY, 10]);
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await tab.evaluate(([h, l]) => window.renderBench(h, l), [HISTORY, LIVE]));
  const renderMs = median(runs.map((r) => r.renderMs));
  const appendP95 = median(runs.map((r) => p95(r.appendMs)));
  console.log(`Render ${HISTORY} messages: ${renderMs.toFixed(1)} ms (median of ${RUNS}); append p95 ${appendP95.toFixed(2)} ms`);

  console.log('Conversation with the reference server, streams cut four times…');
  const sse = await tab.evaluate(([a, u]) => window.reconnectBench(a, u, 100), [`${server.url}/api`, server.url]);
  const result = {
    messages: HISTORY,
    render_ms: Number(renderMs.toFixed(1)),
    append_p95_ms: Number(appendP95.toFixed(2)),
    live_messages: LIVE,
    sse_reconnect_messages: 100,
    sse_reconnect_lost: sse.lost,
    sse_reconnect_duplicated: sse.duplicated,
    runs: RUNS,
    // The machine's load while measuring (2 cores shared with other work): figures scale with it.
    load_average_1m: Number(loadavg()[0].toFixed(1)),
    browser: 'Chromium (Debian) via Playwright',
    measured_at: new Date().toISOString(),
  };
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/chat.json', JSON.stringify(result, null, 2) + '\n');
  console.table(result);
  if (result.render_ms > 100 || result.append_p95_ms > 16 || result.sse_reconnect_lost || result.sse_reconnect_duplicated) process.exitCode = 1;
} finally {
  await browser.close();
  await server.stop();
  pageServer.close();
  rmSync(dataDir, { recursive: true, force: true });
}
