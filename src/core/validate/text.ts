import { fail, ok, type Validation } from '../result.js';
import { validateStrings } from '../i18n/catalogues/validate.js';
import type { validate } from '../i18n/ru/validate.js';
import { visibleLength } from './graphemes.js';
import { NOT_WORD_AFTER, NOT_WORD_BEFORE } from './word-bounds.js';

export { visibleLength } from './graphemes.js';
export { isUrgent } from './urgency.js';

export interface LengthRule {
  min?: number;
  max?: number;
  required?: boolean;
  /**
   * Code points after NFC. A "short" text can still be huge (one letter with 30,000 combining
   * marks is one grapheme); default: twice `max` plus a little, so emoji sequences still fit.
   */
  maxCodePoints?: number;
  /** UTF-8 bytes after NFC; default six per allowed character. */
  maxBytes?: number;
}

/** Above this, no field of the kit is meant to hold text (descriptions are 2,000 characters). */
const HARD_CODE_POINTS = 100_000;

/**
 * Characters no field of a request may hold: NUL and other control characters (tab and line
 * breaks aside), unpaired surrogates (not text at all) and the bidi overrides and isolates
 * (U+202A–U+202E, U+2066–U+2069), which can make a file name or a sentence read backwards.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what it finds
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Whether the text holds a character of FORBIDDEN (see there). */
export function hasForbiddenCharacters(text: string): boolean {
  return FORBIDDEN.test(text);
}

