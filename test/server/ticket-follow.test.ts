import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { newKey, testServer, validTicket, type TestServer } from './helpers.js';

const OPERATOR = { Authorization: 'Bearer operator-test' };
const PHONE = '89123456789';

/** Reads an event stream until `until` says it has seen enough; returns the raw text. */
async function readStream(response: Response, until: (text: string) => boolean): Promise<string> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  while (!until(text)) {
    const { value, done } = await reader.read();
    if (done) break;
    text += value;
  }
  await reader.cancel();
  return text;
}

describe('following a ticket: events, reminder, rating, deadline', () => {
  let server: TestServer;
  let n = 0;
  before(async () => (server = await testServer()));
  after(() => server.stop());

  async function newTicket(): Promise<{ number: string; token: string }> {
    const created = await server.post('/api/tickets', validTicket({ title: `Слежение за обращением ${++n}` }), { 'Idempotency-Key': newKey() });
    const { number } = (await created.json()) as { number: string };
    const { token } = await server.open(number, PHONE);
    return { number, token };
  }
  const status = (number: string, value: string) => server.post(`/api/operator/tickets/${number}/status`, { status: value }, OPERATOR);

  it('streams a ticket event on a change, after the revision given as Last-Event-ID, and only with the token header', async () => {
    const { number, token } = await newTicket();
    assert.equal((await server.get(`/api/tickets/${number}/events`)).status, 401);
    assert.equal((await server.get(`/api/tickets/${number}/events?token=${encodeURIComponent(token)}`)).status, 401, 'never a token in the URL');
    const stream = await server.get(`/api/tickets/${number}/events`, { 'X-Ticket-Token': token, 'Last-Event-ID': '0' });
    assert.equal(stream.status, 200);
    assert.match(stream.headers.get('content-type')!, /text\/event-stream/);
    const reading = readStream(stream, (text) => text.includes('event: ticket'));
    await status(number, 'in-progress');
    const text = await reading;
    assert.match(text, /^retry: 3000/);
    assert.match(text, /id: 1\nevent: ticket\ndata: \{"type":"ticket","revision":1\}/);
    // Reconnecting after revision 0 hears revision 1 at once; after 1, nothing until the next change.
    const again = await server.get(`/api/tickets/${number}/events`, { 'X-Ticket-Token': token, 'Last-Event-ID': '0' });
    assert.match(await readStream(again, (t) => t.includes('event: ticket')), /id: 1\n/);
    const current = await server.get(`/api/tickets/${number}/events`, { 'X-Ticket-Token': token, 'Last-Event-ID': '1' });
    const later = readStream(current, (t) => t.includes('event: ticket'));
    await server.post(`/api/operator/tickets/${number}/comments`, { text: 'Уточните, пожалуйста, браузер' }, OPERATOR);
    assert.match(await later, /^retry: 3000\n\nid: 2\n/);
  });

  it('keeps the stream alive with a comment line every 15 seconds', async (t) => {
    const { number, token } = await newTicket();
    t.mock.timers.enable({ apis: ['setInterval'] });
    const stream = await server.get(`/api/tickets/${number}/events`, { 'X-Ticket-Token': token });
    const reading = readStream(stream, (text) => text.includes(': ping'));
    // The headers arrived: the handler (which starts the keep-alive timer) has run.
    t.mock.timers.tick(15_000);
    assert.match(await reading, /\n: ping\n\n/);
  });

  it('accepts a reminder only after 48 hours «В работе», then once per 24 hours (429 + Retry-After)', async () => {
    const { number, token } = await newTicket();
    const remind = () => server.post(`/api/tickets/${number}/reminder`, {}, { 'X-Ticket-Token': token });
    assert.equal((await remind()).status, 409, 'not in progress yet');
    await status(number, 'in-progress');
    const early = await remind();
    assert.equal(early.status, 429);
    const wait = Number(early.headers.get('retry-after'));
    assert.ok(wait > 47 * 3600 && wait <= 48 * 3600, `Retry-After ${wait}`);
    await server.post('/__test/age', { number, hours: 49 });
    const first = await remind();
    assert.equal(first.status, 202);
    const { remindedAt } = (await first.json()) as { remindedAt: string };
    assert.ok(Math.abs(Date.parse(remindedAt) - Date.now()) < 60_000);
    const second = await remind();
    assert.equal(second.status, 429);
    assert.ok(Number(second.headers.get('retry-after')) > 23 * 3600);
    await server.post('/__test/age', { number, hours: 25 });
    assert.equal((await remind()).status, 202);
    const ticket = await server.ticket<{ remindedAt?: string }>(number, PHONE);
    assert.ok(ticket.remindedAt);
    assert.equal((await server.post(`/api/tickets/${number}/reminder`, {})).status, 401);
  });

  it('takes a rating 1–5 with an optional comment only after «Решено», and refuses malformed ones', async () => {
    const { number, token } = await newTicket();
    const rate = (body: unknown) => server.post(`/api/tickets/${number}/rating`, body, { 'X-Ticket-Token': token });
    assert.equal((await rate({ score: 5 })).status, 409);
    await status(number, 'resolved');
    for (const bad of [{ score: 0 }, { score: 6 }, { score: 4.5 }, { score: '5' }, {}, { score: 5, comment: 7 }, { score: 5, extra: 1 }, [], 'null']) {
      assert.equal((await rate(bad)).status, 422, JSON.stringify(bad));
    }
    assert.equal((await rate('{"score":')).status, 400);
    assert.equal((await rate({ score: 4, comment: 'Помогли быстро' })).status, 204);
    const ticket = await server.ticket<{ rating?: { score: number; comment?: string } }>(number, PHONE);
    assert.deepEqual(ticket.rating, { score: 4, comment: 'Помогли быстро' });
  });

  it('lets the operator extend the deadline within 15 working days, with a reason', async () => {
    const { number } = await newTicket();
    const ticket = await server.ticket<{ dueAnswerAt: string; createdAt: string }>(number, PHONE);
    const extend = (body: unknown, headers: Record<string, string> = OPERATOR) => server.post(`/api/operator/tickets/${number}/deadline`, body, headers);
    const later = new Date(Date.parse(ticket.dueAnswerAt) + 3 * 86_400_000).toISOString();
    assert.equal((await extend({ until: later, reason: 'Нужен ответ ведомства' }, {})).status, 401);
    for (const bad of [
      { until: ticket.createdAt, reason: 'Раньше срока' },
      { until: new Date(Date.parse(ticket.createdAt) + 40 * 86_400_000).toISOString(), reason: 'Слишком поздно' },
      { until: 'завтра', reason: 'Не дата' },
      { until: later },
      { until: later, reason: 'x'.repeat(501) },
      { until: later, reason: 'Нужен ответ', more: true },
    ]) {
      assert.equal((await extend(bad)).status, 422, JSON.stringify(bad));
    }
    const done = await extend({ until: later, reason: 'Нужен ответ ведомства' });
    assert.equal(done.status, 200);
    const extended = await server.ticket<{ extension?: { until: string; reason: string } }>(number, PHONE);
    assert.deepEqual(extended.extension, { until: later, reason: 'Нужен ответ ведомства' });
  });

  it('lists the answer deadline in the summaries of «my tickets»', async () => {
    const created = await server.post('/api/tickets', validTicket({ title: 'Моё обращение' }), { 'Idempotency-Key': newKey(), Authorization: 'Bearer citizen-token-1' });
    const { number } = (await created.json()) as { number: string };
    const list = (await (await server.get('/api/my/tickets', { Authorization: 'Bearer citizen-token-1' })).json()) as { tickets: { number: string; dueAnswerAt?: string }[] };
    assert.equal(list.tickets[0]!.number, number);
    assert.ok(list.tickets[0]!.dueAnswerAt);
  });

  it('refuses the test clock on malformed input', async () => {
    const { number } = await newTicket();
    for (const bad of [{ number, hours: -1 }, { number, hours: 'x' }, { number: 'nope', hours: 1 }, { number, hours: 1.5 }]) {
      assert.equal((await server.post('/__test/age', bad)).status, 400, JSON.stringify(bad));
    }
  });
});
