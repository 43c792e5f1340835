// `npm run bench:attach`: our image pipeline against browser-image-compression in the same
// Chromium run (several rounds each), plus the single-pass floor. Writes bench/results/attach.json.
import { build } from 'esbuild';
import { chromium } from 'playwright';
import { createServer } from 'node:http';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const bundle = async (entry) => (await build({ entryPoints: [entry], bundle: true, format: 'esm', write: false, tsconfig: 'tsconfig.json', logLevel: 'silent' })).outputFiles[0].text;
const files = {
  '/bench.js': await bundle('bench/attach-page.ts'),
  '/gu-compress-worker.js': await bundle('src/core/attach/compress.worker.ts'),
  // Their worker importScripts() this; by default it comes from cdn.jsdelivr.net, which the kit must never use.
  '/browser-image-compression.js': readFileSync('node_modules/browser-image-compression/dist/browser-image-compression.js', 'utf8'),
  '/': '<!doctype html><meta charset="utf-8"><script type="module" src="/bench.js"></script>',
};
const server = createServer((req, res) => {
  const body = files[req.url ?? '/'];
  if (body === undefined) return res.writeHead(404).end();
  res.writeHead(200, { 'Content-Type': req.url === '/' ? 'text/html' : 'text/javascript' }).end(body);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage();
  const outside = [];
  page.on('request', (r) => !r.url().startsWith(origin) && !r.url().startsWith('blob:') && !r.url().startsWith('data:') && outside.push(r.url()));
  await page.goto(`${origin}/`);
  await page.waitForFunction(() => typeof window.runAttachBench === 'function');
  console.log(`Compressing 3 images, ${ROUNDS} rounds each, ours vs browser-image-compression 2.0.2…`);
  const skipTheirs = process.env.BENCH_SKIP_THEIRS === '1';
  const results = await page.evaluate(([rounds, lib, worker, skip]) => window.runAttachBench(rounds, lib, worker, skip), [ROUNDS, `${origin}/browser-image-compression.js`, `${origin}/gu-compress-worker.js`, skipTheirs]);
  if (skipTheirs) {
    console.table(results);
    process.exit(0); // not written: a full run (with the alternative) writes bench/results/attach.json
  }
  const report = { rounds: ROUNDS, browser: 'Chromium (Debian) via Playwright', alternative: 'browser-image-compression 2.0.2', requests_to_other_hosts: outside, measured_at: new Date().toISOString(), images: results };
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/attach.json', JSON.stringify(report, null, 2) + '\n');
  console.table(results);
} finally {
  await browser.close();
  server.close();
}
