import type { TicketComment } from '../../adapter/types.js';
import type { Sender } from './registry.js';

/**
 * A citizen's reply to a ticket. The number and the contact given at creation stay with the
 * queued reply (like a queued ticket's own contacts, deleted once delivered), because an access
 * token may have expired by the time the connection is back: the sender asks for a fresh one.
 */
export interface CommentPayload {
  number: string;
  contact: string;
  text: string;
}

declare module './registry.js' {
  interface OutboxKinds {
    /** A reply to a ticket; owner: `ticket:<number>`, so replies arrive in the order written. */
    comment: { payload: CommentPayload; result: TicketComment };
  }
}

export const commentSender: Sender<'comment'> = {
  async send(adapter, { id, payload }, files) {
    const { access } = await adapter.openTicket(payload.number, payload.contact);
    return adapter.addComment(access, payload.text, files, { idempotencyKey: id });
  },
};
