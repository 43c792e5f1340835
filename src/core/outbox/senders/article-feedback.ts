import type { ArticleFeedback } from '../../adapter/types.js';
import type { Sender } from './registry.js';

export interface ArticleFeedbackPayload extends ArticleFeedback {
  articleId: string;
  /** The citizen's language when they answered (the server stores it with the comment). */
  lang?: string;
}

declare module './registry.js' {
  interface OutboxKinds {
    /** «Помог ли ответ?» from <gu-faq-search>; owner: `faq:<articleId>`. */
    'article-feedback': { payload: ArticleFeedbackPayload; result: undefined };
  }
}

export const articleFeedbackSender: Sender<'article-feedback'> = {
  async send(adapter, { id, payload }) {
    const { articleId, helpful, comment, lang } = payload;
    await adapter.sendArticleFeedback(articleId, { helpful, ...(comment ? { comment } : {}) }, { idempotencyKey: id, ...(lang ? { lang } : {}) });
  },
};
