import type { NewTicket } from '../core/adapter/types.js';

/** A request is stored in this browser and will be sent, now or when the connection is back. */
export interface QueuedDetail {
  /** The outbox record's id, also the request's Idempotency-Key. */
  id: string;
  ticket: NewTicket;
  /** When it was written (ms since the epoch). */
  createdAt: number;
}
export type GuQueuedEvent = CustomEvent<QueuedDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'gu-queued': GuQueuedEvent;
  }
}
