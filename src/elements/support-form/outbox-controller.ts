import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SupportAdapter, TicketsApi } from '../../core/adapter/types.js';
import type { Drafts, OutboxEvent, OutboxLease, OutboxRecord, Receipt, SharedOutbox } from '../../core/outbox/index.js';
import { lazy } from '../../core/lazy.js';
import type { OutboxSource } from '../../context/outbox.js';

/** The outbox code arrives right after the form renders (it is not needed for the first paint). */
const loadOutbox = lazy(() => import('../../core/outbox/index.js'));

export type StorageProblem = '' | 'unavailable' | 'blocked';

/**
 * Connects a form to the page's shared outbox for its target (`acquireOutbox`) and to drafts in
 * IndexedDB, keeps the list of this form's queued requests and delivered receipts, and passes
 * outbox events on. Where storage is unavailable it says so and the form sends directly.
 */
export class OutboxController implements ReactiveController {
  outbox?: SharedOutbox;
  drafts?: Drafts;
  problem: StorageProblem = '';
  records: OutboxRecord[] = [];
  receipts: Receipt[] = [];
  /** Resolves when the outbox is open or known to be unavailable. */
  ready: Promise<void> = Promise.resolve();
  private adapter?: TicketsApi;
  private lease?: OutboxLease;
  private unsubscribe?: () => void;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly owner: () => string,
    private readonly onEvent: (event: OutboxEvent) => void,
    private readonly retentionMs: () => number,
  ) {
    host.addController(this);
  }

  /**
   * (Re)opens the outbox for this adapter; `target` names the backend (its endpoint). Inside a
   * provider its `source` decides the adapter; otherwise another element on the page already
   * using this target's outbox keeps its adapter (the first one wins).
   */
  connect(adapter: TicketsApi | undefined, target: string, source?: OutboxSource): void {
    if (!adapter || adapter === this.adapter) return;
    this.adapter = adapter;
    this.close();
    // Ready when open, or as soon as it is known to be blocked: the form must not wait for an old tab.
    this.ready = new Promise((resolve) => void this.open(adapter, target, source, resolve).finally(resolve));
  }

  private async open(adapter: TicketsApi, target: string, source: OutboxSource | undefined, blocked: () => void): Promise<void> {
    try {
      const { acquireOutbox, Drafts } = await loadOutbox();
      const lease = await (source ?? acquireOutbox)({
        // The form queues tickets only. A record of another kind met in the shared outbox whose
        // slice this adapter lacks fails in its sender like a bug: set aside, never blocking others.
        adapter: adapter as SupportAdapter,
        target,
        retentionMs: this.retentionMs(),
        onBlocked: () => {
          this.setProblem('blocked');
          blocked();
        },
      });
      if (this.adapter !== adapter) return lease.release(); // replaced meanwhile
      const { outbox } = lease;
      this.lease = lease;
      this.outbox = outbox;
      this.drafts = await Drafts.open(this.retentionMs());
      this.problem = '';
      this.unsubscribe = outbox.on((event) => {
        // A delivered request leaves the list at once: the form shows its number now, and the list
        // must not offer it as waiting until the re-read below comes back.
        if (event.type === 'delivered') this.records = this.records.filter((r) => r.id !== event.record.id);
        this.onEvent(event);
        void this.refresh();
      });
      await this.refresh();
      void outbox.drain();
    } catch {
      this.setProblem('unavailable');
    }
  }

  private setProblem(problem: StorageProblem): void {
    this.problem = problem;
    this.host.requestUpdate();
  }

  async refresh(): Promise<void> {
    if (!this.outbox) return;
    const owner = this.owner();
    [this.records, this.receipts] = await Promise.all([this.outbox.list(owner), this.outbox.receipts(owner)]);
    this.host.requestUpdate();
  }

  /** Moved in the page: the next update opens storage again. */
  hostConnected(): void {
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.close();
    this.adapter = undefined;
  }

  private close(): void {
    this.unsubscribe?.();
    this.lease?.release();
    this.drafts?.close();
    this.lease = undefined;
    this.outbox = undefined;
    this.drafts = undefined;
  }
}
