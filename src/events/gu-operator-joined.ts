/** A person (an operator) took the chat over from the bot or the queue. */
export interface OperatorJoinedDetail {
  session: string;
  /** The operator's name, when the backend tells it. */
  operatorName?: string;
}
export type GuOperatorJoinedEvent = CustomEvent<OperatorJoinedDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'gu-operator-joined': GuOperatorJoinedEvent;
  }
}
