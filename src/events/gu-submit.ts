import type { NewTicket, UploadFile } from '../core/adapter/types.js';

/** Before a request is sent; cancel it (`preventDefault()`) to stop the sending. */
export interface SubmitDetail {
  ticket: NewTicket;
  files: UploadFile[];
}
export type GuSubmitEvent = CustomEvent<SubmitDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'gu-submit': GuSubmitEvent;
  }
}
