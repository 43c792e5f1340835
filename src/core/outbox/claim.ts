import type { IDBPDatabase } from 'idb';
import type { KitDb, OutboxRecord } from './db.js';

/**
 * Which record goes next. Records of one owner (a chat session, a ticket) go one at a time in the
 * order written: only the owner's oldest waiting record (its head) may be sent, so a head that is
 * not due, or is being sent, or has no sender here makes its owner wait while other owners go on.
 */

/** Queued and within its retention: such a record holds its owner's turn. Refused, expired and failed ones do not. */
export function isWaiting(record: OutboxRecord, now: number): boolean {
  return record.state === 'queued' && record.expiresAt > now;
}

/** The owner's records in write order: [target, owner, createdAt, id], as the `by-owner-order` index sorts them. */
export const ownerRange = (target: string, owner: string) => IDBKeyRange.bound([target, owner], [target, owner, []]);

/**
 * Takes the record that has waited longest among the owners' heads of kinds `canSend` accepts,
 * and leases it, in one transaction so two tabs cannot take the same one. Walks the
 * (target, nextAttemptAt) index up to now: records are light, files apart.
 */
export async function claimNext(
  db: IDBPDatabase<KitDb>,
  { target, canSend, leaseMs, ignoreLeases }: { target: string; canSend: (kind: string) => boolean; leaseMs: number; ignoreLeases: boolean },
): Promise<OutboxRecord | undefined> {
  const now = Date.now();
  const tx = db.transaction('outbox', 'readwrite');
  const byOrder = tx.store.index('by-owner-order');
  const heads = new Map<string, string | undefined>();
  const headOf = async (owner: string): Promise<string | undefined> => {
    if (!heads.has(owner)) {
      let cursor = await byOrder.openCursor(ownerRange(target, owner));
      while (cursor && !isWaiting(cursor.value, now)) cursor = await cursor.continue();
      heads.set(owner, cursor?.value.id);
    }
    return heads.get(owner);
  };
  let claimed: OutboxRecord | undefined;
  const due = IDBKeyRange.bound([target, -Infinity], [target, now]);
  for (let cursor = await tx.store.index('by-due').openCursor(due); cursor; cursor = await cursor.continue()) {
    const r = cursor.value;
    if (!isWaiting(r, now) || !canSend(r.kind) || (!ignoreLeases && r.leaseUntil > now)) continue;
    if ((await headOf(r.owner)) !== r.id) continue;
    claimed = { ...r, leaseUntil: now + leaseMs, attempts: r.attempts + 1 };
    await cursor.update(claimed);
    break;
  }
  await tx.done;
  return claimed;
}

/** Sorts like the `by-owner-order` index within one owner. */
function writeOrder(a: OutboxRecord, b: OutboxRecord): number {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * When a drainer should wake next for `records` (one target's): the earliest time an owner's head
 * that it can send becomes due; undefined when there is none (an owner whose head has no sender
 * here waits for another page or the service worker, not for a timer).
 */
export function nextWakeAt(records: OutboxRecord[], canSend: (kind: string) => boolean, now: number, leasesMatter: boolean): number | undefined {
  const heads = new Map<string, OutboxRecord>();
  for (const r of records) {
    const head = heads.get(r.owner);
    if (isWaiting(r, now) && (!head || writeOrder(r, head) < 0)) heads.set(r.owner, r);
  }
  const times = [...heads.values()].filter((r) => canSend(r.kind)).map((r) => (leasesMatter ? Math.max(r.nextAttemptAt, r.leaseUntil) : r.nextAttemptAt));
  return times.length ? Math.min(...times) : undefined;
}
