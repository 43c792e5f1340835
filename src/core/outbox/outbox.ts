import type { IDBPDatabase } from 'idb';
import type { SupportAdapter } from '../adapter/types.js';
import type { BackoffOptions } from './backoff.js';
import { ownerRange } from './claim.js';
import { DEFAULT_RETENTION_MS, openKitDb, type KitDb, type OutboxRecord, type Receipt, type StoredFile } from './db.js';
import { Drainer } from './drainer.js';
import { eventMatches, type OutboxEvent, type OutboxEventFilter } from './events.js';
import { senderMap, type AnySender, type OutboxKind, type OutboxKinds, type SenderRegistry } from './senders/registry.js';
import { filesOf, removeRecord } from './store.js';

export interface OutboxOptions {
  adapter: SupportAdapter;
  /** Identifies the backend; records of other targets are left to their own drainers. */
  target: string;
  /** The kinds this outbox delivers (usually `shippedSenders`); records of other kinds wait for a page or worker that has theirs. */
  senders: SenderRegistry;
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
 * Requests of any kind (tickets, chat messages, …) written to IndexedDB before any network call
 * and delivered exactly once by a `Drainer`: one tab at a time, each record with one
 * Idempotency-Key for all its attempts, each owner's records in the order written. Triggers:
 * `drain()` (call it once you listen), the `online` event, tab visibility, other tabs
 * (BroadcastChannel) and the drainer's timer. On a page, share one per target: `acquireOutbox`.
 */
export class Outbox {
  private readonly listeners = new Set<(event: OutboxEvent) => void>();
  private readonly channel: BroadcastChannel | null = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null;
  private readonly senders: Map<string, AnySender>;
  private readonly drainer: Drainer;
  private readonly retentionMs: number;

  private constructor(
    private readonly db: IDBPDatabase<KitDb>,
    private readonly options: OutboxOptions,
  ) {
    this.retentionMs = options.retentionMs ?? DEFAULT_RETENTION_MS;
    this.senders = senderMap(options.senders);
    this.drainer = new Drainer({
      db,
      target: options.target,
      adapter: options.adapter,
      senders: this.senders,
      leaseMs: options.leaseMs ?? 60_000,
      backoff: options.backoff,
      emit: (event) => this.emit(event),
      announce: () => this.announce(),
    });
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

  /** Adds senders for kinds this outbox does not deliver yet (a kind already registered keeps its sender). */
  addSenders(registry: SenderRegistry): void {
    for (const [kind, sender] of senderMap(registry)) if (!this.senders.has(kind)) this.senders.set(kind, sender);
  }

  /** Listens to every event, or only to those about records of one owner and/or some kinds (see `eventMatches`). */
  on(listener: (event: OutboxEvent) => void, filter?: OutboxEventFilter): () => void {
    const heard = filter ? (event: OutboxEvent) => eventMatches(event, filter) && listener(event) : listener;
    this.listeners.add(heard);
    return () => this.listeners.delete(heard);
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
  async enqueue<K extends OutboxKind>(kind: K, owner: string, payload: OutboxKinds[K]['payload'], files: StoredFile[], summary: string): Promise<OutboxRecord<OutboxKinds[K]['payload']>> {
    const { target } = this.options;
    const now = Date.now();
    const id = crypto.randomUUID();
    // One transaction: the record and its files are stored together or not at all.
    const tx = this.db.transaction(['outbox', 'files'], 'readwrite');
    const outbox = tx.objectStore('outbox');
    // After the owner's last record even when written in the same millisecond: createdAt is the owner's order.
    const last = await outbox.index('by-owner-order').openKeyCursor(ownerRange(target, owner), 'prev');
    const createdAt = Math.max(now, (last?.key[2] ?? 0) + 1);
    const record: OutboxRecord<OutboxKinds[K]['payload']> = {
      id,
      kind,
      target,
      owner,
      payload,
      files: files.map(({ name, type, data }) => ({ name, type, size: data.byteLength })),
      createdAt,
      attempts: 0,
      nextAttemptAt: createdAt,
      leaseUntil: 0,
      state: 'queued',
      expiresAt: createdAt + this.retentionMs,
      summary,
    };
    await Promise.all([outbox.put(record), ...files.map((file, i) => tx.objectStore('files').put({ ...file, key: `${id}:${i}`, recordId: id })), tx.done]);
    this.emit({ type: 'queued', record });
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

  /** The user has seen the delivered result: forget it. */
  async acknowledge(receiptId: string): Promise<void> {
    await this.db.delete('receipts', receiptId);
  }

  /** The bytes of a record's files, in their order. */
  filesOf(id: string): Promise<StoredFile[]> {
    return filesOf(this.db, id);
  }

  /** Withdraws a request that has not been delivered; a request being sent right now may still arrive. */
  async cancel(id: string): Promise<void> {
    await removeRecord(this.db, id);
    this.emit({ type: 'changed' });
    this.announce();
  }

  /** Lets the user correct a refused request: takes it (and its files) out of the outbox. */
  async take(id: string): Promise<{ record: OutboxRecord; files: StoredFile[] } | undefined> {
    const record = await this.db.get('outbox', id);
    if (!record) return undefined;
    const files = await this.filesOf(id);
    await this.cancel(id);
    return { record, files };
  }

  /** Puts a refused, expired or failed record back in the queue unchanged (same Idempotency-Key, same place in its owner's order). */
  async retry(id: string): Promise<void> {
    const record = await this.db.get('outbox', id);
    if (!record) return;
    await this.db.put('outbox', { ...record, state: 'queued', nextAttemptAt: 0, leaseUntil: 0, expiresAt: Date.now() + this.retentionMs });
    this.announce();
    void this.drain();
  }

  /**
   * Sends every due record of this target it has a sender for, one tab at a time; resolves when
   * this round is over. Never rejects: storage failures are reported as an `error` event.
   */
  drain(): Promise<void> {
    return this.drainer.drain();
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

  close(): void {
    this.drainer.close();
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
