/**
 * Text typed with the wrong keyboard layout: «gfhjkm» was meant as «пароль» (ЙЦУКЕН keys on a
 * QWERTY layout) and «ыьы» as «sms». Only the keys that differ between the two are mapped.
 */
const LATIN = "qwertyuiop[]asdfghjkl;'zxcvbnm,.`";
const CYRILLIC = 'йцукенгшщзхъфывапролджэячсмитьбюё';

const toCyrillicMap = new Map([...LATIN].map((c, i) => [c, CYRILLIC[i]!]));
const toLatinMap = new Map([...CYRILLIC].map((c, i) => [c, LATIN[i]!]));

/** A whitespace-free chunk typed on the Latin layout that could be Russian (letters and the keys of х ъ ж э б ю ё). */
export function looksLikeWrongLayout(chunk: string): 'latin' | 'cyrillic' | undefined {
  const lower = chunk.toLowerCase();
  if (/^[a-z[\];',.`]+$/.test(lower) && /[a-z]/.test(lower)) return 'latin';
  if (/^[а-яё]+$/.test(lower)) return 'cyrillic';
  return undefined;
}

export function switchLayout(chunk: string): string {
  const lower = chunk.toLowerCase();
  const map = looksLikeWrongLayout(lower) === 'latin' ? toCyrillicMap : toLatinMap;
  return [...lower].map((c) => map.get(c) ?? c).join('');
}
