// `npm test`: browsers (installed if missing), static checks, the build and its size budget, the
// manifest against the sources, browser tests in Chromium and Firefox, Node tests of the reference
// server and the demo page, the packed tarball in fresh apps, the Storybook build. Ends with one line
// `N passed, N failed` over all suites and exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';

const steps = [];
let passed = 0;
let failed = 0;
let skipped = 0;

function run(name, command, args, options = {}) {
  console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: options.capture ? ['ignore', 'pipe', 'inherit'] : 'inherit', encoding: 'utf8', env: { ...process.env, ...options.env } });
  if (options.capture) process.stdout.write(result.stdout ?? '');
  const ok = result.status === 0;
  steps.push({ name, ok, seconds: ((Date.now() - started) / 1000).toFixed(1) });
  return { ok, stdout: result.stdout ?? '' };
}

/** A step that is not a test suite still counts: one passed or one failed check. */
function check(name, command, args) {
  const { ok } = run(name, command, args);
  if (ok) passed++;
  else failed++;
  return ok;
}

if (!run('browsers', process.execPath, ['scripts/ensure-browsers.mjs']).ok) {
  console.log('\n0 passed, 1 failed');
  process.exit(1);
}

check('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
check('lint', 'npx', ['eslint', '.']);
// The demo-page test and the size report need the built kit.
check('build', 'npm', ['run', 'build', '--silent']);
check('size budget', process.execPath, ['scripts/size.mjs']);
check('elements API in custom-elements.json', process.execPath, ['scripts/check-elements-api.mjs']);

rmSync('.cache/wtr-summary.json', { force: true });
const browser = run('browser tests (Chromium, Firefox)', 'npx', ['web-test-runner']);
if (existsSync('.cache/wtr-summary.json')) {
  const totals = JSON.parse(readFileSync('.cache/wtr-summary.json', 'utf8'));
  passed += totals.passed;
  failed += totals.failed + totals.sessionErrors;
  skipped += totals.skipped;
  if (!browser.ok && totals.failed + totals.sessionErrors === 0) failed++;
} else if (!browser.ok) failed++;

/** Runs Node test files and adds their counts (read from the runner's closing lines). */
function nodeTests(name, files, imports = []) {
  const node = run(name, process.execPath, [...imports, '--test', '--test-reporter=spec', '--test-concurrency=1', ...files], { capture: true });
  const count = (label) => Number(new RegExp(`^ℹ ${label} (\\d+)`, 'm').exec(node.stdout)?.[1] ?? 0);
  passed += count('pass');
  failed += count('fail') + count('cancelled');
  skipped += count('skipped');
  if (!node.ok && count('fail') + count('cancelled') === 0) failed++;
}

// Node 20's runner does not look for .ts files by itself: name them.
const serverTests = readdirSync('test/server').filter((f) => f.endsWith('.test.ts')).map((f) => `test/server/${f}`);
nodeTests('server tests (Node)', serverTests, ['--import', 'tsx']);

// The package as published: its contents, then fresh React, Vue, vanilla, webpack and plain-HTML
// apps installing the packed tarball (their dependencies cached under .cache/fixtures/).
const embeddingTests = readdirSync('test/embedding').filter((f) => f.endsWith('.test.mjs')).map((f) => `test/embedding/${f}`);
nodeTests('embedding: package contents and fresh apps (Node, Chromium)', embeddingTests);

check('storybook build', 'npx', ['storybook', 'build', '--quiet', '--disable-telemetry', '-o', 'storybook-static']);

console.log('\nSteps:');
for (const step of steps) console.log(`  ${step.ok ? '✓' : '✗'} ${step.name} (${step.seconds} s)`);
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || steps.some((s) => !s.ok) ? 1 : 0);
