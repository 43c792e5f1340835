import { expect } from '@open-wc/testing';
import { RestAdapter } from '../../src/core/adapter/rest.js';
import { AdapterError } from '../../src/core/adapter/errors.js';
import type { NewTicket } from '../../src/core/adapter/types.js';
import { generateTicketNumber, validateTicketNumber } from '../../src/core/validate/ticket-number.js';
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
    expect(receipt.number).to.match(/^\d{4}-\d{4}-\d{4}$/);
    expect(validateTicketNumber(receipt.number).ok).to.equal(true);
    const { access, ticket: full } = await adapter.openTicket(receipt.number, '+7 912 345-67-89');
    expect(full.title).to.equal('Создание');
    expect(access.number).to.equal(receipt.number);
    expect(Date.parse(access.expiresAt)).to.be.greaterThan(Date.now() + 10 * 60_000);
    expect((await adapter.getTicket(access)).title).to.equal('Создание');
  });

  it('maps a wrong or expired access token to unauthorized, so an element can renew it', async () => {
    const receipt = await adapter.createTicket(ticket('Токен'), [], { idempotencyKey: crypto.randomUUID() });
    const { access } = await adapter.openTicket(receipt.number, 'ivanov@mail.ru');
    const error = await failure(adapter.getTicket({ ...access, token: `${Date.now() + 60_000}.${'A'.repeat(43)}` }));
    expect(error.kind).to.equal('unauthorized');
    expect(error.retryable).to.equal(false);
    const comment = await failure(adapter.addComment({ ...access, token: 'wrong' }, 'Текст', [], { idempotencyKey: crypto.randomUUID() }));
    expect(comment.kind).to.equal('unauthorized');
    const renewed = await adapter.openTicket(receipt.number, 'ivanov@mail.ru');
    expect((await adapter.addComment(renewed.access, 'Текст после продления', [], { idempotencyKey: crypto.randomUUID() })).text).to.equal('Текст после продления');
  });

  it('puts no phone, e-mail or SNILS in any URL it requests: create, look-up, read, comment, download', async () => {
    const urls: string[] = [];
    const realFetch = window.fetch;
    const realOpen = XMLHttpRequest.prototype.open;
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      urls.push(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
      return realFetch(input, init);
    };
    XMLHttpRequest.prototype.open = function (this: XMLHttpRequest, method: string, url: string | URL, ...rest: unknown[]) {
      urls.push(String(url));
      return (realOpen as (...args: unknown[]) => void).call(this, method, url, ...rest);
    } as typeof XMLHttpRequest.prototype.open;
    const file = [{ name: 'screen.png', type: 'image/png', data: PNG_1x1.slice().buffer }];
    try {
      const request: NewTicket = { ...ticket('Адреса без личных данных'), contact: { phone: '+7 (912) 345-67-89', email: 'Ivanov@Mail.ru', snils: '112-233-445 95' } };
      const receipt = await adapter.createTicket(request, file, { idempotencyKey: crypto.randomUUID() });
      await adapter.openTicket(receipt.number, '8 912 345 67 89');
      const { access } = await adapter.openTicket(receipt.number, 'IVANOV@mail.ru');
      await adapter.addComment(access, 'Прикладываю ещё один снимок', file, { idempotencyKey: crypto.randomUUID() });
      const full = await adapter.getTicket(access);
      const links = [...full.attachments, ...full.comments.flatMap((c) => c.attachments)].map((a) => a.url);
      expect(links.length).to.equal(2);
      for (const link of links) {
        expect(link).to.match(/^https?:\/\/[^/]+\/api\/attachments\//);
        const download = await fetch(link);
        expect(download.status).to.equal(200);
        expect(download.headers.get('content-type')).to.equal('image/png');
      }
    } finally {
      window.fetch = realFetch;
      XMLHttpRequest.prototype.open = realOpen;
    }
    expect(urls.length).to.be.at.least(7);
    for (const url of urls) {
      const decoded = decodeURIComponent(url).toLowerCase();
      const digits = decoded.replace(/\D/g, '');
      expect(digits, url).not.to.contain('9123456789'); // the phone, in any notation
      expect(digits, url).not.to.contain('11223344595'); // the SNILS, in any notation
      expect(decoded, url).not.to.match(/ivanov|mail\.ru|@/); // the e-mail
      expect(decoded, url).not.to.contain('contact');
    }
  });

  it('a chat subscription reports its state and events, and a refused stream as an error', async () => {
    const session = await adapter.createChatSession();
    const states: string[] = [];
    const texts: string[] = [];
    const stop = adapter.subscribeChat(session, { event: (e) => e.type === 'message' && texts.push(e.message.text), state: (s) => states.push(s) });
    await adapter.sendChatMessage(session, 'Здравствуйте, не приходит СМС', { idempotencyKey: crypto.randomUUID() });
    const until = async (ok: () => boolean) => {
      for (let i = 0; i < 500 && !ok(); i++) await new Promise((r) => setTimeout(r, 20));
    };
    await until(() => texts.includes('Здравствуйте, не приходит СМС'));
    stop();
    expect(states.slice(0, 2)).to.deep.equal(['connecting', 'open']);
    expect(texts).to.include('Здравствуйте, не приходит СМС');
    const refused: { states: string[]; errors: string[] } = { states: [], errors: [] };
    const stopRefused = adapter.subscribeChat({ ...session, token: 'not-the-token' }, { event: () => undefined, state: (s) => refused.states.push(s), error: (e) => refused.errors.push(e.kind) });
    await until(() => refused.states.includes('closed'));
    stopRefused();
    // A refused stream is asked again by polling, whose answer says why: the session is unknown to this token.
    expect(refused.errors).to.deep.equal(['not-found']);
  });

  it('uploads files with progress', async () => {
    const progress: number[] = [];
    const receipt = await adapter.createTicket(ticket('С файлом'), [{ name: 'screen.png', type: 'image/png', data: PNG_1x1.slice().buffer }], {
      idempotencyKey: crypto.randomUUID(),
      onProgress: (p) => progress.push(p),
    });
    const { ticket: full } = await adapter.openTicket(receipt.number, 'ivanov@mail.ru');
    expect(full.attachments.map((a) => a.name)).to.deep.equal(['screen.png']);
    expect(progress.at(-1)).to.equal(1);
  });

  it('maps 422 to rejected with field errors', async () => {
    const error = await failure(adapter.createTicket({ ...ticket('x'), contact: { phone: '123' } }, [], { idempotencyKey: crypto.randomUUID() }));
    expect(error.kind).to.equal('rejected');
    expect(error.retryable).to.equal(false);
    expect(error.fieldErrors.map((f) => f.field)).to.include('contact.phone');
  });

  it('maps 404 to not-found: an unknown number and a wrong contact alike', async () => {
    expect((await failure(adapter.openTicket(generateTicketNumber(), '89123456789'))).kind).to.equal('not-found');
    const receipt = await adapter.createTicket(ticket('Чужой контакт'), [], { idempotencyKey: crypto.randomUUID() });
    expect((await failure(adapter.openTicket(receipt.number, '89990000000'))).kind).to.equal('not-found');
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
    expect(again.number).to.match(/^\d{4}-\d{4}-\d{4}$/);
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
    expect((await adapter.openTicket(replay.number, 'ivanov@mail.ru')).ticket.title).to.equal('Потерянный ответ');
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
