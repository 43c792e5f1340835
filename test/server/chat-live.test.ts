import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chatHours, SEED_HOURS } from '../../demo/server/chat/hours.js';
import { PNG_1x1, multipart, newKey, testServer, type TestServer } from './helpers.js';
import { chatClient, isEvent, isMessage, type ChatMessageBody, type ChatSessionBody } from './chat-helpers.js';

const consent = { version: '2025-09-01', givenAt: new Date().toISOString() };

describe('chat: live events, queue, end', () => {
  let server: TestServer;
  let chat: ReturnType<typeof chatClient>;
  before(async () => {
    server = await testServer({ chat: { heartbeatMs: 200 } });
    chat = chatClient(server);
  });
  after(() => server.stop());

  it('resumes after a dropped stream from Last-Event-ID: nothing lost, nothing twice', async () => {
    const session = await chat.start();
    const first = await chat.events(session);
    await first.next(isEvent('state'), 'state');
    for (const text of ['Раз', 'Два']) await chat.send(session, { text });
    const lastBefore = await first.next(isMessage((m) => m.author === 'bot' && m.seq === 5), 'the second bot answer');
    const dropped = (await (await server.post('/__test/chat/drop-streams', {})).json()) as { dropped: number };
    assert.ok(dropped.dropped >= 1);
    await first.ended;
    // Written while no stream was open: citizen messages, bot answers, an operator reply.
    await chat.send(session, { text: 'Три' });
    await chat.op(session, 'messages', { text: 'Оператор на связи' });
    const second = await chat.events(session, 0, { 'Last-Event-ID': lastBefore.id! });
    await second.next(isEvent('read'), 'the snapshot');
    const all = [...first.seqs(), ...second.seqs()];
    const stored = (await chat.messages(session)).messages.map((m) => m.seq);
    assert.deepEqual(all, stored, 'every stored message once, in order');
    assert.equal(new Set(all).size, all.length);
    assert.deepEqual(second.events.slice(second.events.length - 3).map((e) => e.event), ['hours', 'state', 'read'], 'replay, then the snapshot');
    // And live again.
    await chat.op(session, 'messages', { text: 'Ещё' });
    await second.next(isMessage((m) => m.text === 'Ещё'), 'a live message');
    second.close();
    // A resume point past the last message (made up, or from a lost database) still gets what comes next.
    const ahead = await chat.events(session, 0, { 'Last-Event-ID': '999' });
    await ahead.next(isEvent('read'), 'snapshot');
    assert.deepEqual(ahead.seqs(), []);
    await chat.op(session, 'messages', { text: 'Следующее' });
    await ahead.next(isMessage((m) => m.text === 'Следующее'), 'the next message');
    ahead.close();
    assert.equal((await chat.events(session, 0, { 'Last-Event-ID': 'abc' })).status, 400);
    assert.equal((await chat.events(session, -1)).status, 400);
  });

  it('sends keep-alive comments', async () => {
    const session = await chat.start();
    const stream = await chat.events(session);
    await stream.nextComment();
    stream.close();
  });

  it('counts the queue down live as operators take chats, with the estimated wait', async () => {
    const sessions: ChatSessionBody[] = [];
    for (let i = 0; i < 3; i++) sessions.push(await chat.start());
    const queued: ChatSessionBody[] = [];
    for (const s of sessions) queued.push((await (await chat.call(s, 'operator')).json()) as ChatSessionBody);
    const base = queued[0]!.queue!.position;
    assert.deepEqual(queued.map((q) => q.state), ['queued', 'queued', 'queued']);
    assert.deepEqual(queued.map((q) => q.queue!.position), [base, base + 1, base + 2]);
    assert.equal(queued[1]!.queuePosition, base + 1);
    assert.equal(queued[1]!.queue!.waitSeconds, (base + 1) * 180);
    assert.equal(queued[1]!.queue!.callbackAfterSeconds, 300);
    assert.equal(((await (await chat.call(sessions[0]!, 'operator')).json()) as ChatSessionBody).queue!.position, base, 'asking again changes nothing');

    const second = await chat.events(sessions[1]!);
    const third = await chat.events(sessions[2]!);
    const firstStream = await chat.events(sessions[0]!);
    await second.next(isEvent('state', (d) => d.state === 'queued'), 'queued state');
    const take = await chat.op(sessions[0]!, 'take', { name: 'Оператор Анна' });
    assert.equal(take.status, 200);
    await firstStream.next(isEvent('state', (d) => d.state === 'operator' && d.operatorName === 'Оператор Анна'), 'operator state');
    await firstStream.next(isMessage((m) => m.author === 'system' && /Анна подключился/.test(m.text)), 'joined message');
    assert.equal(((await second.next(isEvent('queue'), 'queue update')).data.queue as { position: number }).position, base);
    assert.equal(((await third.next(isEvent('queue'), 'queue update')).data.queue as { position: number }).position, base + 1);
    // The one ahead leaves: the last moves up again.
    await chat.call(sessions[1]!, 'end');
    assert.equal(((await third.next(isEvent('queue'), 'queue update')).data.queue as { position: number; waitSeconds: number }).position, base);
    for (const s of [second, third, firstStream]) s.close();
    const list = (await (await server.get('/api/operator/chats', chat.operator)).json()) as { chats: { id: string; state: string }[] };
    assert.equal(list.chats.find((c) => c.id === sessions[2]!.id)!.state, 'queued');
    assert.equal(list.chats[0]!.state, 'queued', 'the queue first');
    await chat.op(sessions[2]!, 'close');
    await chat.op(sessions[0]!, 'close');
  });

  it('forwards typing both ways, throttled and never to its own side, and clears it with a message', async () => {
    const session = await chat.start();
    const citizen = await chat.events(session);
    const operator = await chat.operatorEvents(session);
    await citizen.next(isEvent('read'), 'snapshot');
    await operator.next(isEvent('read'), 'snapshot');
    for (let i = 0; i < 3; i++) assert.equal((await chat.call(session, 'typing', { active: true })).status, 204);
    await chat.call(session, 'typing', { active: false });
    await chat.call(session, 'typing', { active: false });
    await operator.next(isEvent('typing', (d) => d.active === false), 'the citizen stopped');
    const citizenTyping = operator.events.filter((e) => e.event === 'typing').map((e) => e.data);
    assert.deepEqual(citizenTyping, [{ type: 'typing', author: 'citizen', active: true }, { type: 'typing', author: 'citizen', active: false }], 'three keystrokes within the throttle: one event');
    await chat.op(session, 'typing', { active: true });
    assert.deepEqual((await citizen.next(isEvent('typing'), 'operator typing')).data, { type: 'typing', author: 'operator', active: true });
    await chat.op(session, 'messages', { text: 'Готово' });
    await chat.op(session, 'typing', { active: true });
    await citizen.next(isEvent('typing'), 'typing again at once after a message');
    assert.ok(!citizen.events.some((e) => e.event === 'typing' && e.data.author === 'citizen'));
    for (const body of [{}, { active: 'yes' }, { active: true, x: 1 }]) assert.equal((await chat.call(session, 'typing', body)).status, 422);
    citizen.close();
    operator.close();
  });

  it('sends read marks: the operator\'s to the citizen, the citizen\'s to the console, never backwards', async () => {
    const session = await chat.start();
    await chat.send(session, { text: 'Вопрос' });
    const citizen = await chat.events(session);
    assert.equal((await citizen.next(isEvent('read'), 'snapshot')).data.seq, 0);
    assert.equal((await chat.op(session, 'read', { seq: 2 })).status, 204);
    assert.deepEqual((await citizen.next(isEvent('read'), 'read mark')).data, { type: 'read', seq: 2 });
    await chat.op(session, 'read', { seq: 1 });
    await chat.op(session, 'read', { seq: 99 });
    const mark = await citizen.next(isEvent('read'), 'read mark capped at the last message');
    assert.equal(mark.data.seq, (await chat.messages(session)).session.lastSeq);
    assert.equal((await chat.messages(session)).session.readSeq, mark.data.seq);
    const operator = await chat.operatorEvents(session);
    await operator.next(isEvent('read'), 'snapshot');
    await chat.call(session, 'read', { seq: 3 });
    assert.deepEqual((await operator.next(isEvent('read'), 'citizen read')).data, { type: 'read', seq: 3, by: 'citizen' });
    assert.equal((await chat.call(session, 'read', { seq: -1 })).status, 422);
    citizen.close();
    operator.close();
  });

  it('ends by the citizen or the operator with an event, then takes a rating', async () => {
    const session = await chat.start();
    await chat.call(session, 'operator');
    await chat.op(session, 'take', {});
    const citizen = await chat.events(session);
    await chat.op(session, 'close');
    const ended = await citizen.next(isEvent('ended'), 'ended');
    assert.equal(ended.data.endedBy, 'operator');
    await citizen.next(isEvent('state', (d) => d.state === 'closed'), 'closed state');
    assert.equal((await chat.op(session, 'close')).status, 204, 'closing twice is fine');
    assert.equal((await chat.op(session, 'messages', { text: 'поздно' })).status, 409);
    assert.equal((await chat.op(session, 'take', {})).status, 409);
    citizen.close();
    const view = (await (await chat.call(session, 'end')).json()) as ChatSessionBody;
    assert.equal(view.endedBy, 'operator', 'ending again keeps who ended it');

    for (const body of [{ score: 0 }, { score: 6 }, { score: 4.5 }, { score: '5' }, {}, { score: 5, comment: 'пароль: qwerty123' }, { score: 5, comment: 'я'.repeat(1001) }, { score: 5, extra: 1 }]) {
      assert.equal((await chat.call(session, 'rating', body)).status, 422, JSON.stringify(body).slice(0, 40));
    }
    assert.equal((await chat.call(session, 'rating', { score: 4, comment: 'Спасибо' }, { 'Idempotency-Key': newKey() })).status, 204);
    assert.equal((await chat.call(session, 'rating', { score: 5 })).status, 204, 'rating again replaces it');
    assert.equal(((await (await server.get(`/api/chat/sessions/${session.id}`, chat.headers(session))).json()) as { rated: boolean }).rated, true);
    const list = (await (await server.get('/api/operator/chats', chat.operator)).json()) as { chats: { id: string; rating?: { score: number } }[] };
    assert.equal(list.chats.find((c) => c.id === session.id)!.rating!.score, 5);

    const own = await chat.start();
    const ownStream = await chat.events(own);
    const ending = (await (await chat.call(own, 'end')).json()) as ChatSessionBody;
    assert.equal(ending.state, 'closed');
    assert.equal(ending.endedBy, 'citizen');
    assert.equal((await ownStream.next(isEvent('ended'), 'ended')).data.endedBy, 'citizen');
    ownStream.close();
  });

  it('takes a call-back request while queued: phone validated as in tickets, masked back, full in the console', async () => {
    const session = await chat.start();
    const key = newKey();
    const ask = (body: unknown, k = newKey()) => chat.call(session, 'callback', body, { 'Idempotency-Key': k });
    assert.equal((await ask({ phone: '+7 912 345-67-89', consent })).status, 409, 'with the bot during hours: ask the operator first');
    await chat.call(session, 'operator');
    for (const [body, field] of [[{ phone: '12345', consent }, 'phone'], [{ phone: '+7 (012) 345-67-89', consent }, 'phone'], [{ consent }, 'phone'], [{ phone: '89123456789' }, 'consent'], [{ phone: '89123456789', consent: { version: '' , givenAt: 'x' } }, 'consent']] as const) {
      const response = await ask(body);
      assert.equal(response.status, 422);
      assert.equal(((await response.json()) as { errors: { field: string }[] }).errors[0]!.field, field);
    }
    assert.equal((await chat.call(session, 'callback', { phone: '89123456789', consent })).status, 400, 'Idempotency-Key required');
    const done = await ask({ phone: '8 (912) 345-67-89', consent }, key);
    assert.equal(done.status, 201);
    const view = (await done.json()) as ChatSessionBody;
    assert.equal(view.state, 'closed');
    assert.equal(view.endedBy, 'callback');
    assert.equal(view.callback!.phone, '+7 912 ***-**-89');
    assert.equal((await ask({ phone: '8 (912) 345-67-89', consent }, key)).status, 200, 'replay');
    const { messages } = await chat.messages(session);
    assert.match(messages.at(-1)!.text, /\+7 912 \*\*\*-\*\*-89/);
    assert.doesNotMatch(JSON.stringify(messages), /345-67/);
    const list = (await (await server.get('/api/operator/chats', chat.operator)).json()) as { chats: { id: string; callback?: { phone: string } }[] };
    assert.equal(list.chats.find((c) => c.id === session.id)!.callback!.phone, '+79123456789');
  });

  it('lets the console take a chat, send a file the citizen can download, and needs the operator token', async () => {
    const session = await chat.start();
    const citizen = await chat.events(session);
    const form = multipart({ text: 'Инструкция' }, [{ name: 'guide.png', type: 'image/png', data: PNG_1x1 }]);
    const sent = await fetch(`${server.url}/api/operator/chats/${session.id}/messages`, { method: 'POST', headers: chat.operator, body: form });
    assert.equal(sent.status, 201);
    const message = (await citizen.next(isMessage((m) => m.author === 'operator'), 'operator file')).data.message as ChatMessageBody;
    assert.equal(message.operatorName, 'Оператор');
    assert.equal((await fetch(new URL(message.attachments![0]!.url, server.url))).status, 200);
    citizen.close();
    const detail = (await (await server.get(`/api/operator/chats/${session.id}`, chat.operator)).json()) as { state: string; messages: unknown[]; unread: number };
    assert.equal(detail.state, 'operator');
    assert.ok(detail.messages.length >= 3);
    for (const path of ['/api/operator/chats', `/api/operator/chats/${session.id}`]) assert.equal((await server.get(path)).status, 401);
    for (const action of ['take', 'messages', 'typing', 'read', 'close']) assert.equal((await server.post(`/api/operator/chats/${session.id}/${action}`, {})).status, 401, action);
    assert.equal((await chat.op({ ...session, id: 'nope' }, 'take')).status, 404);
    assert.equal((await chat.op(session, 'messages', { text: '' })).status, 422);
  });
});

