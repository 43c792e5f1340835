/**
 * Background Sync for the offline outbox (Chromium only; Firefox and Safari have none, and the
 * kit works without it: pages drain on load, on `online`, on visibility and on a timer).
 * In the portal's own service worker:
 *
 *   import { handleOutboxSync } from '/assets/gu-outbox-sw.js';   // dist/gu-outbox-sw.js
 *   self.addEventListener('sync', (event) => handleOutboxSync(event, { endpoint: '/api/support' }));
 *
 * The page asks for the `gu-outbox` sync tag whenever it queues a request (see Outbox.enqueue).
 */
import { RestAdapter } from '../core/adapter/rest.js';
import { Outbox } from '../core/outbox/outbox.js';
import { shippedSenders } from '../core/outbox/senders/index.js';

export const SYNC_TAG = 'gu-outbox';

/** Drains every queued record for `endpoint`, of every shipped kind; usable in a service worker, a worker or a page. */
export async function syncOutbox(options: { endpoint: string; dbName?: string }): Promise<number> {
  const outbox = await Outbox.open({
    adapter: new RestAdapter({ endpoint: options.endpoint }),
    target: options.endpoint,
    senders: shippedSenders,
    ...(options.dbName ? { dbName: options.dbName } : {}),
  });
  try {
    await outbox.drain();
    // What this worker could still send: a kind without a sender here waits for its page, not for a sync retry.
    return (await outbox.list()).filter((r) => r.target === options.endpoint && r.state === 'queued' && r.kind in shippedSenders).length;
  } finally {
    outbox.close();
  }
}

interface SyncEvent extends Event {
  tag: string;
  waitUntil(promise: Promise<unknown>): void;
}

/** The `sync` event handler: keeps the worker alive while the queue drains. */
export function handleOutboxSync(event: Event, options: { endpoint: string }): void {
  const sync = event as SyncEvent;
  if (sync.tag !== SYNC_TAG) return;
  sync.waitUntil(
    syncOutbox(options).then((left) => {
      // Still waiting (server down): a rejected promise makes the browser retry the sync later.
      if (left > 0) throw new Error(`${left} requests still queued`);
    }),
  );
}
