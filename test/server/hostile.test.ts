/**
 * Hostile input against the reference server over real HTTP, the way an attacker would try it
 * (issue 13). The main target runs as `npm start` runs it: main.ts in its own process, with its
 * last-resort handler; the suite proves the process survives every class, that the last resort
 * was never needed (each stream has its own handler), and that nothing is left on disk. Classes
 * that need a second configuration start an in-process server. A summary by class is printed.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../demo/server/app.js';
import { RateLimiter } from '../../demo/server/rate-limit.js';
import { dammDigit, generateTicketNumber, validateTicketNumber } from '../../src/core/validate/ticket-number.js';
import { NUMBER, PNG_1x1, newKey, testServer, validTicket } from './helpers.js';
import { childServer, raw, request, until, type ChildServer, type RawResponse } from './raw-http.js';

const summary = new Map<string, number>();
function counted<T>(klass: string, work: Promise<T>): Promise<T> {
  summary.set(klass, (summary.get(klass) ?? 0) + 1);
  return work;
}

let target: ChildServer;
let dataDir: string;

const json = (body: unknown) => ({ 'Content-Type': 'application/json', 'Idempotency-Key': newKey(), body: JSON.stringify(body) });
/** A request through fetch, counted in its class. */
function send(klass: string, path: string, init: RequestInit & { headers?: Record<string, string> } = {}): Promise<Response> {
  return counted(klass, fetch(target.url + path, init));
}
function postJson(klass: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  const { body: text, ...base } = json(body);
  return send(klass, path, { method: 'POST', headers: { ...base, ...headers }, body: text });
}
function rawSend(klass: string, data: Buffer | string, options: Parameters<typeof raw>[2] = {}): Promise<RawResponse> {
  return counted(klass, raw(target.port, data, options));
}

/** A distinct title without digits (digit runs in a title can look like a card number to the PII guard). */
let titles = 0;
const freshTitle = () => `Обращение ${[...String(++titles)].map((d) => 'абвгдежзик'[Number(d)]).join('')} ${Math.random().toString(36).replace(/[\d.]/g, '')}`;

async function createTicket(overrides: Record<string, unknown> = {}): Promise<string> {
  const response = await fetch(`${target.url}/api/tickets`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': newKey() }, body: JSON.stringify(validTicket({ title: freshTitle(), ...overrides })) });
  assert.equal(response.status, 201);
  return ((await response.json()) as { number: string }).number;
}

async function stats(): Promise<{ uploads: number; lastResort: number; limiterEntries: number; slowBodiesCut: number; refusedConnections: number }> {
  return (await (await fetch(`${target.url}/__test/stats`)).json()) as never;
}

/** The server still answers, needed no last resort, and holds no upload nor temporary file. */
async function healthy(): Promise<void> {
  assert.ok(target.alive(), `the server process ended: ${target.stderr.join('')}`);
  assert.equal((await fetch(`${target.url}/api/topics`)).status, 200);
  await until(async () => (await stats()).uploads === 0, 'no upload in progress');
  await until(() => readdirSync(join(dataDir, 'tmp')).length === 0, `no temporary file left: ${readdirSync(join(dataDir, 'tmp')).join(', ')}`);
  assert.equal((await stats()).lastResort, 0, 'an error reached the last-resort handler');
}

const BOUNDARY = 'XhostileX';
const partHead = (name: string, filename?: string, type = 'image/png') =>
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"${filename !== undefined ? `; filename="${filename}"` : ''}\r\n${filename !== undefined ? `Content-Type: ${type}\r\n` : ''}\r\n`;
const multipartHeaders = (extra: Record<string, string> = {}) => ({ 'Content-Type': `multipart/form-data; boundary=${BOUNDARY}`, 'Idempotency-Key': newKey(), ...extra });
const payloadPart = (payload: unknown = validTicket()) => `${partHead('payload')}${JSON.stringify(payload)}\r\n`;

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'gu-hostile-'));
  target = await childServer(['--data', dataDir, '--test-hooks', '--rate-limit', '100000', '--lookup-failures', '3'], { GU_TRUST_PROXY: '1' });
  mkdirSync(join(dataDir, 'tmp'), { recursive: true });
});

after(async () => {
  await target?.stop();
  rmSync(dataDir, { recursive: true, force: true });
  const total = [...summary.values()].reduce((a, b) => a + b, 0);
  console.log(`\nHostile-input suite: ${total} crafted requests\n${[...summary].map(([k, n]) => `  ${String(n).padStart(4)}  ${k}`).join('\n')}`);
});

