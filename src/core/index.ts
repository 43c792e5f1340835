/** Framework-free logic of the kit: validators, adapters, i18n, calendar. No DOM rendering. */
export * from './adapter/index.js';
export * from './validate/index.js';
export * from './i18n/index.js';
export * from './result.js';
export { validateNewTicket, DEFAULT_RULES, TICKET_NUMBER, type TicketRules, type FieldMode } from './validate/ticket.js';
export { addWorkingDays, isWorkingDay, moscowDate, type CalendarOptions } from './calendar/working-days.js';
export { sniffType, type SniffedType } from './attach/sniff.js';
export { defaultTopics, DEFAULT_TOPIC_IDS } from './topics.js';
