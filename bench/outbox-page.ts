/**
 * Runs in Chromium for `npm run bench:outbox`: enqueues requests while the browser is offline,
 * then measures the drain against the reference server, and the same requests sent directly.
 */
import { RestAdapter } from '../src/core/adapter/rest.js';
import type { NewTicket } from '../src/core/adapter/types.js';
import { Outbox } from '../src/core/outbox/outbox.js';
import { shippedSenders } from '../src/core/outbox/senders/index.js';

function ticket(title: string): NewTicket {
  return {
    topic: 'technical',
    title,
    description: `Нагрузочная проверка очереди: ${title}. Документ приложен.`,
    contact: { phone: '+79123456789' },
    consent: { version: '2025-09-01', givenAt: new Date().toISOString() },
  };
}

/** A PDF-looking file of `size` bytes (the server accepts it by its magic bytes). */
function attachment(size: number, seed: number): ArrayBuffer {
  const bytes = new Uint8Array(size);
  bytes.set(new TextEncoder().encode('%PDF-1.4\n'));
  let x = seed * 2654435761;
  for (let i = 9; i < size; i++) bytes[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
  return bytes.buffer;
}

declare global {
  interface Window {
    enqueueAll(api: string, count: number, size: number): Promise<number>;
    drainAll(): Promise<{ drainMs: number; left: number }>;
    sendDirect(api: string, count: number, size: number): Promise<number>;
  }
}

let outbox: Outbox;

window.enqueueAll = async (api, count, size) => {
  outbox = await Outbox.open({ adapter: new RestAdapter({ endpoint: api, timeoutMs: 60_000 }), target: api, senders: shippedSenders, dbName: 'gu-bench' });
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    await outbox.enqueue('ticket', 'bench', ticket(`Очередь #${i}`), [{ name: `скан-${i}.pdf`, type: 'application/pdf', data: attachment(size, i) }], `#${i}`);
  }
  return performance.now() - started;
};

window.drainAll = async () => {
  const started = performance.now();
  window.dispatchEvent(new Event('online'));
  while ((await outbox.list()).length) await outbox.drain();
  return { drainMs: performance.now() - started, left: (await outbox.list()).length };
};

/** The alternative: the same requests sent one after another with no storage at all. */
window.sendDirect = async (api, count, size) => {
  const adapter = new RestAdapter({ endpoint: api, timeoutMs: 60_000 });
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    await adapter.createTicket(ticket(`Напрямую #${i}`), [{ name: `скан-${i}.pdf`, type: 'application/pdf', data: attachment(size, i) }], { idempotencyKey: crypto.randomUUID() });
  }
  return performance.now() - started;
};
