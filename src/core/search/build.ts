import type { Article } from '../adapter/types.js';
import { stem } from './stem.js';
import { STOP_WORDS, tokenize } from './text.js';

/** The index in memory: sorted terms and, per term, its articles with a precomputed score. */
export interface Postings {
  terms: string[];
  /** The commonest written form of each term, for "did you mean". */
  forms: string[];
  /** Postings of term t are [offsets[t], offsets[t + 1]). */
  offsets: Uint32Array;
  docs: Uint32Array;
  /** BM25F score of the term in the article, quantised to 1…255 (× IMPACT_SCALE). */
  impacts: Uint8Array;
}

export const IMPACT_SCALE = 12;
/** A title or keyword weighs as much as several mentions in the body; an error code more. */
const FIELD_WEIGHTS = { title: 4, keywords: 3, codes: 5, section: 1.5, body: 1 } as const;
const K1 = 1.2;
const B = 0.5;

function fields(article: Article): [string, number][] {
  return [
    [article.title, FIELD_WEIGHTS.title],
    [(article.keywords ?? []).join(' '), FIELD_WEIGHTS.keywords],
    [article.errorCodes.join(' '), FIELD_WEIGHTS.codes],
    [article.section ?? '', FIELD_WEIGHTS.section],
    [article.body, FIELD_WEIGHTS.body],
  ];
}

/**
 * Scores are computed once here (BM25F with the field weights above), so a query only adds up
 * small integers: that is what keeps the p95 flat as the corpus grows.
 */
export function buildPostings(articles: readonly Article[]): Postings {
  const perDoc: Map<string, number>[] = [];
  const lengths: number[] = [];
  const formCounts = new Map<string, Map<string, number>>();
  for (const article of articles) {
    const tf = new Map<string, number>();
    let length = 0;
    for (const [text, weight] of fields(article)) {
      for (const { word } of tokenize(text)) {
        if (STOP_WORDS.has(word)) continue;
        const term = stem(word);
        tf.set(term, (tf.get(term) ?? 0) + weight);
        length++;
        let forms = formCounts.get(term);
        if (!forms) formCounts.set(term, (forms = new Map()));
        forms.set(word, (forms.get(word) ?? 0) + 1);
      }
    }
    perDoc.push(tf);
    lengths.push(length);
  }
  const terms = [...formCounts.keys()].sort();
  const ids = new Map(terms.map((t, i) => [t, i]));
  const df = new Uint32Array(terms.length);
  for (const tf of perDoc) for (const term of tf.keys()) df[ids.get(term)!]!++;
  const offsets = new Uint32Array(terms.length + 1);
  for (let t = 0; t < terms.length; t++) offsets[t + 1] = offsets[t]! + df[t]!;
  const docs = new Uint32Array(offsets[terms.length]!);
  const impacts = new Uint8Array(docs.length);
  const fill = offsets.slice(0, terms.length);
  const n = articles.length;
  const avg = lengths.reduce((a, b) => a + b, 0) / Math.max(1, n);
  perDoc.forEach((tf, d) => {
    const norm = K1 * (1 - B + (B * lengths[d]!) / avg);
    for (const [term, f] of tf) {
      const t = ids.get(term)!;
      const idf = Math.log(1 + (n - df[t]! + 0.5) / (df[t]! + 0.5));
      const p = fill[t]!++;
      docs[p] = d;
      impacts[p] = Math.max(1, Math.min(255, Math.round(idf * ((f * (K1 + 1)) / (f + norm)) * IMPACT_SCALE)));
    }
  });
  const forms = terms.map((t) => [...formCounts.get(t)!].reduce((a, b) => (b[1] > a[1] ? b : a))[0]);
  return { terms, forms, offsets, docs, impacts };
}
