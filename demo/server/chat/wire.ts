/**
 * The chat's wire types, as docs/api.md "Chat" defines them. What the kit's adapter reads is
 * shared with it (one definition of a message); what only the server sees is declared here.
 */
import type { ChatMessage, ChatState } from '../../../src/core/adapter/types.js';

export type { ChatArticleCard, ChatAuthor, ChatMessage, ChatQuickReply, ChatState } from '../../../src/core/adapter/types.js';
export type EndedBy = 'citizen' | 'operator' | 'callback';

export interface ChatQueue {
  position: number;
  waitSeconds: number;
  callbackAfterSeconds: number;
}

export interface ChatHours {
  open: boolean;
  timeZone: 'Europe/Moscow';
  schedule: { days: number[]; from: string; to: string }[];
  text: string;
  opensAt?: string;
  closesAt?: string;
}

export interface ChatLimits {
  textMax: number;
  files: number;
  fileBytes: number;
}

export interface ChatSession {
  id: string;
  token: string;
  state: ChatState;
  createdAt: string;
  lastSeq: number;
  readSeq: number;
  queuePosition?: number;
  queue?: ChatQueue;
  operatorName?: string;
  endedBy?: EndedBy;
  endedAt?: string;
  callback?: { phone: string; requestedAt: string };
  rated?: boolean;
  hours: ChatHours;
  limits: ChatLimits;
}

export type ChatEvent =
  | { type: 'message'; message: ChatMessage }
  | { type: 'state'; state: ChatState; queuePosition?: number; queue?: ChatQueue; operatorName?: string; endedBy?: EndedBy }
  | { type: 'queue'; queue: ChatQueue }
  | { type: 'hours'; hours: ChatHours }
  | { type: 'typing'; author: 'operator' | 'citizen'; active: boolean }
  | { type: 'read'; seq: number; by?: 'citizen' }
  | { type: 'ended'; endedBy: EndedBy; at: string };

/** Who a stream belongs to: the citizen's stream never gets the citizen's own typing and read marks, and the reverse. */
export type Audience = 'citizen' | 'operator';
