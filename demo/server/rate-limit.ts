import { HttpError, PROBLEM } from './http.js';

/** A fixed-window counter per client and bucket; enough for one reference server process. */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Throws 429 with Retry-After when the client used up the window. */
  take(client: string, bucket: string): void {
    const key = `${bucket}\u0000${client}`;
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || now - window.start >= this.windowMs) {
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    window.count++;
    if (window.count > this.limit) {
      const retryAfter = Math.max(1, Math.ceil((window.start + this.windowMs - now) / 1000));
      throw new HttpError(429, PROBLEM.rateLimited, 'Слишком много запросов. Повторите позже', undefined, { 'Retry-After': String(retryAfter) });
    }
  }
}
