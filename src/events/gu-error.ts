import type { AdapterErrorKind, FieldError } from '../core/adapter/errors.js';

/**
 * Why something failed: an adapter error's kind, `no-adapter` when no backend is configured, or
 * `no-slice` when the configured adapter lacks the methods this element needs.
 */
export type ErrorKind = AdapterErrorKind | 'no-adapter' | 'no-slice';

/** One shape for every element: the kind, the words shown to the citizen, field errors if any. */
export interface ErrorDetail {
  kind: ErrorKind;
  message: string;
  fieldErrors?: FieldError[];
}
export type GuErrorEvent = CustomEvent<ErrorDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'gu-error': GuErrorEvent;
  }
}
