import type { FaqBundle } from './bundle.js';

/**
 * The FAQ bundle kept in IndexedDB so a returning visitor searches at once, offline too. Its own
 * database (not the outbox's), one record per endpoint and language; every failure means "no
 * cache" — the FAQ then comes from the network, never an error for the user.
 */
export const FAQ_DB = 'gu-support-kit-faq';
const STORE = 'bundles';

let opening: Promise<IDBDatabase | undefined> | undefined;

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function open(): Promise<IDBDatabase | undefined> {
  return (opening ??= new Promise<IDBDatabase | undefined>((resolve) => {
    try {
      const req = indexedDB.open(FAQ_DB, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(STORE);
      req.onsuccess = () => {
        const db = req.result;
        // Another tab clearing the cache asks us to let go.
        db.onversionchange = () => {
          db.close();
          opening = undefined;
        };
        resolve(db);
      };
      req.onerror = () => resolve(undefined);
      req.onblocked = () => resolve(undefined);
    } catch {
      resolve(undefined); // no IndexedDB here (some private modes, Node)
    }
  }).then((db) => {
    if (!db) opening = undefined;
    return db;
  }));
}

export async function readFaqCache(key: string): Promise<FaqBundle | undefined> {
  try {
    const db = await open();
    return db ? ((await request(db.transaction(STORE).objectStore(STORE).get(key))) as FaqBundle | undefined) : undefined;
  } catch {
    return undefined;
  }
}

/** Stores the bundle; false when it could not be kept (quota, storage off). */
export async function writeFaqCache(key: string, bundle: FaqBundle): Promise<boolean> {
  try {
    const db = await open();
    if (!db) return false;
    const tx = db.transaction(STORE, 'readwrite');
    tx.objectStore(STORE).put(bundle, key);
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = tx.onabort = () => reject(tx.error);
    });
    return true;
  } catch {
    return false;
  }
}

/** Deletes the FAQ cache (the kit's clearLocalData() calls this). */
export async function clearFaqCache(): Promise<void> {
  const db = await opening?.catch(() => undefined);
  db?.close();
  opening = undefined;
  if (typeof indexedDB === 'undefined') return;
  await new Promise<void>((resolve) => {
    const req = indexedDB.deleteDatabase(FAQ_DB);
    req.onsuccess = req.onerror = () => resolve();
    // Another tab still holds it: it closes on `versionchange` and the deletion then goes through.
    req.onblocked = () => resolve();
  });
}
