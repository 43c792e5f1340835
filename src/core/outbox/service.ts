import type { SupportAdapter } from '../adapter/types.js';
import { DB_NAME } from './db.js';
import { Outbox } from './outbox.js';
import { shippedSenders, type SenderRegistry } from './senders/index.js';

/** The shared outbox as its users see it: everything but `close` (call the lease's `release` instead). */
export type SharedOutbox = Omit<Outbox, 'close'>;

export interface OutboxLease {
  outbox: SharedOutbox;
  /** This user is done (its element left the page); the last release closes the outbox. Safe to call twice. */
  release(): void;
}

export interface AcquireOutboxOptions {
  /** The backend (its endpoint, or any stable name): one outbox per target per page. */
  target: string;
  /** Used when this call opens the outbox; later callers for the same target share the first one's. */
  adapter: SupportAdapter;
  /** Like `adapter`: the first caller's retention applies to every record queued through this outbox. */
  retentionMs?: number;
  /** Database name (tests use their own). */
  dbName?: string;
  /** Kinds beyond the shipped ones (added to the shared outbox; a kind already there keeps its sender). */
  senders?: SenderRegistry;
  /** Called (also for a caller arriving later) while an old tab blocks the database upgrade. */
  onBlocked?: () => void;
}

/** One target's outbox while anyone on the page uses it. */
class Shared {
  users = 0;
  readonly opening: Promise<Outbox>;
  /** Settles if an old tab blocks the database upgrade (whoever acquires before it opens hears it too). */
  readonly blocked: Promise<void>;
  opened = false;

  constructor({ adapter, target, retentionMs, dbName }: AcquireOutboxOptions) {
    let onBlocked!: () => void;
    this.blocked = new Promise((resolve) => (onBlocked = resolve));
    this.opening = Outbox.open({
      adapter,
      target,
      senders: shippedSenders,
      ...(retentionMs === undefined ? {} : { retentionMs }),
      ...(dbName === undefined ? {} : { dbName }),
      onBlocked,
    });
    void this.opening.then(() => (this.opened = true), () => undefined);
  }
}

const shared = new Map<string, Shared>();

/**
 * One outbox per target per page, shared by every element that sends there (the form, the chat,
 * the ticket view): one drainer, one lock, one set of triggers. Reference-counted: the last
 * `release()` closes it, the next `acquireOutbox` opens it again. The first caller's `adapter`
 * and `retentionMs` win; every caller's `senders` join the shipped ones. Listen with
 * `outbox.on(listener, { owner, kinds })`, then call `outbox.drain()`. Rejects like `Outbox.open`
 * (IndexedDB missing, broken) so an element can fall back to sending directly.
 */
export async function acquireOutbox(options: AcquireOutboxOptions): Promise<OutboxLease> {
  const key = `${options.dbName ?? DB_NAME}\n${options.target}`;
  const entry = shared.get(key) ?? new Shared(options);
  shared.set(key, entry);
  entry.users++;
  let released = false;
  void entry.blocked.then(() => released || entry.opened || options.onBlocked?.());
  const release = () => {
    if (released) return;
    released = true;
    if (--entry.users > 0) return;
    if (shared.get(key) === entry) shared.delete(key);
    void entry.opening.then((outbox) => outbox.close(), () => undefined);
  };
  try {
    const outbox = await entry.opening;
    if (options.senders) outbox.addSenders(options.senders);
    return { outbox, release };
  } catch (error) {
    release();
    throw error;
  }
}
