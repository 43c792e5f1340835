/**
 * Typed failures every adapter reports. The outbox retries `offline`, `timeout`, `server` and
 * `rate-limited`; `rejected` and `not-found` go back to the user. `unauthorized` (HTTP 401): a
 * ticket access token expired or is wrong, or a signed-in user's token was refused; an element
 * renews the ticket access with `openTicket` and tries once more, or asks the user to sign in.
 */
export type AdapterErrorKind = 'offline' | 'timeout' | 'rate-limited' | 'server' | 'rejected' | 'not-found' | 'unauthorized';

/** One field the server refused, named by its path in the request (`contact.snils`). */
export interface FieldError {
  field: string;
  code: string;
  detail: string;
}

/** An RFC 9457 problem document as the reference server sends it. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldError[];
}

export class AdapterError extends Error {
  override readonly name = 'AdapterError';
  constructor(
    readonly kind: AdapterErrorKind,
    message: string,
    readonly details: { status?: number; retryAfterMs?: number; problem?: Problem } = {},
  ) {
    super(message);
  }

  get fieldErrors(): FieldError[] {
    return this.details.problem?.errors ?? [];
  }

  /** Worth trying again later without the user changing anything. */
  get retryable(): boolean {
    return this.kind === 'offline' || this.kind === 'timeout' || this.kind === 'server' || this.kind === 'rate-limited';
  }
}

export function isAdapterError(error: unknown): error is AdapterError {
  return error instanceof AdapterError;
}

/** `Retry-After` as seconds or an HTTP date → milliseconds from now (null when absent or unreadable). */
export function parseRetryAfter(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** The error kind for an HTTP status that is not a success. */
export function kindForStatus(status: number): AdapterErrorKind {
  if (status === 401) return 'unauthorized';
  if (status === 404) return 'not-found';
  if (status === 408) return 'timeout';
  if (status === 429) return 'rate-limited';
  if (status >= 500) return 'server';
  return 'rejected';
}
