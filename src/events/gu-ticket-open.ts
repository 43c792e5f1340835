/**
 * Asks the page's <gu-ticket-status> to show a request: with `contact` (the phone or e-mail given
 * in it) it opens at once, without it the number is filled in and the contact asked for. Sent on
 * the document (never through a URL); <gu-support-form>'s success panel sends it for the request
 * just made. The element that shows it cancels the event (`preventDefault`).
 */
export interface TicketOpenDetail {
  number: string;
  contact?: string;
}
export type GuTicketOpenEvent = CustomEvent<TicketOpenDetail>;

/** Dispatches `gu-ticket-open` on the document; true when an element on the page took it. */
export function openTicketStatus(detail: TicketOpenDetail): boolean {
  return !document.dispatchEvent(new CustomEvent('gu-ticket-open', { detail, bubbles: true, composed: true, cancelable: true }));
}

declare global {
  interface GlobalEventHandlersEventMap {
    'gu-ticket-open': GuTicketOpenEvent;
  }
}
