/** The chat panel closed (Esc, «Свернуть чат» or `close()`); the conversation goes on. */
export interface ChatCloseDetail {
  session?: string;
}
export type GuChatCloseEvent = CustomEvent<ChatCloseDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'gu-chat-close': GuChatCloseEvent;
  }
}
