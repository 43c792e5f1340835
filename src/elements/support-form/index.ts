export { GuSupportForm } from './gu-support-form.js';
export type { SubmitDetail, SubmittedDetail, ErrorDetail } from './gu-support-form.js';
export type { FormValues } from './form-model.js';
