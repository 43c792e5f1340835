import { fail, ok, type Validation } from '../result.js';
import { validateStrings } from '../i18n/catalogues/validate.js';
import { LETTER, SEPARATORS, digitsOf, weightedSum } from './digits.js';

const WEIGHTS = [9, 8, 7, 6, 5, 4, 3, 2, 1] as const;
/**
 * The Pension Fund checks the control number only of numbers greater than 001-001-998: the first
 * series was issued before control numbers existed, so any last two digits are valid there.
 */
const FIRST_SERIES_LAST = 1_001_998;

/** The two-digit control number of the first nine SNILS digits. */
export function snilsControl(nine: string): string {
  const sum = weightedSum(nine, WEIGHTS);
  let control: number;
  if (sum < 100) control = sum;
  else if (sum === 100 || sum === 101) control = 0;
  else control = sum % 101 === 100 ? 0 : sum % 101;
  return String(control).padStart(2, '0');
}

/** `12345678901` → `123-456-789 01`. */
export function formatSnils(digits: string): string {
  return `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6, 9)} ${digits.slice(9, 11)}`;
}

/**
 * Validates a SNILS as people type it (spaces, dashes, no separators, blanks around) and
 * returns it in the canonical form `XXX-XXX-XXX YY`.
 * Codes: `empty`, `letters`, `characters`, `too-short`, `too-long`, `checksum`.
 */
export function validateSnils(input: string, lang = 'ru'): Validation<string> {
  const trimmed = (input ?? '').trim();
  if (!trimmed) return fail('empty', validateStrings.t(lang, 'snils.empty'));
  if (LETTER.test(trimmed)) return fail('letters', validateStrings.t(lang, 'snils.letters'));
  if (/\D/.test(trimmed.replace(SEPARATORS, ''))) return fail('characters', validateStrings.t(lang, 'snils.characters'));
  const digits = digitsOf(trimmed);
  if (digits.length < 11) return fail('too-short', validateStrings.t(lang, 'snils.tooShort', { n: digits.length }));
  if (digits.length > 11) return fail('too-long', validateStrings.t(lang, 'snils.tooLong', { n: digits.length }));
  const nine = digits.slice(0, 9);
  if (Number(nine) > FIRST_SERIES_LAST && snilsControl(nine) !== digits.slice(9)) return fail('checksum', validateStrings.t(lang, 'snils.checksum'));
  return ok(formatSnils(digits));
}
