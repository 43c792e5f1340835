import type { FormValues } from '../core/ticket-fields.js';

/**
 * Starts a request with what the citizen already wrote elsewhere (the FAQ, the chat, the page):
 * `document.dispatchEvent(new CustomEvent('gu-handoff', { detail: { title, description } }))`.
 * The form fills only the fields it shows; `files` join its attachments through its usual checks
 * (type, size, count), unless the form hides attachments.
 */
export type HandoffDetail = FormValues & { files?: File[] };
export type GuHandoffEvent = CustomEvent<HandoffDetail>;

/** Dispatches a hand-off on the document, where every form on the page hears it. */
export function handoff(detail: HandoffDetail): void {
  document.dispatchEvent(new CustomEvent('gu-handoff', { detail, bubbles: true, composed: true }));
}

declare global {
  interface GlobalEventHandlersEventMap {
    'gu-handoff': GuHandoffEvent;
  }
}
