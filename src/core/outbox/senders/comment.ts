import { AdapterError } from '../../adapter/errors.js';
import type { TicketComment } from '../../adapter/types.js';
import type { Sender } from './registry.js';

/**
 * A citizen's reply to a ticket. The number and the contact given at creation stay with the
 * queued reply (like a queued ticket's own contacts, deleted once delivered), because an access
 * token may have expired by the time the connection is back: the sender asks for a fresh one.
 */
export interface CommentPayload {
  number: string;
  /** Absent for a ticket opened by its signed-in owner: the sender asks `openMyTicket`. */
  contact?: string;
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
    const opened = payload.contact ? adapter.openTicket(payload.number, payload.contact) : adapter.openMyTicket?.(payload.number);
    if (!opened) throw new AdapterError('unauthorized', 'This adapter opens a ticket only with its contact');
    const { access } = await opened;
    return adapter.addComment(access, payload.text, files, { idempotencyKey: id });
  },
};
