import { fail, ok, type Validation, type ValidationWarning } from '../result.js';
import { validateStrings } from '../i18n/catalogues/validate.js';

/** The local part allowed by the WHATWG "valid e-mail address" rule. */
const LOCAL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+$/;
/** One DNS label after IDN conversion (WHATWG rule). */
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
/** Characters the URL parser would treat as something other than a host name. */
const NOT_HOST = /[\s/\\?#@:%[\]<>"]/u;
const MAX_LENGTH = 254;

/** Mail domains most Russian users have; a near miss of one of them is probably a typo. */
const POPULAR = ['mail.ru', 'yandex.ru', 'gmail.com', 'ya.ru', 'bk.ru', 'inbox.ru', 'list.ru', 'rambler.ru', 'icloud.com'];
/** Real domains close to a popular one: never "correct" them. */
const REAL = new Set([...POPULAR, 'mail.com', 'yandex.com', 'yandex.by', 'yandex.kz', 'yandex.ua', 'ya.com', 'mail.ua']);

/**
 * Converts a domain (possibly Cyrillic, e.g. `почта.рф`) to its ASCII form with the platform's
 * URL parser, which applies IDNA the same way in browsers and Node. Null when it is not a host name.
 */
export function asciiDomain(domain: string): string | null {
  if (!domain || NOT_HOST.test(domain)) return null;
  let host: string;
  try {
    host = new URL(`http://${domain}`).hostname;
  } catch {
    return null;
  }
  const labels = host.split('.');
  if (labels.length < 2 || !labels.every((label) => LABEL.test(label))) return null;
  if (/^\d+$/.test(labels[labels.length - 1]!)) return null; // an IP address, not a mail domain
  return host;
}

/** Damerau–Levenshtein distance (optimal string alignment), enough for one or two slips of the finger. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/** A popular domain the user probably meant, or null. Gmail exists in one zone only. */
export function suggestDomain(domain: string): string | null {
  if (REAL.has(domain)) return null;
  if (/^(gmail|googlemail)\./.test(domain)) return 'gmail.com';
  return POPULAR.find((popular) => editDistance(domain, popular) <= (popular.length > 6 ? 2 : 1)) ?? null;
}

/**
 * Validates an e-mail address by the WHATWG rule with a dot required in the domain, at most
 * 254 characters, Cyrillic domains accepted (`ivan@почта.рф`). Returns the trimmed address with the
 * domain in lower case, as the user wrote it (Unicode kept; `asciiDomain` gives the punycode form).
 * A likely typo in a popular domain (`mail.ry`) passes with a `warning` carrying the suggestion.
 * Codes: `empty`, `too-long`, `no-at`, `local`, `domain`; warning code `typo`.
 */
export function validateEmail(input: string, lang = 'ru'): Validation<string> {
  const trimmed = (input ?? '').trim();
  if (!trimmed) return fail('empty', validateStrings.t(lang, 'email.empty'));
  if (trimmed.length > MAX_LENGTH) return fail('too-long', validateStrings.t(lang, 'email.tooLong'));
  const at = trimmed.lastIndexOf('@');
  if (at < 0) return fail('no-at', validateStrings.t(lang, 'email.noAt'));
  const local = trimmed.slice(0, at);
  const domain = trimmed.slice(at + 1).toLowerCase();
  if (!LOCAL.test(local)) return fail('local', validateStrings.t(lang, 'email.local'));
  const ascii = asciiDomain(domain);
  if (!ascii) return fail('domain', validateStrings.t(lang, 'email.domain'));
  const value = `${local}@${domain}`;
  const suggestion = suggestDomain(ascii);
  if (!suggestion) return ok(value);
  const suggested = `${local}@${suggestion}`;
  const warning: ValidationWarning = { code: 'typo', message: validateStrings.t(lang, 'email.typo', { suggestion: suggested }), suggestion: suggested };
  return ok(value, warning);
}
