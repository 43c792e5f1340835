/** Domain types shared by every adapter, the elements and the reference server (docs/api.md). */
import type { AdapterError } from './errors.js';
import type { ChatListener, ChatMessage, ChatSession, ChatSessionRef, ChatTranscript } from './chat-types.js';

export type * from './chat-types.js';

export type TicketStatus = 'accepted' | 'in-progress' | 'awaiting-info' | 'resolved' | 'closed';
export const TICKET_STATUSES: readonly TicketStatus[] = ['accepted', 'in-progress', 'awaiting-info', 'resolved', 'closed'];

export interface Topic {
  id: string;
  title: string;
  /** A complaint or repeat request needs the number of the earlier request. */
  needsPreviousNumber?: boolean;
}

/** Contact details; `phone` is required for a call back. */
export interface Contact {
  phone: string;
  email?: string;
  fullName?: string;
  snils?: string;
  inn?: string;
  accountNumber?: string;
}

/** Technical context collected by the browser and shown to the user before sending. */
export interface TechContext {
  pageUrl?: string;
  browser?: string;
  os?: string;
  screen?: string;
  occurredAt?: string;
  appVersion?: string;
}

/** Consent to the processing of personal data (152-ФЗ): which text version, when given. */
export interface Consent {
  version: string;
  givenAt: string;
}

export interface NewTicket {
  topic: string;
  title: string;
  description: string;
  contact: Contact;
  consent: Consent;
  urgent?: boolean;
  previousNumber?: string;
  context?: TechContext;
  lang?: string;
}

/** A file ready to upload; contents as ArrayBuffer so it survives IndexedDB in every engine. */
export interface UploadFile {
  name: string;
  type: string;
  data: ArrayBuffer;
}

export interface TicketReceipt {
  number: string;
  status: TicketStatus;
  createdAt: string;
  dueFirstReplyAt: string;
  dueAnswerAt: string;
  urgent: boolean;
  /** Set when the server recognised the same request sent again and returned the earlier ticket. */
  duplicateOf?: string;
}

export interface StatusChange {
  status: TicketStatus;
  at: string;
  comment?: string;
}

export interface AttachmentInfo {
  id: string;
  /** Named after the file's real (sniffed) type: `invoice.png`, whatever it was called when sent. */
  name: string;
  type: string;
  size: number;
  /**
   * A short-lived signed download link (no personal data in it). The reference server gives a
   * path on the API's origin; `RestAdapter` resolves it against the endpoint into an absolute URL.
   */
  url: string;
}

export interface TicketComment {
  id: string;
  author: 'citizen' | 'operator';
  text: string;
  at: string;
  attachments: AttachmentInfo[];
}

export interface Ticket extends TicketReceipt {
  topic: string;
  title: string;
  description: string;
  updatedAt: string;
  previousNumber?: string;
  history: StatusChange[];
  comments: TicketComment[];
  attachments: AttachmentInfo[];
  /** The answer's deadline moved (up to 15 working days from creation): the new date and why. */
  extension?: DeadlineExtension;
  /** When the citizen last sent a reminder (allowed after 48 hours «В работе», once per 24 hours). */
  remindedAt?: string;
  /** The citizen's rating of the answer, once given (after «Решено»). */
  rating?: TicketRating;
  /** Grows with every change of the ticket; numbers its event stream. */
  revision?: number;
}

export interface DeadlineExtension {
  until: string;
  reason: string;
}

export interface TicketRating {
  /** 1…5. */
  score: number;
  comment?: string;
}

export type TicketSummary = Pick<Ticket, 'number' | 'status' | 'topic' | 'title' | 'createdAt' | 'updatedAt' | 'urgent'> &
  Partial<Pick<Ticket, 'dueAnswerAt' | 'extension'>>;

/** What a ticket subscription tells: the ticket each time it changed, and the connection's state. */
export interface TicketListener {
  ticket(ticket: Ticket): void;
  /** `open`: live events; `polling`: asked again now and then (no stream); `closed`: gave up (see `error`). */
  state?(state: 'connecting' | 'open' | 'polling' | 'closed'): void;
  /** `unauthorized`: the access expired (renew it with `openTicket` and subscribe again). */
  error?(error: AdapterError): void;
}

