import type { IDBPDatabase } from 'idb';
import { isAdapterError } from '../adapter/errors.js';
import type { SupportAdapter } from '../adapter/types.js';
import { backoffDelay, type BackoffOptions } from './backoff.js';
import { DEFAULT_RETENTION_MS, openKitDb, type KitDb, type OutboxRecord, type Receipt, type StoredFile } from './db.js';

/** Delivers one record (with its files' bytes) through the adapter; returns the result and the number to show. */
export type Sender = (adapter: SupportAdapter, record: OutboxRecord, files: StoredFile[]) => Promise<{ number: string; result: unknown }>;

export type OutboxEvent =
  | { type: 'queued'; record: OutboxRecord }
  | { type: 'retrying'; record: OutboxRecord }
  | { type: 'delivered'; record: OutboxRecord; receipt: Receipt }
  | { type: 'rejected'; record: OutboxRecord }
  | { type: 'expired'; record: OutboxRecord }
  | { type: 'changed' }
  /** Storage failed while draining (the database was deleted, the disk is gone): nothing was sent wrongly. */
  | { type: 'error'; error: unknown };

export interface OutboxOptions {
  adapter: SupportAdapter;
  /** Identifies the backend; records of other targets are left to their own drainers. */
  target: string;
  senders: Record<string, Sender>;
  retentionMs?: number;
  /** How long a tab may hold a record while sending before another tab may take it over. */
  leaseMs?: number;
  backoff?: BackoffOptions;
  /** Database name (tests use their own). */
  dbName?: string;
  onBlocked?: () => void;
}

const CHANNEL = 'gu-support-kit-outbox';

/**
 * Asks the page's service worker, if the portal registered one that handles it (see
 * src/sw/outbox-sync.ts), to drain the queue even after the tab is closed. Chromium only;
 * elsewhere this does nothing and the pages drain on their own.
 */
async function requestBackgroundSync(): Promise<void> {
  if (typeof navigator === 'undefined' || !navigator.serviceWorker?.controller) return;
  const registration = (await navigator.serviceWorker.ready) as ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } };
  await registration.sync?.register('gu-outbox').catch(() => undefined);
}

/**
 * Requests written to IndexedDB before any network call and delivered exactly once:
 * one tab drains at a time (Web Locks; a per-record lease where Web Locks are missing or a tab
 * dies mid-send), each record keeps one Idempotency-Key for all its attempts, and retries back
 * off (honouring Retry-After). Other tabs hear about changes through BroadcastChannel.
 */
export class Outbox {
  private readonly listeners = new Set<(event: OutboxEvent) => void>();
  private readonly channel: BroadcastChannel | null = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null;
  private timer?: ReturnType<typeof setTimeout>;
  private draining?: Promise<void>;
  private closed = false;
  private readonly retentionMs: number;
  private readonly leaseMs: number;

  private constructor(
    private readonly db: IDBPDatabase<KitDb>,
    private readonly options: OutboxOptions,
  ) {
    this.retentionMs = options.retentionMs ?? DEFAULT_RETENTION_MS;
    this.leaseMs = options.leaseMs ?? 60_000;
    this.channel?.addEventListener('message', () => {
      this.emit({ type: 'changed' });
      void this.drain();
    });
    if (typeof window !== 'undefined') {
      window.addEventListener('online', this.onOnline);
      document.addEventListener('visibilitychange', this.onWake);
    }
  }

  /** The connection is back: requests that waited for it are due now, not at their backoff time. */
  private readonly onOnline = () => void this.retryWaitingForNetwork().then(() => this.drain());

  private async retryWaitingForNetwork(): Promise<void> {
    const tx = this.db.transaction('outbox', 'readwrite');
    for (const record of await tx.store.index('by-target').getAll(this.options.target)) {
      if (record.state === 'queued' && (record.lastError?.kind === 'offline' || record.lastError?.kind === 'timeout')) {
        await tx.store.put({ ...record, nextAttemptAt: 0 });
      }
    }
    await tx.done;
  }

  /** Opens the outbox; rejects (IndexedDB missing, blocked, broken) so the caller can fall back. */
  static async open(options: OutboxOptions): Promise<Outbox> {
    // A newer version of the kit in another tab needs this connection closed to upgrade.
    const opened: { outbox?: Outbox } = {};
    const db = await openKitDb({ blocked: options.onBlocked, blocking: () => opened.outbox?.close() }, options.retentionMs, options.dbName);
    const outbox = (opened.outbox = new Outbox(db, options));
    await outbox.expireOld();
    return outbox;
  }

  private readonly onWake = () => {
    if (typeof document === 'undefined' || document.visibilityState !== 'hidden') void this.drain();
  };

