import { fail, ok, type Validation } from '../result.js';
import { validateStrings } from '../i18n/catalogues/validate.js';
import { LETTER, SEPARATORS, digitsOf } from './digits.js';

/** Brackets and dots people put in numbers, beyond spaces and dashes. */
const PHONE_PUNCTUATION = /[().]/g;

/**
 * Validates a phone number as people type it and returns it in E.164.
 *
 * Russian numbers (`+7`, `8`, `7` or 10 bare digits, with brackets, spaces, dashes) → `+7XXXXXXXXXX`;
 * the code after +7 cannot start with 0 or 1.
 * A citizen abroad: a number written with `+` and a country code other than 7 is accepted as
 * international E.164 (8–15 digits) without per-country rules, since support calls back by any route;
 * without `+` we cannot tell a foreign number from a mistyped Russian one, so it is read as Russian.
 * Codes: `empty`, `letters`, `characters`, `too-short`, `too-long`, `bad-code`, `plus-eight`, `foreign-length`.
 */
export function validatePhone(input: string, lang = 'ru'): Validation<string> {
  const trimmed = (input ?? '').trim();
  if (!trimmed) return fail('empty', validateStrings.t(lang, 'phone.empty'));
  if (LETTER.test(trimmed)) return fail('letters', validateStrings.t(lang, 'phone.letters'));
  const compact = trimmed.replace(SEPARATORS, '').replace(PHONE_PUNCTUATION, '');
  if (!/^\+?\d+$/.test(compact)) return fail('characters', validateStrings.t(lang, 'phone.characters'));
  const digits = digitsOf(compact);
  const plus = compact.startsWith('+');

  let national: string;
  if (plus) {
    if (digits.startsWith('8') && digits.length === 11) return fail('plus-eight', validateStrings.t(lang, 'phone.plusEight'));
    if (!digits.startsWith('7')) {
      if (digits.length < 8 || digits.length > 15) return fail('foreign-length', validateStrings.t(lang, 'phone.foreign'));
      return ok(`+${digits}`);
    }
    national = digits.slice(1);
  } else if (digits.length === 11 && (digits.startsWith('8') || digits.startsWith('7'))) {
    national = digits.slice(1);
  } else if (digits.length > 11) {
    return fail('too-long', validateStrings.t(lang, 'phone.tooLong'));
  } else {
    national = digits;
  }
  if (national.length < 10) return fail('too-short', validateStrings.t(lang, 'phone.tooShort'));
  if (national.length > 10) return fail('too-long', validateStrings.t(lang, 'phone.tooLong'));
  if (national.startsWith('0') || national.startsWith('1')) return fail('bad-code', validateStrings.t(lang, 'phone.badCode'));
  return ok(`+7${national}`);
}

/** `+79123456789` → `+7 912 345-67-89` for display; other numbers unchanged. */
export function formatPhone(e164: string): string {
  const m = /^\+7(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(e164);
  return m ? `+7 ${m[1]} ${m[2]}-${m[3]}-${m[4]}` : e164;
}
