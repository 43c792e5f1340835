/**
 * FAQ search without a DOM (page, Worker or Node): Russian and English Snowball stems, words of
 * one family, completion of the word being typed, typos, the wrong keyboard layout, ё = е,
 * synonyms as data, exact error codes, titles and keywords weighted, snippets with match offsets.
 */
import type { Article } from '../adapter/types.js';
import { buildPostings } from './build.js';
import { FaqEngine } from './engine.js';
import { deserialisePostings } from './serialise.js';
import type { FaqIndex, FaqIndexOptions, SerialisedFaqIndex } from './types.js';
import { corpusVersion } from './version.js';

export { corpusVersion, INDEX_FORMAT } from './version.js';
export type { FaqHit, FaqIndex, FaqIndexOptions, FaqResult, FaqSearchOptions, Highlighted, SerialisedFaqIndex } from './types.js';

/** Builds the index from the articles (tens of milliseconds per thousand articles: do it in a Worker or ahead of time). */
export function createFaqIndex(articles: readonly Article[], options: FaqIndexOptions = {}): FaqIndex {
  return new FaqEngine(articles, buildPostings(articles), corpusVersion(articles), options);
}

/**
 * Loads a serialised index for these articles without rebuilding it. Throws when the index was
 * built from other articles or in another format: build a new one then.
 */
export function loadFaqIndex(serialised: SerialisedFaqIndex, articles: readonly Article[], options: FaqIndexOptions = {}): FaqIndex {
  return new FaqEngine(articles, deserialisePostings(serialised, articles.map((a) => a.id)), serialised.version, options);
}
