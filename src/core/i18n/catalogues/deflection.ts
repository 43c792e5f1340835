import { catalogue } from '../catalogue.js';
import { deflection } from '../ru/deflection.js';

export const deflectionStrings = catalogue(deflection, { en: () => import('../en/deflection.js').then((m) => m.deflection) });
