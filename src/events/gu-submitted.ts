import type { NewTicket, TicketReceipt } from '../core/adapter/types.js';

/** The server registered the request written in this form: its number is `receipt.number`. */
export interface SubmittedDetail {
  receipt: TicketReceipt;
  ticket: NewTicket;
}
export type GuSubmittedEvent = CustomEvent<SubmittedDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'gu-submitted': GuSubmittedEvent;
  }
}
