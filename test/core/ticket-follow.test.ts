import { expect } from '@open-wc/testing';
import { AdapterError } from '../../src/core/adapter/errors.js';
import { pollTicket, streamTicket } from '../../src/core/adapter/ticket-follow.js';
import type { Ticket } from '../../src/core/adapter/types.js';
import { csvCell } from '../../src/core/ticket/export.js';
import { deadlinesOf, reminderAllowedAt } from '../../src/core/ticket/deadlines.js';
import { until } from '../helpers/form.js';
import { sampleTicket } from '../fixtures/tickets.js';

/** A Response carrying an event stream whose chunks the test writes. */
function eventStream(): { response: Response; write(text: string): void; end(): void } {
  let control!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({ start: (c) => void (control = c) });
  const encoder = new TextEncoder();
  return {
    response: new Response(body, { headers: { 'Content-Type': 'text/event-stream' } }),
    write: (text) => control.enqueue(encoder.encode(text)),
    end: () => control.close(),
  };
}

describe('following a ticket (core)', () => {
  it('reads the stream with fetch semantics: events split across chunks, comments skipped, Last-Event-ID on reconnect', async () => {
    const stream = eventStream();
    const opened: (string | undefined)[] = [];
    let revision = 1;
    const seen: Ticket[] = [];
    const stop = streamTicket(
      {
        open: async (lastId) => (opened.push(lastId), opened.length === 1 ? stream.response : new Promise<Response>(() => {})),
        get: async () => sampleTicket(40, 'in-progress', { revision }),
      },
      { ticket: (t) => seen.push(t) },
      sampleTicket(40, 'accepted', { revision: 1 }),
    );
    await until(() => opened.length === 1);
    expect(opened[0]).to.equal('1');
    stream.write('retry: 3000\n\n: ping\n\n');
    revision = 2;
    stream.write('id: 2\nevent: tick');
    stream.write('et\ndata: {"type":"ticket","revision":2}\n\n');
    await until(() => seen.length === 1);
    expect(seen[0]!.status).to.equal('in-progress');
    stream.end();
    await until(() => opened.length === 2, 8000);
    expect(opened[1]).to.equal('2');
    stop();
  });

  it('falls back to polling when the backend has no stream, and stops on an expired access after saying so', async () => {
    let calls = 0;
    const states: string[] = [];
    const errors: string[] = [];
    const stop = streamTicket(
      {
        open: async () => new Response('{"title":"no"}', { status: 404, headers: { 'Content-Type': 'application/problem+json' } }),
        get: async () => {
          calls++;
          throw new AdapterError('unauthorized', 'expired', { status: 401 });
        },
      },
      { ticket: () => undefined, state: (s) => states.push(s), error: (e) => errors.push(e.kind) },
    );
    await until(() => errors.length === 1, 8000);
    expect(states).to.include('polling');
    expect(states.at(-1)).to.equal('closed');
    expect(errors).to.deep.equal(['unauthorized']);
    expect(calls).to.equal(1);
    stop();
  });

  it('polling pauses while the tab is hidden and asks at once when it is shown', async () => {
    const hidden = Object.getOwnPropertyDescriptor(Document.prototype, 'hidden')!;
    let isHidden = true;
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => isHidden });
    try {
      let calls = 0;
      const stop = pollTicket(async () => (calls++, sampleTicket(41)), { ticket: () => undefined });
      expect(calls).to.equal(0);
      isHidden = false;
      document.dispatchEvent(new Event('visibilitychange'));
      await until(() => calls === 1, 2000); // at once, not at the first 5-second poll
      stop();
    } finally {
      Object.defineProperty(document, 'hidden', hidden);
      delete (document as { hidden?: boolean }).hidden;
    }
  });

  it('CSV cells: formulas neutralised, separators and quotes quoted', () => {
    expect(csvCell('=1+1')).to.equal("'=1+1");
    expect(csvCell('+7 912')).to.equal("'+7 912");
    expect(csvCell('-5')).to.equal("'-5");
    expect(csvCell('@SUM(A1)')).to.equal("'@SUM(A1)");
    expect(csvCell('a;b')).to.equal('"a;b"');
    expect(csvCell('say "hi"')).to.equal('"say ""hi"""');
    expect(csvCell('line\nbreak')).to.equal('"line\nbreak"');
    expect(csvCell('Ошибка входа')).to.equal('Ошибка входа');
  });

  it('deadlines: extended and overdue; the reminder 48 hours after «В работе», then a day after the last one', () => {
    const now = Date.parse('2026-12-10T12:00:00Z');
    const ticket = sampleTicket(42, 'in-progress', { dueAnswerAt: '2026-12-09T20:59:59Z' });
    expect(deadlinesOf(ticket, now).overdue).to.equal(true);
    expect(deadlinesOf({ ...ticket, extension: { until: '2026-12-20T20:59:59Z', reason: 'x' } }, now)).to.include({ overdue: false, extended: true, answerAt: '2026-12-20T20:59:59Z' });
    expect(deadlinesOf({ ...ticket, status: 'resolved' }, now).overdue).to.equal(false);
    const since = ticket.history.at(-1)!.at;
    expect(reminderAllowedAt(ticket)).to.equal(Date.parse(since) + 48 * 3600_000);
    const reminded = new Date(Date.parse(since) + 60 * 3600_000).toISOString();
    expect(reminderAllowedAt({ ...ticket, remindedAt: reminded })).to.equal(Date.parse(reminded) + 24 * 3600_000);
    expect(reminderAllowedAt({ ...ticket, status: 'accepted' })).to.equal(undefined);
  });
});
