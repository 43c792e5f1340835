import { isAdapterError } from '../../core/adapter/errors.js';
import type { SupportAdapter, TicketComment } from '../../core/adapter/types.js';
import { acquireOutbox, type OutboxEvent, type OutboxLease, type OutboxRecord, type SharedOutbox, type StoredFile } from '../../core/outbox/index.js';
import type { CommentPayload } from '../../core/outbox/senders/comment.js';
import { findSensitive, foundLabels, removeFragments, validateText } from '../../core/validate/text.js';
import { ticketErrorText } from './errors.js';
import type { GuTicketStatus } from './gu-ticket-status.js';
import type { TicketSession } from './session.js';

const REPLY_MAX = 2000;

/**
 * The citizen's reply while support waits for details: checked like the form's description (length,
 * PII guard), then written to the page's outbox (kind `comment`, owner `ticket:<number>`) before
 * anything is sent, so a reply written offline goes once, later, even after a reload. Where
 * storage is unavailable it is sent directly under one Idempotency-Key.
 */
export class ReplyController {
  text = '';
  error = '';
  /** Replies of this ticket still waiting in the outbox. */
  pending: OutboxRecord<CommentPayload>[] = [];
  busy = false;
  private lease?: OutboxLease;
  private outbox?: SharedOutbox;
  private unsubscribe?: () => void;
  private directKey?: string;
  /** Closed before the outbox had opened: the lease that arrives late is given back at once. */
  private closed = false;
  /** Settles once the outbox is open or known to be unavailable. */
  private ready: Promise<void> = Promise.resolve();

  constructor(
    private readonly host: GuTicketStatus,
    private readonly session: TicketSession,
    private readonly delivered: (comment: TicketComment) => void,
  ) {}

  private get owner(): string {
    return `ticket:${this.session.number}`;
  }

  /** Opens the page's outbox for this backend (shared with the form and the chat). */
  connect(): Promise<void> {
    this.ready = this.open();
    return this.ready;
  }

  private async open(): Promise<void> {
    try {
      const lease = await (this.host.backend.outboxSource ?? acquireOutbox)({ adapter: this.session.api as SupportAdapter, target: this.host.backend.target });
      if (this.closed) return lease.release(); // a lease kept here would hold the page's outbox with this adapter
      this.lease = lease;
      this.outbox = lease.outbox;
      this.unsubscribe = lease.outbox.on((event) => void this.onEvent(event), { owner: this.owner, kinds: ['comment'] });
      await this.refresh();
      void lease.outbox.drain();
    } catch {
      this.outbox = undefined; // no IndexedDB: replies go directly
    }
  }

  private async refresh(): Promise<void> {
    this.pending = ((await this.outbox?.list(this.owner)) ?? []).filter((r) => r.kind === 'comment') as OutboxRecord<CommentPayload>[];
    this.host.requestUpdate();
  }

  private async onEvent(event: OutboxEvent): Promise<void> {
    const t = (key: Parameters<GuTicketStatus['t']>[0]) => this.host.t(key);
    if (event.type === 'retrying') this.host.announce(t('ticket.reply.queued'));
    if (event.type === 'delivered') {
      this.pending = this.pending.filter((r) => r.id !== event.record.id);
      this.host.announce(t('ticket.reply.sent'));
      this.delivered(event.receipt.result as TicketComment);
    }
    if (event.type === 'rejected') {
      const payload = event.record.payload as CommentPayload;
      this.text = payload.text;
      this.error = this.host.t('ticket.reply.refused', { reason: event.record.lastError?.message ?? '' });
    }
    await this.refresh();
  }

  /** What the PII guard finds in the text now. */
  get secrets() {
    return findSensitive(this.text, this.host.locale);
  }

  removeSecrets(): void {
    this.text = removeFragments(this.text, this.secrets);
    this.error = '';
    this.host.requestUpdate();
  }

  /** Checks, then queues (or sends) the reply; returns true when it is on its way. */
  async send(files: StoredFile[]): Promise<boolean> {
    const lang = this.host.locale;
    const checked = validateText(this.text, { required: true, max: REPLY_MAX }, lang);
    const found = foundLabels(this.secrets);
    this.error = !checked.ok ? (checked.code === 'empty' ? this.host.t('ticket.reply.empty') : checked.message) : found ? this.host.t('ticket.reply.pii', { found }) : '';
    if (this.error || !checked.ok) {
      this.host.requestUpdate();
      return false;
    }
    const payload: CommentPayload = { number: this.session.number, ...(this.session.contact ? { contact: this.session.contact } : {}), text: checked.value };
    this.busy = true;
    this.host.announce(this.host.t('ticket.reply.sending'));
    try {
      await this.ready; // a reply is written to storage first whenever storage works
      if (this.outbox) {
        await this.outbox.enqueue('comment', this.owner, payload, files, checked.value.slice(0, 80));
        void this.outbox.drain();
      } else {
        this.directKey ??= crypto.randomUUID();
        const key = this.directKey;
        const comment = await this.session.call((access) => this.session.api.addComment(access, checked.value, files, { idempotencyKey: key }));
        this.directKey = undefined;
        this.host.announce(this.host.t('ticket.reply.sent'));
        this.delivered(comment);
      }
      this.text = '';
      return true;
    } catch (error) {
      this.error = isAdapterError(error) ? ticketErrorText(this.host, error.kind, error) : String(error);
      return false;
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }

  close(): void {
    this.closed = true;
    this.unsubscribe?.();
    this.lease?.release();
    this.lease = undefined;
    this.outbox = undefined;
  }
}
