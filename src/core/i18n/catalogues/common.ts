import { catalogue } from '../catalogue.js';
import { common } from '../ru/common.js';

export const commonStrings = catalogue(common, { en: () => import('../en/common.js').then((m) => m.common) });
