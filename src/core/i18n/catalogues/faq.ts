import { catalogue } from '../catalogue.js';
import { faq } from '../ru/faq.js';

export const faqStrings = catalogue(faq, { en: () => import('../en/faq.js').then((m) => m.faq) });
