import { expect } from '@open-wc/testing';
import { RestAdapter } from '../../src/core/adapter/rest.js';
import { AdapterError } from '../../src/core/adapter/errors.js';
import type { NewTicket } from '../../src/core/adapter/types.js';
import { PNG_1x1 } from '../helpers/files.js';
import { countRows, injectFault, referenceServer, resetFaults, stopReferenceServer } from '../helpers/reference-server.js';

const ticket = (title: string): NewTicket => ({
  topic: 'technical',
  title,
  description: 'Страница оплаты не открывается, крутится загрузка.',
  contact: { phone: '+79123456789', email: 'ivanov@mail.ru' },
  consent: { version: '2025-09-01', givenAt: new Date().toISOString() },
});

async function failure(promise: Promise<unknown>): Promise<AdapterError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AdapterError) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

describe('RestAdapter against the reference server', () => {
  let url: string;
  let adapter: RestAdapter;
  before(async () => {
    ({ url } = await referenceServer());
    adapter = new RestAdapter({ endpoint: `${url}/api`, timeoutMs: 3000 });
  });
  afterEach(() => resetFaults(url));

  it('lists topics and creates a ticket', async () => {
    expect((await adapter.listTopics()).length).to.equal(8);
    const receipt = await adapter.createTicket(ticket('Создание'), [], { idempotencyKey: crypto.randomUUID() });
    expect(receipt.number).to.match(/^\d{10}$/);
    const full = await adapter.getTicket(receipt.number, '+7 912 345-67-89');
    expect(full.title).to.equal('Создание');
  });

  it('uploads files with progress', async () => {
    const progress: number[] = [];
    const receipt = await adapter.createTicket(ticket('С файлом'), [{ name: 'screen.png', type: 'image/png', data: PNG_1x1.slice().buffer }], {
      idempotencyKey: crypto.randomUUID(),
      onProgress: (p) => progress.push(p),
    });
    const full = await adapter.getTicket(receipt.number, 'ivanov@mail.ru');
    expect(full.attachments.map((a) => a.name)).to.deep.equal(['screen.png']);
    expect(progress.at(-1)).to.equal(1);
  });

  it('maps 422 to rejected with field errors', async () => {
    const error = await failure(adapter.createTicket({ ...ticket('x'), contact: { phone: '123' } }, [], { idempotencyKey: crypto.randomUUID() }));
    expect(error.kind).to.equal('rejected');
    expect(error.retryable).to.equal(false);
    expect(error.fieldErrors.map((f) => f.field)).to.include('contact.phone');
  });

  it('maps 404 to not-found', async () => {
    expect((await failure(adapter.getTicket('0000000000', '89123456789'))).kind).to.equal('not-found');
  });

  it('maps 500 to server and 429 to rate-limited with Retry-After', async () => {
    await injectFault(url, { path: '/api/topics', status: 500 });
    expect((await failure(adapter.listTopics())).kind).to.equal('server');
    await injectFault(url, { path: '/api/topics', status: 429, retryAfter: 7 });
    const limited = await failure(adapter.listTopics());
    expect(limited.kind).to.equal('rate-limited');
    expect(limited.details.retryAfterMs).to.equal(7000);
  });

  it('reports a timeout, and the replayed key returns the ticket created meanwhile', async () => {
    const slow = new RestAdapter({ endpoint: `${url}/api`, timeoutMs: 300 });
    const key = crypto.randomUUID();
    const request = ticket('Медленно');
    const before = await countRows(url, 'tickets');
    await injectFault(url, { path: '/api/tickets', delayMs: 800 });
    expect((await failure(slow.createTicket(request, [], { idempotencyKey: key }))).kind).to.equal('timeout');
    await new Promise((r) => setTimeout(r, 900));
    const again = await adapter.createTicket(request, [], { idempotencyKey: key });
    expect(again.number).to.match(/^\d+$/);
    expect(await countRows(url, 'tickets')).to.equal(before + 1);
  });

  it('reports a lost response as offline, and the replay returns the same ticket', async () => {
    const key = crypto.randomUUID();
    const request = ticket('Потерянный ответ');
    const before = await countRows(url, 'tickets');
    await injectFault(url, { path: '/api/tickets', drop: true });
    expect((await failure(adapter.createTicket(request, [], { idempotencyKey: key }))).kind).to.equal('offline');
    const replay = await adapter.createTicket(request, [], { idempotencyKey: key });
    expect(await countRows(url, 'tickets')).to.equal(before + 1);
    expect((await adapter.getTicket(replay.number, 'ivanov@mail.ru')).title).to.equal('Потерянный ответ');
  });

  it('reports an unreachable server as offline', async () => {
    await stopReferenceServer();
    try {
      expect((await failure(adapter.listTopics())).kind).to.equal('offline');
    } finally {
      await referenceServer();
    }
  });

  it('passes a cancellation through as an abort, not as a network error', async () => {
    const controller = new AbortController();
    await injectFault(url, { path: '/api/topics', delayMs: 500 });
    const pending = adapter.listTopics({ signal: controller.signal });
    controller.abort();
    let caught: unknown;
    try {
      await pending;
    } catch (error) {
      caught = error;
    }
    expect(caught).to.not.be.instanceOf(AdapterError);
  });
});
