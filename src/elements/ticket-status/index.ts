export { GuTicketStatus } from './gu-ticket-status.js';
export type * from '../../events/index.js';
export { handoff } from '../../events/gu-handoff.js';
export { openTicketStatus } from '../../events/gu-ticket-open.js';
export type { SupportAdapter, Ticket, TicketSummary, TicketStatus, TicketListener, TicketRating, DeadlineExtension } from '../../core/adapter/types.js';
