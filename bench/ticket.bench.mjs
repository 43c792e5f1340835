// `npm run bench:ticket`: <gu-ticket-status> opening a request with 1,000 status changes and 300
// messages in Chromium: from «open» to the view rendered and laid out, median of 5 (after one
// warm-up). Target ≤ 100 ms. Writes bench/results/ticket.json.
import { build } from 'esbuild';
import { chromium } from 'playwright';
import { createServer } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';

const EVENTS = 1000;
const COMMENTS = 300;
const RUNS = 5;

const bundle = await build({ entryPoints: ['bench/ticket-page.ts'], bundle: true, format: 'esm', write: false, tsconfig: 'tsconfig.json', logLevel: 'silent', define: { 'process.env.NODE_ENV': '"production"' } });
const page = `<!doctype html><html lang="ru"><meta charset="utf-8"><script type="module" src="/bench.js"></script></html>`;
const pageServer = createServer((req, res) => {
  if (req.url === '/bench.js') res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(bundle.outputFiles[0].text);
  else res.writeHead(200, { 'Content-Type': 'text/html' }).end(page);
});
await new Promise((r) => pageServer.listen(0, '127.0.0.1', r));

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const tab = await browser.newPage();
  await tab.goto(`http://127.0.0.1:${pageServer.address().port}/`);
  await tab.waitForFunction(() => typeof window.renderTicket === 'function');
  await tab.evaluate(([e, c]) => window.renderTicket(e, c), [EVENTS, COMMENTS]); // warm-up: code compiled, strings loaded
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await tab.evaluate(([e, c]) => window.renderTicket(e, c), [EVENTS, COMMENTS]));
  const sorted = [...runs].sort((a, b) => a - b);
  const result = {
    events: EVENTS,
    comments: COMMENTS,
    render_ms: Number(sorted[Math.floor(RUNS / 2)].toFixed(1)),
    runs_ms: runs.map((ms) => Number(ms.toFixed(1))),
    target_ms: 100,
    browser: 'Chromium (Debian) via Playwright',
    measured_at: new Date().toISOString(),
  };
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/ticket.json', JSON.stringify(result, null, 2) + '\n');
  console.table(result);
  if (result.render_ms > result.target_ms) process.exitCode = 1;
} finally {
  await browser.close();
  pageServer.close();
}
