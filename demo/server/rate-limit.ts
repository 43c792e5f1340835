import { HttpError, PROBLEM } from './http.js';

export interface Budget {
  limit: number;
  windowMs: number;
}

interface Window {
  start: number;
  windowMs: number;
  count: number;
}

/**
 * Fixed-window counters by bucket and key (a client address, a ticket number, a hashed contact):
 * enough for one reference server process. Expired windows are swept as time passes and the table
 * never holds more than `maxEntries` (the oldest windows go first), so a flood of addresses or
 * invented numbers cannot grow it without bound.
 */
export class RateLimiter {
  private readonly windows = new Map<string, Window>();
  private lastSweep: number;

  constructor(
    private readonly now: () => number = Date.now,
    private readonly maxEntries = 100_000,
  ) {
    this.lastSweep = now();
  }

  get size(): number {
    return this.windows.size;
  }

  private window(bucket: string, key: string, windowMs: number): Window {
    const now = this.now();
    if (now - this.lastSweep >= 10_000) this.sweep(now);
    const id = `${bucket}\u0000${key}`;
    let window = this.windows.get(id);
    if (!window || now - window.start >= window.windowMs) {
      this.windows.delete(id); // re-inserted last: Map order is then oldest first
      window = { start: now, windowMs, count: 0 };
      this.windows.set(id, window);
      if (this.windows.size > this.maxEntries) this.windows.delete(this.windows.keys().next().value!);
    }
    return window;
  }

  /** Removes every window that has ended. */
  sweep(now = this.now()): void {
    this.lastSweep = now;
    for (const [id, window] of this.windows) if (now - window.start >= window.windowMs) this.windows.delete(id);
  }

  private refuse(window: Window): never {
    const retryAfter = Math.max(1, Math.ceil((window.start + window.windowMs - this.now()) / 1000));
    throw new HttpError(429, PROBLEM.rateLimited, 'Слишком много запросов. Повторите позже', undefined, { 'Retry-After': String(retryAfter) });
  }

  /** Counts one request; throws 429 with Retry-After once the budget of the window is used up. */
  take(bucket: string, key: string, budget: Budget): void {
    const window = this.window(bucket, key, budget.windowMs);
    window.count++;
    if (window.count > budget.limit) this.refuse(window);
  }

  /** Throws 429 if the budget is used up, without counting (pair with `hit` to count failures only). */
  check(bucket: string, key: string, budget: Budget): void {
    const id = `${bucket}\u0000${key}`;
    const window = this.windows.get(id);
    if (window && this.now() - window.start < window.windowMs && window.count >= budget.limit) this.refuse(window);
  }

  hit(bucket: string, key: string, budget: Budget): void {
    this.window(bucket, key, budget.windowMs).count++;
  }
}