describe('chat outside working hours', () => {
  let server: TestServer;
  let chat: ReturnType<typeof chatClient>;
  before(async () => {
    server = await testServer({ alwaysOpen: false, chat: { hours: [] } });
    chat = chatClient(server);
  });
  after(() => server.stop());

  it('says when operators work, offers the form and a call-back instead of the queue, and follows the hours hook', async () => {
    const session = await chat.start();
    assert.equal(session.hours.open, false);
    const greeting = (await chat.messages(session)).messages[0]!;
    assert.deepEqual(greeting.quickReplies!.slice(0, 2).map((r) => r.action), ['form', 'callback']);
    const asked = (await (await chat.call(session, 'operator')).json()) as ChatSessionBody;
    assert.equal(asked.state, 'bot');
    assert.equal(asked.hours.open, false);
    const { messages } = await chat.messages(session);
    assert.match(messages.at(-1)!.text, /Операторы сейчас не работают/);
    assert.deepEqual(messages.at(-1)!.quickReplies!.map((r) => r.action), ['form', 'callback']);

    const stream = await chat.events(session);
    await stream.next(isEvent('hours', (d) => (d.hours as { open: boolean }).open === false), 'closed hours');
    assert.equal((await server.post('/__test/chat/hours', { open: true })).status, 204);
    await stream.next(isEvent('hours', (d) => (d.hours as { open: boolean }).open === true), 'opened');
    assert.equal(((await (await chat.call(session, 'operator')).json()) as ChatSessionBody).state, 'queued');
    await server.post('/__test/chat/hours', { open: null });
    stream.close();

    const other = await chat.start();
    const callback = await chat.call(other, 'callback', { phone: '+7 912 345-67-89', consent }, { 'Idempotency-Key': newKey() });
    assert.equal(callback.status, 201, 'outside the hours the call-back is offered straight away');
  });
});

