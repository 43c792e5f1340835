import type { IDBPDatabase } from 'idb';
import { isAdapterError } from '../adapter/errors.js';
import type { SupportAdapter } from '../adapter/types.js';
import { backoffDelay, type BackoffOptions } from './backoff.js';
import { claimNext, nextWakeAt } from './claim.js';
import type { KitDb, OutboxRecord, Receipt } from './db.js';
import type { OutboxEvent } from './events.js';
import type { AnySender } from './senders/registry.js';
import { filesOf, removeRecord } from './store.js';

export interface DrainerContext {
  db: IDBPDatabase<KitDb>;
  target: string;
  adapter: SupportAdapter;
  /** Read at every claim: senders registered later take part from the next record on. */
  senders: ReadonlyMap<string, AnySender>;
  leaseMs: number;
  backoff?: BackoffOptions | undefined;
  emit(event: OutboxEvent): void;
  /** Tells other tabs that the queue changed. */
  announce(): void;
}

/**
 * Sends one target's due records, one tab at a time (Web Locks; per-record leases where Web Locks
 * are missing or a tab died mid-send), and wakes itself for the next due one.
 */
export class Drainer {
  private timer?: ReturnType<typeof setTimeout>;
  private draining?: Promise<void>;
  /** `drain()` was called since the current round began: look once more before resolving. */
  private asked = false;
  private closed = false;

  constructor(private readonly ctx: DrainerContext) {}

  /**
   * Sends every due record it has a sender for; resolves when no record it may send now is left.
   * A call while a drain runs joins it, and the drain then also looks at what was queued before
   * the call (say another element's record). Never rejects: storage failures are reported as an
   * `error` event (none after `close()`).
   */
  drain(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.asked = true;
    return (this.draining ??= this.run());
  }

  /** Rounds until no call asked for another. */
  private async run(): Promise<void> {
    try {
      while (this.asked && !this.closed) {
        this.asked = false;
        await this.withLock((holdsLock) => this.drainRound(holdsLock));
      }
    } catch (error) {
      if (!this.closed) this.ctx.emit({ type: 'error', error });
    } finally {
      // In the same step as the last look at `asked`: any later call starts a new run.
      this.draining = undefined;
      if (!this.closed) void this.schedule().catch(() => undefined);
    }
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
  }

  /**
   * Runs `work` in the one tab holding the drain lock. Holding it means no live tab is sending
   * these records, so a lease left by a tab that closed mid-send is stale and may be ignored.
   * Without Web Locks (old Safari) the leases alone keep tabs apart.
   */
  private async withLock(work: (holdsLock: boolean) => Promise<void>): Promise<void> {
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    if (!locks) return work(false);
    await locks.request(`gu-support-kit-outbox:${this.ctx.db.name}:${this.ctx.target}`, { ifAvailable: true }, async (lock) => {
      if (lock) await work(true);
    });
  }

  private readonly canSend = (kind: string) => this.ctx.senders.has(kind);

  private async drainRound(holdsLock: boolean): Promise<void> {
    const { db, target, leaseMs, senders } = this.ctx;
    for (;;) {
      const record = await claimNext(db, { target, canSend: this.canSend, leaseMs, ignoreLeases: holdsLock });
      if (!record) return;
      // Claimed only because its kind has a sender.
      await this.deliver(record, senders.get(record.kind)!);
      if (this.closed) return;
    }
  }

  /** One attempt; whatever the sender does, the record ends delivered, waiting again, refused or set aside. */
  private async deliver(record: OutboxRecord, sender: AnySender): Promise<void> {
    const { db, adapter, emit } = this.ctx;
    const files = await filesOf(db, record.id);
    let receipt: Receipt;
    try {
      const result = await sender.send(adapter, record, files);
      // The registry pairs each kind with its sender, so `result` is this kind's result.
      receipt = { id: record.id, owner: record.owner, kind: record.kind, summary: record.summary, label: sender.label?.(result) ?? '', deliveredAt: Date.now(), result } as Receipt;
    } catch (error) {
      emit(await this.setBack(record, error));
      this.ctx.announce();
      return;
    }
    await removeRecord(db, record.id, receipt); // the request and its files leave the browser
    emit({ type: 'delivered', record, receipt });
    this.ctx.announce();
  }

  /** Keeps a record that did not go: to retry later, refused (back to the user), or set aside when its sender has a bug. */
  private async setBack(record: OutboxRecord, error: unknown): Promise<OutboxEvent> {
    if (!isAdapterError(error)) {
      return { type: 'failed', record: await this.release(record, { state: 'failed', lastError: { kind: 'internal', message: String(error) } }) };
    }
    const lastError = { kind: error.kind, message: error.message, ...(error.fieldErrors.length ? { fieldErrors: error.fieldErrors } : {}) };
    if (!error.retryable) return { type: 'rejected', record: await this.release(record, { state: 'rejected', lastError }) };
    const wait = Math.max(backoffDelay(record.attempts, this.ctx.backoff), error.details.retryAfterMs ?? 0);
    return { type: 'retrying', record: await this.release(record, { nextAttemptAt: Date.now() + wait, lastError }) };
  }

  private async release(record: OutboxRecord, change: Partial<OutboxRecord>): Promise<OutboxRecord> {
    const updated = { ...record, ...change, leaseUntil: 0 };
    // The user may have cancelled it meanwhile: do not bring it back.
    const tx = this.ctx.db.transaction('outbox', 'readwrite');
    if (await tx.store.get(record.id)) await tx.store.put(updated);
    await tx.done;
    return updated;
  }

  /** Wakes up for the next due record (the timer trigger; online, visibility and other tabs also wake it). */
  private async schedule(): Promise<void> {
    clearTimeout(this.timer);
    const records = await this.ctx.db.getAllFromIndex('outbox', 'by-target', this.ctx.target);
    // With Web Locks a lease only matters to its own (possibly closed) tab, so do not wait for it.
    const leasesMatter = typeof navigator === 'undefined' || !navigator.locks;
    const next = nextWakeAt(records, this.canSend, Date.now(), leasesMatter);
    if (next !== undefined && !this.closed) this.timer = setTimeout(() => void this.drain(), Math.max(250, next - Date.now()));
  }
}
