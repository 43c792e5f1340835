import type { Translation } from '../catalogue.js';
import type { deflection as ru } from '../ru/deflection.js';

/** The articles <gu-support-form> suggests while the citizen describes the problem. */
export const deflection: Translation<typeof ru> = {
  'deflection.heading': 'The answer may already be here',
  'deflection.hint': 'Start describing the problem and matching help articles will appear here.',
  'deflection.found': { one: '{n} help article matches', other: '{n} help articles match' },
  'deflection.close': 'Close the article',
};
