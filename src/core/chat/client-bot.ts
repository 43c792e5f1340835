import type { Article, ChatArticleCard } from '../adapter/types.js';
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

/** Cards for articles by id, for a bot message that names only ids (unknown ids are skipped). */
export function articleCards(articles: readonly Article[], ids: readonly string[] = []): ChatArticleCard[] {
  const byId = new Map(articles.map((a) => [a.id, a]));
  return ids.flatMap((id) => {
    const article = byId.get(id);
    return article ? [{ id, title: article.title, snippet: article.body.split(/\n\s*\n/)[0]!.slice(0, 180) }] : [];
  });
}
