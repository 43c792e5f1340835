import type { Article } from '../adapter/types.js';
import type { Postings } from './build.js';
import { FACTOR, matchQuality, matchWord, typoBudget, type TermMatches } from './match.js';
import { highlight, snippet } from './snippet.js';
import { serialisePostings } from './serialise.js';
import { stem } from './stem.js';
import { DEFAULT_SYNONYMS } from './synonyms.js';
import { looksLikeWrongLayout, switchLayout } from './layout.js';
import { STOP_WORDS, normalise, tokenize } from './text.js';
import type { FaqHit, FaqIndex, FaqIndexOptions, FaqResult, FaqSearchOptions, SerialisedFaqIndex } from './types.js';
import { fuzzyTerms, prefixRange } from './vocabulary.js';

const SYNONYM_FACTOR = 0.85;
/** An article that carries the very error code asked for comes first. */
const CODE_BONUS = 1000;
const CACHE_MAX = 2000;
const WORDS_MAX = 24;

interface QueryWord {
  word: string;
  matches: TermMatches;
}
/** One typed word: its alternatives (as typed, then synonym phrases). */
type Slot = QueryWord[][];

/**
 * Answers queries over the postings: each typed word (as typed or on the other layout) with its
 * synonyms is a slot; an article scores the sum of its best match per slot, times the square of
 * the share of slots it matches; the error code asked for comes first.
 */
export class FaqEngine implements FaqIndex {
  readonly version: string;
  private readonly termIds: Map<string, number>;
  private readonly synonyms = new Map<string, string[][]>();
  private readonly codes = new Map<string, number[]>();
  private readonly matchCache = new Map<string, TermMatches>();
  private readonly buffers: Float32Array[] = [];

  constructor(
    readonly articles: readonly Article[],
    private readonly postings: Postings,
    version: string,
    options: FaqIndexOptions,
  ) {
    this.version = version;
    this.termIds = new Map(postings.terms.map((t, i) => [t, i]));
    for (const group of options.synonyms ?? DEFAULT_SYNONYMS) {
      const phrases = group.map((member) => tokenize(member).map((t) => t.word).filter((w) => !STOP_WORDS.has(w)));
      for (const [i, phrase] of phrases.entries()) {
        if (phrase.length !== 1) continue;
        const key = stem(phrase[0]!);
        this.synonyms.set(key, [...(this.synonyms.get(key) ?? []), ...phrases.filter((_, j) => j !== i)]);
      }
    }
    articles.forEach((a, d) => a.errorCodes.forEach((code) => this.codes.set(normalise(code), [...(this.codes.get(normalise(code)) ?? []), d])));
  }

  private match(word: string, typing: boolean): TermMatches {
    const key = `${typing ? 1 : 0}${word}`;
    let found = this.matchCache.get(key);
    if (!found) {
      found = matchWord(this.postings, this.termIds, word, typing);
      if (this.matchCache.size >= CACHE_MAX) this.matchCache.clear();
      this.matchCache.set(key, found);
    }
    return found;
  }

  /** Words of the query, each as typed or as meant on the other keyboard layout, whichever the corpus knows better. */
  private words(query: string): QueryWord[] {
    const typing = !/\s$/.test(query);
    const chunks = query.split(/\s+/).filter(Boolean);
    const out: QueryWord[] = [];
    chunks.forEach((chunk, c) => {
      const read = (text: string): QueryWord[] => {
        const words = tokenize(text).map((t) => t.word).filter((w) => !STOP_WORDS.has(w));
        return words.map((word, i) => ({ word, matches: this.match(word, typing && c === chunks.length - 1 && i === words.length - 1) }));
      };
      const quality = (words: QueryWord[]) => words.reduce((sum, w) => sum + matchQuality(w.matches), 0);
      let words = read(chunk);
      if (looksLikeWrongLayout(chunk)) {
        const switched = read(switchLayout(chunk));
        if (quality(switched) * FACTOR.layout > quality(words)) words = switched.map((w) => ({ word: w.word, matches: new Map([...w.matches].map(([t, f]) => [t, f * FACTOR.layout])) }));
      }
      out.push(...words);
    });
    // A whole request text (the form asking which articles answer it) counts its first words, each once.
    const seen = new Set<string>();
    return out.filter((w) => !seen.has(w.word) && seen.add(w.word)).slice(0, WORDS_MAX);
  }

