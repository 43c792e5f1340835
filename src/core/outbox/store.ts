import type { IDBPDatabase } from 'idb';
import type { KitDb, Receipt, StoredFile } from './db.js';

/** The bytes of a record's files, in their order. */
export async function filesOf(db: IDBPDatabase<KitDb>, id: string): Promise<StoredFile[]> {
  const rows = await db.getAllFromIndex('files', 'by-record', id);
  return rows.sort((a, b) => a.key.localeCompare(b.key, undefined, { numeric: true })).map(({ name, type, data }) => ({ name, type, data }));
}

/** Deletes a record and its files in one transaction, leaving its receipt when it was delivered. */
export async function removeRecord(db: IDBPDatabase<KitDb>, id: string, receipt?: Receipt): Promise<void> {
  const tx = db.transaction(['outbox', 'files', 'receipts'], 'readwrite');
  const files = tx.objectStore('files');
  const keys = await files.index('by-record').getAllKeys(id);
  await Promise.all([tx.objectStore('outbox').delete(id), ...keys.map((key) => files.delete(key)), receipt && tx.objectStore('receipts').put(receipt), tx.done]);
}
