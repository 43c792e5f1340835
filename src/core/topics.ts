import type { Topic } from './adapter/types.js';
import { translate, type MessageKey } from './i18n/translate.js';

/** The default categories of DOMAIN.md; a portal can pass its own list (each may route to a queue). */
export const DEFAULT_TOPIC_IDS = ['login', 'forms', 'payments', 'documents', 'technical', 'identity', 'general', 'complaint'] as const;

export function defaultTopics(lang = 'ru'): Topic[] {
  return DEFAULT_TOPIC_IDS.map((id) => ({
    id,
    title: translate(lang, `topic.${id}` as MessageKey),
    ...(id === 'complaint' ? { needsPreviousNumber: true } : {}),
  }));
}
