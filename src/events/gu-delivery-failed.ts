import type { ErrorDetail } from './gu-error.js';

/** The server refused a request stored in this browser; it is back with the citizen to correct. */
export type DeliveryFailedDetail = ErrorDetail;
export type GuDeliveryFailedEvent = CustomEvent<DeliveryFailedDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'gu-delivery-failed': GuDeliveryFailedEvent;
  }
}
