import { AdapterError, type AdapterErrorKind } from './errors.js';
import type { Article, FaqCategory, RequestOptions, Ticket, Topic } from './types.js';

export interface MemoryAdapterOptions {
  topics?: Topic[];
  articles?: Article[];
  /** Names of the articles' categories (`listFaqCategories`). */
  faqCategories?: FaqCategory[];
  tickets?: Ticket[];
  /** Simulated network latency in ms. */
  latencyMs?: number;
  /** Contacts that open the seeded `tickets` (number → phone or e-mail); any contact opens a seeded ticket without one. */
  contacts?: Record<string, string>;
  /** Lifetime of a ticket access token (15 minutes, as the reference server). */
  accessTtlMs?: number;
}

/** What the memory adapter's parts share: options, simulated latency and failures, replays by key. */
export class MemoryBase {
  protected readonly replies = new Map<string, unknown>();
  private readonly failures: { kind: AdapterErrorKind; problem?: AdapterError['details']['problem'] }[] = [];
  protected counter = 0;

  constructor(protected readonly options: MemoryAdapterOptions = {}) {}

  /** Makes the next call fail with this kind (and, for `rejected`, this problem). */
  failNext(kind: AdapterErrorKind, problem?: AdapterError['details']['problem']): void {
    this.failures.push({ kind, ...(problem ? { problem } : {}) });
  }

  protected async step(options?: RequestOptions): Promise<void> {
    if (this.options.latencyMs) await new Promise((r) => setTimeout(r, this.options.latencyMs));
    if (options?.signal?.aborted) throw options.signal.reason;
    const failure = this.failures.shift();
    if (failure) throw new AdapterError(failure.kind, failure.kind, { ...(failure.problem ? { problem: failure.problem } : {}), ...(failure.kind === 'rate-limited' ? { retryAfterMs: 1000 } : {}) });
  }
}
