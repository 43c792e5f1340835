import type { ChatMessage, ChatSessionRef } from '../../adapter/types.js';
import type { Sender } from './registry.js';

export interface ChatMessagePayload {
  session: ChatSessionRef;
  text: string;
  /** The chat's own id for the message it shows at once, to match it with the server's message. */
  clientId: string;
}

declare module './registry.js' {
  interface OutboxKinds {
    /** A citizen's chat message; owner: the session (`chat:${session.id}`), so messages keep their order. */
    'chat-message': { payload: ChatMessagePayload; result: ChatMessage };
  }
}

export const chatMessageSender: Sender<'chat-message'> = {
  send: (adapter, { id, payload }, files) => adapter.sendChatMessage(payload.session, payload.text, { idempotencyKey: id, clientId: payload.clientId, ...(files.length ? { files } : {}) }),
};