  on(listener: (event: OutboxEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(event: OutboxEvent): void {
    this.listeners.forEach((listener) => listener(event));
  }

  private announce(): void {
    this.channel?.postMessage('changed');
  }

  /**
   * Stores a request (with its files) before anything is sent. Throws the storage error
   * (QuotaExceededError and the like) so the caller can offer another way: nothing is lost silently.
   */
  async enqueue<P>(kind: string, owner: string, payload: P, files: StoredFile[], summary: string): Promise<OutboxRecord<P>> {
    const now = Date.now();
    const id = crypto.randomUUID();
    const record: OutboxRecord<P> = {
      id,
      kind,
      target: this.options.target,
      owner,
      payload,
      files: files.map(({ name, type, data }) => ({ name, type, size: data.byteLength })),
      createdAt: now,
      attempts: 0,
      nextAttemptAt: now,
      leaseUntil: 0,
      state: 'queued',
      expiresAt: now + this.retentionMs,
      summary,
    };
    // One transaction: the record and its files are stored together or not at all.
    const tx = this.db.transaction(['outbox', 'files'], 'readwrite');
    await Promise.all([
      tx.objectStore('outbox').put(record as OutboxRecord),
      ...files.map((file, i) => tx.objectStore('files').put({ ...file, key: `${id}:${i}`, recordId: id })),
      tx.done,
    ]);
    this.emit({ type: 'queued', record: record as OutboxRecord });
    this.announce();
    void requestBackgroundSync();
    return record;
  }

  list(owner?: string): Promise<OutboxRecord[]> {
    return owner === undefined ? this.db.getAll('outbox') : this.db.getAllFromIndex('outbox', 'by-owner', owner);
  }

  receipts(owner: string): Promise<Receipt[]> {
    return this.db.getAllFromIndex('receipts', 'by-owner', owner);
  }

  /** The user has seen the delivered number: forget it. */
  async acknowledge(receiptId: string): Promise<void> {
    await this.db.delete('receipts', receiptId);
  }

  /** The bytes of a record's files, in their order. */
  async filesOf(id: string): Promise<StoredFile[]> {
    const rows = await this.db.getAllFromIndex('files', 'by-record', id);
    return rows.sort((a, b) => a.key.localeCompare(b.key, undefined, { numeric: true })).map(({ name, type, data }) => ({ name, type, data }));
  }

  /** Deletes a record and its files in one transaction. */
  private async remove(id: string, receipt?: Receipt): Promise<void> {
    const tx = this.db.transaction(['outbox', 'files', 'receipts'], 'readwrite');
    const files = tx.objectStore('files');
    const keys = await files.index('by-record').getAllKeys(id);
    await Promise.all([tx.objectStore('outbox').delete(id), ...keys.map((key) => files.delete(key)), receipt && tx.objectStore('receipts').put(receipt), tx.done]);
  }

  /** Withdraws a request that has not been delivered; a request being sent right now may still arrive. */
  async cancel(id: string): Promise<void> {
    await this.remove(id);
    this.emit({ type: 'changed' });
    this.announce();
  }

  /**
   * Sends every due record of this target, one tab at a time; resolves when this round is over.
   * Never rejects: storage failures are reported as an `error` event (none after `close()`).
   */
  drain(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.draining ??= this.withLock((holdsLock) => this.drainRound(holdsLock))
      .catch((error: unknown) => {
        if (!this.closed) this.emit({ type: 'error', error });
      })
      .finally(() => {
        this.draining = undefined;
        if (!this.closed) void this.schedule().catch(() => undefined);
      });
    return this.draining;
  }

  /**
   * Runs `work` in the one tab holding the drain lock. Holding it means no live tab is sending
   * these records, so a lease left by a tab that closed mid-send is stale and may be ignored.
   * Without Web Locks (old Safari) the leases alone keep tabs apart.
   */
  private async withLock(work: (holdsLock: boolean) => Promise<void>): Promise<void> {
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    if (!locks) return work(false);
    await locks.request(`${CHANNEL}:${this.db.name}:${this.options.target}`, { ifAvailable: true }, async (lock) => {
      if (lock) await work(true);
    });
  }

  private async drainRound(holdsLock: boolean): Promise<void> {
    for (;;) {
      const record = await this.claimNext(holdsLock);
      if (!record) return;
      await this.deliver(record);
      if (this.closed) return;
    }
  }

  /**
   * Takes the due record that has waited longest, in one transaction so two tabs cannot take the
   * same one. Walks the (target, nextAttemptAt) index up to now: records are light, files apart.
   */
  private async claimNext(ignoreLeases: boolean): Promise<OutboxRecord | undefined> {
    const now = Date.now();
    const tx = this.db.transaction('outbox', 'readwrite');
    const range = IDBKeyRange.bound([this.options.target, -Infinity], [this.options.target, now]);
    let due: OutboxRecord | undefined;
    for (let cursor = await tx.store.index('by-due').openCursor(range); cursor; cursor = await cursor.continue()) {
      const r = cursor.value;
      if (r.state === 'queued' && (ignoreLeases || r.leaseUntil <= now) && r.expiresAt > now) {
        due = { ...r, leaseUntil: now + this.leaseMs, attempts: r.attempts + 1 };
        await cursor.update(due);
        break;
      }
    }
    await tx.done;
    return due;
  }

  private async deliver(record: OutboxRecord): Promise<void> {
    const sender = this.options.senders[record.kind];
    if (!sender) throw new Error(`No sender for outbox records of kind ${record.kind}`);
    try {
      const { number, result } = await sender(this.options.adapter, record, await this.filesOf(record.id));
      const receipt: Receipt = { id: record.id, owner: record.owner, kind: record.kind, summary: record.summary, number, deliveredAt: Date.now(), result };
      await this.remove(record.id, receipt); // the request and its files leave the browser
      this.emit({ type: 'delivered', record, receipt });
    } catch (error) {
      if (!isAdapterError(error)) {
        await this.release(record, { nextAttemptAt: Date.now() + backoffDelay(record.attempts, this.options.backoff), lastError: { kind: 'server', message: String(error) } });
        this.emit({ type: 'retrying', record });
        return;
      }
      const lastError = { kind: error.kind, message: error.message, ...(error.fieldErrors.length ? { fieldErrors: error.fieldErrors } : {}) };
      if (error.retryable) {
        const wait = Math.max(backoffDelay(record.attempts, this.options.backoff), error.details.retryAfterMs ?? 0);
        const updated = await this.release(record, { nextAttemptAt: Date.now() + wait, lastError });
        this.emit({ type: 'retrying', record: updated });
      } else {
        const updated = await this.release(record, { state: 'rejected', lastError });
        this.emit({ type: 'rejected', record: updated });
      }
    }
    this.announce();
  }

  private async release(record: OutboxRecord, change: Partial<OutboxRecord>): Promise<OutboxRecord> {
    const updated = { ...record, ...change, leaseUntil: 0 };
    // The user may have cancelled it meanwhile: do not bring it back.
    const tx = this.db.transaction('outbox', 'readwrite');
    if (await tx.store.get(record.id)) await tx.store.put(updated);
    await tx.done;
    return updated;
  }

  /** Lets the user correct a refused request: takes it (and its files) out of the outbox. */
  async take(id: string): Promise<{ record: OutboxRecord; files: StoredFile[] } | undefined> {
    const record = await this.db.get('outbox', id);
    if (!record) return undefined;
    const files = await this.filesOf(id);
    await this.cancel(id);
    return { record, files };
  }

  /** Puts a refused or expired record back in the queue unchanged (same Idempotency-Key). */
  async retry(id: string): Promise<void> {
    const record = await this.db.get('outbox', id);
    if (!record) return;
    await this.db.put('outbox', { ...record, state: 'queued', nextAttemptAt: 0, leaseUntil: 0, expiresAt: Date.now() + this.retentionMs });
    this.announce();
    void this.drain();
  }

  /** Marks requests older than the retention as expired: shown to the user, never sent stale. */
  private async expireOld(): Promise<void> {
    const now = Date.now();
    for (const record of await this.db.getAll('outbox')) {
      if (record.state === 'queued' && record.expiresAt <= now) {
        const expired = { ...record, state: 'expired' as const };
        await this.db.put('outbox', expired);
        this.emit({ type: 'expired', record: expired });
      }
    }
  }

  /** Wakes up for the next due record (the timer trigger; online/visibility/other tabs also wake it). */
  private async schedule(): Promise<void> {
    clearTimeout(this.timer);
    if (this.closed) return;
    const now = Date.now();
    const queued = (await this.db.getAllFromIndex('outbox', 'by-target', this.options.target)).filter((r) => r.state === 'queued');
    if (!queued.length) return;
    // With Web Locks a lease only matters to its own (possibly closed) tab, so do not wait for it.
    const leasesMatter = typeof navigator === 'undefined' || !navigator.locks;
    const next = Math.min(...queued.map((r) => (leasesMatter ? Math.max(r.nextAttemptAt, r.leaseUntil) : r.nextAttemptAt)));
    this.timer = setTimeout(() => void this.drain(), Math.max(250, next - now));
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    this.channel?.close();
    if (typeof window !== 'undefined') {
      window.removeEventListener('online', this.onOnline);
      document.removeEventListener('visibilitychange', this.onWake);
    }
    this.db.close();
  }
}

/** Deletes everything the kit stored in this browser: queued requests, drafts, receipts. */
export async function clearLocalData(dbName?: string): Promise<void> {
  const db = await openKitDb({}, undefined, dbName);
  const tx = db.transaction(['outbox', 'files', 'drafts', 'receipts'], 'readwrite');
  await Promise.all([tx.objectStore('outbox').clear(), tx.objectStore('files').clear(), tx.objectStore('drafts').clear(), tx.objectStore('receipts').clear(), tx.done]);
  db.close();
  new BroadcastChannel(CHANNEL).postMessage('changed');
}
