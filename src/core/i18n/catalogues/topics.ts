import { catalogue } from '../catalogue.js';
import { topics } from '../ru/topics.js';

export const topicsStrings = catalogue(topics, { en: () => import('../en/topics.js').then((m) => m.topics) });
