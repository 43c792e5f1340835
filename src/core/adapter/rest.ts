import { subscribeWithFallback, type ChatPage } from './rest-chat.js';
import { RestTransport } from './rest-transport.js';
import { streamTicket } from './ticket-follow.js';
import type {
  Article,
  ArticleFeedback,
  DeflectionReport,
  ChatListener,
  ChatMessage,
  ChatSession,
  ChatSessionRef,
  ChatTranscript,
  Consent,
  NewTicket,
  RequestOptions,
  SupportAdapter,
  Ticket,
  TicketAccess,
  TicketComment,
  TicketListener,
  TicketRating,
  TicketReceipt,
  TicketSummary,
  Topic,
  UploadFile,
} from './types.js';

export type { RestAdapterOptions } from './rest-transport.js';

const chatHeaders = (session: ChatSessionRef) => ({ 'X-Chat-Token': session.token });

/**
 * The adapter for the REST contract of docs/api.md: fetch for JSON, XMLHttpRequest for uploads
 * (fetch cannot report upload progress), Server-Sent Events for the chat.
 */
export class RestAdapter extends RestTransport implements SupportAdapter {
  async listTopics(options?: RequestOptions): Promise<Topic[]> {
    return (await this.request<{ topics: Topic[] }>({ method: 'GET', path: '/topics', options })).topics;
  }

  createTicket(ticket: NewTicket, files: UploadFile[], options: RequestOptions & { idempotencyKey: string }): Promise<TicketReceipt> {
    return this.request<TicketReceipt>({ method: 'POST', path: '/tickets', body: ticket, files, options });
  }

  /** Number + contact travel in a POST body (never in a URL) and come back as a short-lived token. */
  async openTicket(number: string, contact: string, options?: RequestOptions): Promise<{ access: TicketAccess; ticket: Ticket }> {
    const opened = await this.request<{ token: string; expiresAt: string; ticket: Ticket }>({ method: 'POST', path: '/tickets/lookup', body: { number, contact }, options });
    const ticket = this.withLinks(opened.ticket);
    return { access: { number: ticket.number, token: opened.token, expiresAt: opened.expiresAt }, ticket };
  }

  /** The signed-in owner's access (the `getToken` bearer), no contact: POST, the number in the path only. */
  async openMyTicket(number: string, options?: RequestOptions): Promise<{ access: TicketAccess; ticket: Ticket }> {
    const opened = await this.request<{ token: string; expiresAt: string; ticket: Ticket }>({ method: 'POST', path: `/my/tickets/${encodeURIComponent(number)}/access`, body: {}, options });
    const ticket = this.withLinks(opened.ticket);
    return { access: { number: ticket.number, token: opened.token, expiresAt: opened.expiresAt }, ticket };
  }

  async getTicket(access: TicketAccess, options?: RequestOptions): Promise<Ticket> {
    const ticket = await this.request<Ticket>({ method: 'GET', path: this.ticketPath(access), options, headers: { 'X-Ticket-Token': access.token } });
    return this.withLinks(ticket);
  }

  async listMyTickets(options?: RequestOptions): Promise<TicketSummary[]> {
    return (await this.request<{ tickets: TicketSummary[] }>({ method: 'GET', path: '/my/tickets', options })).tickets;
  }

  async addComment(access: TicketAccess, text: string, files: UploadFile[], options: RequestOptions & { idempotencyKey: string }): Promise<TicketComment> {
    const comment = await this.request<TicketComment>({
      method: 'POST',
      path: `${this.ticketPath(access)}/comments`,
      body: { text },
      files,
      options,
      headers: { 'X-Ticket-Token': access.token },
    });
    return { ...comment, attachments: comment.attachments.map((a) => ({ ...a, url: this.link(a.url) })) };
  }

  /** The ticket's event stream read with fetch (the token in a header, never in the URL), else polling. */
  subscribeTicket(access: TicketAccess, listener: TicketListener, known?: Ticket): () => void {
    const path = this.ticketPath(access);
    return streamTicket(
      {
        open: async (lastEventId, signal) =>
          fetch(this.url(`${path}/events`), {
            headers: { ...(await this.headers({ 'X-Ticket-Token': access.token, ...(lastEventId ? { 'Last-Event-ID': lastEventId } : {}) })), Accept: 'text/event-stream' },
            signal,
            credentials: 'same-origin',
          }),
        get: (signal) => this.getTicket(access, { signal }),
      },
      listener,
      known,
    );
  }

  async remindTicket(access: TicketAccess, options?: RequestOptions): Promise<{ remindedAt: string }> {
    return this.request<{ remindedAt: string }>({ method: 'POST', path: `${this.ticketPath(access)}/reminder`, body: {}, options, headers: { 'X-Ticket-Token': access.token } });
  }

  async rateTicket(access: TicketAccess, rating: TicketRating, options?: RequestOptions): Promise<void> {
    await this.request<null>({ method: 'POST', path: `${this.ticketPath(access)}/rating`, body: rating, options, headers: { 'X-Ticket-Token': access.token } });
  }

  private ticketPath(access: TicketAccess): string {
    return `/tickets/${encodeURIComponent(access.number)}`;
  }

  /** An attachment link from the server (a path or a relative URL) as an absolute URL on the API's origin. */
  private link(url: string): string {
    try {
      const page = (globalThis as { location?: { href: string } }).location?.href;
      return new URL(url, new URL(`${this.base}/`, page)).href;
    } catch {
      return url;
    }
  }

