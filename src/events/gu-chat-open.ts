/** The chat panel opened (by the launcher, `open()` or a restored session in `mode="inline"`). */
export interface ChatOpenDetail {
  /** The session's id once one exists (none before the first message of a new chat). */
  session?: string;
}
export type GuChatOpenEvent = CustomEvent<ChatOpenDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'gu-chat-open': GuChatOpenEvent;
  }
}