function codePoints(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** Code points that add nothing visible on their own: combining marks, joiners, variation selectors, skin tones. */
const INVISIBLE = /\p{M}|\p{Emoji_Modifier}|[\u200b-\u200d]/gu;

function utf8Bytes(text: string): number {
  let n = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/**
 * Trims, normalises to NFC and checks a free-text field. Codes: `empty`, `too-short`,
 * `too-long` (graphemes, code points or bytes), `characters` (see FORBIDDEN). Code points and
 * bytes are counted before graphemes, so a wall of combining marks is refused in linear time.
 */
export function validateText(input: string, rule: LengthRule, lang = 'ru'): Validation<string> {
  const raw = input ?? '';
  const maxCodePoints = rule.maxCodePoints ?? (rule.max !== undefined ? rule.max * 2 + 16 : HARD_CODE_POINTS);
  const maxBytes = rule.maxBytes ?? (rule.max !== undefined ? rule.max * 6 + 64 : HARD_CODE_POINTS * 4);
  if (FORBIDDEN.test(raw)) return fail('characters', validateStrings.t(lang, 'text.characters'));
  const value = raw.normalize('NFC').trim();
  const cps = codePoints(value);
  if (cps > maxCodePoints || utf8Bytes(value) > maxBytes) {
    // Plain long text gets the usual count; a short text swollen by marks is told what is wrong.
    const visible = cps - (value.match(INVISIBLE)?.length ?? 0);
    if (rule.max !== undefined && visible > rule.max) return fail('too-long', validateStrings.t(lang, 'text.tooLong', { max: rule.max, n: visible }));
    return fail('too-long', validateStrings.t(lang, 'text.tooComplex', { max: rule.max ?? maxCodePoints }));
  }
  const n = visibleLength(value);
  if (!n) return rule.required ? fail('empty', validateStrings.t(lang, 'text.empty')) : ok('');
  if (rule.min !== undefined && n < rule.min) return fail('too-short', validateStrings.t(lang, 'text.tooShort', { min: rule.min, n }));
  if (rule.max !== undefined && n > rule.max) return fail('too-long', validateStrings.t(lang, 'text.tooLong', { max: rule.max, n }));
  return ok(value);
}

export type SensitiveKind = 'card' | 'cvc' | 'password' | 'sms-code' | 'passport';

/** A fragment of free text that must not be sent to support (the articles forbid it). */
export interface SensitiveFragment {
  kind: SensitiveKind;
  start: number;
  end: number;
  text: string;
  /** What it is, in the user's words («номер банковской карты»). */
  label: string;
}

const KIND_LABEL: Record<SensitiveKind, Extract<keyof typeof validate, `pii.${string}`>> = {
  card: 'pii.card',
  cvc: 'pii.cvc',
  password: 'pii.password',
  'sms-code': 'pii.smsCode',
  passport: 'pii.passport',
};

/** Luhn check of a card number's digits. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

// Lookarounds instead of \b: \b knows only ASCII letters, so it fails next to Cyrillic.

interface Pattern {
  kind: SensitiveKind;
  regex: RegExp;
  accept?: (match: string) => boolean;
}

const PATTERNS: Pattern[] = [
  {
    kind: 'card',
    regex: new RegExp(`${NOT_WORD_BEFORE}\\d(?:[ -]?\\d){12,18}${NOT_WORD_AFTER}`, 'gu'),
    accept: (match) => luhnValid(match.replace(/\D/g, '')),
  },
  {
    kind: 'cvc',
    regex: new RegExp(`${NOT_WORD_BEFORE}(?:cvc2?|cvv2?|cvp2?|код безопасности|код с обратной стороны(?: карты)?)\\s*[:=\\-–—]?\\s*\\d{3,4}${NOT_WORD_AFTER}`, 'giu'),
  },
  {
    kind: 'password',
    regex: new RegExp(`${NOT_WORD_BEFORE}(?:пароль|парол[ьяе]м?|password|pass|pwd)(?:\\s*[:=—–-]\\s*|\\s+(?:это|был|такой|был такой)\\s*:?\\s*)[^\\s,;]+`, 'giu'),
  },
  {
    kind: 'sms-code',
    regex: new RegExp(`${NOT_WORD_BEFORE}(?:код(?:ом)?\\s+(?:из\\s+)?(?:смс|sms|сообщения)|смс[- ]?код|sms[- ]?код|код подтверждения|одноразовый код)\\s*[:=\\-–—]?\\s*\\d{4,8}${NOT_WORD_AFTER}`, 'giu'),
  },
  {
    kind: 'passport',
    regex: new RegExp(`(?:${NOT_WORD_BEFORE}(?:паспорт\\p{L}*|серия)\\s*[:№]?\\s*\\d{2}\\s?\\d{2}\\s*(?:№|номер)?\\s*\\d{6}|${NOT_WORD_BEFORE}\\d{2}\\s\\d{2}\\s+№?\\s*\\d{6})${NOT_WORD_AFTER}`, 'giu'),
  },
];

/**
 * Finds what must not be sent to support: bank card numbers (Luhn-checked), CVC codes,
 * passwords, SMS codes and passport series with number. Returns their ranges, sorted, without
 * overlaps, so the form can highlight them and offer to remove them.
 */
export function findSensitive(text: string, lang = 'ru'): SensitiveFragment[] {
  const found: SensitiveFragment[] = [];
  // An empty field is the common case at first draw: no pattern is compiled for it (~15 ms on a slow phone).
  if (!/\d|pass|pwd|парол/iu.test(text)) return found;
  for (const { kind, regex, accept } of PATTERNS) {
    for (const match of text.matchAll(regex)) {
      if (accept && !accept(match[0])) continue;
      const start = match.index;
      found.push({ kind, start, end: start + match[0].length, text: match[0], label: validateStrings.t(lang, KIND_LABEL[kind]) });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  return found.filter((item, i) => !found.slice(0, i).some((other) => other.end > item.start));
}

/** The kinds found, each named once («пароль, номер карты»): what the citizen is asked to remove. */
export function foundLabels(found: readonly SensitiveFragment[]): string {
  return [...new Set(found.map((f) => f.label))].join(', ');
}

/** Removes the given fragments from the text, tidying the spaces left behind. */
export function removeFragments(text: string, fragments: readonly SensitiveFragment[]): string {
  let result = text;
  for (const { start, end } of [...fragments].sort((a, b) => b.start - a.start)) {
    result = result.slice(0, start) + result.slice(end);
  }
  return result.replace(/[ \t]{2,}/g, ' ').replace(/ +([,.;:!?])/g, '$1');
}


