import type { SupportAdapter } from '../../adapter/types.js';
import type { OutboxRecord, StoredFile } from '../db.js';

/**
 * The kinds of record the outbox carries, each with its payload and the result its sender
 * returns. Filled by declaration merging: every sender file declares its own kind, so adding a
 * kind is one new file in this folder (plus its line in `shippedSenders`), e.g.
 *
 *   declare module './registry.js' {
 *     interface OutboxKinds {
 *       comment: { payload: NewComment; result: TicketComment };
 *     }
 *   }
 *   export const commentSender: Sender<'comment'> = { send: (adapter, record, files) => … };
 *
 * A page or a test may declare and register kinds of its own the same way (see `acquireOutbox`).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging, see above
export interface OutboxKinds {}

export type OutboxKind = Extract<keyof OutboxKinds, string>;

/**
 * Delivers one record of kind `K` through the adapter. The record's `id` is the Idempotency-Key of
 * every attempt, so a resend after a lost response is harmless. Throw `AdapterError` for expected
 * failures (retried or refused by its `kind`); anything else is a bug and sets the record aside
 * (state `failed`) without blocking the others.
 */
export interface Sender<K extends OutboxKind> {
  send(adapter: SupportAdapter, record: OutboxRecord<OutboxKinds[K]['payload']>, files: StoredFile[]): Promise<OutboxKinds[K]['result']>;
  /** What a receipt shows the user, e.g. the ticket number. Must not throw. */
  label?(result: OutboxKinds[K]['result']): string;
}

/** Senders by kind. A drainer only claims records of the kinds it has; others wait for a page or worker that has theirs. */
export type SenderRegistry = { readonly [K in OutboxKind]?: Sender<K> };

/** A sender with its kind forgotten: how a drainer holds them, since a stored record's kind is only known at run time. */
export interface AnySender {
  send(adapter: SupportAdapter, record: OutboxRecord, files: StoredFile[]): Promise<unknown>;
  label?(result: unknown): string;
}

/** The registry as the drainer looks senders up (method parameters are bivariant, so every `Sender<K>` fits `AnySender`). */
export function senderMap(registry: SenderRegistry): Map<string, AnySender> {
  const senders = new Map<string, AnySender>();
  for (const [kind, sender] of Object.entries(registry)) if (sender) senders.set(kind, sender);
  return senders;
}
