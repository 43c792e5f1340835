import { catalogue } from '../catalogue.js';
import { formOutcome } from '../ru/form-outcome.js';

export const formOutcomeStrings = catalogue(formOutcome, { en: () => import('../en/form-outcome.js').then((m) => m.formOutcome) });
