import type { ChatMessage } from '../core/adapter/types.js';

/** A new message in the chat: from the bot, an operator, support, or the citizen's own once the server has it. */
export interface MessageDetail {
  session: string;
  message: ChatMessage;
}
export type GuMessageEvent = CustomEvent<MessageDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'gu-message': GuMessageEvent;
  }
}
