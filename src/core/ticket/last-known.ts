import { openDB, type IDBPDatabase } from 'idb';
import type { Ticket } from '../adapter/types.js';

const DB = 'gu-support-kit-tickets';
const STORE = 'last-known';

/** What is kept of a ticket to show when the server is down: its status and deadlines, no text or contacts. */
export type LastKnown = Pick<Ticket, 'number' | 'status' | 'dueAnswerAt' | 'extension'> & { savedAt: number };

let db: Promise<IDBPDatabase> | undefined;
function open(): Promise<IDBPDatabase> {
  db ??= openDB(DB, 1, { upgrade: (d) => d.createObjectStore(STORE, { keyPath: 'number' }) });
  return db;
}

export async function saveLastKnown(ticket: Ticket): Promise<void> {
  const { number, status, dueAnswerAt, extension } = ticket;
  await (await open()).put(STORE, { number, status, dueAnswerAt, ...(extension ? { extension } : {}), savedAt: Date.now() } satisfies LastKnown).catch(() => undefined);
}

export async function lastKnown(number: string): Promise<LastKnown | undefined> {
  return (await open()).get(STORE, number) as Promise<LastKnown | undefined>;
}

/** Deletes the stored statuses (part of `clearLocalData()`). */
export async function clearLastKnown(): Promise<void> {
  const open$ = db;
  db = undefined;
  if (open$) (await open$.catch(() => undefined))?.close();
  await new Promise<void>((resolve) => {
    const request = indexedDB.deleteDatabase(DB);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
}
