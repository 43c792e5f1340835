import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { EXE, PNG_1x1, multipart, newKey, testServer, type TestServer } from './helpers.js';
import { chatClient, type ChatMessageBody } from './chat-helpers.js';

describe('chat sessions, bot and messages', () => {
  let server: TestServer;
  let chat: ReturnType<typeof chatClient>;
  before(async () => {
    server = await testServer();
    chat = chatClient(server);
  });
  after(() => server.stop());

  const count = async (table: string) => ((await (await server.get(`/__test/count?table=${table}`)).json()) as { count: number }).count;

  it('starts a session with an unguessable token, the hours, the limits and a greeting offering a person at once', async () => {
    const session = await chat.start();
    assert.equal(session.state, 'bot');
    assert.ok(session.token.length >= 32 && session.token !== session.id);
    assert.equal(session.lastSeq, 1);
    assert.equal(session.hours.open, true);
    assert.match(session.hours.text, /08:00–20:00/);
    const { messages } = await chat.messages(session);
    assert.equal(messages[0]!.author, 'bot');
    assert.deepEqual(messages[0]!.quickReplies![0], { action: 'operator', label: 'Связаться с живым оператором' });
    assert.ok(messages[0]!.quickReplies!.some((r) => r.action === 'send' && r.text));
    const english = await chat.start({ lang: 'en' });
    assert.match((await chat.messages(english)).messages[0]!.text, /support bot/);
    assert.equal((await server.post('/api/chat/sessions', { admin: true })).status, 422);
    assert.equal((await server.post('/api/chat/sessions', '{')).status, 400);
  });

  it('opens nothing without the right token: an unknown id, a wrong token and another session\'s token are the same 404', async () => {
    const mine = await chat.start();
    const other = await chat.start();
    const wrong = [{ ...mine, token: other.token }, { ...mine, token: 'x' }, { ...mine, token: '' }, { ...mine, id: '00000000-0000-4000-8000-000000000000' }];
    for (const s of wrong) {
      assert.equal((await server.get(`/api/chat/sessions/${s.id}`, chat.headers(s))).status, 404);
      assert.equal((await server.get(`/api/chat/sessions/${s.id}/messages`, chat.headers(s))).status, 404);
      assert.equal((await server.get(`/api/chat/sessions/${s.id}/transcript`, chat.headers(s))).status, 404);
      assert.equal((await chat.send(s, { text: 'Привет' })).status, 404);
      for (const action of ['operator', 'typing', 'read', 'end', 'rating', 'feedback', 'callback']) assert.equal((await chat.call(s, action, {}, { 'Idempotency-Key': newKey() })).status, 404, action);
      assert.equal((await chat.events(s)).status, 404);
    }
    // Only the event stream takes the token in the query (EventSource sends no headers).
    assert.equal((await server.get(`/api/chat/sessions/${mine.id}/messages?token=${mine.token}`)).status, 404);
    assert.equal((await chat.start()).state, 'bot', 'nothing changed');
  });

  it('answers with FAQ article cards from the kit\'s search, and offers a person after two answers that did not help', async () => {
    const session = await chat.start();
    assert.equal((await chat.send(session, { text: 'Не приходит СМС с кодом при входе' })).status, 201);
    let { messages } = await chat.messages(session);
    const answer = messages.at(-1)!;
    assert.equal(answer.author, 'bot');
    assert.ok(answer.articles!.length >= 1 && answer.articles!.length <= 3);
    assert.match(answer.articles![0]!.title, /СМС/);
    assert.ok(answer.articles![0]!.snippet.length > 20);
    assert.deepEqual(answer.articleIds, answer.articles!.map((a) => a.id));
    const articles = ((await (await server.get('/api/articles')).json()) as { articles: { id: string }[] }).articles.map((a) => a.id);
    assert.ok(answer.articles!.every((a) => articles.includes(a.id)));

    // «Не помогло» on it: one; changing the mind to «Помогло»: zero; «Не помогло» again: one.
    const feedback = async (seq: number, helped: boolean) => (await chat.call(session, 'feedback', { seq, helped })).json() as Promise<{ notHelped: number }>;
    assert.equal((await feedback(answer.seq, false)).notHelped, 1);
    assert.equal((await feedback(answer.seq, false)).notHelped, 1, 'the same message counts once');
    assert.equal((await feedback(answer.seq, true)).notHelped, 0);
    assert.equal((await feedback(answer.seq, false)).notHelped, 1);
    // An answer without articles is the second that did not help: the bot offers the operator.
    await chat.send(session, { text: 'Привет' });
    ({ messages } = await chat.messages(session, answer.seq));
    assert.deepEqual(messages.map((m) => m.author), ['citizen', 'bot', 'bot']);
    assert.equal(messages[1]!.articles, undefined);
    assert.match(messages[2]!.text, /Соединить вас с живым оператором/);
    assert.deepEqual(messages[2]!.quickReplies, [{ action: 'operator', label: 'Связаться с живым оператором' }]);

    for (const body of [{ seq: 1, helped: false }, { seq: answer.seq - 1, helped: true }, { seq: 'x', helped: true }, { seq: answer.seq, helped: 'yes' }, { seq: answer.seq }, { seq: answer.seq, helped: true, more: 1 }]) {
      assert.equal((await chat.call(session, 'feedback', body)).status, 422, JSON.stringify(body));
    }
  });

  it('refuses malformed, oversize, PII-bearing and unkeyed messages, storing nothing', async () => {
    const session = await chat.start();
    const before = await count('chat_messages');
    const refused: [unknown, number, string?][] = [
      [{ text: '' }, 422, 'empty'],
      [{ text: 'я'.repeat(2001) }, 422, 'too-long'],
      [{ text: 'Моя карта 4111 1111 1111 1111, помогите' }, 422, 'pii'],
      [{ text: 'Привет\u202E' }, 422, 'characters'],
      [{ text: 42 }, 422, 'type'],
      [{ text: 'ok', role: 'operator' }, 422, 'unknown'],
      [{ text: 'ok', clientId: 'a b' }, 422, 'format'],
      [[], 422],
      ['{"text":', 400],
      [JSON.stringify({ text: 'x'.repeat(20_000) }), 413],
    ];
    for (const [body, status, code] of refused) {
      const response = await chat.send(session, body);
      assert.equal(response.status, status, JSON.stringify(body).slice(0, 60));
      if (code) assert.equal(((await response.json()) as { errors: { code: string }[] }).errors[0]!.code, code);
    }
    assert.equal((await server.post(`/api/chat/sessions/${session.id}/messages`, { text: 'ok' }, chat.headers(session))).status, 400, 'no Idempotency-Key');
    const plain = await fetch(`${server.url}/api/chat/sessions/${session.id}/messages`, { method: 'POST', headers: { ...chat.headers(session), 'Idempotency-Key': newKey(), 'Content-Type': 'text/plain' }, body: 'ok' });
    assert.equal(plain.status, 415);
    assert.equal(await count('chat_messages'), before);
    assert.equal((await chat.send(session, { text: 'я'.repeat(2000) })).status, 201, 'the limit itself is allowed');
  });

  it('takes a message exactly once per Idempotency-Key, also when the resends race, and echoes clientId', async () => {
    const session = await chat.start();
    const key = newKey();
    const body = { text: 'Не работает оплата госпошлины', clientId: 'local-1' };
    const first = await chat.send(session, body, key);
    assert.equal(first.status, 201);
    const sent = (await first.json()) as ChatMessageBody;
    assert.equal(sent.clientId, 'local-1');
    const replays = await Promise.all(Array.from({ length: 5 }, () => chat.send(session, body, key)));
    for (const replay of replays) {
      assert.equal(replay.status, 200);
      assert.equal(replay.headers.get('idempotent-replayed'), 'true');
      assert.equal(((await replay.json()) as ChatMessageBody).seq, sent.seq);
    }
    const raceKey = newKey();
    const race = await Promise.all(Array.from({ length: 5 }, () => chat.send(session, { text: 'Гонка' }, raceKey)));
    assert.deepEqual(race.map((r) => r.status).sort(), [200, 200, 200, 200, 201]);
    assert.equal((await chat.send(session, { text: 'Другой текст' }, key)).status, 422, 'the same key for another message');
    const { messages } = await chat.messages(session);
    assert.equal(messages.filter((m) => m.author === 'citizen').length, 2);
    assert.deepEqual(messages.map((m) => m.seq), messages.map((_, i) => i + 1), 'seq 1, 2, 3… without gaps');
  });

  it('pages the polling fallback by seq and refuses a bad `after`', async () => {
    const session = await chat.start();
    await chat.send(session, { text: 'Первое' });
    const all = await chat.messages(session);
    assert.equal(all.more, false);
    assert.equal(all.session.lastSeq, all.messages.at(-1)!.seq);
    const tail = await chat.messages(session, 1);
    assert.deepEqual(tail.messages.map((m) => m.seq), all.messages.slice(1).map((m) => m.seq));
    assert.deepEqual((await chat.messages(session, 999)).messages, []);
    for (const bad of ['-1', 'abc', '1e3', '1.5']) assert.equal((await server.get(`/api/chat/sessions/${session.id}/messages?after=${bad}`, chat.headers(session))).status, 400, bad);
  });

  it('sends files through the ticket pipeline: sniffed, renamed, signed links; a refused file leaves nothing', async () => {
    const session = await chat.start();
    const post = (form: FormData, key = newKey()) => fetch(`${server.url}/api/chat/sessions/${session.id}/messages`, { method: 'POST', headers: { ...chat.headers(session), 'Idempotency-Key': key }, body: form });
    const key = newKey();
    const form = () => multipart({ text: '', clientId: 'file-1' }, [{ name: 'screen.html', type: 'text/html', data: PNG_1x1 }]);
    const response = await post(form(), key);
    assert.equal(response.status, 201);
    const message = (await response.json()) as ChatMessageBody;
    assert.equal(message.text, '');
    assert.equal(message.attachments![0]!.name, 'screen.png');
    assert.equal(message.attachments![0]!.type, 'image/png');
    const download = await fetch(new URL(message.attachments![0]!.url, server.url));
    assert.equal(download.status, 200);
    assert.match(download.headers.get('content-disposition') ?? '', /attachment/);
    assert.deepEqual(Buffer.from(await download.arrayBuffer()), PNG_1x1);
    const tampered = message.attachments![0]!.url.replace(/signature=./, 'signature=A');
    assert.equal((await fetch(new URL(tampered, server.url))).status, 401);
    const replay = await post(form(), key);
    assert.equal(replay.status, 200);
    assert.equal(((await replay.json()) as ChatMessageBody).attachments!.length, 1);
    const files = await count('chat_messages');
    assert.equal((await post(multipart({ text: 'вирус' }, [{ name: 'a.png', type: 'image/png', data: EXE }]))).status, 415);
    const six = Array.from({ length: 6 }, (_, i) => ({ name: `${i}.png`, type: 'image/png', data: PNG_1x1 }));
    assert.equal((await post(multipart({ text: 'много' }, six))).status, 413);
    assert.equal(await count('chat_messages'), files);
    assert.equal((await chat.messages(session)).messages.filter((m) => m.attachments).length, 1);
  });

  it('refuses messages to a closed chat but still replays one it took before', async () => {
    const session = await chat.start();
    const key = newKey();
    assert.equal((await chat.send(session, { text: 'До конца' }, key)).status, 201);
    assert.equal((await chat.call(session, 'end')).status, 200);
    assert.equal((await chat.send(session, { text: 'До конца' }, key)).status, 200);
    const late = await chat.send(session, { text: 'После конца' });
    assert.equal(late.status, 409);
    assert.equal(((await late.json()) as { type: string }).type, 'urn:gu-support:problem:conflict');
    assert.equal((await chat.call(session, 'operator')).status, 409);
  });

  it('gives the transcript for «Оставить обращение»: every message in order with authors, Moscow times and files', async () => {
    const session = await chat.start();
    await chat.send(session, { text: 'Не приходит СМС с кодом' });
    const form = multipart({ text: 'Скриншот' }, [{ name: 'shot.png', type: 'image/png', data: PNG_1x1 }]);
    await fetch(`${server.url}/api/chat/sessions/${session.id}/messages`, { method: 'POST', headers: { ...chat.headers(session), 'Idempotency-Key': newKey() }, body: form });
    await chat.op(session, 'messages', { text: 'Здравствуйте, проверю' });
    const { text, attachments } = (await (await server.get(`/api/chat/sessions/${session.id}/transcript`, chat.headers(session))).json()) as { text: string; attachments: { name: string; url: string }[] };
    const blocks = text.split('\n\n');
    assert.match(blocks[0]!, /^\[\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}\] Бот: Здравствуйте! Я Макс/);
    assert.match(text, /\] Вы: Не приходит СМС с кодом/);
    assert.match(text, /\] Вы: Скриншот \[Файлы: shot\.png\]/);
    assert.match(text, /\] Оператор: Здравствуйте, проверю/);
    assert.deepEqual(attachments.map((a) => a.name), ['shot.png']);
    assert.equal((await fetch(new URL(attachments[0]!.url, server.url))).status, 200);
  });
});

