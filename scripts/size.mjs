// `npm run size`: what a page downloads for each element, as served by the autoloader build
// (dist/gu-support-kit.js + dist/kit/*): the autoloader, the element's chunk and every chunk it
// imports statically (Lit included), each file gzipped (and brotli-compressed) on its own: the
// .gz/.br files the build wrote, as a server sends them. Chunks reached only through `import()`
// after the first paint (English strings, the REST client, the outbox, the image pipeline) are
// not part of a first load.
// Fails above budget; writes bench/results/size.json.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const KB = 1024;
const BUDGET = { autoloader: 3 * KB, element: 25 * KB, provider: 10 * KB, all: 55 * KB };
const MANIFEST = 'dist/.vite/kit-manifest.json';

if (!existsSync(MANIFEST)) {
  console.error(`${MANIFEST} is missing: run \`npm run build\` first.`);
  process.exit(1);
}
const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));
const weights = new Map();

/**
 * One served file: raw, gzip and brotli bytes, each compressed on its own. The `.gz`/`.br` the
 * build wrote beside it (scripts/precompress.mjs) are what a server sends; without them (an
 * older build) the same compression is done here.
 */
function weigh(file) {
  if (!weights.has(file)) {
    const path = `dist/${file}`;
    const bytes = readFileSync(path);
    const served = (suffix, compress) => (existsSync(path + suffix) ? statSync(path + suffix).size : compress(bytes).length);
    weights.set(file, {
      raw: bytes.length,
      gzip: served('.gz', (b) => gzipSync(b, { level: 9 })),
      brotli: served('.br', (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })),
    });
  }
  return weights.get(file);
}

/** A chunk's file and the files of everything it imports statically. */
function closure(key, files = new Set()) {
  const chunk = manifest[key];
  if (files.has(chunk.file)) return files;
  files.add(chunk.file);
  for (const imported of chunk.imports ?? []) closure(imported, files);
  return files;
}

function total(files) {
  const sum = { raw: 0, gzip: 0, brotli: 0 };
  for (const file of files) for (const k of Object.keys(sum)) sum[k] += weigh(file)[k];
  return { ...sum, files: files.size };
}

const autoloaderKey = Object.keys(manifest).find((key) => manifest[key].isEntry && key.endsWith('autoloader.ts'));
const autoloader = manifest[autoloaderKey].file;
const elements = manifest[autoloaderKey].dynamicImports.map((key) => ({ name: /elements\/([^/]+)\//.exec(key)?.[1] ?? key, key }));

const rows = [{ name: 'autoloader (gu-support-kit.js)', ...total(new Set([autoloader])), budget: BUDGET.autoloader }];
const everything = new Set([autoloader]);
for (const { name, key } of elements) {
  const files = closure(key, new Set([autoloader]));
  files.forEach((file) => everything.add(file));
  rows.push({ name: `${name} first load`, ...total(files), budget: name === 'provider' ? BUDGET.provider : BUDGET.element });
}
rows.push({ name: `all ${elements.length} elements together`, ...total(everything), budget: BUDGET.all });

const kb = (n) => (n / KB).toFixed(1).padStart(8);
console.log(`${'first load, as served'.padEnd(34)}${'files'.padStart(6)}${'raw KB'.padStart(9)}${'gzip KB'.padStart(9)}${'brotli KB'.padStart(10)}${'budget'.padStart(9)}`);
let over = false;
for (const row of rows) {
  const ok = row.gzip <= row.budget;
  over ||= !ok;
  console.log(`${row.name.padEnd(34)}${String(row.files).padStart(6)}${kb(row.raw)} ${kb(row.gzip)}  ${kb(row.brotli)} ${kb(row.budget)}  ${ok ? '✓' : '✗ over budget'}`);
}
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/size.json', JSON.stringify({ measured: 'each file gzip -9 / brotli 11 on its own, as served by the autoloader build', rows }, null, 2) + '\n');
process.exit(over ? 1 : 0);
