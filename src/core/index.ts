/** Framework-free logic of the kit: validators, adapters, i18n, calendar, FAQ index and article bodies. No DOM rendering. */
export * from './adapter/index.js';
export * from './validate/index.js';
export * from './i18n/index.js';
export * from './result.js';
export { validateNewTicket, DEFAULT_RULES, TICKET_NUMBER, type TicketRules, type FieldMode } from './validate/ticket.js';
export { addWorkingDays, isWorkingDay, moscowDate, type CalendarOptions } from './calendar/working-days.js';
export { sniffType, type SniffedType } from './attach/sniff.js';
export { defaultTopics, DEFAULT_TOPIC_IDS } from './topics.js';
export {
  createFaqIndex,
  loadFaqIndex,
  corpusVersion,
  type FaqIndex,
  type FaqResult,
  type FaqHit,
  type FaqSearchOptions,
  type SerialisedFaqIndex,
  type Highlighted,
} from './search/index.js';
export type { FaqBundle, FaqCategory } from './search/bundle.js';
export { parseArticleBody, parseInline, type Block, type Inline, type ListBlock, type ListItem, type ParagraphBlock } from './article/blocks.js';
export { safeHref } from './article/safe-href.js';