  private chatLinks(message: ChatMessage): ChatMessage {
    return message.attachments?.length ? { ...message, attachments: message.attachments.map((a) => ({ ...a, url: this.link(a.url) })) } : message;
  }

  private withLinks(ticket: Ticket): Ticket {
    const fix = (list: Ticket['attachments']) => list.map((a) => ({ ...a, url: this.link(a.url) }));
    return { ...ticket, attachments: fix(ticket.attachments), comments: ticket.comments.map((c) => ({ ...c, attachments: fix(c.attachments) })) };
  }

  async listArticles(options?: RequestOptions): Promise<Article[]> {
    return (await this.request<{ articles: Article[] }>({ method: 'GET', path: '/articles', options })).articles;
  }

  async sendArticleFeedback(articleId: string, feedback: ArticleFeedback, options: RequestOptions & { idempotencyKey: string }): Promise<void> {
    await this.request<unknown>({ method: 'POST', path: `/faq/articles/${encodeURIComponent(articleId)}/feedback`, body: feedback, options });
  }

  async reportDeflection(report: DeflectionReport, options?: RequestOptions): Promise<void> {
    await this.request<null>({ method: 'POST', path: '/faq/deflections', body: report, ...(options ? { options } : {}) });
  }

  createChatSession(options?: RequestOptions): Promise<ChatSession> {
    return this.request<ChatSession>({ method: 'POST', path: '/chat/sessions', options });
  }

  sendChatMessage(session: ChatSessionRef, text: string, options: RequestOptions & { idempotencyKey: string; files?: UploadFile[]; clientId?: string }): Promise<ChatMessage> {
    const files = options.files?.length ? options.files : undefined;
    const body = { text, ...(options.clientId ? { clientId: options.clientId } : {}) };
    return this.request<ChatMessage>({ method: 'POST', path: `/chat/sessions/${session.id}/messages`, body, ...(files ? { files } : {}), options, headers: chatHeaders(session) }).then((m) => this.chatLinks(m));
  }

  async sendChatTyping(session: ChatSessionRef, active: boolean, options?: RequestOptions): Promise<void> {
    await this.request<null>({ method: 'POST', path: `/chat/sessions/${session.id}/typing`, body: { active }, options, headers: chatHeaders(session) });
  }

  async sendChatFeedback(session: ChatSessionRef, seq: number, helped: boolean, options?: RequestOptions): Promise<void> {
    await this.request<unknown>({ method: 'POST', path: `/chat/sessions/${session.id}/feedback`, body: { seq, helped }, options, headers: chatHeaders(session) });
  }

  async markChatRead(session: ChatSessionRef, seq: number, options?: RequestOptions): Promise<void> {
    await this.request<null>({ method: 'POST', path: `/chat/sessions/${session.id}/read`, body: { seq }, options, headers: chatHeaders(session) });
  }

  async endChat(session: ChatSessionRef, options?: RequestOptions): Promise<void> {
    await this.request<ChatSession>({ method: 'POST', path: `/chat/sessions/${session.id}/end`, body: {}, options, headers: chatHeaders(session) });
  }

  async chatTranscript(session: ChatSessionRef, options?: RequestOptions): Promise<ChatTranscript> {
    const found = await this.request<ChatTranscript>({ method: 'GET', path: `/chat/sessions/${session.id}/transcript`, options, headers: chatHeaders(session) });
    return { text: found.text, attachments: found.attachments.map((a) => ({ ...a, url: this.link(a.url) })) };
  }

  requestCallback(session: ChatSessionRef, phone: string, consent: Consent, options: RequestOptions & { idempotencyKey: string }): Promise<ChatSession> {
    return this.request<ChatSession>({ method: 'POST', path: `/chat/sessions/${session.id}/callback`, body: { phone, consent }, options, headers: chatHeaders(session) });
  }

  /**
   * EventSource reconnects by itself and resumes after the last seen message (Last-Event-ID).
   * Where the stream cannot be opened at all (a proxy that buffers or refuses it), the session is
   * polled instead (`GET …/messages?after=`), so the chat still works, only slower.
   */
  subscribeChat(session: ChatSession, listener: ChatListener, afterSeq = 0): () => void {
    const transport = {
      eventsUrl: (s: ChatSession, after: number) => this.url(`/chat/sessions/${s.id}/events?token=${encodeURIComponent(s.token)}&after=${after}`),
      message: (m: ChatMessage) => this.chatLinks(m),
      poll: (s: ChatSession, after: number) => this.request<ChatPage>({ method: 'GET', path: `/chat/sessions/${s.id}/messages?after=${after}`, headers: chatHeaders(s) }),
    };
    return subscribeWithFallback(transport, session, listener, afterSeq, { pollMs: this.options.pollMs ?? 3000, streamRetryMs: this.options.streamRetryMs ?? 5000 });
  }

  requestOperator(session: ChatSession, options?: RequestOptions): Promise<ChatSession> {
    return this.request<ChatSession>({ method: 'POST', path: `/chat/sessions/${session.id}/operator`, options, headers: chatHeaders(session) });
  }

  async rateChat(session: ChatSessionRef, score: number, comment?: string, options?: RequestOptions): Promise<void> {
    await this.request<null>({ method: 'POST', path: `/chat/sessions/${session.id}/rating`, body: { score, comment }, options, headers: chatHeaders(session) });
  }
}
