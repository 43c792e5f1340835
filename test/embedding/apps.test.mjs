// The kit as a new user gets it: `npm pack`, then fresh apps installing the tarball — React 19,
// Vue 3 and vanilla TypeScript built with Vite, webpack 5, and plain HTML loading the single file
// from a CDN-like folder — each type-checked with no hand-written declaration or cast, built,
// served by a strict static server under the portal CSP and driven in Chromium against the
// reference server: the form renders, a property and a CSS token set by the app take effect, a
// big picture is reduced in the worker the app's bundler emitted, and the ticket number reaches
// the app's own code through the typed `gu-submitted` event. The Vite dev server is driven too.
//
// The apps' dependencies (test/fixtures/apps/package.json + lock) are installed once into
// .cache/fixtures/<hash>/ and reused; each run only reinstalls the kit's tarball.
// Needs the built kit (`npm run build`). Run: node --test test/embedding/apps.test.mjs
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium } from 'playwright';
import { serveStatic, startReferenceServer } from './serve.mjs';

const KIT = process.cwd();
const SOURCES = join(KIT, 'test/fixtures/apps');
const CACHE = join(KIT, '.cache/fixtures');
const KB = 1024;
const timings = {};

/** Runs a command to its end; its time is reported under `label`. */
function run(label, command, args, cwd) {
  const started = Date.now();
  try {
    return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    throw new Error(`${command} ${args.join(' ')} (in ${cwd}) failed:\n${error.stdout ?? ''}${error.stderr ?? ''}`, { cause: error });
  } finally {
    timings[label] = (Date.now() - started) / 1000;
  }
}
const bin = (dir, name) => join(dir, 'node_modules/.bin', name);

