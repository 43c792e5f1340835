// What `npm pack` would publish: the built kit (dist, types, framework typings, the worker with its
// source map), the manifest, the docs and the licence; no tests, sources, server code or data; and
// every path the package promises (exports, manifest modules, imports between its files, source
// maps) inside it. Needs the built kit. Run: node --test test/embedding/package.test.mjs
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { posix } from 'node:path';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

describe('npm pack --dry-run', () => {
  let files;
  before(() => {
    assert.ok(existsSync('dist/gu-support-kit.js'), 'dist/ is missing: run `npm run build` first');
    const [packed] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--loglevel=error'], { encoding: 'utf8' }));
    files = new Set(packed.files.map((f) => f.path));
    console.log(`package: ${packed.files.length} files, ${(packed.size / 1024).toFixed(0)} KB packed, ${(packed.unpackedSize / 1024).toFixed(0)} KB unpacked`);
  });

  it('ships the built kit, types, manifest, worker, docs and licence', () => {
    for (const file of [
      'package.json',
      'README.md',
      'LICENSE',
      'custom-elements.json',
      'docs/api.md',
      'docs/embedding.md',
      'dist/index.js',
      'dist/gu-support-kit.js',
      'dist/gu-support-kit.css',
      'dist/gu-support-kit.js.br',
      'dist/gu-compress-worker.js',
      'dist/gu-compress-worker.js.map',
      'dist/chunks/gu-compress-worker.js',
      'dist/chunks/gu-compress-worker.js.map',
      'dist/gu-outbox-sw.js',
      'dist/types/index.d.ts',
      'dist/types/frameworks/react.d.ts',
      'dist/types/frameworks/vue.d.ts',
    ]) {
      assert.ok(files.has(file), `${file} is packed`);
    }
  });

  it('ships no tests, sources, server code, data or caches', () => {
    const unwanted = [...files].filter((f) => /^(src|test|demo|bench|scripts|stories|\.storybook|\.ci|\.cache|node_modules|storybook-static)\//.test(f) || /\.(sqlite|tgz|test\.\w+)$/.test(f) || /(^|\/)\.env/.test(f));
    assert.deepEqual(unwanted, []);
  });

  it('every export of package.json is a packed file', () => {
    const targets = Object.entries(pkg.exports).flatMap(([subpath, target]) => (typeof target === 'string' ? [[subpath, target]] : Object.values(target).map((t) => [subpath, t])));
    for (const [subpath, target] of targets) assert.ok(files.has(target.replace(/^\.\//, '')), `exports["${subpath}"] → ${target} is packed`);
    for (const field of ['main', 'module', 'types', 'customElements']) assert.ok(files.has(pkg[field].replace(/^\.\//, '')), `${field} → ${pkg[field]} is packed`);
  });

  it('every module of custom-elements.json is a packed JavaScript file', () => {
    const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
    assert.ok(manifest.modules.length > 0);
    for (const module of manifest.modules) {
      assert.ok(files.has(module.path) && module.path.endsWith('.js'), `${module.path} is packed`);
      for (const declaration of module.declarations ?? []) assert.ok(declaration.tagName, `${declaration.name} has a tagName`);
    }
  });

  it('every relative import, worker URL and source map named in a packed file is packed', () => {
    const missing = [];
    for (const file of [...files].filter((f) => /\.(js|d\.ts)$/.test(f))) {
      const text = readFileSync(file, 'utf8');
      const references = [
        ...[...text.matchAll(/(?:from|import)\s*\(?\s*["'](\.\.?\/[^"']+)["']/g)].map((m) => m[1]),
        ...[...text.matchAll(/new URL\(\s*["'](\.\.?\/[^"']+)["']\s*,\s*import\.meta\.url/g)].map((m) => m[1]),
        ...[...text.matchAll(/^\/\/# sourceMappingURL=(\S+)$/gm)].map((m) => `./${m[1]}`),
      ];
      for (const reference of references) {
        const target = posix.normalize(posix.join(posix.dirname(file), reference));
        const candidates = file.endsWith('.d.ts') ? [target, target.replace(/\.js$/, '.d.ts')] : [target];
        if (!candidates.some((c) => files.has(c))) missing.push(`${file} → ${reference}`);
      }
    }
    assert.deepEqual(missing, []);
  });
});
