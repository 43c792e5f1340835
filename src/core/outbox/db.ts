import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { OutboxKind, OutboxKinds } from './senders/registry.js';

/** A file kept in IndexedDB: contents as ArrayBuffer (WebKit still fails on some Blobs). */
export interface StoredFile {
  name: string;
  type: string;
  data: ArrayBuffer;
}

/**
 * `queued`: waiting or being sent; `rejected`: refused by the server (the user corrects it);
 * `expired`: older than the retention; `failed`: its sender threw something that is not an
 * AdapterError (a bug): set aside with the error so it never blocks the queue.
 */
export type RecordState = 'queued' | 'rejected' | 'expired' | 'failed';

export interface LastError {
  kind: string;
  message: string;
  fieldErrors?: { field: string; code: string; detail: string }[];
}

/** What the queue keeps of a file next to the record; the bytes live in the `files` store. */
export interface FileInfo {
  name: string;
  type: string;
  size: number;
}

/** A file's bytes, kept apart so that scanning the queue never reads attachments. */
export interface FileRow extends StoredFile {
  /** `${recordId}:${index}` */
  key: string;
  recordId: string;
}

/** One request waiting to be delivered; `id` is also its Idempotency-Key. */
export interface OutboxRecord<P = unknown> {
  id: string;
  /** Which sender delivers it: `ticket`, `comment`, `chat-message`, … */
  kind: string;
  /** Which backend it is for (the endpoint), so a drainer only sends its own. */
  target: string;
  /**
   * Which form or view wrote it (to show it there again), and the unit of order: records of one
   * owner (a chat session, a ticket) are delivered one at a time in the order written.
   */
  owner: string;
  payload: P;
  files: FileInfo[];
  /** When it was written; unique and increasing within its owner, so also the owner's write order. */
  createdAt: number;
  attempts: number;
  nextAttemptAt: number;
  /** A tab that is sending it holds it until then; a closed tab's lease runs out. */
  leaseUntil: number;
  state: RecordState;
  lastError?: LastError;
  /** After this time the request is not sent: it is reported to the user instead. */
  expiresAt: number;
  /** A short description the UI can show without reading the payload. */
  summary: string;
}

export interface Draft {
  key: string;
  values: Record<string, string>;
  files: StoredFile[];
  savedAt: number;
  expiresAt: number;
}

/** What a delivered request leaves behind until its page shows it: no personal data. */
export interface ReceiptOf<K extends OutboxKind> {
  id: string;
  owner: string;
  kind: K;
  summary: string;
  /** What the user is shown for it (the ticket number); empty for kinds whose sender has no `label`. */
  label: string;
  deliveredAt: number;
  result: OutboxKinds[K]['result'];
}

/** A receipt of any kind, discriminated by `kind` (so `receipt.kind === 'ticket'` types `result`). */
export type Receipt<K extends OutboxKind = OutboxKind> = K extends OutboxKind ? ReceiptOf<K> : never;

export interface KitDb extends DBSchema {
  outbox: {
    key: string;
    value: OutboxRecord;
    indexes: { 'by-target': string; 'by-owner': string; 'by-due': [string, number]; 'by-owner-order': [string, string, number, string] };
  };
  files: { key: string; value: FileRow; indexes: { 'by-record': string } };
  drafts: { key: string; value: Draft };
  receipts: { key: string; value: Receipt; indexes: { 'by-owner': string } };
}

export const DB_NAME = 'gu-support-kit';
/**
 * Schema history:
 * 1 — `outbox` (keyPath id, files inline) and `drafts` (keyPath key), without retention,
 *     leases or states.
 * 2 — file bytes moved to their own `files` store (a queue scan must not read megabytes),
 *     retention (`expiresAt`), leases and states, the target/owner/due indexes, and `receipts`.
 * 3 — records of any kind (chat messages, replies) share the queue: the `by-owner-order` index
 *     ([target, owner, createdAt, id]) finds each owner's oldest waiting record, which must go
 *     before the owner's others; receipts' `number` became `label` (not every kind has a number);
 *     the `failed` state (a sender's bug sets its record aside).
 */
export const DB_VERSION = 3;
export const DEFAULT_RETENTION_MS = 7 * 86_400_000;

export interface OpenHandlers {
  /** Another tab keeps an older version open, so the upgrade waits. */
  blocked?: () => void;
  /** A newer version wants to open: close this connection so it can. */
  blocking?: () => void;
}

/** Opens (creating or upgrading) the kit's database. Rejects where IndexedDB is unavailable. */
export function openKitDb(handlers: OpenHandlers = {}, retentionMs = DEFAULT_RETENTION_MS, name = DB_NAME): Promise<IDBPDatabase<KitDb>> {
  if (typeof indexedDB === 'undefined') return Promise.reject(new DOMException('IndexedDB is not available', 'NotSupportedError'));
  return openDB<KitDb>(name, DB_VERSION, {
    async upgrade(db, oldVersion, _newVersion, tx) {
      if (oldVersion < 1) {
        db.createObjectStore('outbox', { keyPath: 'id' });
        db.createObjectStore('drafts', { keyPath: 'key' });
      }
      if (oldVersion < 2) {
        const outbox = tx.objectStore('outbox');
        outbox.createIndex('by-target', 'target');
        outbox.createIndex('by-owner', 'owner');
        outbox.createIndex('by-due', ['target', 'nextAttemptAt']);
        db.createObjectStore('files', { keyPath: 'key' }).createIndex('by-record', 'recordId');
        db.createObjectStore('receipts', { keyPath: 'id' }).createIndex('by-owner', 'owner');
        const files = tx.objectStore('files');
        // Version 1 records kept files inline and had no retention, lease or state.
        for (let cursor = await outbox.openCursor(); cursor; cursor = await cursor.continue()) {
          const old = cursor.value as unknown as Omit<OutboxRecord, 'files'> & { files?: StoredFile[] };
          const inline = old.files ?? [];
          for (const [i, file] of inline.entries()) await files.put({ ...file, key: `${old.id}:${i}`, recordId: old.id });
          cursor.update({
            ...old,
            files: inline.map(({ name, type, data }) => ({ name, type, size: data.byteLength })),
            leaseUntil: 0,
            state: 'queued',
            expiresAt: old.createdAt + retentionMs,
          } as OutboxRecord);
        }
        const drafts = tx.objectStore('drafts');
        for (let cursor = await drafts.openCursor(); cursor; cursor = await cursor.continue()) {
          const old = cursor.value as Partial<Draft> & { key: string; savedAt: number };
          cursor.update({ files: [], values: {}, ...old, expiresAt: old.savedAt + retentionMs } as Draft);
        }
      }
      if (oldVersion < 3) {
        tx.objectStore('outbox').createIndex('by-owner-order', ['target', 'owner', 'createdAt', 'id']);
        const receipts = tx.objectStore('receipts');
        for (let cursor = await receipts.openCursor(); cursor; cursor = await cursor.continue()) {
          const { number, ...old } = cursor.value as unknown as Omit<Receipt, 'label'> & { number: string };
          cursor.update({ ...old, label: number } as Receipt);
        }
      }
    },
    blocked: () => handlers.blocked?.(),
    blocking: () => handlers.blocking?.(),
  });
}
