import { AdapterError, isAdapterError } from './errors.js';
import type { Ticket, TicketListener } from './types.js';

/** Polling: first after 5 s, twice as long each time nothing changed, at most a minute. */
const POLL_FIRST_MS = 5_000;
const POLL_MAX_MS = 60_000;

/** What tells one version of a ticket from the next when the backend gives no revision. */
export function ticketVersion(ticket: Ticket): string {
  return ticket.revision !== undefined ? `r${ticket.revision}` : `${ticket.status}|${ticket.updatedAt}|${ticket.comments.length}|${ticket.history.length}`;
}

interface Visibility {
  hidden: boolean;
  addEventListener(type: 'visibilitychange', listener: () => void): void;
  removeEventListener(type: 'visibilitychange', listener: () => void): void;
}
const page = (): Visibility | undefined => (globalThis as { document?: Visibility }).document;

/**
 * Asks for the ticket now and then: with back-off while nothing changes or the server fails, not
 * at all while the tab is hidden (once it is shown again, at once). `known` is the version the
 * caller already has (`ticketVersion`). Stops on `unauthorized` (the access expired) after telling.
 */
export function pollTicket(get: (signal: AbortSignal) => Promise<Ticket>, listener: TicketListener, known?: string): () => void {
  const abort = new AbortController();
  let delay = POLL_FIRST_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let version = known;
  const schedule = () => {
    clearTimeout(timer);
    timer = page()?.hidden ? undefined : setTimeout(() => void poll(), delay);
  };
  const poll = async () => {
    try {
      const ticket = await get(abort.signal);
      if (abort.signal.aborted) return;
      const next = ticketVersion(ticket);
      delay = next === version ? Math.min(delay * 2, POLL_MAX_MS) : POLL_FIRST_MS;
      if (next !== version) {
        version = next;
        listener.ticket(ticket);
      }
    } catch (error) {
      if (abort.signal.aborted) return;
      if (isAdapterError(error) && error.kind === 'unauthorized') return stop(error);
      delay = Math.min(delay * 2, POLL_MAX_MS);
    }
    schedule();
  };
  const onVisibility = () => (page()?.hidden ? clearTimeout(timer) : void poll());
  const stop = (error?: AdapterError) => {
    abort.abort();
    clearTimeout(timer);
    page()?.removeEventListener('visibilitychange', onVisibility);
    if (error) {
      listener.error?.(error);
      listener.state?.('closed');
    }
  };
  page()?.addEventListener('visibilitychange', onVisibility);
  listener.state?.('polling');
  schedule();
  return () => stop();
}

/** One parsed Server-Sent Event. */
interface StreamEvent {
  id?: string;
  event: string;
  data: string;
}

/** Splits a text/event-stream body into events (comments and `retry:` lines skipped). */
async function* readEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<StreamEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, '\n');
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event: StreamEvent = { event: 'message', data: '' };
        for (const line of block.split('\n')) {
          const colon = line.indexOf(':');
          if (colon === 0) continue; // keep-alive comment
          const field = colon < 0 ? line : line.slice(0, colon);
          const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
          if (field === 'id') event.id = value;
          else if (field === 'event') event.event = value;
          else if (field === 'data') event.data += (event.data ? '\n' : '') + value;
        }
        if (event.data) yield event;
      }
    }
  } finally {
    reader.releaseLock();
  }
}

export interface TicketStreamSource {
  /** Opens the event stream (with the access header and `Last-Event-ID` when given). */
  open(lastEventId: string | undefined, signal: AbortSignal): Promise<Response>;
  get(signal: AbortSignal): Promise<Ticket>;
}

/**
 * Follows a ticket through its event stream, read with fetch so the access token travels in a
 * header, never in a URL (EventSource cannot send headers). Each `ticket` event names a revision;
 * the ticket is then fetched once. After a dropped connection it reconnects with `Last-Event-ID`
 * (waiting longer each time, up to a minute); a backend without the stream (any answer but an
 * event stream or 401) is polled instead. A 401 means the access expired: told, then stopped.
 */
export function streamTicket(source: TicketStreamSource, listener: TicketListener, known?: Ticket): () => void {
  const abort = new AbortController();
  let stopPolling: (() => void) | undefined;
  let lastId = known?.revision !== undefined ? String(known.revision) : undefined;
  let version = known ? ticketVersion(known) : undefined;
  let retry = 3_000;
  const fail = (error: AdapterError) => {
    listener.error?.(error);
    listener.state?.('closed');
  };
  const run = async () => {
    listener.state?.('connecting');
    while (!abort.signal.aborted) {
      let response: Response;
      try {
        response = await source.open(lastId, abort.signal);
      } catch {
        if (abort.signal.aborted) return;
        listener.state?.('connecting');
        await new Promise((r) => setTimeout(r, retry));
        retry = Math.min(retry * 2, POLL_MAX_MS);
        continue;
      }
      if (response.status === 401) return fail(new AdapterError('unauthorized', 'Ticket access expired', { status: 401 }));
      if (!response.ok || !response.body || !(response.headers.get('content-type') ?? '').startsWith('text/event-stream')) {
        await response.body?.cancel().catch(() => undefined);
        stopPolling = pollTicket(source.get, listener, version);
        return;
      }
      listener.state?.('open');
      retry = 3_000;
      try {
        for await (const event of readEvents(response.body)) {
          if (event.event !== 'ticket') continue;
          const ticket = await source.get(abort.signal);
          lastId = event.id ?? lastId;
          if (ticketVersion(ticket) !== version) {
            version = ticketVersion(ticket);
            listener.ticket(ticket);
          }
        }
      } catch (error) {
        if (abort.signal.aborted) return;
        if (isAdapterError(error) && error.kind === 'unauthorized') return fail(error);
      }
      // The stream ended (the token's time is up, or the connection dropped): connect again soon.
      await new Promise((r) => setTimeout(r, retry));
    }
  };
  void run();
  return () => {
    abort.abort();
    stopPolling?.();
  };
}
