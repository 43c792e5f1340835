/** Exponential backoff with ±30 % jitter, so tabs and clients coming back online do not retry in step. */
export interface BackoffOptions {
  baseMs?: number;
  maxMs?: number;
  random?: () => number;
}

export function backoffDelay(attempt: number, { baseMs = 2000, maxMs = 10 * 60_000, random = Math.random }: BackoffOptions = {}): number {
  const exponential = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential * (0.7 + 0.6 * random()));
}
