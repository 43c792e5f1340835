import type { TicketReceipt } from '../core/adapter/types.js';

/** A request stored in this browser reached the server (maybe after a reload or in another tab). */
export interface DeliveredDetail {
  /** The outbox record's id (see `gu-queued`). */
  id: string;
  receipt: TicketReceipt;
}
export type GuDeliveredEvent = CustomEvent<DeliveredDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'gu-delivered': GuDeliveredEvent;
  }
}
