/**
 * `gu-support-kit`: the public API without registering any element (no side effects): the REST
 * adapter (to configure headers or a token), the error type, the validators, the i18n hooks and
 * every public type. Elements register through `gu-support-kit/<element>`, `gu-support-kit/all`,
 * or the autoloader `dist/gu-support-kit.js`. MemoryAdapter and the rest of core: `gu-support-kit/core`.
 */
export type { GuSupportProvider } from './elements/provider/gu-support-provider.js';
export type { GuSupportForm } from './elements/support-form/gu-support-form.js';
export type { GuChat } from './elements/chat/gu-chat.js';
export type { GuFaqSearch } from './elements/faq-search/gu-faq-search.js';
export type { GuTicketStatus } from './elements/ticket-status/gu-ticket-status.js';
// Every type a page names when it uses the elements: property types (event details: src/events).
export type { FormValues } from './core/ticket-fields.js';
export type { FieldMode } from './core/validate/ticket.js';
export type { AttachPolicy } from './core/attach/policy.js';
export { RestAdapter, type RestAdapterOptions } from './core/adapter/rest.js';
export { AdapterError, type AdapterErrorKind, type FieldError } from './core/adapter/errors.js';
export type { SupportAdapter, NewTicket, Ticket, TicketReceipt, TicketSummary, TicketListener, TicketRating, DeadlineExtension, Topic, UploadFile, Article, ArticleFeedback, DeflectionReport, FaqApi } from './core/adapter/types.js';
export type { ChatApi, ChatMessage, ChatSession, ChatEvent, ChatArticleCard, ChatQuickReply } from './core/adapter/types.js';
export { validateSnils, validatePhone, validateEmail, validateInn } from './core/validate/index.js';
export { registerMessages, type Dictionary } from './core/i18n/index.js';
export type * from './events/index.js';
export { handoff } from './events/gu-handoff.js';
export { openTicketStatus } from './events/gu-ticket-open.js';
export { clearLocalData } from './core/local-data.js';