describe('chat endpoints against hostile bodies', () => {
  let server: TestServer;
  let chat: ReturnType<typeof chatClient>;
  before(async () => {
    server = await testServer({ testHooks: false });
    chat = chatClient(server);
  });
  after(() => server.stop());

  it('refuses a non-JSON, oversize, wrongly typed or non-object body on every JSON endpoint', async () => {
    const session = await chat.start();
    const raw = (path: string, body: string, type = 'application/json', headers: Record<string, string> = {}) =>
      fetch(`${server.url}${path}`, { method: 'POST', headers: { 'Content-Type': type, 'Idempotency-Key': newKey(), ...chat.headers(session), ...headers }, body });
    const citizen = ['feedback', 'operator', 'typing', 'read', 'callback', 'end', 'rating'].map((a) => `/api/chat/sessions/${session.id}/${a}`);
    const operator = ['take', 'typing', 'read'].map((a) => `/api/operator/chats/${session.id}/${a}`);
    for (const path of [...citizen, ...operator]) {
      const headers = path.includes('/operator/') ? chat.operator : {};
      assert.equal((await raw(path, '{"a":', 'application/json', headers)).status, 400, `${path} broken JSON`);
      assert.equal((await raw(path, `{"text":"${'x'.repeat(9000)}"}`, 'application/json', headers)).status, 413, `${path} oversize`);
      assert.equal((await raw(path, 'x=1', 'application/x-www-form-urlencoded', headers)).status, 415, `${path} not JSON`);
      assert.equal((await raw(path, '[1]', 'application/json', headers)).status, 422, `${path} an array`);
      assert.equal((await raw(path, '{"unexpected":1}', 'application/json', headers)).status, 422, `${path} unknown key`);
    }
    assert.equal((await chat.start()).state, 'bot');
    assert.equal(((await (await server.get(`/api/chat/sessions/${session.id}`, chat.headers(session))).json()) as { state: string }).state, 'bot', 'nothing changed the session');
  });

  it('has no test hooks without --test-hooks', async () => {
    for (const path of ['/__test/chat/drop-streams', '/__test/chat/hours', '/__test/chat/queue-time']) assert.equal((await server.post(path, { open: true, secondsPerChat: 1 })).status, 405, path);
  });
});
