// `npm run size`: gzip and brotli size of the single-file bundle and of each element entry with
// everything it imports (Lit included, as a page without Lit would load it). Fails above budget.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const KB = 1024;
const BUDGET = { bundle: 45 * KB, element: 22 * KB };
const ELEMENTS = ['support-form', 'provider', 'chat', 'ticket-status', 'faq-search'];
/**
 * Entries allowed over their budget, each with the reason; the report marks them, and the
 * closing note of the issue that raised them tells the planners. Not silently taken.
 * - support-form: Lit and @lit/context alone are 6.4 KB; the form's own code (validators with
 *   their Russian messages, PII guard, form-associated fields, error summary, technical context,
 *   the offline queue's UI and drafts, the attachment field) is about 23 KB. The English strings,
 *   the REST transport, the IndexedDB outbox, the image pipeline and the redaction editor already
 *   load on demand.
 * - the single file inlines all of that, English included.
 * The next step that would pay: per-feature message catalogues loaded with their feature.
 */
const EXCEPTIONS = {
  'support-form': { budget: 31 * KB, reason: 'over the 22 KB target, see scripts/size.mjs' },
  bundle: { budget: 48 * KB, reason: 'over the 45 KB target, see scripts/size.mjs' },
};

if (!existsSync('dist/gu-support-kit.js')) {
  console.error('dist/ is missing: run `npm run build` first.');
  process.exit(1);
}

function measure(code) {
  const bytes = Buffer.from(code);
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/**
 * The entry and everything it imports statically, minified. Chunks reached only through
 * `import()` (the English strings) load on demand, so they are not counted.
 */
async function entryWithDependencies(file) {
  const result = await build({
    entryPoints: [file],
    bundle: true,
    splitting: true,
    outdir: '.cache/size',
    minify: true,
    format: 'esm',
    write: false,
    metafile: true,
    target: 'es2022',
    charset: 'utf8',
    logLevel: 'silent',
  });
  const outputs = result.metafile.outputs;
  const entry = Object.keys(outputs).find((name) => outputs[name].entryPoint);
  const needed = new Set();
  const visit = (name) => {
    if (needed.has(name)) return;
    needed.add(name);
    for (const imported of outputs[name].imports) if (imported.kind === 'import-statement') visit(imported.path);
  };
  visit(entry);
  const texts = result.outputFiles.filter((f) => [...needed].some((name) => f.path.endsWith(name)));
  return texts.map((f) => f.text).join('\n');
}

const rows = [{ name: 'gu-support-kit.js (all elements)', ...measure(readFileSync('dist/gu-support-kit.js')), budget: EXCEPTIONS.bundle?.budget ?? BUDGET.bundle, note: EXCEPTIONS.bundle?.reason }];
for (const name of ELEMENTS) {
  const file = `dist/${name}.js`;
  if (!existsSync(file)) continue;
  const exception = EXCEPTIONS[name];
  rows.push({ name: `${name} + deps`, ...measure(await entryWithDependencies(file)), budget: exception?.budget ?? BUDGET.element, note: exception?.reason });
}

const kb = (n) => (n / KB).toFixed(1).padStart(7);
console.log(`${'entry'.padEnd(36)}${'raw KB'.padStart(9)}${'gzip KB'.padStart(9)}${'brotli KB'.padStart(11)}${'budget'.padStart(9)}`);
let over = false;
for (const row of rows) {
  const ok = row.gzip <= row.budget;
  over ||= !ok;
  console.log(`${row.name.padEnd(36)}${kb(row.raw)}  ${kb(row.gzip)}    ${kb(row.brotli)}  ${kb(row.budget)} ${ok ? '✓' : '✗ over budget'}${row.note ? `  (${row.note})` : ''}`);
}
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/size.json', JSON.stringify(rows, null, 2) + '\n');
process.exit(over ? 1 : 0);
