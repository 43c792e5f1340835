import type { ChatAuthor, ChatMessage, ChatState } from '../../core/adapter/types.js';

/** A citizen's message not yet matched with the server's copy (it has no `seq` yet). */
export interface PendingMessage {
  /** The outbox record's id (also the Idempotency-Key). */
  id: string;
  /** Sent with the message; the server echoes it, so its copy replaces this one. */
  clientId: string;
  text: string;
  at: string;
  /** `queued`: waiting for the connection; `failed`: refused or set aside, «Повторить» offered. */
  status: 'sending' | 'queued' | 'failed';
  /** File names sent with it. */
  files: string[];
}

export type Connection = 'idle' | 'connecting' | 'open' | 'reconnecting' | 'closed';

/** Everything <gu-chat> shows; the behaviour changes it, the view renders it. */
export interface ChatView {
  /** Server messages (and the client bot's, at half steps) in `seq` order, each once. */
  messages: ChatMessage[];
  pending: PendingMessage[];
  /** `none` before a session exists. */
  chatState: ChatState | 'none';
  queuePosition?: number;
  waitSeconds?: number;
  connection: Connection;
  /** The operator has read the citizen's messages up to this `seq`. */
  readSeq: number;
  /** Who is typing on the other side now ('' for nobody). */
  typing: ChatAuthor | '';
  unread: number;
  /** Bot answers that did not help; after two, a person is offered again. */
  unhelpful: number;
  /** Shown instead of the queue: operators are not working now. */
  offHours: boolean;
  /** The server's words for the hours, when it gave them. */
  hoursText?: string;
  /** «Оператор Анна подключился к чату»: said once (polite live region) when an operator takes the chat. */
  joined?: string;
  /** The call-back form is open / was requested for this number. */
  callback: '' | 'asking' | string;
  rated: boolean;
  /** A failure to say (a message key's text, already translated). */
  error: string;
  /** The composer's text. */
  draft: string;
}

export const initialView = (): ChatView => ({
  messages: [],
  pending: [],
  chatState: 'none',
  connection: 'idle',
  readSeq: 0,
  typing: '',
  unread: 0,
  unhelpful: 0,
  offHours: false,
  callback: '',
  rated: false,
  error: '',
  draft: '',
});
