/**
 * Registers every element of the kit; the entry of the single-file bundle. Also exports what a
 * page may need without a bundler: the REST adapter (to configure headers or a token), the error
 * type, the validators and the i18n hooks. MemoryAdapter and the rest of core: `gu-support-kit/core`.
 */
export { GuSupportProvider } from './elements/provider/gu-support-provider.js';
export { GuSupportForm } from './elements/support-form/gu-support-form.js';
// Every type a page names when it uses the elements: event details and property types.
export type { SubmitDetail, SubmittedDetail, QueuedDetail, DeliveredDetail, ErrorDetail } from './elements/support-form/gu-support-form.js';
export type { FormValues } from './elements/support-form/form-model.js';
export type { FieldMode } from './core/validate/ticket.js';
export type { AttachPolicy } from './core/attach/policy.js';
export { RestAdapter, type RestAdapterOptions } from './core/adapter/rest.js';
export { AdapterError, type AdapterErrorKind, type FieldError } from './core/adapter/errors.js';
export type { SupportAdapter, NewTicket, Ticket, TicketReceipt, Topic, UploadFile } from './core/adapter/types.js';
export { validateSnils, validatePhone, validateEmail, validateInn } from './core/validate/index.js';
export { registerMessages, type Dictionary } from './core/i18n/index.js';
