import type { OutboxRecord, Receipt } from './db.js';

export type OutboxEvent =
  | { type: 'queued'; record: OutboxRecord }
  | { type: 'retrying'; record: OutboxRecord }
  | { type: 'delivered'; record: OutboxRecord; receipt: Receipt }
  | { type: 'rejected'; record: OutboxRecord }
  | { type: 'expired'; record: OutboxRecord }
  /** Its sender threw something other than an AdapterError (a bug): set aside with the error. */
  | { type: 'failed'; record: OutboxRecord }
  /** Something changed in another tab (or was cancelled here): read the list again. */
  | { type: 'changed' }
  /** Storage failed while draining (the database was deleted, the disk is gone): nothing was sent wrongly. */
  | { type: 'error'; error: unknown };

/** Which records an element cares about: its owner (a form, a chat session, a ticket) and/or kinds. */
export interface OutboxEventFilter {
  owner?: string;
  kinds?: readonly string[];
}

/** Events about a record match when its owner and kind do; `changed` and `error` concern everyone. */
export function eventMatches(event: OutboxEvent, { owner, kinds }: OutboxEventFilter): boolean {
  if (!('record' in event)) return true;
  return (owner === undefined || event.record.owner === owner) && (kinds === undefined || kinds.includes(event.record.kind));
}
