// `npm run bench:search`: our FAQ index against MiniSearch, FlexSearch and Fuse.js in the same
// Chromium run, on a 5,000-article corpus recombined from the demo articles' sentences (fixed
// seeds, bench/search-corpus.ts) and 200 fixed queries. Writes bench/results/search.json.
import { build } from 'esbuild';
import { chromium } from 'playwright';
import { createServer } from 'node:http';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { CORPUS_SEED, QUERY_SEED, benchCorpus, benchQueries, demoArticles } from './search-corpus.ts';

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 5000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const only = process.env.BENCH_ENGINES?.split(',') ?? ['ours', 'minisearch', 'flexsearch', 'fuse.js'];

const real = demoArticles();
const articles = benchCorpus(ARTICLES, real);
const queries = benchQueries(real);
const warmup = benchQueries(real, 100, QUERY_SEED + 1, false);

const bundle = async (options) => (await build({ bundle: true, format: 'esm', write: false, tsconfig: 'tsconfig.json', logLevel: 'silent', ...options })).outputFiles[0].text;
/** Minified and gzipped, as a page would download it. */
const gzipped = async (options) => gzipSync(await bundle({ minify: true, ...options }), { level: 9 }).length;

const files = {
  '/': '<!doctype html><meta charset="utf-8"><script type="module" src="/bench.js"></script>',
  '/bench.js': await bundle({ entryPoints: ['bench/search-page.ts'] }),
  '/corpus.json': JSON.stringify({ articles, queries, warmup }),
};
const server = createServer((req, res) => {
  const body = files[req.url ?? '/'];
  if (body === undefined) return res.writeHead(404).end();
  res.writeHead(200, { 'Content-Type': req.url === '/' ? 'text/html' : req.url.endsWith('.json') ? 'application/json' : 'text/javascript' }).end(body);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const results = {};
try {
  for (const name of only) {
    // A fresh page per engine: no engine warms the JIT or the heap for the next.
    const page = await browser.newPage();
    await page.goto(`${origin}/`);
    await page.waitForFunction(() => typeof window.runSearchBench === 'function');
    console.log(`${name}: ${ARTICLES} articles, ${queries.length} queries, ${ROUNDS} rounds…`);
    results[name] = await page.evaluate(async ([engine, rounds]) => {
      const { articles, queries, warmup } = await (await fetch('/corpus.json')).json();
      return window.runSearchBench(engine, articles, queries, warmup, rounds);
    }, [name, ROUNDS]);
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}

const sizes = {
  // What the FAQ element loads on demand: openFaq (cache, Worker start, index, search) and the Worker.
  ours_gzip_bytes: await gzipped({ entryPoints: ['src/core/search/open.ts'] }),
  ours_worker_gzip_bytes: await gzipped({ entryPoints: ['src/core/search/faq.worker.ts'] }),
  ours_search_only_gzip_bytes: await gzipped({ stdin: { contents: "export { loadFaqIndex } from './src/core/search/index.ts';", resolveDir: '.', loader: 'ts' } }),
  'minisearch_gzip_bytes': await gzipped({ stdin: { contents: "export { default } from 'minisearch';", resolveDir: '.' } }),
  'flexsearch_gzip_bytes': await gzipped({ stdin: { contents: "export { default } from 'flexsearch';", resolveDir: '.' } }),
  'fuse.js_gzip_bytes': await gzipped({ stdin: { contents: "export { default } from 'fuse.js';", resolveDir: '.' } }),
};
const version = (name) => JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8')).version;
const versions = Object.fromEntries(['minisearch', 'flexsearch', 'fuse.js', '@orama/stemmers'].map((name) => [name, version(name)]));
const { ours, ...alt } = results;
const report = {
  ...(ours ?? {}),
  alt,
  sizes,
  versions,
  rounds: ROUNDS,
  latency: 'per query: the median of its rounds (each round on a freshly loaded index after a warm-up on other queries); p50/p95 over the queries',
  corpus: `demo articles (${real.length}) + distractors recombined from their sentences, seed ${CORPUS_SEED}; queries seed ${QUERY_SEED} (warm-up ${QUERY_SEED + 1})`,
  browser: 'Chromium (Debian) via Playwright',
  measured_at: new Date().toISOString(),
};
if (only.length === 4 && ARTICLES === 5000) {
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/search.json', JSON.stringify(report, null, 2) + '\n');
} else console.log('(partial run: bench/results/search.json not written)');
console.table(Object.fromEntries(Object.entries(results).map(([k, v]) => [k, { ...v, recall_by_kind: undefined, slowest: undefined }])));
if (process.env.BENCH_VERBOSE) for (const [k, v] of Object.entries(results)) console.log(k, JSON.stringify(v.slowest), JSON.stringify(v.recall_by_kind));
console.log(sizes);
