import { catalogue } from '../catalogue.js';
import { ticket } from '../ru/ticket.js';

export const ticketStrings = catalogue(ticket, { en: () => import('../en/ticket.js').then((m) => m.ticket) });
