import type { NewTicket, TicketReceipt } from '../../adapter/types.js';
import type { Sender } from './registry.js';

declare module './registry.js' {
  interface OutboxKinds {
    /** A support request from `<gu-support-form>`; owner: the form. */
    ticket: { payload: NewTicket; result: TicketReceipt };
  }
}

export const ticketSender: Sender<'ticket'> = {
  send: (adapter, record, files) => adapter.createTicket(record.payload, files, { idempotencyKey: record.id }),
  // The same request sent again is answered with the earlier ticket: that is the number to show.
  label: (receipt) => receipt.duplicateOf ?? receipt.number,
};
