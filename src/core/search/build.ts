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

export const IMPACT_SCALE = 2;
/**
 * Per field: weight, and how much its length dampens it (BM25F). A title or keyword weighs as
 * much as several mentions in the body whatever the body's length; an error code more.
 */
const FIELDS: [keyof typeof FIELD_TEXT, number, number][] = [
  ['title', 4, 0.5],
  ['keywords', 3, 0.3],
  ['codes', 5, 0],
  ['section', 1.5, 0.3],
  ['body', 1, 0.75],
];
const FIELD_TEXT = {
  title: (a: Article) => a.title,
  keywords: (a: Article) => (a.keywords ?? []).join(' '),
  codes: (a: Article) => a.errorCodes.join(' '),
  section: (a: Article) => a.section ?? '',
  body: (a: Article) => a.body,
};
const K1 = 1.2;

/**
 * Scores are computed once here (BM25F), so a query only adds up small integers: that is what
 * keeps the p95 flat as the corpus grows.
 */
export function buildPostings(articles: readonly Article[]): Postings {
  // Per article and field: term frequencies and the field's length in words.
  const perDoc: { tf: Map<string, number>; length: number }[][] = [];
  const totals = FIELDS.map(() => 0);
  const formCounts = new Map<string, Map<string, number>>();
  for (const article of articles) {
    perDoc.push(
      FIELDS.map(([field], f) => {
        const tf = new Map<string, number>();
        let length = 0;
        for (const { word } of tokenize(FIELD_TEXT[field](article))) {
          if (STOP_WORDS.has(word)) continue;
          const term = stem(word);
          tf.set(term, (tf.get(term) ?? 0) + 1);
          length++;
          let forms = formCounts.get(term);
          if (!forms) formCounts.set(term, (forms = new Map()));
          forms.set(word, (forms.get(word) ?? 0) + 1);
        }
        totals[f]! += length;
        return { tf, length };
      }),
    );
  }
  const n = articles.length;
  const averages = totals.map((t) => Math.max(1, t / Math.max(1, n)));
  // Per article and term: the weighted sum of each field's saturated, length-normalised frequency.
  const weighted = perDoc.map((fields) => {
    const tf = new Map<string, number>();
    fields.forEach(({ tf: counts, length }, f) => {
      const [, weight, b] = FIELDS[f]!;
      const norm = K1 * (1 - b + (b * length) / averages[f]!);
      for (const [term, count] of counts) tf.set(term, (tf.get(term) ?? 0) + (weight * count * (K1 + 1)) / (count + norm));
    });
    return tf;
  });
  const terms = [...formCounts.keys()].sort();
  const ids = new Map(terms.map((t, i) => [t, i]));
  const df = new Uint32Array(terms.length);
  for (const tf of weighted) for (const term of tf.keys()) df[ids.get(term)!]!++;
  const offsets = new Uint32Array(terms.length + 1);
  for (let t = 0; t < terms.length; t++) offsets[t + 1] = offsets[t]! + df[t]!;
  const docs = new Uint32Array(offsets[terms.length]!);
  const impacts = new Uint8Array(docs.length);
  const fill = offsets.slice(0, terms.length);
  weighted.forEach((tf, d) => {
    for (const [term, f] of tf) {
      const t = ids.get(term)!;
      const idf = Math.log(1 + (n - df[t]! + 0.5) / (df[t]! + 0.5));
      const p = fill[t]!++;
      docs[p] = d;
      impacts[p] = Math.max(1, Math.min(255, Math.round(idf * f * IMPACT_SCALE)));
    }
  });
  const forms = terms.map((t) => [...formCounts.get(t)!].reduce((a, b) => (b[1] > a[1] ? b : a))[0]);
  return { terms, forms, offsets, docs, impacts };
}
