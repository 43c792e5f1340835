import { AdapterError } from './errors.js';
import type { MemoryAdapterOptions } from './memory-base.js';
import { MemoryChat } from './memory-chat.js';
import type {
  Article,
  ArticleFeedback,
  DeflectionReport,
  FaqCategory,
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
import { validateNewTicket, DEFAULT_RULES } from '../validate/ticket.js';
import { generateTicketNumber, validateTicketNumber } from '../validate/ticket-number.js';
import { addWorkingDays } from '../calendar/working-days.js';
import { defaultTopics } from '../topics.js';

export type { MemoryAdapterOptions } from './memory-base.js';

const digitsOf = (s: string) => s.replace(/\D/g, '').slice(-10);
/** The reference server's rule: e-mail case-insensitively, phone by its last 10 digits. */
function sameContact(given: string, known: string): boolean {
  const a = given.trim().toLowerCase();
  const b = known.trim().toLowerCase();
  if (!a) return false;
  if (a.includes('@') || b.includes('@')) return a === b;
  return digitsOf(a).length === 10 && digitsOf(a) === digitsOf(b);
}

/**
 * Keeps everything in memory, validating like the reference server: for Storybook and element
 * unit tests only. Real delivery is proved against the reference server (test/e2e).
 */
export class MemoryAdapter extends MemoryChat implements SupportAdapter {
  readonly tickets = new Map<string, Ticket>();
  /** Number → the phone and e-mail given at creation. */
  private readonly contacts = new Map<string, string[]>();
  private readonly access = new Map<string, { number: string; expires: number }>();
  private readonly followers = new Map<string, Set<TicketListener>>();

  constructor(options: MemoryAdapterOptions = {}) {
    super(options);
    for (const ticket of options.tickets ?? []) this.tickets.set(ticket.number, ticket);
    for (const [number, contact] of Object.entries(options.contacts ?? {})) this.contacts.set(number, [contact]);
  }

  /** Ends every access token at once, as if they expired: the next `getTicket` fails with `unauthorized`. */
  expireAccess(): void {
    this.access.clear();
  }

  async listTopics(options?: RequestOptions): Promise<Topic[]> {
    await this.step(options);
    return this.options.topics ?? defaultTopics(options?.lang);
  }

  async createTicket(ticket: NewTicket, files: UploadFile[], options: RequestOptions & { idempotencyKey: string }): Promise<TicketReceipt> {
    await this.step(options);
    options.onProgress?.(1);
    const replay = this.replies.get(options.idempotencyKey);
    if (replay) return replay as TicketReceipt;
    const checked = validateNewTicket(ticket, DEFAULT_RULES, ticket.lang);
    if (!checked.ok) throw new AdapterError('rejected', 'validation', { status: 422, problem: { type: 'urn:gu-support:problem:validation', title: 'validation', status: 422, errors: checked.errors } });
    const now = new Date();
    let number = generateTicketNumber();
    while (this.tickets.has(number)) number = generateTicketNumber();
    this.contacts.set(number, [checked.value.contact.phone, checked.value.contact.email ?? ''].filter(Boolean));
    const receipt: TicketReceipt = {
      number,
      status: 'accepted',
      createdAt: now.toISOString(),
      dueFirstReplyAt: new Date(now.getTime() + 86_400_000).toISOString(),
      dueAnswerAt: addWorkingDays(now, 5).toISOString(),
      urgent: Boolean(checked.value.urgent),
    };
    this.tickets.set(number, {
      ...receipt,
      topic: ticket.topic,
      title: ticket.title,
      description: ticket.description,
      updatedAt: receipt.createdAt,
      history: [{ status: 'accepted', at: receipt.createdAt }],
      comments: [],
      attachments: files.map((f, i) => ({ id: String(i), name: f.name, type: f.type, size: f.data.byteLength, url: '#' })),
    });
    this.replies.set(options.idempotencyKey, receipt);
    return receipt;
  }

  async openTicket(number: string, contact: string, options?: RequestOptions): Promise<{ access: TicketAccess; ticket: Ticket }> {
    await this.step(options);
    const canonical = validateTicketNumber(number);
    const key = canonical.ok ? canonical.value : number.trim();
    const ticket = this.tickets.get(key);
    const known = this.contacts.get(key);
    if (!ticket || !contact.trim() || (known && !known.some((k) => sameContact(contact, k)))) {
      throw new AdapterError('not-found', 'not found', { status: 404 });
    }
    return { access: this.grant(key), ticket };
  }

  /** The signed-in user owns every ticket here (as `listMyTickets` lists them all). */
  async openMyTicket(number: string, options?: RequestOptions): Promise<{ access: TicketAccess; ticket: Ticket }> {
    await this.step(options);
    const canonical = validateTicketNumber(number);
    const ticket = canonical.ok ? this.tickets.get(canonical.value) : undefined;
    if (!ticket) throw new AdapterError('not-found', 'not found', { status: 404 });
    return { access: this.grant(ticket.number), ticket };
  }

  private grant(number: string): TicketAccess {
    const token = `memory-${++this.counter}-${Math.random().toString(36).slice(2)}`;
    const expires = Date.now() + (this.options.accessTtlMs ?? 15 * 60_000);
    this.access.set(token, { number, expires });
    return { number, token, expiresAt: new Date(expires).toISOString() };
  }

  async getTicket(access: TicketAccess, options?: RequestOptions): Promise<Ticket> {
    await this.step(options);
    const granted = this.access.get(access.token);
    if (!granted || granted.number !== access.number || granted.expires <= Date.now()) {
      throw new AdapterError('unauthorized', 'access expired', { status: 401 });
    }
    const ticket = this.tickets.get(access.number);
    if (!ticket) throw new AdapterError('not-found', 'not found', { status: 404 });
    return ticket;
  }

  async listMyTickets(options?: RequestOptions): Promise<TicketSummary[]> {
    await this.step(options);
    return [...this.tickets.values()].map(({ number, status, topic, title, createdAt, updatedAt, urgent }) => ({ number, status, topic, title, createdAt, updatedAt, urgent }));
  }

  async addComment(access: TicketAccess, text: string, _files: UploadFile[], options: RequestOptions & { idempotencyKey: string }): Promise<TicketComment> {
    const ticket = await this.getTicket(access, options);
    const replay = this.replies.get(options.idempotencyKey);
    if (replay) return replay as TicketComment;
    const comment: TicketComment = { id: String(ticket.comments.length + 1), author: 'citizen', text, at: new Date().toISOString(), attachments: [] };
    this.replies.set(options.idempotencyKey, comment);
    this.changeTicket(ticket.number, { comments: [...ticket.comments, comment] });
    return comment;
  }

  /** Changes a ticket as an operator would (status with a history entry, comments, extension) and tells its followers. */
  changeTicket(number: string, change: Partial<Ticket> & { comment?: string }): Ticket {
    const old = this.tickets.get(number);
    if (!old) throw new Error(`No ticket ${number}`);
    const at = new Date().toISOString();
    const { comment, ...rest } = change;
    const history = rest.status && rest.status !== old.status ? [...old.history, { status: rest.status, at, ...(comment ? { comment } : {}) }] : old.history;
    const ticket: Ticket = { ...old, ...rest, history, updatedAt: at, revision: (old.revision ?? 0) + 1 };
    this.tickets.set(number, ticket);
    for (const listener of this.followers.get(number) ?? []) listener.ticket(ticket);
    return ticket;
  }

  subscribeTicket(access: TicketAccess, listener: TicketListener): () => void {
    const set = this.followers.get(access.number) ?? new Set();
    set.add(listener);
    this.followers.set(access.number, set);
    listener.state?.('open');
    return () => set.delete(listener);
  }

  async remindTicket(access: TicketAccess, options?: RequestOptions): Promise<{ remindedAt: string }> {
    const ticket = await this.getTicket(access, options);
    const since = Date.parse(ticket.history.at(-1)?.at ?? ticket.createdAt);
    const last = ticket.remindedAt ? Date.parse(ticket.remindedAt) : -Infinity;
    const wait = Math.max(since + 48 * 3600_000, last + 24 * 3600_000) - Date.now();
    if (ticket.status !== 'in-progress') throw new AdapterError('rejected', 'not in progress', { status: 409 });
    if (wait > 0) throw new AdapterError('rate-limited', 'too early', { status: 429, retryAfterMs: wait });
    return { remindedAt: this.changeTicket(ticket.number, { remindedAt: new Date().toISOString() }).remindedAt! };
  }

  async rateTicket(access: TicketAccess, rating: TicketRating, options?: RequestOptions): Promise<void> {
    const ticket = await this.getTicket(access, options);
    if (!ticket.history.some((h) => h.status === 'resolved')) throw new AdapterError('rejected', 'not resolved', { status: 409 });
    this.changeTicket(ticket.number, { rating });
  }

  async listArticles(options?: RequestOptions): Promise<Article[]> {
    await this.step(options);
    return this.options.articles ?? [];
  }

  async listFaqCategories(options?: RequestOptions): Promise<FaqCategory[]> {
    await this.step(options);
    return this.options.faqCategories ?? [];
  }

  /** Feedback received, in order (stories and tests read it). */
  readonly feedback: (ArticleFeedback & { articleId: string })[] = [];
  /** Deflection reports by form session, merged as the reference server does. */
  readonly deflections = new Map<string, DeflectionReport>();

  async sendArticleFeedback(articleId: string, feedback: ArticleFeedback, options: RequestOptions & { idempotencyKey: string }): Promise<void> {
    await this.step(options);
    if (this.replies.has(options.idempotencyKey)) return;
    this.replies.set(options.idempotencyKey, true);
    this.feedback.push({ articleId, ...feedback });
  }

  async reportDeflection(report: DeflectionReport, options?: RequestOptions): Promise<void> {
    await this.step(options);
    const known = this.deflections.get(report.session);
    this.deflections.set(report.session, { session: report.session, articleIds: [...new Set([...(known?.articleIds ?? []), ...report.articleIds])], sent: Boolean(known?.sent || report.sent) });
  }
}
