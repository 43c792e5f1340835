import { expect } from '@open-wc/testing';
import { RestAdapter } from '../../src/core/adapter/rest.js';
import type { NewTicket } from '../../src/core/adapter/types.js';
import { Outbox, clearLocalData } from '../../src/core/outbox/outbox.js';
import type { OutboxEvent } from '../../src/core/outbox/events.js';
import { Drafts } from '../../src/core/outbox/drafts.js';
import { DB_VERSION } from '../../src/core/outbox/db.js';
import { isQuotaError } from '../../src/core/outbox/quota.js';
import { shippedSenders } from '../../src/core/outbox/senders/index.js';
import { PNG_1x1 } from '../helpers/files.js';
import { ticket, uniqueDb } from '../helpers/outbox.js';
import { countRows, injectFault, referenceServer, resetFaults, stopReferenceServer } from '../helpers/reference-server.js';

/** Writes a database as an older version of the kit left it: `schema` creates its stores, `rows` fills them. */
function oldDatabase(name: string, version: number, schema: (db: IDBDatabase) => void, rows: Record<string, unknown[]>): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const request = indexedDB.open(name, version);
    request.onupgradeneeded = () => schema(request.result);
    request.onsuccess = () => {
      const tx = request.result.transaction(Object.keys(rows), 'readwrite');
      for (const [store, values] of Object.entries(rows)) for (const value of values) tx.objectStore(store).put(value);
      tx.oncomplete = () => {
        request.result.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
    request.onerror = () => reject(request.error);
  });
}

