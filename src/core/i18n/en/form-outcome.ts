import type { Translation } from '../catalogue.js';
import type { formOutcome as ru } from '../ru/form-outcome.js';

/** <gu-support-form> after «Отправить»: the success panel, failures, the PII guard. */
export const formOutcome: Translation<typeof ru> = {
  'form.pii.title': 'Remove secret data from the text',
  'form.pii.text': 'Support does not need it and sending it is unsafe. Found: {found}.',
  'form.pii.remove': 'Remove from the text',
  'form.pii.error': 'Remove {found} from the description — support does not need it',
  'form.pii.errorTitle': 'Remove {found} from the field “The problem in a few words” — support does not need it',
  'form.success.title': 'Request No. {number} received',
  'form.success.number': 'Request number',
  'form.success.firstReply': 'First reply within 24 hours, by {date}.',
  'form.success.deadline': 'Resolution within {days}, by {date}.',
  'form.success.email': 'A copy will be sent to {email}.',
  'form.success.follow': 'Keep the number: with it and your phone you can check the status.',
  'form.success.new': 'Write another request',
  'form.success.status': 'See the status of the request',
  'form.duplicate': 'You have already sent this request — No. {number}. There is no need for a second one.',
  'form.duplicateServer': 'This request is already registered — No. {number}. We did not create a second one.',
  'form.error.offline': 'No internet connection. Check it and press “Send” again — everything you wrote is kept in the form.',
  'form.error.timeout': 'The support server did not answer in time. Press “Send” again — no second request will be created.',
  'form.error.server': 'The support server had an error. Try again in a few minutes — everything you wrote is kept in the form.',
  'form.error.rateLimited': 'Too many requests in a row. Try again in {wait}.',
  'form.error.rejected': 'The server did not accept the request. Correct the marked fields and send it again.',
  'form.error.notFound': 'The support server address is wrong. Please tell the site administrator.',
  'form.error.noSlice': 'The form is connected to a support server that does not accept requests. Tell the site administrator.',
  'form.error.noAdapter': 'The form is not connected to a support server: the endpoint attribute is missing. Please tell the site administrator.',
};
