import { expect } from '@open-wc/testing';
import { RestAdapter } from '../../src/core/adapter/rest.js';
import type { ChatSession } from '../../src/core/adapter/types.js';
import { nextWakeAt } from '../../src/core/outbox/claim.js';
import type { OutboxEvent } from '../../src/core/outbox/events.js';
import { Outbox } from '../../src/core/outbox/outbox.js';
import { acquireOutbox, type OutboxLease } from '../../src/core/outbox/service.js';
import { shippedSenders, ticketSender } from '../../src/core/outbox/senders/index.js';
import { chatMessage, citizenTexts, heard, testSenders, ticket, uniqueDb, waitFor } from '../helpers/outbox.js';
import { countRows, injectFault, referenceServer, resetFaults, stopReferenceServer } from '../helpers/reference-server.js';

const delivered = (events: OutboxEvent[]) => events.flatMap((e) => (e.type === 'delivered' ? [e.record.id] : []));

describe('Outbox with many kinds: senders by kind, per-owner order (real IndexedDB, reference server)', () => {
  let url: string;
  let api: string;
  let adapter: RestAdapter;
  const opened: Outbox[] = [];
  const leases: OutboxLease[] = [];
  before(async () => {
    ({ url, api } = await referenceServer());
    adapter = new RestAdapter({ endpoint: api, timeoutMs: 3000 });
  });
  afterEach(async () => {
    opened.splice(0).forEach((o) => o.close());
    leases.splice(0).forEach((l) => l.release());
    await referenceServer();
    await resetFaults(url);
  });

  /** A tab's own outbox (the service shares one per page; a second instance is another tab). */
  async function tab(dbName: string, senders = { ...shippedSenders, ...testSenders }): Promise<Outbox> {
    const box = await Outbox.open({ adapter, target: api, senders, backoff: { baseMs: 50, maxMs: 200 }, dbName });
    opened.push(box);
    return box;
  }

  function events(box: Pick<Outbox, 'on'>): OutboxEvent[] {
    const seen: OutboxEvent[] = [];
    box.on((e) => seen.push(e));
    return seen;
  }

  /** A ticket on the server to reply to (a new one each time: the server merges the same text from the same phone). */
  async function existingTicket(): Promise<{ number: string; contact: string }> {
    const { number } = await adapter.createTicket(ticket(`Есть ответ ${crypto.randomUUID()}`), [], { idempotencyKey: crypto.randomUUID() });
    return { number, contact: '+79123456789' };
  }

  const replyTo = (t: { number: string; contact: string }, text: string) => ({ ...t, text });
  const texts = ['Здравствуйте', 'Не открывается страница оплаты', 'Ошибка 500 после ввода карты'];

  it('a page with the form, a ticket view and the chat: one outbox delivers a ticket, a reply and three chat messages once, the messages in order', async () => {
    const db = uniqueDb();
    const answered = await existingTicket();
    const session = await adapter.createChatSession();
    // Three elements, three leases, one outbox; the ticket view brings the kind it sends.
    const form = await acquireOutbox({ target: api, adapter, dbName: db });
    const view = await acquireOutbox({ target: api, adapter: new RestAdapter({ endpoint: api }), dbName: db, senders: testSenders });
    const chat = await acquireOutbox({ target: api, adapter, dbName: db });
    leases.push(form, view, chat);
    expect(view.outbox).to.equal(form.outbox);
    expect(chat.outbox).to.equal(form.outbox);
    const before = { tickets: await countRows(url, 'tickets'), comments: await countRows(url, 'comments') };

    await stopReferenceServer();
    await form.outbox.enqueue('ticket', 'form', ticket('Со страницы с чатом'), [], 'Со страницы с чатом');
    await view.outbox.enqueue('comment', `ticket:${answered.number}`, replyTo(answered, 'Дополняю: ошибка повторилась'), [], 'Ответ');
    const owner = `chat:${session.id}`;
    for (const text of texts) await chat.outbox.enqueue('chat-message', owner, chatMessage(session, text), [], text);
    await form.outbox.drain(); // offline: the session's first message waits, the others wait behind it
    const attempts = (await chat.outbox.list(owner)).sort((a, b) => a.createdAt - b.createdAt).map((r) => r.attempts);
    expect(attempts).to.deep.equal([1, 0, 0]);

    await referenceServer();
    const chatDelivered = heard(chat.outbox, 'delivered', 3, { owner });
    const all = heard(form.outbox, 'delivered', 5);
    window.dispatchEvent(new Event('online'));
    await all;
    expect((await chatDelivered).every((e) => 'record' in e && e.record.owner === owner)).to.equal(true);
    expect(await countRows(url, 'tickets')).to.equal(before.tickets + 1);
    expect(await countRows(url, 'comments')).to.equal(before.comments + 1);
    expect(await citizenTexts(api, session)).to.deep.equal(texts);
    expect(await form.outbox.list()).to.deep.equal([]);
  });

  it('a record of a kind without a sender here and a sender that throws hold up nothing', async () => {
    const db = uniqueDb();
    const box = await tab(db);
    const session = await adapter.createChatSession();
    const before = await countRows(url, 'tickets');
    const orphan = await box.enqueue('test-orphan', 'other-view', ticket('Для другой страницы'), [], 'Чужой вид');
    const broken = await box.enqueue('test-broken', 'view', { text: 'сломано' }, [], 'Сломанный');
    const after = await box.enqueue('ticket', 'view', ticket('После сломанного'), [], 'После сломанного');
    const message = await box.enqueue('chat-message', `chat:${session.id}`, chatMessage(session, 'Всё равно дойдёт'), [], 'Чат');
    const seen = events(box);
    await box.drain(); // one round
    expect(delivered(seen).sort()).to.deep.equal([after.id, message.id].sort());
    const failed = seen.find((e) => e.type === 'failed');
    expect(failed && 'record' in failed && failed.record.id).to.equal(broken.id);
    const [left, setAside] = [(await box.list()).find((r) => r.id === orphan.id)!, (await box.list()).find((r) => r.id === broken.id)!];
    expect([left.state, left.attempts, left.leaseUntil]).to.deep.equal(['queued', 0, 0]);
    expect([setAside.state, setAside.lastError?.message]).to.deep.equal(['failed', 'TypeError: payload.session is undefined']);
    expect(await countRows(url, 'tickets')).to.equal(before + 1);
    expect(await citizenTexts(api, session)).to.deep.equal(['Всё равно дойдёт']);
    // Nothing this page can send is left, so its timer does not wake for the others' record.
    expect(nextWakeAt(await box.list(), (kind) => kind in shippedSenders || kind in testSenders, Date.now(), false)).to.equal(undefined);
    // Another page (or the service worker) with the kind's sender delivers it.
    const other = await tab(db, { 'test-orphan': { ...ticketSender } });
    await other.drain();
    expect(await countRows(url, 'tickets')).to.equal(before + 2);
    expect((await box.list()).map((r) => r.id)).to.deep.equal([broken.id]);
  });

  it("an owner whose oldest record is not due waits; other owners go on; then the owner's records go in order", async () => {
    const box = await tab(uniqueDb());
    const session = await adapter.createChatSession();
    const owner = `chat:${session.id}`;
    const before = await countRows(url, 'tickets');
    await injectFault(url, { method: 'POST', path: `/api/chat/sessions/${session.id}/messages`, status: 429, retryAfter: 3600 });
    const head = await box.enqueue('chat-message', owner, chatMessage(session, 'первое'), [], 'первое');
    const next = await box.enqueue('chat-message', owner, chatMessage(session, 'второе'), [], 'второе');
    await box.enqueue('ticket', 'form', ticket('Другой владелец'), [], 'Другой владелец');
    await box.drain();
    const byId = new Map((await box.list()).map((r) => [r.id, r]));
    expect(byId.get(head.id)!.lastError?.kind).to.equal('rate-limited');
    expect(byId.get(head.id)!.nextAttemptAt).to.be.greaterThan(Date.now() + 3_000_000);
    expect(byId.get(next.id)!.attempts).to.equal(0); // due, but behind its owner's head
    expect(await countRows(url, 'tickets')).to.equal(before + 1);
    expect(await citizenTexts(api, session)).to.deep.equal([]);
    const both = heard(box, 'delivered', 2, { owner });
    await box.retry(head.id); // the user says "send now"
    await both;
    expect(await citizenTexts(api, session)).to.deep.equal(['первое', 'второе']);
  });

  it('a lost response to a chat message is replayed into the same message', async () => {
    const box = await tab(uniqueDb());
    const session = await adapter.createChatSession();
    await injectFault(url, { method: 'POST', path: `/api/chat/sessions/${session.id}/messages`, drop: true });
    const record = await box.enqueue('chat-message', `chat:${session.id}`, chatMessage(session, 'Ответ потерялся'), [], 'чат');
    await box.drain();
    expect((await box.list())[0]!.lastError?.kind).to.equal('offline');
    expect(await citizenTexts(api, session)).to.deep.equal(['Ответ потерялся']); // the server did take it
    const sent = heard(box, 'delivered', 1);
    window.dispatchEvent(new Event('online'));
    const { receipt } = (await sent)[0] as Extract<OutboxEvent, { type: 'delivered' }>;
    expect(receipt.id).to.equal(record.id);
    expect(receipt.kind === 'chat-message' && receipt.result.text).to.equal('Ответ потерялся');
    expect(await citizenTexts(api, session)).to.deep.equal(['Ответ потерялся']);
  });

  for (const locks of [true, false]) {
    it(`two tabs deliver a mixed queue once, each owner in order (${locks ? 'Web Locks' : 'leases only'})`, async () => {
      const saved = Object.getOwnPropertyDescriptor(navigator, 'locks');
      if (!locks) Object.defineProperty(navigator, 'locks', { value: undefined, configurable: true });
      try {
        const db = uniqueDb();
        const [a, b] = [await tab(db), await tab(db)];
        const answered = await existingTicket();
        const sessions: ChatSession[] = [await adapter.createChatSession(), await adapter.createChatSession()];
        const before = { tickets: await countRows(url, 'tickets'), comments: await countRows(url, 'comments') };
        await stopReferenceServer();
        // Tab b hears of each record and tries it while the server is down.
        for (let i = 0; i < 2; i++) await a.enqueue('ticket', 'form', ticket(`Смешанная очередь, две вкладки ${locks} ${i}`), [], `#${i}`);
        await b.enqueue('comment', `ticket:${answered.number}`, replyTo(answered, 'Из второй вкладки'), [], 'Ответ');
        for (const text of texts) {
          for (const [i, session] of sessions.entries()) await (i ? b : a).enqueue('chat-message', `chat:${session.id}`, chatMessage(session, text), [], text);
        }
        await referenceServer();
        window.dispatchEvent(new Event('online')); // both tabs wake
        await waitFor(async () => (await a.list()).length === 0, 'every record delivered');
        expect(await countRows(url, 'tickets')).to.equal(before.tickets + 2);
        expect(await countRows(url, 'comments')).to.equal(before.comments + 1);
        for (const session of sessions) expect(await citizenTexts(api, session)).to.deep.equal(texts);
      } finally {
        if (saved) Object.defineProperty(navigator, 'locks', saved);
        else delete (navigator as { locks?: unknown }).locks;
      }
    });
  }
});
