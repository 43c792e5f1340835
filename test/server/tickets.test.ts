import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { generateTicketNumber } from '../../src/core/validate/ticket-number.js';
import { EXE, NUMBER, PNG_1x1, multipart, newKey, testServer, validTicket, type TestServer } from './helpers.js';

describe('tickets API', () => {
  let server: TestServer;
  before(async () => (server = await testServer()));
  after(() => server.stop());

  const count = async () => (await (await server.get('/__test/count?table=tickets')).json()) as { count: number };

  it('lists topics in Russian and English', async () => {
    const ru = (await (await server.get('/api/topics')).json()) as { topics: { id: string; title: string }[] };
    assert.equal(ru.topics[0]!.title, 'Регистрация и вход в личный кабинет');
    const en = (await (await server.get('/api/topics', { 'Accept-Language': 'en' })).json()) as { topics: { title: string }[] };
    assert.match(en.topics[0]!.title, /Registration/);
  });

  it('creates a ticket, normalising contacts, with deadlines and the urgent mark', async () => {
    const response = await server.post('/api/tickets', validTicket({ title: 'Сбой при входе' }), { 'Idempotency-Key': newKey() });
    assert.equal(response.status, 201);
    const receipt = (await response.json()) as { number: string; urgent: boolean; dueAnswerAt: string; status: string };
    assert.match(receipt.number, NUMBER);
    assert.equal(receipt.status, 'accepted');
    assert.equal(receipt.urgent, true);
    assert.ok(Date.parse(receipt.dueAnswerAt) > Date.now() + 4 * 86_400_000);
    const ticket = await server.ticket<{ history: unknown[]; title: string }>(receipt.number, '89123456789');
    assert.equal(ticket.title, 'Сбой при входе');
    assert.equal(ticket.history.length, 1);
  });

  it('replays the same Idempotency-Key with the same ticket, never a second one', async () => {
    const key = newKey();
    const body = validTicket({ title: 'Повтор ключа' });
    const before = (await count()).count;
    const first = await server.post('/api/tickets', body, { 'Idempotency-Key': key });
    const second = await server.post('/api/tickets', body, { 'Idempotency-Key': key });
    assert.equal(first.status, 201);
    assert.equal(second.status, 200);
    assert.equal(second.headers.get('idempotent-replayed'), 'true');
    assert.equal(((await first.json()) as { number: string }).number, ((await second.json()) as { number: string }).number);
    assert.equal((await count()).count, before + 1);
  });

  it('refuses the same key for a different request', async () => {
    const key = newKey();
    await server.post('/api/tickets', validTicket({ title: 'Первый' }), { 'Idempotency-Key': key });
    const reuse = await server.post('/api/tickets', validTicket({ title: 'Второй' }), { 'Idempotency-Key': key });
    assert.equal(reuse.status, 422);
    assert.equal(((await reuse.json()) as { type: string }).type, 'urn:gu-support:problem:idempotency-key-reuse');
  });

  it('concurrent requests with one key create one ticket', async () => {
    const key = newKey();
    const body = validTicket({ title: 'Гонка двух вкладок' });
    const before = (await count()).count;
    const responses = await Promise.all(Array.from({ length: 5 }, () => server.post('/api/tickets', body, { 'Idempotency-Key': key })));
    const numbers = new Set(await Promise.all(responses.map(async (r) => ((await r.json()) as { number: string }).number)));
    assert.equal(numbers.size, 1);
    assert.equal((await count()).count, before + 1);
  });

  it('recognises the same text sent again with a new key as a duplicate', async () => {
    const body = validTicket({ title: 'Дубликат по тексту' });
    const first = (await (await server.post('/api/tickets', body, { 'Idempotency-Key': newKey() })).json()) as { number: string };
    const again = await server.post('/api/tickets', body, { 'Idempotency-Key': newKey() });
    assert.equal(again.status, 200);
    assert.deepEqual(((await again.json()) as { duplicateOf: string }).duplicateOf, first.number);
  });

  it('refuses bad input with problem+json naming each field, and stores nothing', async () => {
    const before = (await count()).count;
    const response = await server.post(
      '/api/tickets',
      validTicket({ title: '', contact: { phone: '8 912', snils: '112-233-445 96', email: 'иван@mail.ru' }, consent: {} }),
      { 'Idempotency-Key': newKey() },
    );
    assert.equal(response.status, 422);
    assert.match(response.headers.get('content-type') ?? '', /application\/problem\+json/);
    const problem = (await response.json()) as { type: string; errors: { field: string; code: string; detail: string }[] };
    assert.equal(problem.type, 'urn:gu-support:problem:validation');
    const byField = Object.fromEntries(problem.errors.map((e) => [e.field, e]));
    assert.equal(byField['contact.snils']?.code, 'checksum');
    assert.equal(byField['contact.phone']?.code, 'too-short');
    assert.equal(byField['contact.email']?.code, 'local');
    assert.equal(byField.consent?.code, 'required');
    assert.ok(byField.title);
    assert.equal((await count()).count, before);
  });

  it('refuses a missing Idempotency-Key, wrong types and non-JSON', async () => {
    assert.equal((await server.post('/api/tickets', validTicket())).status, 400);
    assert.equal((await server.post('/api/tickets', '{not json', { 'Idempotency-Key': newKey() })).status, 400);
    assert.equal((await server.post('/api/tickets', validTicket({ title: 42, topic: ['x'] }), { 'Idempotency-Key': newKey() })).status, 422);
    const text = await fetch(server.url + '/api/tickets', { method: 'POST', headers: { 'Content-Type': 'text/plain', 'Idempotency-Key': newKey() }, body: 'hi' });
    assert.equal(text.status, 415);
  });

  it('refuses an oversized JSON body while streaming', async () => {
    const response = await server.post('/api/tickets', validTicket({ description: 'я'.repeat(80_000) }), { 'Idempotency-Key': newKey() });
    assert.equal(response.status, 413);
  });

  it('accepts attachments (multipart), sniffing their real type, and serves them back', async () => {
    const body = multipart(validTicket({ title: 'Со скриншотом' }), [{ name: 'экран.png', type: 'image/png', data: PNG_1x1 }]);
    const response = await fetch(server.url + '/api/tickets', { method: 'POST', headers: { 'Idempotency-Key': newKey() }, body });
    assert.equal(response.status, 201);
    const { number } = (await response.json()) as { number: string };
    const ticket = await server.ticket<{ attachments: { name: string; type: string; url: string }[] }>(number, 'ivanov@mail.ru');
    assert.equal(ticket.attachments[0]!.name, 'экран.png');
    const file = await server.get(ticket.attachments[0]!.url);
    assert.equal(file.headers.get('content-type'), 'image/png');
    assert.deepEqual(Buffer.from(await file.arrayBuffer()), PNG_1x1);
  });

  it('refuses a program disguised as a picture and keeps no file', async () => {
    const body = multipart(validTicket({ title: 'Вирус' }), [{ name: 'photo.png', type: 'image/png', data: EXE }]);
    const response = await fetch(server.url + '/api/tickets', { method: 'POST', headers: { 'Idempotency-Key': newKey() }, body });
    assert.equal(response.status, 415);
    assert.match(((await response.json()) as { title: string }).title, /photo\.png/);
    assert.deepEqual(readdirSync(join(server.dataDir, 'tmp')), []);
  });

  it('refuses a file over the limit while streaming and keeps nothing', async () => {
    const small = await testServer({ uploadLimits: { fileBytes: 1024 } });
    try {
      const body = multipart(validTicket(), [{ name: 'big.png', type: 'image/png', data: Buffer.concat([PNG_1x1, Buffer.alloc(4096)]) }]);
      const response = await fetch(small.url + '/api/tickets', { method: 'POST', headers: { 'Idempotency-Key': newKey() }, body });
      assert.equal(response.status, 413);
      assert.equal(((await (await small.get('/__test/count?table=tickets')).json()) as { count: number }).count, 0);
      assert.deepEqual(readdirSync(join(small.dataDir, 'tmp')), []);
    } finally {
      await small.stop();
    }
  });

  it('opens a ticket only with the contact given at creation, by POST, for a short-lived token', async () => {
    const { number } = (await (await server.post('/api/tickets', validTicket({ title: 'Поиск по контакту' }), { 'Idempotency-Key': newKey() })).json()) as { number: string };
    const lookup = (body: unknown) => server.post('/api/tickets/lookup', body);
    const opened = await lookup({ number, contact: '+7 (912) 345-67-89' });
    assert.equal(opened.status, 200);
    const { token, expiresAt, ticket } = (await opened.json()) as { token: string; expiresAt: string; ticket: { number: string } };
    assert.equal(ticket.number, number);
    const lifetime = Date.parse(expiresAt) - Date.now();
    assert.ok(lifetime > 14 * 60_000 && lifetime <= 15 * 60_000, `token lifetime ${lifetime}`);
    assert.equal((await lookup({ number: number.replace(/-/g, ' '), contact: 'IVANOV@MAIL.RU' })).status, 200);
    // A wrong contact and an unknown number: the same 404 with the same words.
    const wrong = await lookup({ number, contact: '89990000000' });
    const unknown = await lookup({ number: generateTicketNumber(), contact: '89123456789' });
    assert.equal(wrong.status, 404);
    assert.equal(unknown.status, 404);
    assert.deepEqual(await wrong.json(), await unknown.json());
    // The token opens this ticket only, and only as a header.
    assert.equal((await server.get(`/api/tickets/${number}`, { 'X-Ticket-Token': token })).status, 200);
    assert.equal((await server.get(`/api/tickets/${number}`)).status, 401);
    assert.equal((await server.get(`/api/tickets/${number}?contact=89123456789`)).status, 401);
    assert.equal((await server.get(`/api/tickets/${number}`, { 'X-Ticket-Token': token.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')) })).status, 401);
    const other = (await (await server.post('/api/tickets', validTicket({ title: 'Другое обращение' }), { 'Idempotency-Key': newKey() })).json()) as { number: string };
    assert.equal((await server.get(`/api/tickets/${other.number}`, { 'X-Ticket-Token': token })).status, 401);
  });

  it('refuses an expired token and an expired download link with 401', async () => {
    let now = Date.now();
    const clocked = await testServer({ now: () => now });
    try {
      const body = multipart(validTicket({ title: 'Со временем' }), [{ name: 'a.png', type: 'image/png', data: PNG_1x1 }]);
      const { number } = (await (await fetch(clocked.url + '/api/tickets', { method: 'POST', headers: { 'Idempotency-Key': newKey() }, body })).json()) as { number: string };
      const { token, ticket } = await clocked.open(number, '89123456789');
      const link = (ticket as unknown as { attachments: { url: string }[] }).attachments[0]!.url;
      assert.doesNotMatch(link, /contact|9123456789|mail/);
      assert.equal((await clocked.get(link)).status, 200);
      now += 15 * 60_000 + 1;
      const expired = await clocked.get(`/api/tickets/${number}`, { 'X-Ticket-Token': token });
      assert.equal(expired.status, 401);
      assert.equal(((await expired.json()) as { type: string }).type, 'urn:gu-support:problem:unauthorized');
      assert.equal((await clocked.get(link)).status, 401);
      assert.equal((await clocked.get(link.replace(/signature=./, 'signature=A'))).status, 401);
    } finally {
      await clocked.stop();
    }
  });

  it('adds a citizen comment idempotently and lists my tickets by bearer token', async () => {
    const auth = { Authorization: 'Bearer user-token-123' };
    const { number } = (await (await server.post('/api/tickets', validTicket({ title: 'Мой запрос' }), { 'Idempotency-Key': newKey(), ...auth })).json()) as { number: string };
    const key = newKey();
    const { token } = await server.open(number, '+79123456789');
    const comment = { text: 'Прикладываю уточнение' };
    assert.equal((await server.post(`/api/tickets/${number}/comments`, comment, { 'Idempotency-Key': key })).status, 401);
    assert.equal((await server.post(`/api/tickets/${number}/comments`, comment, { 'Idempotency-Key': key, 'X-Ticket-Token': token })).status, 201);
    assert.equal((await server.post(`/api/tickets/${number}/comments`, comment, { 'Idempotency-Key': key, 'X-Ticket-Token': token })).status, 200);
    const ticket = await server.ticket<{ comments: unknown[] }>(number, '89123456789');
    assert.equal(ticket.comments.length, 1);
    const mine = (await (await server.get('/api/my/tickets', auth)).json()) as { tickets: { number: string }[] };
    assert.deepEqual(mine.tickets.map((t) => t.number), [number]);
    assert.equal((await server.get('/api/my/tickets')).status, 401);
  });

  it('lets an operator change the status with a comment and reply', async () => {
    const op = { Authorization: 'Bearer operator-test' };
    const { number } = (await (await server.post('/api/tickets', validTicket({ title: 'Для оператора' }), { 'Idempotency-Key': newKey() })).json()) as { number: string };
    assert.equal((await server.post(`/api/operator/tickets/${number}/status`, { status: 'in-progress' })).status, 401);
    assert.equal((await server.post(`/api/operator/tickets/${number}/status`, { status: 'in-progress', comment: 'Взято в работу' }, op)).status, 200);
    assert.equal((await server.post(`/api/operator/tickets/${number}/status`, { status: 'nonsense' }, op)).status, 422);
    assert.equal((await server.post(`/api/operator/tickets/${number}/comments`, { text: 'Уточните браузер' }, op)).status, 201);
    const ticket = await server.ticket<{ status: string; history: { comment?: string }[]; comments: { author: string }[] }>(number, '89123456789');
    assert.equal(ticket.status, 'in-progress');
    assert.equal(ticket.history[1]!.comment, 'Взято в работу');
    assert.equal(ticket.comments[0]!.author, 'operator');
    const list = (await (await server.get('/api/operator/tickets', op)).json()) as { tickets: unknown[] };
    assert.ok(list.tickets.length > 0);
  });

  it('serves FAQ articles made from the source texts', async () => {
    const { articles } = (await (await server.get('/api/articles')).json()) as { articles: { title: string; body: string; category: string }[] };
    assert.ok(articles.length > 50);
    assert.ok(articles.every((a) => a.title && a.body.length > 80 && a.category));
  });

  it('answers unknown API paths and methods with problem+json', async () => {
    const missing = await server.get('/api/nothing');
    assert.equal(missing.status, 404);
    assert.match(missing.headers.get('content-type') ?? '', /problem\+json/);
    assert.equal((await fetch(server.url + '/api/topics', { method: 'DELETE' })).status, 405);
  });
});

describe('rate limiting', () => {
  it('answers 429 with Retry-After past the limit', async () => {
    const server = await testServer({ rateLimit: 2 });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) statuses.push((await server.post('/api/tickets', validTicket({ title: `Запрос ${i}` }), { 'Idempotency-Key': newKey() })).status);
      assert.deepEqual(statuses, [201, 201, 429]);
      const limited = await server.post('/api/tickets', validTicket(), { 'Idempotency-Key': newKey() });
      assert.ok(Number(limited.headers.get('retry-after')) > 0);
    } finally {
      await server.stop();
    }
  });
});
