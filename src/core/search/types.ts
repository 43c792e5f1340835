import type { Article } from '../adapter/types.js';
import type { Highlighted } from './snippet.js';

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
  /**
   * Best first. The last word is completed unless the query ends with a space. A long text (a
   * request's description) counts its first 24 different words.
   */
  search(query: string, options?: FaqSearchOptions): FaqResult[];
  /** The query with misspelt or wrong-layout words replaced by what the corpus says, or undefined. */
  suggest(query: string): string | undefined;
  /** Most popular first (Article.popularity), for the empty search box. */
  popular(options?: FaqSearchOptions): FaqHit[];
  serialise(): SerialisedFaqIndex;
}
