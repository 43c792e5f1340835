import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { pickEncoding } from '../../demo/server/encoding.js';
import { staticFiles } from '../../demo/server/static.js';
import { testServer, type TestServer } from './helpers.js';

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A GET with exactly these headers (fetch would add its own Accept-Encoding and decode the body). */
function get(url: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

function decode(reply: Reply): Buffer {
  const coding = reply.headers['content-encoding'];
  return coding === 'br' ? brotliDecompressSync(reply.body) : coding === 'gzip' ? gunzipSync(reply.body) : reply.body;
}

describe('reference server: compressed, cached and revalidated files', () => {
  let server: TestServer;
  let chunk: string;
  before(async () => {
    assert.ok(existsSync('dist/gu-support-kit.js.br'), 'dist/ has no pre-compressed files: run `npm run build` first');
    server = await testServer();
    chunk = readdirSync('dist/kit').find((name) => /^lit-[A-Za-z0-9_-]{8}\.js$/.test(name))!;
  });
  after(() => server?.stop());

  it('a content-hashed chunk: brotli, gzip or as is by Accept-Encoding, immutable, right type and length', async () => {
    const original = readFileSync(`dist/kit/${chunk}`);
    const url = `${server.url}/assets/kit/${chunk}`;
    const cases: [string, string | undefined][] = [
      ['gzip, deflate, br, zstd', 'br'],
      ['gzip', 'gzip'],
      ['br;q=0, gzip;q=0.5', 'gzip'],
      ['', undefined],
      ['identity', undefined],
    ];
    for (const [accept, coding] of cases) {
      const reply = await get(url, accept ? { 'Accept-Encoding': accept } : {});
      assert.equal(reply.status, 200);
      assert.equal(reply.headers['content-encoding'], coding, `Accept-Encoding: ${accept}`);
      assert.equal(reply.headers['cache-control'], 'public, max-age=31536000, immutable');
      assert.equal(reply.headers['content-type'], 'text/javascript; charset=utf-8');
      assert.match(String(reply.headers.vary), /Accept-Encoding/);
      assert.match(String(reply.headers.etag), /^"[A-Za-z0-9_-]+"$/);
      assert.equal(Number(reply.headers['content-length']), reply.body.length);
      assert.deepEqual(decode(reply), original);
    }
    const br = await get(url, { 'Accept-Encoding': 'br' });
    assert.ok(br.body.length < original.length / 2, `brotli ${br.body.length} of ${original.length}`);
  });

  it('304 on If-None-Match (and If-Modified-Since) with the validators and caching headers, no body', async () => {
    const url = `${server.url}/assets/kit/${chunk}`;
    const first = await get(url, { 'Accept-Encoding': 'br' });
    const again = await get(url, { 'Accept-Encoding': 'br', 'If-None-Match': String(first.headers.etag) });
    assert.equal(again.status, 304);
    assert.equal(again.body.length, 0);
    assert.equal(again.headers.etag, first.headers.etag);
    assert.equal(again.headers['cache-control'], first.headers['cache-control']);
    assert.match(String(again.headers.vary), /Accept-Encoding/);
    // Another coding is another representation: its ETag differs, so a stale tag gets the file.
    const gzip = await get(url, { 'Accept-Encoding': 'gzip', 'If-None-Match': String(first.headers.etag) });
    assert.equal(gzip.status, 200);
    assert.notEqual(gzip.headers.etag, first.headers.etag);
    const since = await get(url, { 'If-Modified-Since': String(first.headers['last-modified']) });
    assert.equal(since.status, 304);
  });

  it('what a page names by a fixed URL is never cached for ever: the page, its CSS, the autoloader, the kit CSS', async () => {
    for (const path of ['/', '/portal.css', '/assets/gu-support-kit.js', '/assets/gu-support-kit.css', '/assets/kit/gu-compress-worker.js']) {
      const reply = await get(server.url + path, { 'Accept-Encoding': 'gzip, br' });
      assert.equal(reply.status, 200, path);
      assert.equal(reply.headers['cache-control'], 'no-cache', path);
      assert.ok(reply.headers.etag, path);
      assert.ok(reply.headers['last-modified'], path);
      assert.equal(reply.headers['content-encoding'], 'br', path);
      const revalidated = await get(server.url + path, { 'Accept-Encoding': 'gzip, br', 'If-None-Match': String(reply.headers.etag) });
      assert.equal(revalidated.status, 304, path);
    }
    const page = await get(`${server.url}/`);
    assert.equal(page.headers['content-type'], 'text/html; charset=utf-8');
    const css = await get(`${server.url}/assets/gu-support-kit.css`);
    assert.equal(css.headers['content-type'], 'text/css; charset=utf-8');
  });

  it('the page names the kit chunks its eager tags need in a Link header (modulepreload), after its CSS and the autoloader, all served immutable', async () => {
    const page = await get(`${server.url}/`);
    const header = String(page.headers.link);
    const html = (await get(`${server.url}/`)).body.toString();
    // First what holds the first paint, as the page names it (with its version), then the autoloader.
    const [first, second, third] = header.split(', ');
    assert.match(first!, /^<\/portal\.css\?v=[\w-]+>; rel=preload; as=style$/);
    assert.match(second!, /^<\/assets\/gu-support-kit\.css\?v=[\w-]+>; rel=preload; as=style$/);
    assert.match(third!, /^<\/assets\/gu-support-kit\.js\?v=[\w-]+>; rel=modulepreload$/);
    for (const named of [first, second, third]) assert.ok(html.includes(`"${/<([^>]+)>/.exec(named!)![1]}"`), `${named} as in the page`);
    const links = [...header.matchAll(/<([^>]+)>; rel=modulepreload/g)].map((m) => m[1]!);
    const autoloader = readFileSync('dist/gu-support-kit.js', 'utf8');
    const chunkOf = (name: string) => new RegExp(`import\\(["\`]\\./kit/(${name}-[^"\`]+\\.js)["\`]\\)`).exec(autoloader)![1];
    assert.ok(links.includes(`/assets/kit/${chunkOf('support-form')}`), links.join(' '));
    assert.ok(links.includes(`/assets/kit/${chunkOf('faq-search')}`), links.join(' '));
    assert.ok(links.some((l) => /\/kit\/lit-/.test(l)), links.join(' '));
    // `loading="lazy"` tags (the chat, the ticket status) load after the rest: not asked for with the page.
    assert.match(html, /<gu-chat loading="lazy">/);
    assert.ok(!links.includes(`/assets/kit/${chunkOf('chat')}`), links.join(' '));
    assert.ok(!links.includes(`/assets/kit/${chunkOf('ticket-status')}`), links.join(' '));
    for (const link of links) {
      const reply = await get(server.url + link, { 'Accept-Encoding': 'br' });
      assert.equal(reply.status, 200, link);
      assert.equal(reply.headers['cache-control'], 'public, max-age=31536000, immutable', link);
    }
    const consent = await get(`${server.url}/consent.html`);
    assert.equal(consent.headers.link, undefined, 'a page without kit tags preloads nothing');
  });

  it('the FAQ bundle goes out compressed (brotli or gzip by Accept-Encoding), revalidated by its version', async () => {
    const plain = await get(`${server.url}/api/faq/index`);
    assert.equal(plain.headers['content-encoding'], undefined);
    for (const [accept, coding] of [['gzip, deflate, br', 'br'], ['gzip', 'gzip']] as const) {
      const reply = await get(`${server.url}/api/faq/index`, { 'Accept-Encoding': accept });
      assert.equal(reply.status, 200);
      assert.equal(reply.headers['content-encoding'], coding);
      assert.match(String(reply.headers.vary), /Accept-Encoding/);
      assert.equal(Number(reply.headers['content-length']), reply.body.length);
      assert.ok(reply.body.length * 3 < plain.body.length, `${coding}: ${reply.body.length} of ${plain.body.length} bytes`);
      assert.deepEqual(decode(reply), plain.body);
      const again = await get(`${server.url}/api/faq/index`, { 'Accept-Encoding': accept, 'If-None-Match': String(reply.headers.etag) });
      assert.equal(again.status, 304);
    }
  });

  it('the page names its CSS and scripts with the version of their bytes: those are immutable, the page revalidates', async () => {
    const page = await get(`${server.url}/`, { 'Accept-Encoding': 'br' });
    assert.equal(page.headers['cache-control'], 'no-cache');
    const html = decode(page).toString();
    const assets = [...html.matchAll(/(?:src|href)="(\/[^"]+\?v=[^"]+)"/g)].map((m) => m[1]!);
    for (const name of ['/portal.css', '/assets/gu-support-kit.css', '/assets/gu-support-kit.js', '/portal.js']) assert.ok(assets.some((a) => a.startsWith(`${name}?v=`)), `${name} in ${assets.join(' ')}`);
    assert.ok(!/href="\/consent\.html\?/.test(html), 'links to pages stay as they are');
    for (const asset of assets) {
      const reply = await get(server.url + asset, { 'Accept-Encoding': 'br' });
      assert.equal(reply.status, 200, asset);
      assert.equal(reply.headers['cache-control'], 'public, max-age=31536000, immutable', asset);
    }
    const stale = await get(`${server.url}/portal.css?v=0000000000`);
    assert.equal(stale.headers['cache-control'], 'no-cache', 'another version is not promised for ever');
    const again = await get(`${server.url}/`, { 'Accept-Encoding': 'br', 'If-None-Match': String(page.headers.etag) });
    assert.equal(again.status, 304);
    const plain = await get(`${server.url}/`);
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(plain.body.toString(), html);
  });

  it('the API: public topics revalidated with an ETag per language, personal answers not stored', async () => {
    const ru = await server.get('/api/topics', { 'Accept-Language': 'ru' });
    assert.equal(ru.status, 200);
    assert.equal(ru.headers.get('cache-control'), 'no-cache');
    assert.match(String(ru.headers.get('vary')), /Accept-Language/);
    const etag = ru.headers.get('etag')!;
    assert.ok(etag);
    const same = await server.get('/api/topics', { 'Accept-Language': 'ru', 'If-None-Match': etag });
    assert.equal(same.status, 304);
    const en = await server.get('/api/topics', { 'Accept-Language': 'en', 'If-None-Match': etag });
    assert.equal(en.status, 200, 'English topics are another representation');
    const mine = await server.get('/api/my/tickets');
    assert.match(String(mine.headers.get('cache-control')), /no-store/);
  });
});

describe('static files: siblings and conditions', () => {
  let dir: string;
  let http: Server;
  let base: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gu-static-'));
    writeFileSync(join(dir, 'fresh.js'), 'export const a = 1;'.repeat(50));
    writeFileSync(join(dir, 'fresh.js.gz'), gzipSync(readFileSync(join(dir, 'fresh.js'))));
    writeFileSync(join(dir, 'edited.css'), 'a { color: red }'.repeat(50));
    writeFileSync(join(dir, 'edited.css.gz'), gzipSync('old'));
    // The page was edited after the build made its sibling: the sibling is stale.
    const past = new Date(Date.now() - 60_000);
    utimesSync(join(dir, 'edited.css.gz'), past, past);
    const files = staticFiles([{ prefix: '/', dir }]);
    http = createServer((req, res) => {
      if (!files.serve(req, res, new URL(req.url!, 'http://x').pathname)) res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  });
  after(() => {
    http?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a sibling older than its file is not sent; a missing coding falls back to the next', async () => {
    const stale = await get(`${base}/edited.css`, { 'Accept-Encoding': 'gzip, br' });
    assert.equal(stale.headers['content-encoding'], undefined);
    assert.equal(stale.body.toString(), 'a { color: red }'.repeat(50));
    const fresh = await get(`${base}/fresh.js`, { 'Accept-Encoding': 'br, gzip' });
    assert.equal(fresh.headers['content-encoding'], 'gzip');
    assert.equal(gunzipSync(fresh.body).toString(), 'export const a = 1;'.repeat(50));
  });

  it('HEAD gives the headers without a body; a name not listed at start is not served', async () => {
    const head = await new Promise<Reply>((resolve) =>
      request(`${base}/fresh.js`, { method: 'HEAD' }, (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.alloc(0) }));
      }).end(),
    );
    assert.equal(head.status, 200);
    assert.equal(Number(head.headers['content-length']), 'export const a = 1;'.length * 50);
    writeFileSync(join(dir, 'later.js'), 'x');
    assert.equal((await get(`${base}/later.js`)).status, 404);
  });
});

describe('Accept-Encoding negotiation', () => {
  const both = { br: true, gzip: true };
  it('prefers brotli, honours q=0 and *, sends the file as is otherwise', () => {
    assert.equal(pickEncoding('gzip, deflate, br', both), 'br');
    assert.equal(pickEncoding('gzip', both), 'gzip');
    assert.equal(pickEncoding('br;q=0, gzip', both), 'gzip');
    assert.equal(pickEncoding('*', both), 'br');
    assert.equal(pickEncoding('*, br;q=0', both), 'gzip');
    assert.equal(pickEncoding('identity', both), null);
    assert.equal(pickEncoding(undefined, both), null);
    assert.equal(pickEncoding('br', { br: false, gzip: true }), null);
  });
});