describe('operators\' hours (Moscow time, production calendar)', () => {
  const at = (iso: string) => chatHours(SEED_HOURS, new Date(iso), 'ru');

  it('opens weekdays 08:00–20:00 and Saturday 09:00–17:00, closes on Sundays and holidays', () => {
    assert.deepEqual(at('2026-12-04T16:59:00Z'), { ...at('2026-12-04T16:59:00Z'), open: true, closesAt: '2026-12-04T17:00:00.000Z' }); // Friday 19:59 MSK
    assert.equal(at('2026-12-04T17:00:00Z').opensAt, '2026-12-05T06:00:00.000Z'); // Friday 20:00 → Saturday 09:00
    assert.equal(at('2026-12-05T14:30:00Z').opensAt, '2026-12-07T05:00:00.000Z'); // Saturday 17:30 → Monday 08:00
    assert.equal(at('2026-12-06T10:00:00Z').open, false); // Sunday
    assert.equal(at('2026-11-04T10:00:00Z').open, false, 'a public holiday on a Wednesday');
    assert.equal(at('2025-11-01T16:00:00Z').open, true, 'a working Saturday (transfer) keeps weekday hours: 19:00');
    assert.equal(at('2026-01-01T10:00:00Z').opensAt, '2026-01-10T06:00:00.000Z', 'New Year holidays, then Saturday 10 January');
    assert.equal(at('2026-12-04T10:00:00Z').text, 'будни 08:00–20:00, сб 09:00–17:00 (время московское)');
    assert.equal(chatHours(SEED_HOURS, new Date(), 'en').text, 'weekdays 08:00–20:00, Sat 09:00–17:00 (Moscow time)');
  });
});
