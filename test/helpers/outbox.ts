import type { ChatSessionRef, NewTicket, TicketReceipt } from '../../src/core/adapter/types.js';
import type { OutboxEvent, OutboxEventFilter, SenderRegistry, SharedOutbox } from '../../src/core/outbox/index.js';

declare module '../../src/core/outbox/senders/registry.js' {
  interface OutboxKinds {
    /** A kind the tests' first page has no sender for (another page may have one). */
    'test-orphan': { payload: NewTicket; result: TicketReceipt };
    /** A kind whose sender has a bug. */
    'test-broken': { payload: { text: string }; result: undefined };
  }
}

/** Senders of the test kinds, registered from the tests like a page would register its own. */
export const testSenders: SenderRegistry = {
  'test-broken': {
    send() {
      throw new TypeError('payload.session is undefined');
    },
  },
};

let dbCounter = 0;
export const uniqueDb = () => `gu-outbox-test-${Date.now()}-${++dbCounter}`;

export function ticket(title: string, phone = '+79123456789'): NewTicket {
  return {
    topic: 'technical',
    title,
    description: `Проверка очереди: ${title}. Страница не открывается.`,
    contact: { phone },
    consent: { version: '2025-09-01', givenAt: new Date().toISOString() },
  };
}

/** A chat message payload for the session (the session's address and secret, as the chat queues it). */
export function chatMessage({ id, token }: ChatSessionRef, text: string) {
  return { session: { id, token }, text, clientId: crypto.randomUUID() };
}

/** Resolves with the first `count` events of `type` the outbox emits (matching `filter`). */
export function heard(box: SharedOutbox, type: OutboxEvent['type'], count: number, filter?: OutboxEventFilter): Promise<OutboxEvent[]> {
  const seen: OutboxEvent[] = [];
  return new Promise((resolve) => {
    const stop = box.on((event) => {
      if (event.type !== type || seen.push(event) < count) return;
      stop();
      resolve(seen);
    }, filter);
  });
}

/** Waits until `condition` holds (checked every 20 ms, for at most `ms`). */
export async function waitFor(condition: () => Promise<boolean> | boolean, what: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error(`not in time: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The citizen's messages in a chat session, in the server's order. */
export async function citizenTexts(api: string, { id, token }: ChatSessionRef): Promise<string[]> {
  const response = await fetch(`${api}/chat/sessions/${id}/messages`, { headers: { 'X-Chat-Token': token } });
  const { messages } = (await response.json()) as { messages: { author: string; text: string }[] };
  return messages.filter((m) => m.author === 'citizen').map((m) => m.text);
}
