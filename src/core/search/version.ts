import type { Article } from '../adapter/types.js';

/** Bumped whenever the index's layout or scoring changes: an index of another format is rebuilt. */
export const INDEX_FORMAT = 1;

/** A short hash of the corpus (FNV-1a, 2 × 32 bits): equal corpora, equal versions, in Node and browsers. */
export function corpusVersion(articles: readonly Article[]): string {
  const text = JSON.stringify(articles);
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return `${INDEX_FORMAT}-${(a >>> 0).toString(36)}${(b >>> 0).toString(36)}`;
}