describe('1. malformed bodies never end the process', () => {
  const klass = '1/8 malformed bodies and encodings (process survives, 400)';

  it('a file part that never ends (no closing boundary), with a matching Content-Length', async () => {
    const body = `${partHead('files', 'a.png')}\x89PNG\r\n\x1a\n1234`;
    assert.ok(body.length < 140);
    const response = await rawSend(klass, request('POST', '/api/tickets', multipartHeaders(), Buffer.from(body, 'latin1')));
    assert.equal(response.status, 400);
    assert.equal(response.headers['content-type'], 'application/problem+json; charset=utf-8');
    await healthy();
  });

  it('the same after a valid payload part, and on the comments endpoint', async () => {
    const body = `${payloadPart()}${partHead('files', 'a.png')}\x89PNG\r\n\x1a\nabcdef`;
    assert.equal((await rawSend(klass, request('POST', '/api/tickets', multipartHeaders(), Buffer.from(body, 'latin1')))).status, 400);
    const number = await createTicket();
    const { token } = (await (await postJson('5 ticket numbers and look-ups', '/api/tickets/lookup', { number, contact: '89123456789' })).json()) as { token: string };
    const comment = `${partHead('payload')}{"text":"Уточнение"}\r\n${partHead('files', 'b.png')}\x89PNG`;
    assert.equal((await rawSend(klass, request('POST', `/api/tickets/${number}/comments`, multipartHeaders({ 'X-Ticket-Token': token }), Buffer.from(comment, 'latin1')))).status, 400);
    await healthy();
  });

  it('a body cut mid-file: the client half-closes, resets, or just stops after announcing more', async () => {
    const start = Buffer.from(`${payloadPart()}${partHead('files', 'cut.png')}\x89PNG\r\n\x1a\n${'x'.repeat(3000)}`, 'latin1');
    const announced = request('POST', '/api/tickets', multipartHeaders({ 'Content-Length': String(start.length + 50_000) }), start);
    await rawSend(klass, announced, { then: 'end' });
    await healthy();
    await rawSend(klass, announced, { then: 'destroy' });
    await healthy();
    // A file split over several writes, then a reset: the partial file existed and must be gone.
    const socket: Socket = connect({ port: target.port, host: '127.0.0.1' });
    await counted(klass, new Promise<void>((done) => socket.once('connect', done)));
    socket.on('error', () => undefined);
    socket.write(announced);
    await until(() => readdirSync(join(dataDir, 'tmp')).length > 0, 'the partial upload reached the disk');
    socket.resetAndDestroy();
    await healthy();
  });

  it('multipart without a boundary, with a wrong boundary, garbage, and part headers that never end', async () => {
    const noBoundary = await rawSend(klass, request('POST', '/api/tickets', { 'Content-Type': 'multipart/form-data', 'Idempotency-Key': newKey() }, 'hello'));
    assert.equal(noBoundary.status, 400);
    const emptyBoundary = await rawSend(klass, request('POST', '/api/tickets', { 'Content-Type': 'multipart/form-data; boundary=', 'Idempotency-Key': newKey() }, 'hello'));
    assert.equal(emptyBoundary.status, 400);
    const wrong = await rawSend(klass, request('POST', '/api/tickets', multipartHeaders(), `--other\r\n${payloadPart().slice(BOUNDARY.length + 4)}--other--\r\n`));
    assert.equal(wrong.status, 400);
    const garbage = await rawSend(klass, request('POST', '/api/tickets', multipartHeaders(), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))));
    assert.equal(garbage.status, 400);
    const endlessHeader = await rawSend(klass, request('POST', '/api/tickets', multipartHeaders(), `--${BOUNDARY}\r\nContent-Disposition: form-data; name="files"; filename="${'a'.repeat(9000)}`));
    assert.equal(endlessHeader.status, 400);
    const manyParts = await rawSend(klass, request('POST', '/api/tickets', multipartHeaders(), `${Array.from({ length: 40 }, () => `${partHead('x')}1\r\n`).join('')}--${BOUNDARY}--\r\n`));
    assert.ok([400, 413].includes(manyParts.status), `many parts: ${manyParts.status}`);
    const noPayload = await rawSend(klass, request('POST', '/api/tickets', multipartHeaders(), `${partHead('other')}x\r\n--${BOUNDARY}--\r\n`));
    assert.equal(noPayload.status, 400);
    const badPayload = await rawSend(klass, request('POST', '/api/tickets', multipartHeaders(), `${partHead('payload')}{not json\r\n--${BOUNDARY}--\r\n`));
    assert.equal(badPayload.status, 400);
    await healthy();
  });

  it('JSON nested 20,000 levels: body, multipart payload, context and comment are 400, not a stack overflow', async () => {
    const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    const deepObject = `${'{"a":'.repeat(9_000)}1${'}'.repeat(9_000)}`;
    assert.equal((await send(klass, '/api/tickets', { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': newKey() }, body: deep })).status, 400);
    const inContext = JSON.stringify(validTicket()).replace(/}$/, `,"context":${deepObject}}`);
    assert.equal((await send(klass, '/api/tickets', { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': newKey() }, body: inContext })).status, 400);
    const multipartDeep = `${partHead('payload')}${inContext}\r\n--${BOUNDARY}--\r\n`;
    assert.equal((await rawSend(klass, request('POST', '/api/tickets', multipartHeaders(), multipartDeep))).status, 400);
    const session = (await (await fetch(`${target.url}/api/chat/sessions`, { method: 'POST' })).json()) as { id: string; token: string };
    const chat = await send(klass, `/api/chat/sessions/${session.id}/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': newKey(), 'X-Chat-Token': session.token }, body: `{"text":${'['.repeat(5000)}${']'.repeat(5000)}}` });
    assert.equal(chat.status, 400);
    await healthy();
  });

  it('malformed percent-encoding in paths is a 400 problem (tickets, chat sessions, static files)', async () => {
    for (const path of ['/api/tickets/%E0%A4%A', '/api/tickets/%E0%A4%A/comments', '/api/chat/sessions/%E0%A4%A', '/api/chat/sessions/%ZZ/messages', '/api/attachments/%C0%AF', '/%E0%A4%A', '/assets/%FF.js']) {
      const method = path.endsWith('comments') || path.endsWith('messages') ? 'POST' : 'GET';
      const response = await rawSend(klass, request(method, path, method === 'POST' ? { 'Content-Type': 'application/json', 'Idempotency-Key': newKey() } : {}, method === 'POST' ? '{}' : ''));
      assert.equal(response.status, 400, `${method} ${path} → ${response.status}`);
      assert.match(response.headers['content-type'] ?? '', /problem\+json/);
    }
    await healthy();
  });

  it('broken HTTP itself: request line, header overflow, bad chunk sizes, a lying Content-Length', async () => {
    assert.equal((await rawSend(klass, 'GET /\x00 HTTP/1.1\r\n\r\n')).status, 400);
    assert.equal((await rawSend(klass, 'HELLO\r\n\r\n')).status, 400);
    assert.equal((await rawSend(klass, request('GET', '/api/topics', { 'X-Big': 'a'.repeat(20_000) }))).status, 431);
    const chunked = `POST /api/tickets HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nIdempotency-Key: ${newKey()}\r\nTransfer-Encoding: chunked\r\n\r\nZZZ\r\nabc\r\n0\r\n\r\n`;
    assert.equal((await rawSend(klass, chunked)).status, 400);
    const both = `POST /api/tickets HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`;
    assert.equal((await rawSend(klass, both)).status, 400);
    const short = await rawSend(klass, request('POST', '/api/tickets', { 'Content-Type': 'application/json', 'Idempotency-Key': newKey(), 'Content-Length': '100' }, '{"a":1}'), { then: 'end' });
    assert.ok(short.closed);
    await healthy();
  });
});

describe('2. only public files are served', () => {
  const klass = '2 path traversal and the static allow-list';
  const SECRET_MARKERS = /import |SQLite format|"devDependencies"|\[core\]|operator-token|BEGIN|server-secret/;

  it('the traversal family never reaches source, data or configuration', async () => {
    const paths = [
      '/demo//server/app.ts', '/demo/server/app.ts', '//demo/server/app.ts', '/./demo/server/app.ts', '/demo/./server/app.ts',
      '/demo//server/data/support.sqlite-wal', '/demo/server/data/support.sqlite', '/package.json', '/.git/config', '/.env',
      '/assets/../package.json', '/assets/%2e%2e/package.json', '/assets/%2E%2E/package.json', '/%2e%2e/package.json', '/assets/.%2e/package.json',
      '/assets/..%2fpackage.json', '/assets/%2e%2e%2fpackage.json', '/assets/%252e%252e/package.json', '/assets/%252e%252e%252fpackage.json',
      '/assets\\..\\package.json', '/assets/..%5cpackage.json', '/assets/%5c..%5cpackage.json', '/index.html%00', '/index.html%00.js', '/package.json%00.html',
      '/INDEX.HTML', '/Index.html', '/index.html.', '/index.html..', '/index.html%20', '/operator/../../package.json', '/operator/..', '/..', '/../../etc/passwd',
      '/assets/gu-support-kit.js/../../package.json', '/assets/types/index.d.ts', '/assets/chunks/../../demo/server/app.ts', '/assets/gu-support-kit.js.map/..',
      '/%2fetc/passwd', '/assets//..//package.json', '/demo%2fserver%2fapp.ts', '/demo/server/main.ts', '/scripts/start.mjs', '/demo/content/000_738cb0743db258f2.txt',
    ];
    for (const path of paths) {
      const response = await rawSend(klass, request('GET', path));
      assert.ok([400, 404].includes(response.status), `${path} → ${response.status}`);
      assert.doesNotMatch(response.body, SECRET_MARKERS, path);
      assert.equal(response.headers['x-content-type-options'], 'nosniff', path);
    }
    // The public files themselves are there.
    for (const path of ['/', '/operator/', '/consent.html', '/policy.html', '/portal.css']) assert.equal((await send(klass, path)).status, 200, path);
    await healthy();
  });

  it('the data directory may not be inside a served folder', async () => {
    await assert.rejects(startServer({ dataDir: join(import.meta.dirname, '../../demo/public/data'), operatorToken: 'operator-test' }), /inside the served folder/);
  });
});

describe('3. no public operator token', () => {
  const klass = '3 operator token';

  it('generates a token at first start, prints it once, keeps it private, and refuses the old default', async () => {
    const tokenLine = target.stdout.findIndex((line) => line.startsWith('Operator token (shown once'));
    assert.ok(tokenLine > 0, target.stdout.join('\n'));
    const token = target.stdout[tokenLine + 1]!.trim();
    assert.ok(token.length >= 24);
    const file = join(dataDir, 'operator-token');
    assert.equal(statSync(file).mode & 0o077, 0, 'the token file is readable by others');
    for (const guess of ['operator-demo', 'operator-test', '', token.slice(0, -1), `${token}x`, token.toUpperCase() === token ? token.toLowerCase() : token.toUpperCase()]) {
      assert.equal((await send(klass, '/api/operator/tickets', { headers: { Authorization: `Bearer ${guess}` } })).status, 401, guess);
    }
    assert.equal((await send(klass, '/api/operator/tickets', { headers: { Authorization: `Bearer ${token}` } })).status, 200);
  });

  it('a second start keeps the token and does not print it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gu-token-'));
    try {
      const first = await startServer({ dataDir: dir });
      await first.close();
      const second = await startServer({ dataDir: dir });
      await second.close();
      assert.equal(first.operatorTokenCreated, true);
      assert.equal(second.operatorTokenCreated, false);
      assert.equal(first.operatorToken, second.operatorToken);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses to listen beyond loopback with a default or short token, or with test hooks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gu-token-'));
    try {
      for (const operatorToken of ['operator-demo', 'short-token-123', 'changeme']) {
        await assert.rejects(startServer({ dataDir: dir, host: '0.0.0.0', operatorToken }), /Refusing to listen/);
      }
      await assert.rejects(startServer({ dataDir: dir, host: '0.0.0.0', operatorToken: 'k'.repeat(40), testHooks: true }), /test hooks/);
      const open = await startServer({ dataDir: dir, host: '0.0.0.0', operatorToken: 'a-long-random-operator-token-0123456789' });
      await open.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('4. text that freezes screens or hides its direction', () => {
  const klass = '4 text: combining marks, NUL, surrogates, bidi, NFC';

  it('a "1-character" title of 30,000 combining marks and other swollen texts are refused', async () => {
    const swollen = `a${'\u0301'.repeat(30_000)}`;
    const title = await postJson(klass, '/api/tickets', validTicket({ title: swollen }));
    assert.equal(title.status, 422);
    const errors = ((await title.json()) as { errors: { field: string; code: string; detail: string }[] }).errors;
    assert.deepEqual(errors.map((e) => [e.field, e.code]), [['title', 'too-long']]);
    assert.match(errors[0]!.detail, /невидимых знаков/);
    assert.equal((await postJson(klass, '/api/tickets', validTicket({ contact: { phone: '89123456789', fullName: `И${'\u0300'.repeat(5000)}` } }))).status, 422);
    assert.equal((await postJson(klass, '/api/tickets', validTicket({ title: '👨‍👩‍👧‍👦'.repeat(140) }))).status, 422);
    await healthy();
  });

  it('NUL, other controls, lone surrogates and bidi overrides get a field error on every text field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ title: 'Ошибка\u0000входа' }, 'title'],
      [{ description: 'Описание проблемы \u0007 с колокольчиком внутри' }, 'description'],
      [{ title: 'Ошибка \ud800 входа' }, 'title'],
      [{ description: 'Хвостовой суррогат \udfff в описании проблемы' }, 'description'],
      [{ title: 'Счёт \u202Egnp.exe' }, 'title'],
      [{ description: 'Изолят \u2066внутри\u2069 описания проблемы' }, 'description'],
      [{ contact: { phone: '89123456789', fullName: 'Иванов\u202EИван' } }, 'contact.fullName'],
      [{ contact: { phone: '89123456789', accountNumber: '123\u0000' } }, 'contact.accountNumber'],
      [{ consent: { version: 'v1\u202D', givenAt: new Date().toISOString() } }, 'consent.version'],
      [{ context: { browser: 'Chrome\u202E 1' } }, 'context.browser'],
    ];
    for (const [overrides, field] of cases) {
      const response = await postJson(klass, '/api/tickets', validTicket(overrides));
      assert.equal(response.status, 422, JSON.stringify(overrides));
      const { errors } = (await response.json()) as { errors: { field: string; code: string }[] };
      assert.ok(errors.some((e) => e.field === field && e.code === 'characters'), `${field}: ${JSON.stringify(errors)}`);
    }
    const session = (await (await fetch(`${target.url}/api/chat/sessions`, { method: 'POST' })).json()) as { id: string; token: string };
    const chat = await postJson(klass, `/api/chat/sessions/${session.id}/messages`, { text: 'Привет\u202E' }, { 'X-Chat-Token': session.token });
    assert.equal(chat.status, 422);
    const rating = await postJson(klass, `/api/chat/sessions/${session.id}/rating`, { score: 5, comment: 'ok\u0000' }, { 'X-Chat-Token': session.token });
    assert.equal(rating.status, 422);
    await healthy();
  });

  it('stores text normalised to NFC', async () => {
    const number = await createTicket({ title: 'Не могу войти: и\u0306 разложенная', description: 'Буква е\u0308 разложена на две части в описании.' });
    const { ticket } = (await (await postJson(klass, '/api/tickets/lookup', { number, contact: '89123456789' })).json()) as { ticket: { title: string; description: string } };
    assert.equal(ticket.title, 'Не могу войти: й разложенная');
    assert.equal(ticket.description, 'Буква ё разложена на две части в описании.');
  });
});

describe('5. ticket numbers cannot be guessed, look-ups cannot be brute-forced', () => {
  const klass = '5 ticket numbers and look-ups';

  it('numbers are random, with a check digit that catches a typo before the server is asked', async () => {
    const numbers = await Promise.all(Array.from({ length: 6 }, () => counted(klass, createTicket())));
    for (const number of numbers) {
      assert.match(number, NUMBER);
      assert.equal(dammDigit(number.replace(/-/g, '')), 0);
    }
    const sorted = numbers.map((n) => Number(n.replace(/-/g, ''))).sort((a, b) => a - b);
    assert.ok(sorted.some((n, i) => i > 0 && n - sorted[i - 1]! > 1000), 'numbers look sequential');
    const typo = numbers[0]!.replace(/^(\d)/, (d) => String((Number(d) % 9) + 1));
    assert.equal(validateTicketNumber(typo).ok, false);
    const refused = await postJson(klass, '/api/tickets/lookup', { number: typo, contact: '89123456789' });
    assert.equal(refused.status, 422);
    assert.equal(((await refused.json()) as { errors: { field: string; code: string }[] }).errors[0]!.code, 'checksum');
  });

  it('failed look-ups are limited per number, whatever address they come from', async () => {
    const number = await createTicket();
    for (let i = 0; i < 3; i++) {
      const miss = await postJson(klass, '/api/tickets/lookup', { number, contact: `8999000000${i}` }, { 'X-Forwarded-For': `198.51.100.${i + 1}` });
      assert.equal(miss.status, 404);
    }
    const blocked = await postJson(klass, '/api/tickets/lookup', { number, contact: '89123456789' }, { 'X-Forwarded-For': '198.51.100.99' });
    assert.equal(blocked.status, 429);
    assert.ok(Number(blocked.headers.get('retry-after')) > 0);
  });

  it('failed look-ups are limited per contact, whatever number or address', async () => {
    for (let i = 0; i < 3; i++) {
      const miss = await postJson(klass, '/api/tickets/lookup', { number: generateTicketNumber(), contact: '+7 (916) 000-11-22' }, { 'X-Forwarded-For': `203.0.113.${i + 1}` });
      assert.equal(miss.status, 404);
    }
    // Same phone in another notation, from another address: still the same budget.
    const blocked = await postJson(klass, '/api/tickets/lookup', { number: generateTicketNumber(), contact: '89160001122' }, { 'X-Forwarded-For': '203.0.113.50' });
    assert.equal(blocked.status, 429);
    // The limiter's table holds no phone number.
    assert.ok((await stats()).limiterEntries > 0);
  });

  it('the limiter forgets windows that ended and never grows past its cap', () => {
    let now = 0;
    const limiter = new RateLimiter(() => now, 1000);
    for (let i = 0; i < 5000; i++) limiter.take('lookup', `10.0.${i >> 8}.${i & 255}`, { limit: 5, windowMs: 60_000 });
    assert.equal(limiter.size, 1000);
    now += 61_000;
    limiter.take('lookup', 'one more', { limit: 5, windowMs: 60_000 });
    assert.equal(limiter.size, 1);
  });
});

describe('7. temporary files', () => {
  it('a restart sweeps partial uploads and files no ticket refers to', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gu-sweep-'));
    try {
      mkdirSync(join(dir, 'tmp'), { recursive: true });
      mkdirSync(join(dir, 'files'), { recursive: true });
      writeFileSync(join(dir, 'tmp', 'partial-upload'), 'half a file');
      writeFileSync(join(dir, 'files', 'orphan'), 'no ticket');
      const server = await startServer({ dataDir: dir, operatorToken: 'operator-test' });
      await server.close();
      assert.deepEqual(readdirSync(join(dir, 'tmp')), []);
      assert.deepEqual(readdirSync(join(dir, 'files')), []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('9. every field of a request is checked on the server', () => {
  const klass = '9 schema: types, lengths, keys, PII';
  const refuse = async (overrides: Record<string, unknown>, field: string, code?: string) => {
    const response = await postJson(klass, '/api/tickets', validTicket(overrides));
    assert.equal(response.status, 422, JSON.stringify(overrides).slice(0, 200));
    const { errors } = (await response.json()) as { errors: { field: string; code: string; detail: string }[] };
    const error = errors.find((e) => e.field === field);
    assert.ok(error, `${field} not named in ${JSON.stringify(errors)}`);
    if (code) assert.equal(error.code, code);
    return error;
  };

  it('refuses oversized, mistyped, marked-up and unknown fields instead of storing them', async () => {
    await refuse({ consent: { version: 'v'.repeat(20_000), givenAt: new Date().toISOString() } }, 'consent.version', 'too-long');
    await refuse({ lang: '<img src=x onerror=alert(1)>' }, 'lang', 'format');
    await refuse({ context: { pageUrl: 5 } }, 'context.pageUrl', 'type');
    await refuse({ context: { browser: { nested: true } } }, 'context.browser', 'type');
    await refuse({ context: { cookie: 'session=1' } }, 'context.cookie', 'unknown');
    await refuse({ context: 'text' }, 'context', 'type');
    await refuse({ isAdmin: true }, 'isAdmin', 'unknown');
    await refuse({ contact: { phone: '89123456789', role: 'operator' } }, 'contact.role', 'unknown');
    await refuse({ consent: { version: '1', givenAt: new Date().toISOString(), extra: 1 } }, 'consent.extra', 'unknown');
    await refuse({ urgent: 'yes' }, 'urgent', 'type');
    await refuse({ title: 42 }, 'title', 'type');
    await refuse({ contact: [] }, 'contact', 'type');
    await refuse({ contact: { phone: '89123456789', accountNumber: 'x'.repeat(65) } }, 'contact.accountNumber', 'too-long');
    await refuse({ context: { pageUrl: `https://example.org/${'a'.repeat(3000)}` } }, 'context.pageUrl', 'too-long');
    await refuse({ previousNumber: '2026000123' }, 'previousNumber');
    const many = await postJson(klass, '/api/tickets', { ...validTicket(), ...Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`k${i}`, i])) });
    assert.equal(many.status, 422);
    assert.ok(((await many.json()) as { errors: unknown[] }).errors.length <= 20);
    const notObject = await postJson(klass, '/api/tickets', [validTicket()]);
    assert.equal(notObject.status, 422);
    assert.equal(((await (await fetch(`${target.url}/__test/count?table=tickets&distinct=title`)).json()) as { count: number }).count > 0, true);
    await healthy();
  });

  it('applies the form\'s PII guard, naming what to remove', async () => {
    const card = await refuse({ description: 'Списали дважды с карты 4276 3800 1234 5679, верните деньги' }, 'description', 'pii');
    assert.match(card.detail, /номер банковской карты/);
    const password = await refuse({ title: 'Мой пароль: Qwerty123 не подходит' }, 'title', 'pii');
    assert.match(password.detail, /пароль/);
    const number = await createTicket();
    const { token } = (await (await postJson(klass, '/api/tickets/lookup', { number, contact: '89123456789' })).json()) as { token: string };
    const comment = await postJson(klass, `/api/tickets/${number}/comments`, { text: 'Код из СМС 482913 не приходит' }, { 'X-Ticket-Token': token });
    assert.equal(comment.status, 422);
    assert.match(JSON.stringify(await comment.json()), /код из СМС/);
    const english = await postJson(klass, '/api/tickets', validTicket({ description: 'CVC 123 of my card was requested by the page' }), { 'Accept-Language': 'en' });
    assert.match(JSON.stringify(await english.json()), /CVC/);
  });
});

describe('10. a stored file is named by what it is', () => {
  const klass = '10 lying file names';

  it('a PNG/HTML polyglot named invoice.html is stored, listed and downloaded as invoice.png', async () => {
    const polyglot = Buffer.concat([PNG_1x1, Buffer.from('<html><script>alert(document.domain)</script></html>')]);
    for (const [sent, expected] of [
      ['invoice.html', 'invoice.png'],
      ['photo.png.exe', 'photo.png'],
      ['scan\u202Egnp.html', 'scan_gnp.png'],
      ['../../etc/passwd', 'passwd.png'], // busboy keeps the base name only
    ] as const) {
      const form = new FormData();
      form.append('payload', JSON.stringify(validTicket({ title: freshTitle() })));
      form.append('files', new Blob([new Uint8Array(polyglot)], { type: 'text/html' }), sent);
      const created = await send(klass, '/api/tickets', { method: 'POST', headers: { 'Idempotency-Key': newKey() }, body: form });
      assert.equal(created.status, 201, sent);
      const { number } = (await created.json()) as { number: string };
      const { ticket } = (await (await postJson(klass, '/api/tickets/lookup', { number, contact: '89123456789' })).json()) as { ticket: { attachments: { name: string; type: string; url: string }[] } };
      assert.equal(ticket.attachments[0]!.name, expected, sent);
      assert.equal(ticket.attachments[0]!.type, 'image/png');
      const file = await send(klass, ticket.attachments[0]!.url);
      assert.equal(file.status, 200);
      assert.equal(file.headers.get('content-type'), 'image/png');
      assert.equal(file.headers.get('x-content-type-options'), 'nosniff');
      assert.match(file.headers.get('content-disposition') ?? '', new RegExp(`^attachment; filename\\*=UTF-8''${encodeURIComponent(expected).replace(/[.*]/g, '\\$&')}$`));
      assert.match(file.headers.get('content-security-policy') ?? '', /sandbox/);
    }
  });
});

describe('11. hardening', () => {
  const klass = '11 headers, slow clients, connection and upload caps';

  it('X-Content-Type-Options: nosniff on every kind of response', async () => {
    const responses = [
      await send(klass, '/api/topics'),
      await send(klass, '/api/nothing'),
      await send(klass, '/'),
      await send(klass, '/assets/gu-support-kit.js'),
      await send(klass, '/api/tickets/lookup', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' }),
      await send(klass, '/api/operator/tickets'),
      await send(klass, '/api/topics', { method: 'OPTIONS', headers: { Origin: 'https://portal.example', 'Access-Control-Request-Method': 'GET' } }),
    ];
    for (const response of responses) assert.equal(response.headers.get('x-content-type-options'), 'nosniff', `${response.url} ${response.status}`);
    assert.equal((await rawSend(klass, 'NONSENSE\r\n\r\n')).headers['x-content-type-options'], 'nosniff');
  });

  it('cuts a body that stalls, one that trickles, and headers that never end', async () => {
    const server = await testServer({ guard: { bodyIdleMs: 200, bodyGraceMs: 200, minBodyBytesPerSecond: 2000 }, headersTimeoutMs: 300 });
    try {
      const port = Number(new URL(server.url).port);
      const head = request('POST', '/api/tickets', { 'Content-Type': 'application/json', 'Idempotency-Key': newKey(), 'Content-Length': '50000' }, '{"topic":');
      const stalled = await counted(klass, raw(port, head));
      assert.ok(stalled.closed, 'a stalled body was not cut');
      if (stalled.status) assert.equal(stalled.status, 408);

      const socket: Socket = connect({ port, host: '127.0.0.1' });
      socket.on('error', () => undefined);
      const closed = new Promise<void>((done) => socket.once('close', () => done()));
      await counted(klass, new Promise<void>((done) => socket.once('connect', done)));
      socket.write(request('POST', '/api/tickets', { 'Content-Type': `multipart/form-data; boundary=${BOUNDARY}`, 'Idempotency-Key': newKey(), 'Content-Length': '100000' }, partHead('files', 'slow.png')));
      let open = true;
      void closed.then(() => (open = false));
      while (open) {
        socket.write('x'); // one byte at a time: progress, but far too slow
        await Promise.race([closed, new Promise((r) => setTimeout(r, 20))]);
      }
      assert.ok(server.stats.slowBodiesCut >= 2);
      await until(() => readdirSync(join(server.dataDir, 'tmp')).length === 0, 'the trickled file was removed');

      const headers = await counted(klass, raw(port, 'GET /api/topics HTTP/1.1\r\nHost: x\r\nX-Slow: '));
      assert.ok(headers.closed, 'endless headers were not cut');
      assert.equal((await server.get('/api/topics')).status, 200);
    } finally {
      await server.stop();
    }
  });

  it('caps connections per client address and concurrent uploads', async () => {
    // Body timeouts far away: the held upload must stay held however slow this machine is.
    const server = await testServer({ guard: { maxConnectionsPerClient: 3, maxConcurrentUploads: 1, bodyIdleMs: 600_000, bodyGraceMs: 600_000 } });
    const sockets: Socket[] = [];
    try {
      const port = Number(new URL(server.url).port);
      // From 127.0.0.2 (another client as the server sees it): three idle connections are allowed, the fourth is refused.
      for (let i = 0; i < 3; i++) {
        const socket = connect({ port, host: '127.0.0.1', localAddress: '127.0.0.2' });
        socket.on('error', () => undefined);
        await counted(klass, new Promise<void>((done) => socket.once('connect', done)));
        sockets.push(socket);
      }
      await until(() => server.stats.connections >= 3, 'three connections counted');
      const fourth = await counted(klass, raw(port, request('GET', '/api/topics'), { localAddress: '127.0.0.2' }));
      assert.equal(fourth.status, 429);
      assert.equal(fourth.headers['x-content-type-options'], 'nosniff');
      assert.equal((await server.get('/api/topics')).status, 200, 'other clients are not affected');

      // One upload in progress holds the only slot: a second one is told to come back (503 + Retry-After).
      const holder = connect({ port, host: '127.0.0.1' });
      holder.on('error', () => undefined);
      await counted(klass, new Promise<void>((done) => holder.once('connect', done)));
      sockets.push(holder);
      holder.write(request('POST', '/api/tickets', { 'Content-Type': `multipart/form-data; boundary=${BOUNDARY}`, 'Idempotency-Key': newKey(), 'Content-Length': '100000' }, payloadPart()));
      await until(() => server.stats.uploads === 1, 'the first upload took the slot');
      const second = await counted(klass, fetch(`${server.url}/api/tickets`, { method: 'POST', headers: { 'Idempotency-Key': newKey() }, body: (() => { const f = new FormData(); f.append('payload', JSON.stringify(validTicket())); return f; })() }));
      assert.equal(second.status, 503);
      assert.ok(Number(second.headers.get('retry-after')) > 0);
      holder.destroy();
      await until(() => server.stats.uploads === 0, 'the slot was released');
      const third = await counted(klass, fetch(`${server.url}/api/tickets`, { method: 'POST', headers: { 'Idempotency-Key': newKey() }, body: (() => { const f = new FormData(); f.append('payload', JSON.stringify(validTicket({ title: 'После освобождения' }))); return f; })() }));
      assert.equal(third.status, 201);
    } finally {
      for (const socket of sockets) socket.destroy();
      await server.stop();
    }
  });

  it('the process never needed its last resort and left nothing behind', async () => {
    await healthy();
    assert.deepEqual(target.stderr.filter((line) => /Uncaught|last resort/i.test(line)), []);
  });
});

describe('1. the last resort', () => {
  it('answers the one request whose error nobody caught with 500 and keeps serving everyone else', async () => {
    const crashed = await send('1/8 malformed bodies and encodings (process survives, 400)', '/__test/crash');
    assert.equal(crashed.status, 500);
    assert.equal(crashed.headers.get('content-type'), 'application/problem+json; charset=utf-8');
    assert.ok(target.alive());
    assert.equal((await fetch(`${target.url}/api/topics`)).status, 200);
    assert.equal((await stats()).lastResort, 1);
    await until(() => target.stderr.some((line) => line.includes('Injected uncaught error')), 'the error was logged');
  });
});
