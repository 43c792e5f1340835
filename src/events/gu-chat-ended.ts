/** The chat ended: the operator or the citizen closed it. The rating form follows. */
export interface ChatEndedDetail {
  session: string;
  /** Who ended it, when known: `citizen` for «Завершить чат» here, else `support`. */
  by: 'citizen' | 'support';
  /** The conversation as plain text (what «Сохранить переписку» saves). */
  transcript: string;
}
export type GuChatEndedEvent = CustomEvent<ChatEndedDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'gu-chat-ended': GuChatEndedEvent;
  }
}
