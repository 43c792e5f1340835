export { GuFaqSearch } from './gu-faq-search.js';
export type * from '../../events/index.js';
export type { Article, ArticleFeedback, FaqApi, SupportAdapter } from '../../core/adapter/types.js';
