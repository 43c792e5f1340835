import type { Translation } from '../catalogue.js';
import type { ticket as ru } from '../ru/ticket.js';

/** <gu-ticket-status> on its first paint: the look-up form, status words, failures. */
export const ticket: Translation<typeof ru> = {
  'ticket.lookup.title': 'Check the status of a request',
  'ticket.lookup.intro': 'Enter the request number and the phone or e-mail you gave in it.',
  'ticket.lookup.number': 'Request number',
  'ticket.lookup.numberHint': '12 digits, for example 4821-0375-9916',
  'ticket.lookup.contact': 'Phone or e-mail',
  'ticket.lookup.contactHint': 'The one you gave in the request',
  'ticket.lookup.contactEmpty': 'Enter the phone or e-mail given in the request',
  'ticket.lookup.contactInvalid': 'Enter a phone, for example +7 912 345-67-89, or an e-mail, for example ivanov@mail.ru',
  'ticket.lookup.submit': 'Show status',
  'ticket.lookup.loading': 'Looking for the request…',
  'ticket.lookup.notFound': 'No request with this number and contact was found. Check the number and give the phone or e-mail from the request.',
  'ticket.lookup.rateLimited': 'Too many attempts. Try again after {time} Moscow time.',
  'ticket.lookup.recent': 'Recently viewed on this device',
  'ticket.lookup.recentUse': 'Use number {number}',
  'ticket.status.accepted': 'Received',
  'ticket.status.in-progress': 'In progress',
  'ticket.status.awaiting-info': 'Awaiting your details',
  'ticket.status.resolved': 'Resolved',
  'ticket.status.closed': 'Closed',
  'ticket.error.offline': 'No internet connection. Check it and try again.',
  'ticket.error.server': 'The support server is unavailable. Try again in a few minutes.',
  'ticket.error.malformed': 'The support server sent data that could not be read. Try later or call the hotline.',
  'ticket.error.rejected': 'The support server did not accept the request. Check what you entered and try again.',
  'ticket.error.unauthorized': 'Access to the request has expired. Enter the number and contact again.',
  'ticket.error.noAdapter': 'The element is not connected to a support server: the endpoint attribute is missing. Tell the site administrator.',
  'ticket.error.noSlice': 'This site\'s support server does not show request statuses. Tell the site administrator.',
  'ticket.loading': 'Loading…',
};