  private slots(words: QueryWord[]): Slot[] {
    return words.map((w) => [[w], ...(this.synonyms.get(stem(w.word)) ?? []).map((phrase) => phrase.map((word) => ({ word, matches: this.match(word, false) })))]);
  }

  /** Per article, the best score of one word: each article counts a word once, by its best-matching term. */
  private scoreWord(word: QueryWord, into: Float32Array, weight: number): void {
    const { offsets, docs, impacts } = this.postings;
    for (const [t, factor] of word.matches) {
      const f = factor * weight;
      for (let p = offsets[t]!, end = offsets[t + 1]!; p < end; p++) {
        const v = impacts[p]! * f;
        if (v > into[docs[p]!]!) into[docs[p]!] = v;
      }
    }
  }

  /** Zeroed scratch arrays, one per article, kept between queries (no garbage per keystroke). */
  private scratch(count: number): Float32Array[] {
    const n = this.articles.length;
    while (this.buffers.length < count) this.buffers.push(new Float32Array(n));
    for (let i = 0; i < count; i++) this.buffers[i]!.fill(0);
    return this.buffers.slice(0, count);
  }

  search(query: string, options: FaqSearchOptions = {}): FaqResult[] {
    const limit = options.limit ?? 10;
    const words = this.words(query);
    if (!words.length || limit <= 0) return [];
    const n = this.articles.length;
    const [total, covered, slot, part, sum, hits] = this.scratch(6) as [Float32Array, Float32Array, Float32Array, Float32Array, Float32Array, Float32Array];
    const slots = this.slots(words);
    for (const alternatives of slots) {
      slot.fill(0);
      alternatives.forEach((phrase, a) => {
        const weight = a === 0 ? 1 : SYNONYM_FACTOR;
        if (phrase.length === 1) return this.scoreWord(phrase[0]!, slot, weight);
        // A phrase counts where all its words are, as the mean of their scores.
        sum.fill(0);
        hits.fill(0);
        for (const word of phrase) {
          part.fill(0);
          this.scoreWord(word, part, 1);
          for (let d = 0; d < n; d++) {
            if (part[d] === 0) continue;
            sum[d] = sum[d]! + part[d]!;
            hits[d] = hits[d]! + 1;
          }
        }
        for (let d = 0; d < n; d++) if (hits[d] === phrase.length) slot[d] = Math.max(slot[d]!, (sum[d]! / phrase.length) * weight);
      });
      for (let d = 0; d < n; d++) {
        if (slot[d] === 0) continue;
        total[d] = total[d]! + slot[d]!;
        covered[d] = covered[d]! + 1;
      }
    }
    for (const w of words) for (const d of this.codes.get(w.word) ?? []) total[d] = total[d]! + CODE_BONUS;

    // The best `limit` articles, kept sorted while scanning (no array of every match to sort).
    const top: number[] = [];
    const topScores: number[] = [];
    for (let d = 0; d < n; d++) {
      if (total[d] === 0) continue;
      const coverage = covered[d]! / slots.length;
      const score = total[d]! * coverage * coverage + (this.articles[d]!.popularity ?? 0) * 1e-3;
      if (top.length === limit && score <= topScores[limit - 1]!) continue;
      if (options.category && this.articles[d]!.category !== options.category) continue;
      let i = Math.min(top.length, limit - 1);
      while (i > 0 && topScores[i - 1]! < score) i--;
      top.splice(i, 0, d);
      topScores.splice(i, 0, score);
      if (top.length > limit) {
        top.pop();
        topScores.pop();
      }
    }
    const ranked = top.map((d, i) => [d, topScores[i]!] as const);

    const matched = new Set<number>();
    for (const alternatives of slots) for (const phrase of alternatives) for (const w of phrase) for (const t of w.matches.keys()) matched.add(t);
    // Terms are beginnings of their words: a word whose first letters start no matched term is
    // dismissed before it is stemmed (most words of a snippet).
    const beginnings = new Set([...matched].map((t) => this.postings.terms[t]!.slice(0, 3)));
    const isMatch = (word: string) => beginnings.has(word.slice(0, 3)) && (matched.has(this.termIds.get(stem(word)) ?? -1) || matched.has(this.termIds.get(word) ?? -1));
    return ranked.map(([d, score]) => {
      const article = this.articles[d]!;
      return { ...hit(article), score: Math.round(score * 100) / 100, titleHighlights: highlight(article.title, isMatch).highlights, snippet: snippet(article.body, isMatch) };
    });
  }

