import { createHmac, timingSafeEqual } from 'node:crypto';

/** Lifetime of a ticket access token and of an attachment link: 15 minutes. */
export const ACCESS_TTL_MS = 15 * 60_000;

const TOKEN = /^(\d{10,13})\.([A-Za-z0-9_-]{43})$/;

/**
 * Stateless, short-lived proofs signed with the server's secret (kept in the data directory):
 * ticket access tokens (`X-Ticket-Token`) and attachment download links. Neither holds personal
 * data: a token binds a ticket number and an expiry, a link an attachment id and an expiry.
 * A restart keeps them valid; a new secret (deleting the file) ends them all.
 */
export class Signer {
  constructor(
    private readonly secret: string,
    private readonly now: () => number = Date.now,
    readonly ttlMs = ACCESS_TTL_MS,
  ) {}

  private sign(...parts: string[]): string {
    return createHmac('sha256', this.secret).update(parts.join('\n')).digest('base64url');
  }

  /** A keyed hash for in-memory keys that must not hold personal data (rate limits per contact). */
  digest(purpose: string, value: string): string {
    return this.sign('digest', purpose, value);
  }

  private fresh(expires: number): boolean {
    return Number.isSafeInteger(expires) && expires > this.now() && expires <= this.now() + this.ttlMs + 60_000;
  }

  /** A token for reading and answering one ticket: `<expiry ms>.<HMAC>`. */
  ticketToken(number: string): { token: string; expiresAt: string } {
    const expires = this.now() + this.ttlMs;
    return { token: `${expires}.${this.sign('ticket', number, String(expires))}`, expiresAt: new Date(expires).toISOString() };
  }

  /** Whether `token` was given for this ticket number and has not expired. */
  checkTicketToken(token: string | undefined, number: string): boolean {
    const m = TOKEN.exec(token ?? '');
    if (!m) return false;
    const expires = Number(m[1]);
    return this.fresh(expires) && equal(m[2]!, this.sign('ticket', number, m[1]!));
  }

  /** A download link for one stored attachment, relative to the server's origin. */
  fileLink(id: string): string {
    const expires = this.now() + this.ttlMs;
    return `/api/attachments/${encodeURIComponent(id)}?expires=${expires}&signature=${this.sign('file', id, String(expires))}`;
  }

  checkFileLink(id: string, expires: string | null, signature: string | null): boolean {
    if (!expires || !signature || !/^\d{10,13}$/.test(expires) || !/^[A-Za-z0-9_-]{43}$/.test(signature)) return false;
    return this.fresh(Number(expires)) && equal(signature, this.sign('file', id, expires));
  }
}

function equal(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
