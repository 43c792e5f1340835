import type { Translation } from '../catalogue.js';
import type { common as ru } from '../ru/common.js';

/** Words every element uses: required field, units, failures by kind, field marks, draft status. */
export const common: Translation<typeof ru> = {
  'common.required': 'Fill in this field',
  'common.days': { one: '{n} day', other: '{n} days' },
  'common.copy': 'Copy',
  'common.copied': 'Copied',
  'common.workingDays': { one: '{n} working day', other: '{n} working days' },
  'error.offline': 'No internet connection. Check it and try again: everything you wrote is kept.',
  'error.timeout': 'The support server did not answer in time. Try again: sending twice will not create a duplicate.',
  'error.server': 'The support server had an error. Try again in a few minutes: everything you wrote is kept.',
  'error.rateLimited': 'Too many requests in a row. Try again in {wait}.',
  'error.rejected': 'The server did not accept the data. Correct what is marked and try again.',
  'error.notFound': 'Not found. Check what you entered.',
  'error.unauthorized': 'Your access has expired. Open the page again.',
  'error.noSlice': 'The support server of this site cannot do what this element needs. Tell the site administrator.',
  'error.noAdapter': 'This element is not connected to a support server: the endpoint attribute is missing. Tell the site administrator.',
  'field.optional': '(optional)',
  'field.charsLeft': { one: '{n} character left', other: '{n} characters left' },
  'field.charsOver': { one: '{n} character too many', other: '{n} characters too many' },
  'field.useSuggestion': 'Change to {suggestion}',
  'field.errorPrefix': 'Error:',
  'summary.title': 'There is a problem',
  'common.seconds': { one: '{n} second', other: '{n} seconds' },
  'unit.kb': '{n} KB',
  'unit.mb': '{n} MB',
  'draft.saved': 'Draft saved',
  'draft.restored': 'Draft from {time} restored',
  'draft.clear': 'Clear',
  'draft.expired': 'The draft was deleted: it was kept longer than {days}.',
  'draft.notSaved': 'Draft not saved: the browser has no room',
};
