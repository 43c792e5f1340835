import type { TicketStatus } from '../core/adapter/types.js';

/**
 * <gu-ticket-status> showed a request: once opened (`live: false`) and after each change it heard
 * without a reload (`live: true`). No contact and no text of the request in it.
 */
export interface TicketLoadedDetail {
  number: string;
  status: TicketStatus;
  live: boolean;
}
export type GuTicketLoadedEvent = CustomEvent<TicketLoadedDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'gu-ticket-loaded': GuTicketLoadedEvent;
  }
}
