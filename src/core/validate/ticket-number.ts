import { fail, ok, type Validation } from '../result.js';
import { validateStrings } from '../i18n/catalogues/validate.js';

/**
 * Request numbers: 12 digits shown as `1234-5678-9012`. The first 11 are random (a CSPRNG, the
 * first never 0 so a spreadsheet keeps it), the last is a Damm check digit: every single wrong
 * digit and every swap of two neighbours is caught before the server is asked. Not sequential,
 * so knowing one number (or a phone) tells nothing about another citizen's request.
 */
export const TICKET_NUMBER_DIGITS = 12;

/** The number in any notation the form accepts: digits grouped by spaces or dashes, maybe after «№». */
export const TICKET_NUMBER_PATTERN = /^(?:№\s*)?\d{4}[\s-]?\d{4}[\s-]?\d{4}$/;

// Damm's totally anti-symmetric quasigroup of order 10.
const DAMM = [
  [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
  [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
  [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
  [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
  [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
  [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
  [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
  [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
  [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
  [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
] as const;

/** The Damm check digit of a digit string (0 for a string that already ends with its check digit). */
export function dammDigit(digits: string): number {
  let interim = 0;
  for (const ch of digits) interim = DAMM[interim]![ch.charCodeAt(0) - 48]!;
  return interim;
}

/** `123456789012` → `1234-5678-9012`. */
export function formatTicketNumber(digits: string): string {
  return `${digits.slice(0, 4)}-${digits.slice(4, 8)}-${digits.slice(8, 12)}`;
}

/**
 * Checks a request number as a citizen types it (spaces, dashes, «№» allowed) and returns its
 * canonical form `1234-5678-9012`. Codes: `empty`, `characters`, `length`, `checksum`.
 */
export function validateTicketNumber(value: string, lang = 'ru'): Validation<string> {
  const text = (value ?? '').trim().replace(/^№\s*/, '');
  if (!text) return fail('empty', validateStrings.t(lang, 'ticketNumber.empty'));
  if (text.length > 64 || /[^\d\s\-‐‑‒–—.]/.test(text)) return fail('characters', validateStrings.t(lang, 'ticketNumber.characters'));
  const digits = text.replace(/\D/g, '');
  if (digits.length !== TICKET_NUMBER_DIGITS) return fail('length', validateStrings.t(lang, 'ticketNumber.length', { n: digits.length }));
  if (dammDigit(digits) !== 0) return fail('checksum', validateStrings.t(lang, 'ticketNumber.checksum'));
  return ok(formatTicketNumber(digits));
}

/** Random bytes: the platform's CSPRNG (browsers, workers and Node 20 all have `crypto.getRandomValues`). */
export type RandomBytes = (length: number) => Uint8Array;
const cryptoBytes: RandomBytes = (length) => globalThis.crypto.getRandomValues(new Uint8Array(length));

/** Uniform random digits by rejection sampling (bytes ≥ 250 would favour 0–5). */
function randomDigits(count: number, random: RandomBytes): string {
  let out = '';
  while (out.length < count) {
    for (const byte of random(count * 2)) {
      if (byte < 250 && out.length < count) out += String(byte % 10);
    }
  }
  return out;
}

/** A new request number, canonical form. The server still checks uniqueness against its store. */
export function generateTicketNumber(random: RandomBytes = cryptoBytes): string {
  let first = '';
  while (!first || first === '0') first = randomDigits(1, random);
  const body = first + randomDigits(TICKET_NUMBER_DIGITS - 2, random);
  return formatTicketNumber(body + String(dammDigit(body)));
}
