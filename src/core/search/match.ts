import type { Postings } from './build.js';
import { stem } from './stem.js';
import { fuzzyTerms, prefixRange } from './vocabulary.js';

/** How much a kind of match counts against an exact one (1). */
export const FACTOR = { morph: 0.75, prefixMax: 0.9, typo1: 0.55, typo2: 0.4, typoPrefix: 0.45, layout: 0.95 } as const;
const PREFIX_TERMS_MAX = 60;
const TERMS_MAX = 24;

/** Terms one query word reaches, each with the factor of its best kind of match. */
export type TermMatches = Map<number, number>;

function add(found: TermMatches, term: number, factor: number): void {
  if ((found.get(term) ?? 0) < factor) found.set(term, factor);
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** How many edits a word of this length may carry: one from 5 letters, two from 9. */
export function typoBudget(length: number): number {
  return length >= 9 ? 2 : length >= 5 ? 1 : 0;
}

/**
 * Every index term a normalised query word may mean: its Snowball stem; words of the same
 * family whose stems part only in the last letters («авторизац» / «авторизова»); completions of
 * the word being typed; and terms within the typo budget.
 */
export function matchWord(index: Postings, termIds: ReadonlyMap<string, number>, word: string, typing: boolean): TermMatches {
  const { terms, offsets } = index;
  const found: TermMatches = new Map();
  const s = stem(word);
  for (const exact of [s, word]) {
    const id = termIds.get(exact);
    if (id !== undefined) add(found, id, 1);
  }
  for (const base of new Set([s, word])) {
    if (base.length < 5 || /\d/.test(base)) continue;
    const [from, to] = prefixRange(terms, base.slice(0, Math.max(5, base.length - 3)));
    for (let t = from; t < to; t++) if (commonPrefix(base, terms[t]!) >= terms[t]!.length - 3) add(found, t, FACTOR.morph);
  }
  if (typing && word.length >= 2) {
    const [from, to] = prefixRange(terms, word);
    let range = Array.from({ length: to - from }, (_, i) => from + i);
    // A one- or two-letter beginning reaches thousands of terms: keep the commonest.
    if (range.length > PREFIX_TERMS_MAX) range = range.sort((a, b) => offsets[b + 1]! - offsets[b]! - (offsets[a + 1]! - offsets[a]!)).slice(0, PREFIX_TERMS_MAX);
    for (const t of range) add(found, t, Math.min(FACTOR.prefixMax, 0.5 + (0.5 * word.length) / terms[t]!.length));
  }
  // A word the index has as it is was not mistyped: looking for typos would only add noise (and time).
  const budget = found.size && [...found.values()].includes(1) ? 0 : typoBudget(word.length);
  if (budget > 0) {
    for (const [t, edits] of fuzzyTerms(terms, s, budget)) if (edits > 0) add(found, t, edits === 1 ? FACTOR.typo1 : FACTOR.typo2);
    if (typing) for (const [t, edits] of fuzzyTerms(terms, word, budget, true)) if (edits > 0) add(found, t, FACTOR.typoPrefix);
  }
  if (found.size <= TERMS_MAX) return found;
  // Keep the closest matches (then the commonest terms): scores of the rest would not change the order.
  const kept = [...found].sort((a, b) => b[1] - a[1] || offsets[b[0] + 1]! - offsets[b[0]]! - (offsets[a[0] + 1]! - offsets[a[0]]!)).slice(0, TERMS_MAX);
  return new Map(kept);
}

/** The best factor among a word's matches: how sure we are the word means something here. */
export function matchQuality(found: TermMatches): number {
  let best = 0;
  for (const f of found.values()) best = Math.max(best, f);
  return best;
}
