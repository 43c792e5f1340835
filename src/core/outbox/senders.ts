import type { NewTicket, TicketReceipt } from '../adapter/types.js';
import type { Sender } from './outbox.js';

/** Delivers a queued support request; its outbox id is the Idempotency-Key of every attempt. */
export const sendTicket: Sender = async (adapter, record, files) => {
  const receipt: TicketReceipt = await adapter.createTicket(record.payload as NewTicket, files, { idempotencyKey: record.id });
  return { number: receipt.duplicateOf ?? receipt.number, result: receipt };
};
