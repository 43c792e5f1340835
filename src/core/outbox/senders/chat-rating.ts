import type { ChatSessionRef } from '../../adapter/types.js';
import type { Sender } from './registry.js';

export interface ChatRatingPayload {
  session: ChatSessionRef;
  /** 1…5 */
  score: number;
  comment?: string;
}

declare module './registry.js' {
  interface OutboxKinds {
    /** The rating of a finished chat; owner: the session, so it follows the session's last messages. */
    'chat-rating': { payload: ChatRatingPayload; result: undefined };
  }
}

export const chatRatingSender: Sender<'chat-rating'> = {
  async send(adapter, { id, payload }) {
    await adapter.rateChat(payload.session, payload.score, payload.comment, { idempotencyKey: id });
  },
};
