import { createContext } from '@lit/context';
import type { AcquireOutboxOptions, OutboxLease } from '../core/outbox/service.js';

/**
 * Where an element gets the page's outbox for its backend. `<gu-support-provider>` gives one
 * whose adapter and target are its own, so everything queued inside it is sent the same way
 * whichever element opened the outbox first; without a provider, elements use the page-level
 * default (`acquireOutbox`: one outbox per target per page).
 */
export type OutboxSource = (options: AcquireOutboxOptions) => Promise<OutboxLease>;

export const outboxContext = createContext<OutboxSource | undefined>(Symbol.for('gu-support-kit/outbox'));