describe('Outbox (real IndexedDB, reference server)', () => {
  let url: string;
  let api: string;
  const opened: Outbox[] = [];
  before(async () => ({ url, api } = await referenceServer()));
  afterEach(async () => {
    opened.splice(0).forEach((o) => o.close());
    await referenceServer();
    await resetFaults(url);
  });

  async function outbox(dbName: string, options: Partial<Parameters<typeof Outbox.open>[0]> = {}): Promise<Outbox> {
    const box = await Outbox.open({
      adapter: new RestAdapter({ endpoint: api, timeoutMs: 3000 }),
      target: api,
      senders: shippedSenders,
      backoff: { baseMs: 50, maxMs: 200 },
      dbName,
      ...options,
    });
    opened.push(box);
    return box;
  }

  function events(box: Outbox): OutboxEvent[] {
    const seen: OutboxEvent[] = [];
    box.on((e) => seen.push(e));
    return seen;
  }

  const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it('queues while the server is unreachable and delivers once when it is back', async () => {
    const box = await outbox(uniqueDb());
    const seen = events(box);
    const before = await countRows(url, 'tickets');
    await stopReferenceServer();
    const record = await box.enqueue('ticket', 'form', ticket('Без связи'), [{ name: 'screen.png', type: 'image/png', data: PNG_1x1.slice().buffer }], 'Без связи');
    await box.drain();
    expect(seen.some((e) => e.type === 'retrying' && e.record.lastError?.kind === 'offline')).to.equal(true);
    // At least one attempt failed for want of a network (with a 50 ms backoff a loaded machine may fit in a second).
    expect((await box.list())[0]!.attempts).to.be.at.least(1);
    await referenceServer();
    await wait(250);
    await box.drain();
    const delivered = seen.find((e) => e.type === 'delivered');
    expect(delivered && delivered.type === 'delivered' && delivered.receipt.id).to.equal(record.id);
    expect(await countRows(url, 'tickets')).to.equal(before + 1);
    expect(await countRows(url, 'attachments')).to.be.greaterThan(0);
    expect(await box.list()).to.deep.equal([]);
    expect((await box.receipts('form'))[0]!.label).to.match(/^\d{4}-\d{4}-\d{4}$/); // ticket-number.ts
  });

  it('a reload between enqueue and delivery loses nothing', async () => {
    const db = uniqueDb();
    const first = await outbox(db);
    await stopReferenceServer();
    await first.enqueue('ticket', 'form', ticket('Перезагрузка'), [], 'Перезагрузка');
    await first.drain();
    first.close();
    await referenceServer();
    const before = await countRows(url, 'tickets');
    const second = await outbox(db);
    const seen = events(second);
    await wait(250);
    await second.drain();
    expect(seen.filter((e) => e.type === 'delivered')).to.have.length(1);
    expect(await countRows(url, 'tickets')).to.equal(before + 1);
  });

  it('a tab closed mid-send leaves its record to be resumed', async () => {
    const db = uniqueDb();
    const first = await outbox(db, { leaseMs: 60_000 });
    await injectFault(url, { path: '/api/tickets', delayMs: 1500 });
    await first.enqueue('ticket', 'form', ticket('Вкладка закрыта'), [], 'Вкладка закрыта');
    void first.drain();
    await wait(200);
    first.close(); // the "tab" goes away while its request is in flight
    const second = await outbox(db);
    await wait(1600);
    await second.drain();
    expect(await second.list()).to.deep.equal([]);
  });

  for (const locks of [true, false]) {
    it(`two tabs draining together send every record once (${locks ? 'Web Locks' : 'leases only'})`, async () => {
      const saved = Object.getOwnPropertyDescriptor(navigator, 'locks');
      if (!locks) Object.defineProperty(navigator, 'locks', { value: undefined, configurable: true });
      try {
        const db = uniqueDb();
        const a = await outbox(db);
        const b = await outbox(db);
        const before = await countRows(url, 'tickets');
        await stopReferenceServer();
        for (let i = 0; i < 5; i++) await a.enqueue('ticket', 'form', ticket(`Две вкладки ${locks} ${i}`), [], `#${i}`);
        await referenceServer();
        await Promise.all([a.drain(), b.drain(), a.drain(), b.drain()]);
        await wait(300);
        await Promise.all([a.drain(), b.drain()]);
        expect(await countRows(url, 'tickets')).to.equal(before + 5);
        expect(await a.list()).to.deep.equal([]);
      } finally {
        if (saved) Object.defineProperty(navigator, 'locks', saved);
        else delete (navigator as { locks?: unknown }).locks;
      }
    });
  }

  it('retries after a 500 and creates one ticket', async () => {
    const box = await outbox(uniqueDb());
    const before = await countRows(url, 'tickets');
    await injectFault(url, { path: '/api/tickets', status: 500 });
    await box.enqueue('ticket', 'form', ticket('500 и 201'), [], '500 и 201');
    await box.drain();
    const [retrying] = await box.list();
    expect(retrying!.lastError?.kind).to.equal('server');
    await wait(250);
    await box.drain();
    expect(await box.list()).to.deep.equal([]);
    expect(await countRows(url, 'tickets')).to.equal(before + 1);
  });

  it('honours Retry-After on 429', async () => {
    const box = await outbox(uniqueDb());
    await injectFault(url, { path: '/api/tickets', status: 429, retryAfter: 3 });
    await box.enqueue('ticket', 'form', ticket('429'), [], '429');
    const start = Date.now();
    await box.drain();
    const [record] = await box.list();
    expect(record!.lastError?.kind).to.equal('rate-limited');
    expect(record!.nextAttemptAt - start).to.be.at.least(2900);
  });

  it('a lost response is replayed into the same ticket', async () => {
    const box = await outbox(uniqueDb());
    const before = await countRows(url, 'tickets');
    await injectFault(url, { path: '/api/tickets', drop: true });
    await box.enqueue('ticket', 'form', ticket('Ответ потерян'), [], 'Ответ потерян');
    await box.drain();
    expect((await box.list())[0]!.lastError?.kind).to.equal('offline');
    expect(await countRows(url, 'tickets')).to.equal(before + 1); // the server did create it
    await wait(250);
    await box.drain();
    expect(await box.list()).to.deep.equal([]);
    expect(await countRows(url, 'tickets')).to.equal(before + 1);
  });

  it('a 422 stops retrying and keeps the request with the server messages', async () => {
    const box = await outbox(uniqueDb());
    const seen = events(box);
    await box.enqueue('ticket', 'form', ticket('Плохой телефон', '123'), [], 'Плохой телефон');
    await box.drain();
    const [record] = await box.list();
    expect(record!.state).to.equal('rejected');
    expect(record!.lastError?.fieldErrors?.map((f) => f.field)).to.include('contact.phone');
    expect(seen.some((e) => e.type === 'rejected')).to.equal(true);
    const taken = await box.take(record!.id);
    expect((taken!.record.payload as NewTicket).title).to.equal('Плохой телефон');
    expect(await box.list()).to.deep.equal([]);
  });

  it('reports a full disk as a quota error and stores nothing half-way', async () => {
    const box = await outbox(uniqueDb());
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    let caught: unknown;
    try {
      await box.enqueue('ticket', 'form', ticket('Нет места'), [], 'Нет места');
    } catch (error) {
      caught = error;
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    expect(isQuotaError(caught)).to.equal(true);
    expect(await box.list()).to.deep.equal([]);
  });

  it('reports requests older than the retention instead of sending them stale', async () => {
    const db = uniqueDb();
    const first = await outbox(db, { retentionMs: 100 });
    await stopReferenceServer();
    await first.enqueue('ticket', 'form', ticket('Устарело'), [], 'Устарело');
    first.close();
    await wait(150);
    await referenceServer();
    const before = await countRows(url, 'tickets');
    const second = await outbox(db, { retentionMs: 100 });
    await second.drain();
    const [record] = await second.list();
    expect(record!.state).to.equal('expired');
    expect(await countRows(url, 'tickets')).to.equal(before);
    await second.retry(record!.id); // the user chooses to send it after all
    await wait(100);
    await second.drain();
    expect(await countRows(url, 'tickets')).to.equal(before + 1);
  });

  it('cancels a queued request', async () => {
    const box = await outbox(uniqueDb());
    await stopReferenceServer();
    const record = await box.enqueue('ticket', 'form', ticket('Отмена'), [], 'Отмена');
    await box.cancel(record.id);
    expect(await box.list()).to.deep.equal([]);
  });

  it('upgrades a version-1 database and delivers its records', async () => {
    const db = uniqueDb();
    const createdAt = Date.now() - 1000;
    await oldDatabase(
      db,
      1,
      (old) => {
        old.createObjectStore('outbox', { keyPath: 'id' });
        old.createObjectStore('drafts', { keyPath: 'key' });
      },
      {
        outbox: [{ id: crypto.randomUUID(), kind: 'ticket', target: api, owner: 'form', payload: ticket('Из версии 1'), files: [{ name: 'v1.png', type: 'image/png', data: PNG_1x1.slice().buffer }], createdAt, attempts: 0, nextAttemptAt: 0, summary: 'v1' }],
        drafts: [{ key: 'form', values: { title: 'черновик v1' }, savedAt: createdAt }],
      },
    );
    const before = await countRows(url, 'tickets');
    const box = await outbox(db);
    const [record] = await box.list();
    expect(record!.state).to.equal('queued');
    expect(record!.expiresAt).to.equal(createdAt + 7 * 86_400_000);
    expect(record!.files).to.deep.equal([{ name: 'v1.png', type: 'image/png', size: PNG_1x1.byteLength }]);
    expect((await box.filesOf(record!.id))[0]!.data.byteLength).to.equal(PNG_1x1.byteLength);
    const attachmentsBefore = await countRows(url, 'attachments');
    await box.drain();
    expect(await countRows(url, 'attachments')).to.equal(attachmentsBefore + 1);
    expect(await countRows(url, 'tickets')).to.equal(before + 1);
    const drafts = await Drafts.open(undefined, db);
    const draft = await drafts.load('form');
    expect(draft !== 'expired' && draft?.values.title).to.equal('черновик v1');
    drafts.close();
  });

  it('upgrades a version-2 database: queued requests go in their owner\'s order, a kept receipt shows its number as its label', async () => {
    const db = uniqueDb();
    const createdAt = Date.now() - 1000;
    const queued = (title: string, at: number, nextAttemptAt: number) => ({
      id: crypto.randomUUID(), kind: 'ticket', target: api, owner: 'form', payload: ticket(title), files: [] as unknown[],
      createdAt: at, attempts: 0, nextAttemptAt, leaseUntil: 0, state: 'queued', expiresAt: at + 7 * 86_400_000, summary: title,
    });
    // The first one failed once and waits longer than the second: it still goes first.
    const first = { ...queued('Из версии 2, первое', createdAt, createdAt + 500), files: [{ name: 'v2.png', type: 'image/png', size: PNG_1x1.byteLength }] };
    const second = queued('Из версии 2, второе', createdAt + 1, createdAt + 1);
    await oldDatabase(
      db,
      2,
      (old) => {
        const outbox = old.createObjectStore('outbox', { keyPath: 'id' });
        outbox.createIndex('by-target', 'target');
        outbox.createIndex('by-owner', 'owner');
        outbox.createIndex('by-due', ['target', 'nextAttemptAt']);
        old.createObjectStore('files', { keyPath: 'key' }).createIndex('by-record', 'recordId');
        old.createObjectStore('drafts', { keyPath: 'key' });
        old.createObjectStore('receipts', { keyPath: 'id' }).createIndex('by-owner', 'owner');
      },
      {
        outbox: [second, first],
        files: [{ key: `${first.id}:0`, recordId: first.id, name: 'v2.png', type: 'image/png', data: PNG_1x1.slice().buffer }],
        receipts: [{ id: 'v2-receipt', owner: 'form', kind: 'ticket', summary: 'Раньше', number: '000123', deliveredAt: createdAt, result: {} }],
      },
    );
    const before = { tickets: await countRows(url, 'tickets'), attachments: await countRows(url, 'attachments') };
    const box = await outbox(db);
    const seen = events(box);
    await box.drain();
    expect(seen.flatMap((e) => (e.type === 'delivered' ? [e.record.id] : []))).to.deep.equal([first.id, second.id]);
    expect(await countRows(url, 'tickets')).to.equal(before.tickets + 2);
    expect(await countRows(url, 'attachments')).to.equal(before.attachments + 1);
    const kept = (await box.receipts('form')).find((r) => r.id === 'v2-receipt')!;
    expect(kept.label).to.equal('000123');
    expect(kept).not.to.have.property('number');
    expect(DB_VERSION).to.equal(3);
  });

  it('clearLocalData wipes requests, drafts and receipts', async () => {
    const db = uniqueDb();
    const box = await outbox(db);
    await stopReferenceServer();
    await box.enqueue('ticket', 'form', ticket('Стереть'), [], 'Стереть');
    const drafts = await Drafts.open(undefined, db);
    await drafts.save('form', { title: 'x' });
    await clearLocalData(db);
    expect(await box.list()).to.deep.equal([]);
    expect(await drafts.load('form')).to.equal(undefined);
    drafts.close();
  });
});

describe('Drafts', () => {
  it('saves after a pause, restores, and reports an expired draft', async () => {
    const db = uniqueDb();
    // Long enough that a loaded machine still reads the draft back before it expires.
    const drafts = await Drafts.open(1500, db);
    const first = drafts.saveSoon('k', { title: 'а' }, [], 20);
    const second = drafts.saveSoon('k', { title: 'аб' }, [], 20);
    await second;
    void first;
    const draft = await drafts.load('k');
    expect(draft !== 'expired' && draft?.values.title).to.equal('аб');
    await new Promise((r) => setTimeout(r, 1600)); // past the retention: only a later load can see it expire
    expect(await drafts.load('k')).to.equal('expired');
    expect(await drafts.load('k')).to.equal(undefined);
    drafts.close();
  });
});
