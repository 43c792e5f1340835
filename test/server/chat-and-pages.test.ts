import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { EventStream, isEvent, isMessage } from './chat-helpers.js';
import { newKey, testServer, type TestServer } from './helpers.js';

interface Session {
  id: string;
  token: string;
  state: string;
}

describe('chat API', () => {
  let server: TestServer;
  before(async () => (server = await testServer()));
  after(() => server.stop());

  it('runs a session: greeting, bot answer from the FAQ, queue, operator reply, rating', async () => {
    const session = (await (await server.post('/api/chat/sessions', {})).json()) as Session;
    assert.equal(session.state, 'bot');
    const headers = { 'X-Chat-Token': session.token };
    const sent = await server.post(`/api/chat/sessions/${session.id}/messages`, { text: 'Не приходит СМС с кодом при входе' }, { ...headers, 'Idempotency-Key': newKey() });
    assert.equal(sent.status, 201);
    const { messages } = (await (await server.get(`/api/chat/sessions/${session.id}/messages`, headers)).json()) as { messages: { author: string }[] };
    assert.deepEqual(messages.map((m) => m.author), ['bot', 'citizen', 'bot']);

    const queued = (await (await server.post(`/api/chat/sessions/${session.id}/operator`, {}, headers)).json()) as Session & { queuePosition: number };
    assert.equal(queued.state, 'queued');
    assert.equal(queued.queuePosition, 1);

    const stream = await EventStream.open(`${server.url}/api/chat/sessions/${session.id}/events?token=${session.token}&after=3`);
    try {
      assert.equal((await server.post(`/api/operator/chats/${session.id}/messages`, { text: 'Здравствуйте, помогу' }, { Authorization: 'Bearer operator-test' })).status, 201);
      await stream.next(isMessage((m) => m.author === 'operator'), "the operator's message", 30_000);
      assert.ok(stream.events.some(isEvent('state', (d) => d.state === 'operator')));
    } finally {
      stream.close();
    }

    assert.equal((await server.post(`/api/chat/sessions/${session.id}/rating`, { score: 5 }, headers)).status, 409, 'rated only once ended');
    assert.equal((await server.post(`/api/chat/sessions/${session.id}/end`, {}, headers)).status, 200);
    assert.equal((await server.post(`/api/chat/sessions/${session.id}/rating`, { score: 5 }, headers)).status, 204);
    assert.equal((await server.post(`/api/chat/sessions/${session.id}/rating`, { score: 9 }, headers)).status, 422);
  });

  it('sends a chat message once per Idempotency-Key', async () => {
    const session = (await (await server.post('/api/chat/sessions', {})).json()) as Session;
    const headers = { 'X-Chat-Token': session.token, 'Idempotency-Key': newKey() };
    await server.post(`/api/chat/sessions/${session.id}/messages`, { text: 'Повтор' }, headers);
    const replay = await server.post(`/api/chat/sessions/${session.id}/messages`, { text: 'Повтор' }, headers);
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    const { messages } = (await (await server.get(`/api/chat/sessions/${session.id}/messages`, { 'X-Chat-Token': session.token })).json()) as { messages: { author: string }[] };
    assert.equal(messages.filter((m) => m.author === 'citizen').length, 1);
  });

  it('hides a session from anyone without its token', async () => {
    const session = (await (await server.post('/api/chat/sessions', {})).json()) as Session;
    assert.equal((await server.get(`/api/chat/sessions/${session.id}/messages`, { 'X-Chat-Token': 'wrong' })).status, 404);
  });

  it('says when operators are not at work', async () => {
    const closed = await testServer({ alwaysOpen: false });
    try {
      const session = (await (await closed.post('/api/chat/sessions', {})).json()) as Session;
      const result = (await (await closed.post(`/api/chat/sessions/${session.id}/operator`, {}, { 'X-Chat-Token': session.token })).json()) as Session;
      const { messages } = (await (await closed.get(`/api/chat/sessions/${session.id}/messages`, { 'X-Chat-Token': session.token })).json()) as { messages: { text: string }[] };
      if (result.state === 'bot') assert.match(messages.at(-1)!.text, /Операторы сейчас не работают/);
      else assert.equal(result.state, 'queued');
    } finally {
      await closed.stop();
    }
  });
});

describe('pages and security headers', () => {
  let server: TestServer;
  before(async () => (server = await testServer()));
  after(() => server.stop());

  it('serves the demo page under a strict CSP without unsafe-inline or unsafe-eval', async () => {
    const response = await server.get('/');
    assert.equal(response.status, 200);
    const csp = response.headers.get('content-security-policy') ?? '';
    assert.match(csp, /default-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    const html = await response.text();
    assert.match(html, /<gu-support-form/);
    assert.doesNotMatch(html, /<script(?![^>]*\ssrc=)[^>]*>/); // no inline scripts
  });

  it('serves the operator console, consent and policy, and refuses paths outside the public folders', async () => {
    for (const path of ['/operator/', '/consent.html', '/policy.html', '/portal.js']) assert.equal((await server.get(path)).status, 200, path);
    assert.equal((await server.get('/demo/server/app.ts')).status, 404);
    assert.equal((await server.get('/package.json')).status, 404);
    assert.equal((await server.get('/dist/../package.json')).status, 404);
    assert.equal((await server.get('/demo/index.html')).status, 404, 'old layout paths are gone');
  });

  it('caches content-hashed chunks for a year, revalidates the rest, and serves pre-compressed files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gu-public-'));
    mkdirSync(join(dir, 'chunks'));
    const code = `export const x = "${'x'.repeat(2000)}";`;
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>t</title>');
    writeFileSync(join(dir, 'entry.js'), code);
    writeFileSync(join(dir, 'chunks', 'part-AbCd1234.js'), code);
    writeFileSync(join(dir, 'chunks', 'part-AbCd1234.js.br'), brotliCompressSync(code));
    const own = await testServer({ mounts: [{ prefix: '/', dir }] });
    try {
      const chunk = await own.get('/chunks/part-AbCd1234.js', { 'Accept-Encoding': 'gzip, br' });
      assert.equal(chunk.headers.get('cache-control'), 'public, max-age=31536000, immutable');
      assert.equal(chunk.headers.get('content-encoding'), 'br');
      assert.match(chunk.headers.get('vary') ?? '', /Accept-Encoding/);
      assert.match(chunk.headers.get('content-type') ?? '', /javascript/);
      assert.equal(await chunk.text(), code); // fetch decodes br
      const plain = await fetch(`${own.url}/chunks/part-AbCd1234.js`, { headers: { 'Accept-Encoding': 'identity' } });
      assert.equal(plain.headers.get('content-encoding'), null);
      const entry = await own.get('/entry.js');
      assert.equal(entry.headers.get('cache-control'), 'no-cache');
      const etag = entry.headers.get('etag');
      assert.ok(etag && entry.headers.get('last-modified'));
      assert.equal((await own.get('/entry.js', { 'If-None-Match': etag })).status, 304);
      const html = await own.get('/');
      assert.equal(html.headers.get('cache-control'), 'no-cache');
      assert.match(html.headers.get('content-type') ?? '', /text\/html/);
      assert.equal((await own.get('/chunks/part-AbCd1234.js.br')).status, 200, 'a mount without `only` serves every file in it');
    } finally {
      await own.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
