import { stemmer as russian } from '@orama/stemmers/russian';
import { stemmer as english } from '@orama/stemmers/english';
import { isCyrillic } from './text.js';

/** The same word is stemmed thousands of times while building: remember each answer. */
const cache = new Map<string, string>();
const CACHE_MAX = 50_000;

/**
 * Snowball stem of a normalised word: Russian for Cyrillic, English (Porter) for Latin, digits as
 * they are. When Snowball leaves a stub of a long word («запись» → «зап», but «записи» → «запис»),
 * the word less its last letter is kept instead, so the forms still meet.
 */
export function stem(word: string): string {
  let result = cache.get(word);
  if (result !== undefined) return result;
  if (/^\d+$/.test(word) || word.length < 3) result = word;
  else {
    result = isCyrillic(word) ? russian(word) : /^[a-z]+$/.test(word) ? english(word) : word;
    if (result.length < 4 && word.length >= 6) result = word.slice(0, -1);
  }
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(word, result);
  return result;
}