export interface Article {
  id: string;
  title: string;
  category: string;
  /** Plain text; paragraphs separated by blank lines. Never HTML. */
  body: string;
  errorCodes: string[];
  updatedAt: string;
  /** The group heading the article sits under (a breadcrumb; searchable). */
  section?: string;
  /** Everyday words a citizen might search with that the text does not contain (boosted like the title). */
  keywords?: string[];
  /** Higher first when nothing is typed yet (views, or an editor's order). */
  popularity?: number;
}

/**
 * Short-lived right to read and answer one ticket, given for its number + the contact given at
 * creation (`openTicket`). Sent as a header, never in a URL; renew it with `openTicket` when a
 * call fails with `AdapterError` kind `unauthorized`.
 */
export interface TicketAccess {
  /** The ticket's number in canonical form (`1234-5678-9012`). */
  number: string;
  token: string;
  /** ISO time after which the server refuses the token. */
  expiresAt: string;
}

export interface RequestOptions {
  signal?: AbortSignal;
  idempotencyKey?: string;
  /** The asking element's language: server text (topics, messages) comes in it, not the browser's. */
  lang?: string;
  /** Upload progress, 0…1. */
  onProgress?: (fraction: number) => void;
}

/** Topics and tickets: what <gu-support-form> and <gu-ticket-status> need. */
export interface TicketsApi {
  listTopics(options?: RequestOptions): Promise<Topic[]>;
  createTicket(ticket: NewTicket, files: UploadFile[], options: RequestOptions & { idempotencyKey: string }): Promise<TicketReceipt>;
  /**
   * Exchanges a ticket number + the phone or e-mail given at creation for a short-lived access
   * token (and the ticket). A wrong pair and an unknown number are the same `not-found`.
   */
  openTicket(number: string, contact: string, options?: RequestOptions): Promise<{ access: TicketAccess; ticket: Ticket }>;
  /** The ticket again (status, comments, fresh attachment links); `unauthorized` once the access expired. */
  getTicket(access: TicketAccess, options?: RequestOptions): Promise<Ticket>;
  listMyTickets(options?: RequestOptions): Promise<TicketSummary[]>;
  /**
   * Access to one of the signed-in user's own tickets (the same identity as `listMyTickets`)
   * without the contact: `openTicket`'s answer. Somebody else's or an unknown number is
   * `not-found`; no sign-in is `unauthorized`. Optional: without it, a request opened from
   * «Мои обращения» asks for the phone or e-mail.
   */
  openMyTicket?(number: string, options?: RequestOptions): Promise<{ access: TicketAccess; ticket: Ticket }>;
  addComment(access: TicketAccess, text: string, files: UploadFile[], options: RequestOptions & { idempotencyKey: string }): Promise<TicketComment>;
  /**
   * Follows one ticket: calls `listener.ticket` with it whenever it changes (an event stream, or
   * asking again with back-off, paused while the tab is hidden). Returns a function that stops.
   * `known`: the version the caller has (only later changes are told). Optional: without it
   * <gu-ticket-status> asks `getTicket` now and then itself.
   */
  subscribeTicket?(access: TicketAccess, listener: TicketListener, known?: Ticket): () => void;
  /** Reminds the operators of a ticket «В работе» more than 48 hours (once per 24 hours; `rate-limited` otherwise). Optional. */
  remindTicket?(access: TicketAccess, options?: RequestOptions): Promise<{ remindedAt: string }>;
  /** Rates the answer of a resolved ticket, 1…5 with an optional comment. Optional. */
  rateTicket?(access: TicketAccess, rating: TicketRating, options?: RequestOptions): Promise<void>;
}

/** A section of the help articles: `Article.category` is its id. */
export interface FaqCategory {
  id: string;
  title: string;
}

/** «Помог ли ответ?» on one article; `comment` is optional. */
export interface ArticleFeedback {
  helpful: boolean;
  comment?: string;
}

/**
 * What the form tells about the articles it suggested: `session` names one form visit (random),
 * `articleIds` the articles the citizen opened, `sent` whether a request was sent after all.
 * Reported again with `sent: true` if it was; the backend counts requests avoided.
 */
export interface DeflectionReport {
  session: string;
  articleIds: string[];
  sent: boolean;
}

