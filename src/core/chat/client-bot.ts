import type { Article } from '../adapter/types.js';
import type { FaqIndex } from '../search/index.js';

/** What the bot says to one question: the articles that may help (none: it offers an operator). */
export interface BotAnswer {
  articleIds: string[];
}

/**
 * The chat's bot: a strategy behind the adapter. A backend with its own bot answers in its
 * messages (`ChatApi.chatBot === 'server'`); for any other, this one answers in the browser from
 * the FAQ index the page already has (the same search as <gu-faq-search>).
 */
export interface ChatBot {
  answer(question: string): BotAnswer;
}

/** The client-side bot: the best three FAQ matches for the question. */
export function faqBot(index: FaqIndex, limit = 3): ChatBot {
  return {
    answer: (question) => ({ articleIds: index.search(`${question} `, { limit }).map((hit) => hit.id) }),
  };
}

/** Articles by id, for the cards under a bot message (unknown ids are skipped). */
export function articlesById(articles: readonly Article[], ids: readonly string[] = []): Article[] {
  const byId = new Map(articles.map((a) => [a.id, a]));
  return ids.map((id) => byId.get(id)).filter((a): a is Article => Boolean(a));
}
