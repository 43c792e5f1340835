import type { GuErrorDetail } from './gu-error.js';

/** The server refused a request stored in this browser; it is back with the citizen to correct. */
export type GuDeliveryFailedDetail = GuErrorDetail;
export type GuDeliveryFailedEvent = CustomEvent<GuDeliveryFailedDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'gu-delivery-failed': GuDeliveryFailedEvent;
  }
}
