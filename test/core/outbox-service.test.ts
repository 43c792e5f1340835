import { expect } from '@open-wc/testing';
import { MemoryAdapter } from '../../src/core/adapter/memory.js';
import { RestAdapter } from '../../src/core/adapter/rest.js';
import { eventMatches, type OutboxEvent } from '../../src/core/outbox/events.js';
import { acquireOutbox } from '../../src/core/outbox/service.js';
import { ticket, uniqueDb } from '../helpers/outbox.js';
import { countRows, referenceServer } from '../helpers/reference-server.js';

describe('acquireOutbox: one outbox per target per page', () => {
  let url: string;
  let api: string;
  before(async () => ({ url, api } = await referenceServer()));

  it('shares one outbox between the users of a target, keeps it open until the last release, then opens a new one', async () => {
    const dbName = uniqueDb();
    const adapter = new RestAdapter({ endpoint: api });
    const [form, chat] = await Promise.all([acquireOutbox({ target: api, adapter, dbName }), acquireOutbox({ target: api, adapter, dbName })]);
    const elsewhere = await acquireOutbox({ target: `${api}/other`, adapter, dbName });
    expect(chat.outbox).to.equal(form.outbox);
    expect(elsewhere.outbox).not.to.equal(form.outbox);
    elsewhere.release();
    form.release();
    form.release(); // a second release by the same user changes nothing
    const before = await countRows(url, 'tickets');
    await chat.outbox.enqueue('ticket', 'form', ticket('После ухода формы'), [], 'После ухода формы');
    await chat.outbox.drain(); // still open for the chat
    expect(await countRows(url, 'tickets')).to.equal(before + 1);
    chat.release();
    const again = await acquireOutbox({ target: api, adapter, dbName });
    expect(again.outbox).not.to.equal(form.outbox);
    again.release();
  });

  it('the first adapter for a target wins', async () => {
    const dbName = uniqueDb();
    const first = await acquireOutbox({ target: api, adapter: new RestAdapter({ endpoint: api }), dbName });
    const memory = new MemoryAdapter();
    const second = await acquireOutbox({ target: api, adapter: memory, dbName });
    try {
      const before = await countRows(url, 'tickets');
      await second.outbox.enqueue('ticket', 'form', ticket('Через общий адаптер'), [], 'Через общий адаптер');
      await second.outbox.drain();
      expect(await countRows(url, 'tickets')).to.equal(before + 1);
      expect(memory.tickets.size).to.equal(0);
    } finally {
      first.release();
      second.release();
    }
  });

  it('rejects every user where IndexedDB is unavailable, and opens once it is', async () => {
    const dbName = uniqueDb();
    const adapter = new MemoryAdapter();
    const open = IDBFactory.prototype.open;
    IDBFactory.prototype.open = function () {
      throw new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError');
    };
    try {
      const results = await Promise.allSettled([acquireOutbox({ target: 'adapter', adapter, dbName }), acquireOutbox({ target: 'adapter', adapter, dbName })]);
      expect(results.map((r) => r.status)).to.deep.equal(['rejected', 'rejected']);
    } finally {
      IDBFactory.prototype.open = open;
    }
    const lease = await acquireOutbox({ target: 'adapter', adapter, dbName });
    lease.release();
  });

  it('tells every user that arrives before it opens that an old tab blocks the upgrade, and opens when it closes', async () => {
    const dbName = uniqueDb();
    const old = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(dbName, 1); // an old tab at version 1 that ignores versionchange
      request.onupgradeneeded = () => {
        request.result.createObjectStore('outbox', { keyPath: 'id' });
        request.result.createObjectStore('drafts', { keyPath: 'key' });
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const adapter = new MemoryAdapter();
    let firstBlocked!: () => void;
    const first = acquireOutbox({ target: 'adapter', adapter, dbName, onBlocked: () => firstBlocked() });
    await new Promise<void>((resolve) => (firstBlocked = resolve));
    const second = acquireOutbox({ target: 'adapter', adapter, dbName, onBlocked: () => old.close() }); // hears it at once
    const [a, b] = await Promise.all([first, second]);
    expect(b.outbox).to.equal(a.outbox);
    let toldLate = false;
    const late = await acquireOutbox({ target: 'adapter', adapter, dbName, onBlocked: () => (toldLate = true) }); // after it opened
    expect(toldLate).to.equal(false);
    [a, b, late].forEach((lease) => lease.release());
  });

  it('filters events by owner and kind; `changed` and `error` reach everyone', () => {
    const record = { owner: 'chat:1', kind: 'chat-message' } as Extract<OutboxEvent, { type: 'queued' }>['record'];
    const queued: OutboxEvent = { type: 'queued', record };
    expect(eventMatches(queued, { owner: 'chat:1' })).to.equal(true);
    expect(eventMatches(queued, { owner: 'form' })).to.equal(false);
    expect(eventMatches(queued, { kinds: ['chat-message', 'chat-rating'] })).to.equal(true);
    expect(eventMatches(queued, { owner: 'chat:1', kinds: ['ticket'] })).to.equal(false);
    expect(eventMatches({ type: 'changed' }, { owner: 'form', kinds: ['ticket'] })).to.equal(true);
    expect(eventMatches({ type: 'error', error: new Error('disk') }, { owner: 'form' })).to.equal(true);
  });
});
