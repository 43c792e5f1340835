import type { ReactiveControllerHost } from 'lit';
import { AdapterError } from '../../core/adapter/errors.js';
import type { NewTicket, TicketReceipt } from '../../core/adapter/types.js';
import type { OutboxEvent, OutboxRecord, Receipt, StoredFile } from '../../core/outbox/index.js';
import { contentKey } from './form-model.js';
import { OutboxController } from './outbox-controller.js';
import type { QueuedActions } from './queued-panel.js';
import { downloadRequest } from './download.js';

/** Held (Web Locks) by the page that wrote a request until it has shown that request's number. */
const writerLock = (id: string) => `gu-support-kit:writer:${id}`;

/** What the form does when the outbox reports on its requests. */
export interface DeliveryCallbacks {
  /** A request of this form reached the server; `ticket` when this page wrote it. */
  delivered(id: string, receipt: TicketReceipt, summary: string, ticket?: NewTicket): void;
  /** A request written in another open tab reached the server: that tab shows it, this one may say so. */
  deliveredElsewhere(receipt: TicketReceipt, summary: string): void;
  /** The server refused a stored request, or the citizen took one back: it returns to the form. */
  returned(ticket: NewTicket, files: StoredFile[], refusal?: AdapterError): void;
}

/**
 * The form's requests in the offline outbox: queues a request (refusing the same content twice),
 * learns of deliveries however they happen (this tab, another tab, an earlier visit), and gives
 * refused or cancelled requests back to the form with their files. A number is shown by the tab
 * that wrote the request (it holds a Web Lock until then, whichever tab delivered it); only when
 * no open tab wrote it (closed, reloaded) does the next page that sees the receipt show it.
 */
export class TicketDelivery {
  readonly store: OutboxController;
  /** The last request delivered from this form: sending the same content again is a duplicate. */
  lastDelivered?: { key: string; receipt: TicketReceipt };
  /** Receipts already shown (a delivery learnt twice, from this tab and a broadcast, shows once). */
  private readonly shown = new Set<string>();
  /** Requests queued in this page, by outbox id, however their delivery is learnt. */
  private readonly sentHere = new Map<string, NewTicket>();
  /** Releases this page's writer lock of each request it queued. */
  private readonly writerLocks = new Map<string, () => void>();

  constructor(
    host: ReactiveControllerHost,
    private readonly owner: () => string,
    retentionMs: () => number,
    private readonly lang: () => string,
    private readonly callbacks: DeliveryCallbacks,
  ) {
    this.store = new OutboxController(host, owner, (event) => void this.onEvent(event), retentionMs);
  }

  /** Whether the same content waits in the queue already. */
  isQueued(ticket: NewTicket): boolean {
    const key = contentKey(ticket);
    return this.store.records.some((r) => r.state === 'queued' && contentKey(r.payload as NewTicket) === key);
  }

  /** Stores the request before anything is sent; throws the storage error (quota) to the caller. */
  async queue(ticket: NewTicket, files: StoredFile[]): Promise<OutboxRecord> {
    const record = await this.store.outbox!.enqueue('ticket', this.owner(), ticket, files, ticket.title);
    this.sentHere.set(record.id, ticket);
    void navigator.locks?.request(writerLock(record.id), () => new Promise<void>((release) => this.writerLocks.set(record.id, release)));
    void navigator.storage?.persist?.().catch(() => false);
    return record;
  }

  /** Sends what is due now; resolves true when `id` is still waiting afterwards. */
  async drainAndCheck(id: string): Promise<boolean> {
    await this.store.outbox?.drain();
    await this.store.refresh();
    return this.store.records.some((r) => r.id === id && r.state === 'queued');
  }

  /** Receipts in storage are requests delivered while this page did not watch: show the newest. */
  showPending(): void {
    const receipt = this.store.receipts.filter((r) => !this.shown.has(r.id)).sort((a, b) => b.deliveredAt - a.deliveredAt)[0];
    if (receipt) void this.show(receipt);
  }

  private async show(receipt: Receipt): Promise<void> {
    const result = receipt.result as TicketReceipt;
    const ticket = this.sentHere.get(receipt.id);
    // Whichever way the delivery is learnt first (event or stored receipt), a resend is recognised.
    if (ticket) this.lastDelivered = { key: contentKey(ticket), receipt: result };
    if (this.shown.has(receipt.id)) return;
    this.shown.add(receipt.id);
    if (!ticket && (await this.writtenInAnotherTab(receipt.id))) {
      this.callbacks.deliveredElsewhere(result, receipt.summary); // the receipt stays for that tab
      return;
    }
    void this.store.outbox?.acknowledge(receipt.id);
    this.writerLocks.get(receipt.id)?.();
    this.writerLocks.delete(receipt.id);
    this.callbacks.delivered(receipt.id, result, receipt.summary, ticket);
  }

  /** The form left the page: it can no longer show its numbers, so another page may. */
  releaseWriterLocks(): void {
    this.writerLocks.forEach((release) => release());
    this.writerLocks.clear();
  }

  /** Whether a tab that is still open wrote this request (it holds the writer lock). */
  private async writtenInAnotherTab(id: string): Promise<boolean> {
    const snapshot = await navigator.locks?.query?.().catch(() => undefined);
    return Boolean(snapshot?.held?.some((lock) => lock.name === writerLock(id)));
  }

  private async onEvent(event: OutboxEvent): Promise<void> {
    if (event.type === 'changed') {
      await this.store.refresh();
      this.showPending();
    } else if (event.type === 'delivered' && event.receipt.owner === this.owner()) {
      await this.show(event.receipt);
    } else if (event.type === 'rejected' && event.record.owner === this.owner()) {
      const taken = await this.store.outbox?.take(event.record.id);
      if (!taken) return;
      const { lastError } = taken.record;
      const refusal = new AdapterError('rejected', lastError?.message ?? '', {
        problem: { type: 'urn:gu-support:problem:validation', title: lastError?.message ?? '', status: 422, errors: lastError?.fieldErrors ?? [] },
      });
      this.callbacks.returned(taken.record.payload as NewTicket, taken.files, refusal);
    }
  }

  /** What the queued list's buttons do. */
  readonly actions: QueuedActions = {
    cancel: async (record) => {
      const taken = await this.store.outbox?.take(record.id);
      if (taken) this.callbacks.returned(taken.record.payload as NewTicket, taken.files);
    },
    sendNow: (record) => void this.store.outbox?.retry(record.id),
    download: (record) => downloadRequest(record.payload as NewTicket, this.lang()),
    remove: (record) => void this.store.outbox?.cancel(record.id),
  };
}
