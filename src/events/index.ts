/** Every public event of the kit: its detail type and its place in the DOM's event maps. */
export type { GuSubmitDetail, GuSubmitEvent } from './gu-submit.js';
export type { GuSubmittedDetail, GuSubmittedEvent } from './gu-submitted.js';
export type { GuErrorDetail, GuErrorEvent, GuErrorKind } from './gu-error.js';
export type { GuDeliveryFailedDetail, GuDeliveryFailedEvent } from './gu-delivery-failed.js';
export type { GuQueuedDetail, GuQueuedEvent } from './gu-queued.js';
export type { GuDeliveredDetail, GuDeliveredEvent } from './gu-delivered.js';
export { handoff, type GuHandoffDetail, type GuHandoffEvent } from './gu-handoff.js';
