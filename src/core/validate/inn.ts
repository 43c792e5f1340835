import { fail, ok, type Validation } from '../result.js';
import { validateStrings } from '../i18n/catalogues/validate.js';
import { LETTER, SEPARATORS, digitsOf, weightedSum } from './digits.js';

const W10 = [2, 4, 10, 3, 5, 9, 4, 6, 8] as const;
const W11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8] as const;
const W12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8] as const;

function checkDigit(digits: string, weights: readonly number[]): string {
  return String((weightedSum(digits, weights) % 11) % 10);
}

/** True when the INN's check digits match (10 digits: organisation, 12: person or sole trader). */
export function innChecksumValid(digits: string): boolean {
  if (digits.length === 10) return checkDigit(digits, W10) === digits[9];
  if (digits.length === 12) return checkDigit(digits, W11) === digits[10] && checkDigit(digits, W12) === digits[11];
  return false;
}

/**
 * Validates an INN: 10 digits for organisations, 12 for people and sole traders, with check digits.
 * Codes: `empty`, `letters`, `length`, `checksum`.
 */
export function validateInn(input: string, lang = 'ru'): Validation<string> {
  const trimmed = (input ?? '').trim();
  if (!trimmed) return fail('empty', validateStrings.t(lang, 'inn.empty'));
  if (LETTER.test(trimmed) || /\D/.test(trimmed.replace(SEPARATORS, ''))) return fail('letters', validateStrings.t(lang, 'inn.letters'));
  const digits = digitsOf(trimmed);
  const n = digits.length;
  if (n !== 10 && n !== 12) return fail('length', validateStrings.t(lang, 'inn.length', { n }));
  if (!innChecksumValid(digits)) return fail('checksum', validateStrings.t(lang, 'inn.checksum'));
  return ok(digits);
}
