/**
 * The chat's wire types, as docs/api.md "Chat" defines them. The server keeps its own copy so the
 * reference implementation states the contract on its own; the kit's adapter types mirror it.
 */
import type { AttachmentInfo } from '../../../src/core/adapter/types.js';

export type ChatState = 'bot' | 'queued' | 'operator' | 'closed';
export type ChatAuthor = 'citizen' | 'bot' | 'operator' | 'system';
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

export interface ChatArticleCard {
  id: string;
  title: string;
  snippet: string;
}

export type ChatQuickReply =
  | { action: 'operator'; label: string }
  | { action: 'send'; label: string; text: string }
  | { action: 'form'; label: string }
  | { action: 'callback'; label: string };

export interface ChatMessage {
  id: string;
  seq: number;
  author: ChatAuthor;
  text: string;
  at: string;
  clientId?: string;
  articleIds?: string[];
  articles?: ChatArticleCard[];
  quickReplies?: ChatQuickReply[];
  attachments?: AttachmentInfo[];
  operatorName?: string;
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
