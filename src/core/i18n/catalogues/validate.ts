import { catalogue } from '../catalogue.js';
import { validate } from '../ru/validate.js';

export const validateStrings = catalogue(validate, { en: () => import('../en/validate.js').then((m) => m.validate) });
