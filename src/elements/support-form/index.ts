export { GuSupportForm } from './gu-support-form.js';
export type { FormValues } from '../../core/ticket-fields.js';
export type { FieldMode } from '../../core/validate/rules.js';
export type { AttachPolicy } from '../../core/attach/policy.js';
export type * from '../../events/index.js';
export { handoff } from '../../events/gu-handoff.js';
export type { SupportAdapter, Topic } from '../../core/adapter/types.js';
