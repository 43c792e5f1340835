import type { AdapterError } from '../../core/adapter/errors.js';
import type { NewTicket, TicketReceipt } from '../../core/adapter/types.js';
import type { StoredFile } from '../../core/outbox/index.js';
import { valuesFromTicket } from './form-model.js';
import type { GuSupportForm } from './gu-support-form.js';
import type { TicketDelivery } from './ticket-delivery.js';

/** Puts files back into the file field once it is rendered. */
function restoreFiles(form: GuSupportForm, files: readonly StoredFile[]): void {
  void form.updateComplete.then(() => form.fileDrop?.restore(files.map((f) => ({ ...f, originalSize: f.data.byteLength }))));
}

/** Restores the saved draft (unless the citizen typed already) and shows requests delivered meanwhile. */
export async function restoreDraft(form: GuSupportForm, delivery: TicketDelivery): Promise<void> {
  const draft = await form.behaviour!.drafts.load();
  const { values } = form.state;
  if (draft === 'expired') form.update$({ notice: form.t('draft.expired', { days: form.t('common.days', { n: form.retentionDays }) }) });
  else if (draft && !values.title && !values.description) {
    form.update$({ values: { ...draft.values, ...Object.fromEntries(Object.entries(values).filter(([, v]) => v)) } });
    if (draft.files.length) restoreFiles(form, draft.files);
  } else if (values.title || values.description) form.saveDraft(); // typed before storage was ready
  delivery.showPending();
}

/**
 * Shows the number of a request that reached the server and announces it politely. Focus moves
 * to it only when the citizen just pressed «Отправить», or when focus was inside the form that
 * the panel replaces (it would otherwise fall to the page); a delivery while the citizen is
 * elsewhere on the page never takes focus away. `summary` names the request when it was written
 * earlier (shown after a reload or from the queue).
 */
export async function showSuccess(form: GuSupportForm, receipt: TicketReceipt, options: { summary?: string } = {}): Promise<void> {
  const focus = form.state.phase === 'sending' || form.matches(':focus-within');
  form.update$({ receipt, receiptSummary: options.summary, phase: 'sent' });
  form.sender.announce(form.t('form.success.title', { number: receipt.duplicateOf ?? receipt.number }));
  if (!focus) return;
  await form.updateComplete;
  form.renderRoot.querySelector<HTMLElement>('.success h2')?.focus();
}

/** A stored request of this form reached the server (now, in another tab, or while the page was closed). */
export async function showDelivered(form: GuSupportForm, id: string, receipt: TicketReceipt, summary: string, ticket?: NewTicket): Promise<void> {
  form.emit('gu-delivered', { id, receipt });
  if (ticket) form.emit('gu-submitted', { receipt, ticket });
  const message = form.t('outbox.notification', { summary, number: receipt.duplicateOf ?? receipt.number });
  if (document.hidden && typeof Notification === 'function' && Notification.permission === 'granted') new Notification(message);
  // A request queued earlier arriving while the citizen writes another (or reads another number):
  // tell them in the page, do not take the screen away.
  const { phase, values } = form.state;
  if ((phase === 'editing' && (values.title || values.description)) || (phase === 'sent' && form.state.receipt)) {
    form.update$({ notice: message });
    form.sender.announce(message);
    return;
  }
  await showSuccess(form, receipt, { summary });
}

/** A request written in another tab was delivered from this one: a short notice, the form stays. */
export function showDeliveredElsewhere(form: GuSupportForm, receipt: TicketReceipt, summary: string): void {
  const message = form.t('outbox.notification', { summary, number: receipt.duplicateOf ?? receipt.number });
  form.update$({ notice: message });
  form.sender.announce(message);
}

/** A request refused by the server or cancelled from the queue: back into the form, nothing lost. */
export async function takeBack(form: GuSupportForm, ticket: NewTicket, files: StoredFile[], refusal?: AdapterError): Promise<void> {
  form.update$({ values: valuesFromTicket(ticket), phase: 'editing' });
  restoreFiles(form, files);
  if (!refusal) return;
  await form.updateComplete;
  form.sender.fail(refusal, refusal.kind, 'gu-delivery-failed');
  form.behaviour!.errors.applyServerErrors(refusal.fieldErrors);
  await form.behaviour!.errors.focusSummary('.notice.error');
}
