import type { Topic } from './adapter/types.js';
import { topicsStrings } from './i18n/catalogues/topics.js';
import type { topics } from './i18n/ru/topics.js';

/** The default categories of DOMAIN.md; a portal can pass its own list (each may route to a queue). */
export const DEFAULT_TOPIC_IDS = ['login', 'forms', 'payments', 'documents', 'technical', 'identity', 'general', 'complaint'] as const;

export function defaultTopics(lang = 'ru'): Topic[] {
  return DEFAULT_TOPIC_IDS.map((id) => ({
    id,
    title: topicsStrings.t(lang, `topic.${id}` as keyof typeof topics),
    ...(id === 'complaint' ? { needsPreviousNumber: true } : {}),
  }));
}