/** Help articles: what <gu-faq-search> and the form's suggested articles need. */
export interface FaqApi {
  listArticles(options?: RequestOptions): Promise<Article[]>;
  /** Optional: the names of the articles' categories in the asked language (else the ids are shown). */
  listFaqCategories?(options?: RequestOptions): Promise<FaqCategory[]>;
  /** Stores the citizen's feedback on an article; the same `idempotencyKey` stores it once. */
  sendArticleFeedback(articleId: string, feedback: ArticleFeedback, options: RequestOptions & { idempotencyKey: string }): Promise<void>;
  /** Counts suggested articles opened in the form, and whether a request followed. */
  reportDeflection(report: DeflectionReport, options?: RequestOptions): Promise<void>;
}

/** The chat with a bot and an operator: what <gu-chat> needs. */
export interface ChatApi {
  createChatSession(options?: RequestOptions): Promise<ChatSession>;
  /** Sends one message (with its files, if any); the same `idempotencyKey` never posts it twice. */
  sendChatMessage(session: ChatSessionRef, text: string, options: RequestOptions & { idempotencyKey: string; files?: UploadFile[]; clientId?: string }): Promise<ChatMessage>;
  /** Subscribes to the session's events, state and failures; returns a function that unsubscribes. */
  subscribeChat(session: ChatSession, listener: ChatListener, afterSeq?: number): () => void;
  requestOperator(session: ChatSession, options?: RequestOptions): Promise<ChatSession>;
  rateChat(session: ChatSessionRef, score: number, comment?: string, options?: RequestOptions): Promise<void>;
  /** Tells the other side the citizen is typing (`true`, at most every 2 s) or stopped. */
  sendChatTyping?(session: ChatSessionRef, active: boolean, options?: RequestOptions): Promise<void>;
  /** Whether the bot answer `seq` helped («Помогло» / «Не помогло»). */
  sendChatFeedback?(session: ChatSessionRef, seq: number, helped: boolean, options?: RequestOptions): Promise<void>;
  /** The citizen has seen the conversation up to `seq` (the operator's console shows it). */
  markChatRead?(session: ChatSessionRef, seq: number, options?: RequestOptions): Promise<void>;
  /** The citizen ends the chat (state `closed`, then the rating). */
  endChat?(session: ChatSessionRef, options?: RequestOptions): Promise<void>;
  /** The conversation as the server holds it, for «Оставить обращение»: text, and every file with a download link. */
  chatTranscript?(session: ChatSessionRef, options?: RequestOptions): Promise<ChatTranscript>;
  /** Asks for a call back instead of waiting in the queue (ends the chat). */
  requestCallback?(session: ChatSessionRef, phone: string, consent: Consent, options: RequestOptions & { idempotencyKey: string }): Promise<ChatSession>;
  /**
   * Who answers while the chat is in state `bot`: `server` (default) — the backend's bot posts
   * the answers; `client` — the backend has no bot and the element answers from the FAQ index.
   */
  readonly chatBot?: 'server' | 'client';
}

/**
 * What the elements talk to, in slices: a ministry implements only the slices of the elements it
 * uses (an element whose slice is missing says so); `RestAdapter` speaks the REST contract of
 * docs/api.md with all of them, `MemoryAdapter` keeps everything in memory for stories.
 * Methods reject with `AdapterError` (see errors.ts) for expected failures.
 */
export interface SupportAdapter extends TicketsApi, FaqApi, ChatApi {}

/** Any object with some of the slices: what an element's `adapter` property accepts. */
export type AnyAdapter = Partial<SupportAdapter>;

const SLICES = {
  tickets: ['listTopics', 'createTicket', 'openTicket', 'getTicket', 'listMyTickets', 'addComment'],
  faq: ['listArticles', 'sendArticleFeedback', 'reportDeflection'],
  chat: ['createChatSession', 'sendChatMessage', 'subscribeChat', 'requestOperator', 'rateChat'],
} as const satisfies Record<string, readonly (keyof SupportAdapter)[]>;

export type SliceName = keyof typeof SLICES;
type SliceApi = { tickets: TicketsApi; faq: FaqApi; chat: ChatApi };

/** The adapter as `name`'s slice when it implements every method of it, else undefined. */
export function adapterSlice<N extends SliceName>(adapter: AnyAdapter | undefined, name: N): SliceApi[N] | undefined {
  return adapter && SLICES[name].every((method) => typeof adapter[method] === 'function') ? (adapter as SliceApi[N]) : undefined;
}
