import { catalogue } from '../catalogue.js';
import { attach } from '../ru/attach.js';

export const attachStrings = catalogue(attach, { en: () => import('../en/attach.js').then((m) => m.attach) });