  suggest(query: string): string | undefined {
    const { terms, forms, offsets } = this.postings;
    let changed = false;
    const chunks = query.trim().split(/\s+/);
    const typing = !/\s$/.test(query);
    const out = chunks
      .map((chunk, c) => {
        const words = tokenize(chunk).map((t) => t.word);
        // The word being typed is fine while some term starts with it.
        const begun = (w: string) => typing && c === chunks.length - 1 && w === words.at(-1) && prefixRange(terms, w)[0] < prefixRange(terms, w)[1];
        if (!words.length || words.every((w) => STOP_WORDS.has(w) || /\d/.test(w) || this.known(w) || begun(w))) return chunk;
        if (looksLikeWrongLayout(chunk)) {
          const switched = tokenize(switchLayout(chunk)).map((t) => t.word);
          if (switched.length && switched.every((w) => this.known(w))) return (changed = true), switched.join(' ');
        }
        return words
          .map((w) => {
            if (STOP_WORDS.has(w) || this.known(w)) return w;
            const budget = Math.max(typoBudget(w.length), w.length >= 4 ? 1 : 0);
            // The word being typed may be the misspelt beginning of a longer one: those come first.
            const completing = typing && c === chunks.length - 1 && w === words.at(-1);
            const near = [...fuzzyTerms(terms, stem(w), budget), ...(completing ? fuzzyTerms(terms, w, budget, true) : [])]
              .map(([t, edits]) => [t, edits, completing && terms[t]!.length > w.length ? 0 : 1, offsets[t + 1]! - offsets[t]!] as const)
              .sort((a, b) => a[1] - b[1] || a[2] - b[2] || b[3] - a[3]);
            if (!near.length) return w;
            changed = true;
            return forms[near[0]![0]]!;
          })
          .join(' ');
      })
      .join(' ');
    return changed ? out : undefined;
  }

  /** A word the corpus has as it is (or as a word of the same family). */
  private known(word: string): boolean {
    const found = this.match(word, false);
    for (const f of found.values()) if (f >= FACTOR.morph) return true;
    return false;
  }

  popular(options: FaqSearchOptions = {}): FaqHit[] {
    return this.articles
      .map((article, d) => ({ article, d }))
      .filter(({ article }) => !options.category || article.category === options.category)
      .sort((a, b) => (b.article.popularity ?? 0) - (a.article.popularity ?? 0) || a.d - b.d)
      .slice(0, options.limit ?? 10)
      .map(({ article }) => hit(article));
  }

  serialise(): SerialisedFaqIndex {
    return serialisePostings(this.postings, this.version, this.articles.map((a) => a.id));
  }

}

function hit(article: Article): FaqHit {
  return { id: article.id, title: article.title, category: article.category, ...(article.section ? { section: article.section } : {}) };
}
