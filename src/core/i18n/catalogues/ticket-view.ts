import { catalogue } from '../catalogue.js';
import { ticketView } from '../ru/ticket-view.js';

export const ticketViewStrings = catalogue(ticketView, { en: () => import('../en/ticket-view.js').then((m) => m.ticketView) });
