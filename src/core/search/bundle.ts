import type { Article, FaqCategory } from '../adapter/types.js';
import type { SerialisedFaqIndex } from './types.js';

export type { FaqCategory } from '../adapter/types.js';

/**
 * Everything the FAQ needs offline, in one response and one IndexedDB record: the articles,
 * their categories' names and the prebuilt index, all of one corpus version.
 */
export interface FaqBundle {
  version: string;
  categories: FaqCategory[];
  articles: Article[];
  /** Absent when the backend serves no prebuilt index: the kit then builds one in a Worker. */
  index?: SerialisedFaqIndex;
}