/** Installs the apps' dependencies once per version of their package.json and lock. */
function installFixtures() {
  const hash = createHash('sha256').update(readFileSync(join(SOURCES, 'package.json'))).update(readFileSync(join(SOURCES, 'package-lock.json'))).digest('hex').slice(0, 16);
  const dir = join(CACHE, hash);
  if (!existsSync(join(dir, 'node_modules/.installed'))) {
    if (existsSync(CACHE)) for (const old of readdirSync(CACHE)) rmSync(join(CACHE, old), { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    cpSync(join(SOURCES, 'package.json'), join(dir, 'package.json'));
    cpSync(join(SOURCES, 'package-lock.json'), join(dir, 'package-lock.json'));
    run('npm ci (fixture dependencies)', 'npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], dir);
    writeFileSync(join(dir, 'node_modules/.installed'), new Date().toISOString());
  }
  return dir;
}

describe('the packed kit in fresh apps', { timeout: 900_000 }, () => {
  let dir;
  let tarball;
  let reference;
  let browser;
  const servers = [];

  before(async () => {
    assert.ok(existsSync(join(KIT, 'dist/gu-support-kit.js')), 'dist/ is missing: run `npm run build` first');
    const started = Date.now();
    dir = installFixtures();
    // A new tarball each run: npm pack, then install exactly that file.
    const packs = join(KIT, '.cache/pack');
    rmSync(packs, { recursive: true, force: true });
    mkdirSync(packs, { recursive: true });
    const name = run('npm pack', 'npm', ['pack', '--pack-destination', packs, '--loglevel=error'], KIT).trim().split('\n').at(-1);
    tarball = join(packs, name);
    rmSync(join(dir, 'node_modules/gu-support-kit'), { recursive: true, force: true });
    run('npm install <tarball>', 'npm', ['install', '--no-save', '--no-audit', '--no-fund', '--loglevel=error', tarball], dir);
    for (const app of ['react', 'vue', 'vanilla', 'webpack', 'cdn']) {
      rmSync(join(dir, app), { recursive: true, force: true });
      cpSync(join(SOURCES, app), join(dir, app), { recursive: true });
    }
    timings['fixtures ready (install if cold, pack, tarball, copy)'] = (Date.now() - started) / 1000;
    reference = await startReferenceServer();
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });

  after(async () => {
    await browser?.close();
    await Promise.all(servers.map((s) => s.close()));
    await reference?.close();
    console.log(`fixture timings (s): ${JSON.stringify(timings)}`);
  });

  it('installs the tarball it was given', () => {
    const installed = JSON.parse(readFileSync(join(dir, 'node_modules/gu-support-kit/package.json'), 'utf8'));
    assert.equal(installed.version, JSON.parse(readFileSync(join(KIT, 'package.json'), 'utf8')).version);
    assert.equal(readFileSync(join(dir, 'node_modules/gu-support-kit/dist/gu-support-kit.js'), 'utf8'), readFileSync(join(KIT, 'dist/gu-support-kit.js'), 'utf8'));
  });

  // Types: each app's tsc (vue-tsc for Vue, with strictTemplates) over code that uses the elements
  // and over lines that must fail (`@ts-expect-error`, `@vue-expect-error`): wrong values, typos,
  // a wrong detail field. No declaration of the app's own.
  it('React 19 + TypeScript: tsc passes with the JSX typings (gu-support-kit/react)', () => {
    run('tsc react', process.execPath, [join(dir, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], join(dir, 'react'));
  });
  it('Vue 3 + TypeScript: vue-tsc (strictTemplates) passes with the GlobalComponents typings (gu-support-kit/vue)', () => {
    run('vue-tsc vue', process.execPath, [join(dir, 'node_modules/vue-tsc/bin/vue-tsc.js'), '-p', 'tsconfig.json'], join(dir, 'vue'));
  });
  it('vanilla TypeScript: tsc passes with the kit’s own DOM typings', () => {
    run('tsc vanilla', process.execPath, [join(dir, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], join(dir, 'vanilla'));
  });
  it('no app declares types of its own', () => {
    for (const app of ['react', 'vue', 'vanilla']) {
      const files = readdirSync(join(SOURCES, app, 'src'), { recursive: true }).map(String);
      for (const file of files) {
        const text = readFileSync(join(SOURCES, app, 'src', file), 'utf8');
        assert.doesNotMatch(text, /declare (module|global|namespace)|IntrinsicElements|GlobalComponents|\bas (any|unknown|CustomEvent)\b|<any>/, `${app}/src/${file}`);
      }
    }
  });

  /** Builds an app and checks that its bundler emitted the compression worker. */
  function viteBuild(app) {
    const cwd = join(dir, app);
    run(`vite build ${app}`, bin(dir, 'vite'), ['build', '--logLevel', 'warn'], cwd);
    const assets = readdirSync(join(cwd, 'dist/assets'));
    const worker = assets.find((f) => /^gu-compress-worker-.*\.js$/.test(f));
    assert.ok(worker, `${app}: the worker was not emitted (${assets.join(', ')})`);
    assert.match(readFileSync(join(cwd, 'dist/assets', worker), 'utf8'), /ready/);
    return join(cwd, 'dist');
  }

  /**
   * The citizen's path on a served app: form shown, phone prefilled by the app's property, the
   * app's CSS token applied, a 3 MB picture reduced in a worker the app serves, request sent,
   * ticket number shown by the app's own code.
   */
  async function drive(url, { workerPattern, api = reference }) {
    const page = await browser.newPage();
    const problems = [];
    const workers = [];
    const workerScripts = [];
    page.on('pageerror', (e) => problems.push(e.message));
    // Resource errors are listed by URL below (a browser asks every site for /favicon.ico).
    page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && problems.push(m.text()));
    page.on('response', (r) => r.status() >= 400 && new URL(r.url()).pathname !== '/favicon.ico' && problems.push(`${r.status()} ${r.url()}`));
    page.on('worker', (w) => workers.push(w));
    page.on('response', (r) => workerPattern.test(new URL(r.url()).pathname) && workerScripts.push({ status: r.status(), type: r.headers()['content-type'] ?? '' }));
    await page.goto(url);
    const form = page.locator('gu-support-form');
    await form.getByLabel('Кратко о проблеме').waitFor({ timeout: 20_000 });
    assert.match(await form.getByLabel('Телефон').inputValue(), /912/, 'the phone set as a property by the app');
    const primary = await form.locator('[part=submit]').evaluate((b) => getComputedStyle(b).backgroundColor);
    assert.equal(primary, 'rgb(29, 91, 143)', 'the app’s --gu-color-primary');
    await form.locator('select').selectOption('login');
    await form.getByLabel('Кратко о проблеме').fill('Проверка встраивания');
    await form.getByLabel('Подробное описание').fill('Форма во встроенном приложении отправляет обращение с вложением.');
    const png = await page.evaluate(async () => {
      const canvas = Object.assign(document.createElement('canvas'), { width: 1400, height: 1000 });
      const ctx = canvas.getContext('2d');
      const image = ctx.createImageData(1400, 1000);
      for (let i = 0; i < image.data.length; i += 65536) crypto.getRandomValues(image.data.subarray(i, i + 65536));
      for (let i = 3; i < image.data.length; i += 4) image.data[i] = 255;
      ctx.putImageData(image, 0, 0);
      const blob = await new Promise((done) => canvas.toBlob(done, 'image/png'));
      return new Promise((done) => {
        const reader = new FileReader();
        reader.onload = () => done(String(reader.result).split(',')[1]);
        reader.readAsDataURL(blob);
      });
    });
    const bytes = Buffer.from(png, 'base64');
    assert.ok(bytes.length > 2 * KB * KB);
    await form.locator('input[type=file]').setInputFiles({ name: 'экран.png', mimeType: 'image/png', buffer: bytes });
    await form.locator('gu-file-drop li', { hasText: '→' }).waitFor({ timeout: 30_000 });
    assert.ok(workers.length > 0, 'a compression worker started');
    assert.ok(workerScripts.length > 0 && workerScripts.every((s) => s.status === 200 && /javascript/.test(s.type)), `the worker script was served as JavaScript: ${JSON.stringify(workerScripts)}`);
    await form.getByRole('checkbox', { name: /согласие/ }).check();
    await form.getByRole('button', { name: 'Отправить' }).click();
    const heading = form.getByRole('heading', { name: /Обращение № [\d-]+ принято/ });
    await heading.waitFor({ timeout: 15_000 });
    const number = /№ ([\d-]+)/.exec((await heading.textContent()) ?? '')[1];
    await page.locator('#ticket', { hasText: number }).waitFor({ timeout: 5_000 });
    const ticket = await (await fetch(`${api.url}/api/operator/tickets/${number}`, { headers: { Authorization: 'Bearer operator-test' } })).json();
    assert.equal(ticket.attachments.length, 1);
    assert.equal(ticket.attachments[0].type, 'image/jpeg');
    assert.ok(ticket.attachments[0].size <= 2 * KB * KB);
    assert.deepEqual(problems, []);
    await page.close();
  }

  async function served(root) {
    const server = await serveStatic({ root, api: reference.url });
    servers.push(server);
    return server.url;
  }

  for (const app of ['react', 'vue', 'vanilla']) {
    it(`${app}: built with Vite, the worker emitted and used, the ticket number in the app`, async () => {
      const root = viteBuild(app);
      await drive(`${await served(root)}/`, { workerPattern: /\/assets\/gu-compress-worker-[\w-]+\.js$/ });
    });
  }

  it('webpack 5: the recipe builds, the worker emitted and used, the ticket number in the app', async () => {
    const cwd = join(dir, 'webpack');
    run('webpack build', process.execPath, ['--input-type=module', '-e', "const { default: webpack } = await import('webpack'); const { default: config } = await import('./webpack.config.mjs'); webpack(config, (error, stats) => { if (error || stats.hasErrors()) { console.error(error ?? stats.toString('errors-only')); process.exit(1); } });"], cwd);
    const emitted = readdirSync(join(cwd, 'dist')).filter((f) => f.endsWith('.js'));
    const worker = emitted.find((f) => /kind:"ready"/.test(readFileSync(join(cwd, 'dist', f), 'utf8')) && !/customElements/.test(readFileSync(join(cwd, 'dist', f), 'utf8')));
    assert.ok(worker, `webpack emitted the worker as its own file (${emitted.join(', ')})`);
    await drive(`${await served(cwd)}/`, { workerPattern: new RegExp(`/dist/${worker.replace('.', '\\.')}$`) });
  });

  /** The autoloader and its folder of chunks (with the worker), copied from the installed package into a CDN-like folder. */
  function vendorKit() {
    const cwd = join(dir, 'cdn');
    const vendor = join(cwd, 'vendor/gu-support-kit/0.1.0');
    mkdirSync(vendor, { recursive: true });
    for (const file of ['gu-support-kit.js', 'gu-support-kit.js.map', 'gu-support-kit.css', 'kit']) cpSync(join(dir, 'node_modules/gu-support-kit/dist', file), join(vendor, file), { recursive: true });
    return cwd;
  }

  it('plain HTML: the autoloader and its chunks copied into a CDN-like folder', async () => {
    const cwd = vendorKit();
    await drive(`${await served(cwd)}/`, { workerPattern: /\/vendor\/gu-support-kit\/0\.1\.0\/kit\/gu-compress-worker\.js$/ });
  });

  it('plain HTML with the kit on a CDN origin and the API on a third origin (workerUrl, GU_CORS_ORIGINS)', async () => {
    const cwd = vendorKit();
    const cdn = await serveStatic({ root: join(cwd, 'vendor'), cors: true });
    servers.push(cdn);
    const page = await serveStatic({ root: cwd, csp: '' });
    servers.push(page);
    const api = await startReferenceServer({ GU_CORS_ORIGINS: page.url });
    try {
      cpSync(join(dir, 'node_modules/gu-support-kit/dist/kit/gu-compress-worker.js'), join(cwd, 'gu-compress-worker.js'));
      writeFileSync(join(cwd, 'cross.html'), readFileSync(join(cwd, 'cross-origin.html'), 'utf8').replaceAll('{{KIT}}', cdn.url).replaceAll('{{API}}', api.url));
      page.csp = `default-src 'self'; script-src 'self' ${cdn.url}; style-src 'self'; img-src 'self' blob: data:; connect-src 'self' ${api.url}; worker-src 'self'; object-src 'none'; base-uri 'none'`;
      await drive(`${page.url}/cross.html`, { workerPattern: /^\/gu-compress-worker\.js$/, api });
    } finally {
      await api.close();
    }
  });

  it('the Vite dev server (dependency pre-bundling on) serves the worker too', async () => {
    const cwd = join(dir, 'vanilla');
    const dev = spawn(bin(dir, 'vite'), ['--port', '0', '--strictPort', 'false', '--host', '127.0.0.1'], { cwd, env: { ...process.env, GU_API: reference.url, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const url = await new Promise((done, fail) => {
        const lines = createInterface({ input: dev.stdout });
        lines.on('line', (line) => {
          const match = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(line);
          if (match) done(match[1]);
        });
        dev.once('exit', (code) => fail(new Error(`vite exited with ${code}`)));
      });
      await drive(url, { workerPattern: /gu-compress-worker\.js$/ });
    } finally {
      const exited = new Promise((done) => dev.once('exit', done));
      dev.kill('SIGTERM');
      await exited;
    }
  });
});

