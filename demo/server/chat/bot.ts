import type { Article } from '../../../src/core/adapter/types.js';
import { createFaqIndex } from '../../../src/core/search/index.js';
import type { FaqIndex } from '../../../src/core/search/types.js';
import type { MessageExtra } from './store.js';
import { personReplies, texts, type Lang } from './texts.js';

/** A result below this score is a coincidence of common words («привет» finds nothing). */
const MIN_SCORE = 10;
/** Cards after the first must be at least this share of its score. */
const RELATIVE = 0.4;
const CARDS = 3;

export interface BotReply {
  text: string;
  extra: MessageExtra;
  /** Whether it had articles: an answer without any counts as one that did not help. */
  found: boolean;
}

/**
 * The demo bot «Макс»: the kit's own FAQ search (createFaqIndex, built once) over the articles,
 * answering with up to three cards, and a person offered at once and after two answers that did
 * not help (the service counts them).
 */
export class Bot {
  private index: FaqIndex | undefined;

  constructor(private readonly articles: readonly Article[]) {}

  private get faq(): FaqIndex {
    return (this.index ??= createFaqIndex(this.articles));
  }

  greeting(lang: Lang, operatorsAtWork: boolean): BotReply {
    const t = texts(lang);
    return {
      text: t.greeting,
      extra: { quickReplies: [...personReplies(lang, operatorsAtWork), ...t.samples.map((text) => ({ action: 'send' as const, label: text, text }))] },
      found: false,
    };
  }

  answer(question: string, lang: Lang, operatorsAtWork: boolean): BotReply {
    const results = this.faq.search(question, { limit: CARDS });
    const top = results[0]?.score ?? 0;
    const cards = top < MIN_SCORE ? [] : results.filter((r) => r.score >= top * RELATIVE).map((r) => ({ id: r.id, title: r.title, snippet: r.snippet.text }));
    const t = texts(lang);
    if (!cards.length) return { text: t.notFound, extra: { quickReplies: personReplies(lang, operatorsAtWork) }, found: false };
    return { text: t.found, extra: { articles: cards }, found: true };
  }

  /** After the second answer that did not help. */
  offer(lang: Lang, operatorsAtWork: boolean): BotReply {
    return { text: texts(lang).offer, extra: { quickReplies: personReplies(lang, operatorsAtWork) }, found: false };
  }
}
