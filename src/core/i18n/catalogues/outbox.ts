import { catalogue } from '../catalogue.js';
import { outbox } from '../ru/outbox.js';

export const outboxStrings = catalogue(outbox, { en: () => import('../en/outbox.js').then((m) => m.outbox) });
