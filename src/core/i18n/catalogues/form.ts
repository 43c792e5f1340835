import { catalogue } from '../catalogue.js';
import { form } from '../ru/form.js';

export const formStrings = catalogue(form, { en: () => import('../en/form.js').then((m) => m.form) });
