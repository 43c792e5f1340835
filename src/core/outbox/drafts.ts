import type { IDBPDatabase } from 'idb';
import { DEFAULT_RETENTION_MS, openKitDb, type Draft, type KitDb, type StoredFile } from './db.js';

/**
 * Drafts saved as the user types (debounced), restored on return, deleted when the request is
 * delivered or after the retention. Consent is never part of a draft: it is given anew.
 */
export class Drafts {
  private timers = new Map<string, ReturnType<typeof setTimeout>>();

  private constructor(
    private readonly db: IDBPDatabase<KitDb>,
    private readonly retentionMs: number,
  ) {}

  static async open(retentionMs = DEFAULT_RETENTION_MS, dbName?: string): Promise<Drafts> {
    return new Drafts(await openKitDb({}, retentionMs, dbName), retentionMs);
  }

  /** The draft, or `expired` when it outlived the retention (then it is deleted and reported). */
  async load(key: string): Promise<Draft | 'expired' | undefined> {
    const draft = await this.db.get('drafts', key);
    if (draft && draft.expiresAt <= Date.now()) {
      await this.db.delete('drafts', key);
      return 'expired';
    }
    return draft;
  }

  async save(key: string, values: Record<string, string>, files: StoredFile[] = []): Promise<void> {
    const now = Date.now();
    await this.db.put('drafts', { key, values, files, savedAt: now, expiresAt: now + this.retentionMs });
  }

  /** Saves after `delayMs` of quiet; the promise settles when this save is done or superseded. */
  saveSoon(key: string, values: Record<string, string>, files: StoredFile[] = [], delayMs = 500): Promise<void> {
    clearTimeout(this.timers.get(key));
    return new Promise((resolve, reject) => {
      this.timers.set(
        key,
        setTimeout(() => {
          this.timers.delete(key);
          this.save(key, values, files).then(resolve, reject);
        }, delayMs),
      );
    });
  }

  async delete(key: string): Promise<void> {
    clearTimeout(this.timers.get(key));
    await this.db.delete('drafts', key);
  }

  close(): void {
    this.timers.forEach(clearTimeout);
    this.db.close();
  }
}
