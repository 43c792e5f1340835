import type { AdapterErrorKind, FieldError } from '../core/adapter/errors.js';

/** Why something failed: an adapter error's kind, or `no-adapter` when no backend is configured. */
export type GuErrorKind = AdapterErrorKind | 'no-adapter';

/** One shape for every element: the kind, the words shown to the citizen, field errors if any. */
export interface GuErrorDetail {
  kind: GuErrorKind;
  message: string;
  fieldErrors?: FieldError[];
}
export type GuErrorEvent = CustomEvent<GuErrorDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'gu-error': GuErrorEvent;
  }
}
