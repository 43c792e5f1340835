/**
 * Runs in Chromium for `npm run bench:ticket`: opens a request with 1,000 status changes and 300
 * messages in <gu-ticket-status> and measures the time from «open» to the view laid out.
 */
import { MemoryAdapter } from '../src/core/adapter/memory.js';
import '../src/elements/ticket-status/gu-ticket-status.js';
import type { GuTicketStatus } from '../src/elements/ticket-status/gu-ticket-status.js';
import { longTicket } from '../test/fixtures/tickets.js';

const NUMBER = '1000-0000-0990';
const PHONE = '+79123456789';

declare global {
  interface Window {
    renderTicket(events: number, comments: number): Promise<number>;
  }
}

window.renderTicket = async (events, comments) => {
  const adapter = new MemoryAdapter({ tickets: [longTicket(NUMBER, events, comments)], contacts: { [NUMBER]: PHONE } });
  const el = document.createElement('gu-ticket-status') as GuTicketStatus;
  el.adapter = adapter;
  document.body.replaceChildren(el);
  await el.updateComplete; // the element's code and strings are in; only the request is not
  const start = performance.now();
  await el.open(NUMBER, PHONE);
  await el.updateComplete;
  el.shadowRoot!.querySelector('.ticket')!.getBoundingClientRect(); // style and layout included
  const ms = performance.now() - start;
  el.remove();
  return ms;
};
