import { NOT_WORD_AFTER, NOT_WORD_BEFORE } from './word-bounds.js';

const URGENT = new RegExp(`${NOT_WORD_BEFORE}(?:сбо(?:й|я|ю|ем|е|и|ев|ям|ями|ях)|недоступ\\p{L}*|отказ\\p{L}*)${NOT_WORD_AFTER}`, 'iu');

/** A request naming «сбой», «недоступность» or «отказ» (any inflection) is marked urgent. */
export function isUrgent(...texts: string[]): boolean {
  return texts.some((text) => text !== '' && URGENT.test(text));
}
