/**
 * FAQ search without a DOM (page, Worker or Node): Russian and English Snowball stems, words of
 * one family, completion of the word being typed, typos, the wrong keyboard layout, ё = е,
 * synonyms as data, exact error codes, titles and keywords weighted, snippets with match offsets.
 */
import type { Article } from '../adapter/types.js';
import { buildPostings, type Postings } from './build.js';
import { decodeVarints, encodeVarints } from './codec.js';
import { FACTOR, matchQuality, matchWord, typoBudget, type TermMatches } from './match.js';
import { highlight, snippet, type Highlighted } from './snippet.js';
import { stem } from './stem.js';
import { DEFAULT_SYNONYMS } from './synonyms.js';
import { looksLikeWrongLayout, switchLayout } from './layout.js';
import { STOP_WORDS, normalise, tokenize } from './text.js';
import { fuzzyTerms, prefixRange } from './vocabulary.js';
import { INDEX_FORMAT, corpusVersion } from './version.js';

export { corpusVersion, INDEX_FORMAT } from './version.js';
export type { Highlighted } from './snippet.js';

export interface FaqSearchOptions {
  /** At most this many results (10). */
  limit?: number;
  /** Only articles of this category. */
  category?: string;
}

export interface FaqHit {
  id: string;
  title: string;
  category: string;
  section?: string;
}

export interface FaqResult extends FaqHit {
  /** Higher is better; comparable within one query only. */
  score: number;
  /** The title with the matched words' offsets. */
  titleHighlights: [number, number][];
  /** A passage of the body around the matched words, with their offsets in it. */
  snippet: Highlighted;
}

export interface FaqIndexOptions {
  /** Groups of equivalent words and phrases (DEFAULT_SYNONYMS). */
  synonyms?: readonly (readonly string[])[];
}

/** The prebuilt index as JSON: served next to the corpus, kept in IndexedDB. */
export interface SerialisedFaqIndex {
  format: number;
  /** corpusVersion() of the articles it was built from. */
  version: string;
  ids: string[];
  terms: string[];
  forms: string[];
  /** Per term: its number of postings, then per posting the gap to the previous article number and the score, as base64 varints. */
  postings: string;
  values: number;
}

export interface FaqIndex {
  readonly version: string;
  readonly articles: readonly Article[];
  /** Best first. The last word is completed unless the query ends with a space. */
  search(query: string, options?: FaqSearchOptions): FaqResult[];
  /** The query with misspelt or wrong-layout words replaced by what the corpus says, or undefined. */
  suggest(query: string): string | undefined;
  /** Most popular first (Article.popularity), for the empty search box. */
  popular(options?: FaqSearchOptions): FaqHit[];
  serialise(): SerialisedFaqIndex;
}

const SYNONYM_FACTOR = 0.85;
/** An article that carries the very error code asked for comes first. */
const CODE_BONUS = 1000;
const CACHE_MAX = 2000;

interface QueryWord {
  word: string;
  matches: TermMatches;
}
/** One typed word: its alternatives (as typed, then synonym phrases). */
type Slot = QueryWord[][];

class Index implements FaqIndex {
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
    return out;
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
    const { terms, forms, offsets, docs, impacts } = this.postings;
    const values: number[] = [];
    for (let t = 0; t < terms.length; t++) {
      values.push(offsets[t + 1]! - offsets[t]!);
      let previous = 0;
      for (let p = offsets[t]!; p < offsets[t + 1]!; p++) {
        values.push(docs[p]! - previous, impacts[p]!);
        previous = docs[p]!;
      }
    }
    return { format: INDEX_FORMAT, version: this.version, ids: this.articles.map((a) => a.id), terms, forms, postings: encodeVarints(values), values: values.length };
  }
}

function hit(article: Article): FaqHit {
  return { id: article.id, title: article.title, category: article.category, ...(article.section ? { section: article.section } : {}) };
}

/** Builds the index from the articles (tens of milliseconds per thousand articles: do it in a Worker or ahead of time). */
export function createFaqIndex(articles: readonly Article[], options: FaqIndexOptions = {}): FaqIndex {
  return new Index(articles, buildPostings(articles), corpusVersion(articles), options);
}

/**
 * Loads a serialised index for these articles without rebuilding it. Throws when the index was
 * built from other articles or in another format: build a new one then.
 */
export function loadFaqIndex(serialised: SerialisedFaqIndex, articles: readonly Article[], options: FaqIndexOptions = {}): FaqIndex {
  if (serialised.format !== INDEX_FORMAT) throw new Error(`FAQ index format ${serialised.format}, expected ${INDEX_FORMAT}`);
  if (serialised.ids.length !== articles.length || serialised.ids.some((id, i) => articles[i]!.id !== id)) throw new Error('FAQ index built from other articles');
  const values = decodeVarints(serialised.postings, serialised.values);
  const termCount = serialised.terms.length;
  const offsets = new Uint32Array(termCount + 1);
  const docs = new Uint32Array((values.length - termCount) / 2);
  const impacts = new Uint8Array(docs.length);
  let v = 0;
  let p = 0;
  for (let t = 0; t < termCount; t++) {
    const count = values[v++]!;
    let d = 0;
    for (let i = 0; i < count; i++, p++) {
      docs[p] = d += values[v++]!;
      impacts[p] = values[v++]!;
    }
    offsets[t + 1] = p;
  }
  if (p !== docs.length || docs.some((d) => d >= articles.length)) throw new Error('FAQ index is damaged');
  return new Index(articles, { terms: serialised.terms, forms: serialised.forms, offsets, docs, impacts }, serialised.version, options);
}
