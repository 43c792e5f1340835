/** The chat's wire types (docs/api.md "Chat"): messages, session, events, what a subscription tells. */
import type { AdapterError } from './errors.js';
import type { AttachmentInfo } from './types.js';

export type ChatAuthor = 'citizen' | 'bot' | 'operator' | 'system';
export type ChatState = 'bot' | 'queued' | 'operator' | 'closed';

/** A help article under a bot answer. */
export interface ChatArticleCard {
  id: string;
  title: string;
  /** ≤ ~180 characters of plain text. */
  snippet: string;
}

/** A button under a message: what pressing it does. */
export type ChatQuickReply =
  | { action: 'operator'; label: string }
  | { action: 'send'; label: string; text: string }
  | { action: 'form'; label: string }
  | { action: 'callback'; label: string };

export interface ChatMessage {
  id: string;
  /** 1, 2, 3… per session, no gaps: the view merges and dedupes by it. */
  seq: number;
  author: ChatAuthor;
  text: string;
  at: string;
  /** Echoed from the request: matches the element's pending message. */
  clientId?: string;
  /** Bot answers may point at FAQ articles (ids; `articles` carries the cards). */
  articleIds?: string[];
  articles?: ChatArticleCard[];
  quickReplies?: ChatQuickReply[];
  /** Files sent with the message (links as for tickets). */
  attachments?: AttachmentInfo[];
  operatorName?: string;
}

export interface ChatQueue {
  /** 1 = next. */
  position: number;
  /** Estimated wait for an operator. */
  waitSeconds: number;
  /** The server suggests a call back above this wait (the element's own setting wins). */
  callbackAfterSeconds?: number;
}

/** The operators' hours as the server has them. */
export interface ChatHours {
  open: boolean;
  /** «будни 08:00–20:00, суббота 09:00–17:00 (время московское)», in the asked language. */
  text: string;
}

export type ChatEndedBy = 'citizen' | 'operator' | 'callback';

export interface ChatSession {
  id: string;
  /** Secret that lets this browser read the session's event stream and history. */
  token: string;
  state: ChatState;
  queuePosition?: number;
  queue?: ChatQueue;
  hours?: ChatHours;
  /** The operator has read the citizen's messages up to this seq. */
  readSeq?: number;
  operatorName?: string;
  endedBy?: ChatEndedBy;
  rated?: boolean;
}

/** What a call about an existing session needs: its address and its secret (a queued message stores only these). */
export type ChatSessionRef = Pick<ChatSession, 'id' | 'token'>;

export type ChatEvent =
  | { type: 'message'; message: ChatMessage }
  | { type: 'state'; state: ChatState; queuePosition?: number; queue?: ChatQueue; operatorName?: string; endedBy?: ChatEndedBy }
  /** Position or wait changed while queued. */
  | { type: 'queue'; queue: ChatQueue }
  | { type: 'hours'; hours: ChatHours }
  /** `active: false` (or a message from them) ends the indicator. */
  | { type: 'typing'; author: ChatAuthor; active?: boolean }
  /** The operator has read the citizen's messages up to `seq`. */
  | { type: 'read'; seq: number }
  | { type: 'ended'; endedBy: ChatEndedBy; at: string };

/** `GET …/transcript`: the conversation as plain text and the files sent in it (both sides). */
export interface ChatTranscript {
  text: string;
  attachments: AttachmentInfo[];
}

/** What a chat subscription tells: events, and the connection's state and failures. */
export interface ChatListener {
  event(event: ChatEvent): void;
  /** `connecting` at first, `open` once events flow, `reconnecting` after a drop (the adapter retries), `closed` when it gave up. */
  state?(state: 'connecting' | 'open' | 'reconnecting' | 'closed'): void;
  /** Why the stream failed (e.g. `unauthorized` for a wrong chat token); the state says what happens next. */
  error?(error: AdapterError): void;
}
