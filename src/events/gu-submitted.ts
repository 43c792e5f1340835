import type { NewTicket, TicketReceipt } from '../core/adapter/types.js';

/** The server registered the request written in this form: its number is `receipt.number`. */
export interface GuSubmittedDetail {
  receipt: TicketReceipt;
  ticket: NewTicket;
}
export type GuSubmittedEvent = CustomEvent<GuSubmittedDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'gu-submitted': GuSubmittedEvent;
  }
}
