import type { EarlyMessage } from '../../core/chat/history.js';
import type { PendingMessage } from './chat-model.js';

/** Tries to create a session for messages written without one: after 2 s, 4 s, … at most every minute. */
const RETRY_MS = 2000;
const RETRY_MAX_MS = 60_000;

/** An early message as the view shows it until it is sent: waiting for the connection. */
export const earlyPending = (m: EarlyMessage): PendingMessage => ({ id: m.clientId, clientId: m.clientId, text: m.text, at: m.at, status: 'queued', files: m.files.map((f) => f.name) });

/**
 * Messages written while no session could be created (the chat's first opening without a
 * connection), in the order written. While there are any, the session is asked for again when the
 * browser is back online and with back-off; `flush` hands them on once, in order, one at a time.
 */
export class EarlyMessages {
  list: EarlyMessage[] = [];
  private flushing?: Promise<void>;
  private timer?: ReturnType<typeof setTimeout>;
  private retries = 0;
  private readonly onOnline = () => void (this.list.length && this.retry());

  /** `retry`: try creating the session again (and flushing). */
  constructor(private readonly retry: () => Promise<unknown>) {
    window.addEventListener('online', this.onOnline);
  }

  add(message: EarlyMessage): void {
    this.list = [...this.list, message];
    this.failed();
  }

  /** Creating the session failed: try again later while messages wait. */
  failed(): void {
    clearTimeout(this.timer);
    if (this.list.length) this.timer = setTimeout(this.onOnline, Math.min(RETRY_MAX_MS, RETRY_MS * 2 ** this.retries++));
  }

  /**
   * Sends each with `send` in order, skipping those `known` already has (sent before a reload),
   * then `done` (the emptied list kept). One flush at a time: a later call waits for it.
   */
  flush(known: () => Promise<Set<string>>, send: (message: EarlyMessage) => Promise<void>, done: () => Promise<void>): Promise<void> {
    this.retries = 0;
    if (!this.list.length) return this.flushing ?? Promise.resolve();
    const run = async () => {
      const sent = await known();
      while (this.list.length) {
        const message = this.list[0]!;
        if (!sent.has(message.clientId)) await send(message);
        this.list = this.list.slice(1);
      }
      await done();
    };
    return (this.flushing ??= run().finally(() => (this.flushing = undefined)));
  }

  stop(): void {
    window.removeEventListener('online', this.onOnline);
    clearTimeout(this.timer);
  }
}
