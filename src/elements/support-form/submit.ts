import type { StoredFile } from '../../core/outbox/index.js';
import type { NewTicket } from '../../core/adapter/types.js';
import { buildTicket, contentKey, type FormValues } from './form-model.js';
import { showSuccess } from './outcome.js';
import type { GuFileDrop } from '../internal/gu-file-drop.js';
import type { FormBehaviour } from './behaviour.js';
import type { GuSupportForm } from './gu-support-form.js';
import type { TicketDelivery } from './ticket-delivery.js';

/**
 * «Отправить»: every error at once in the summary (GOV.UK), then the request is stored in the
 * outbox before any network call (or sent directly where storage is unavailable or refused).
 */
export async function submitTicket(form: GuSupportForm, { delivery, pii }: FormBehaviour): Promise<void> {
  if (form.state.phase === 'sending') return;
  form.sender.reset();
  form.update$({ notice: '' });
  const piiMessage = pii.message();
  const items = form.behaviour!.errors.collect((field, element) => {
    if (field === 'files') return (element as GuFileDrop).problems;
    return field === 'description' && piiMessage ? [piiMessage] : [];
  });
  if (items.length) return form.behaviour!.errors.focusSummary();
  const ticket = ticketOf(form);
  const last = delivery.lastDelivered;
  if (last?.key === contentKey(ticket)) {
    const notice = form.t('form.duplicate', { number: last.receipt.number });
    form.update$({ notice });
    return form.sender.announce(notice);
  }
  const files = form.files;
  if (!form.emit('gu-submit', { ticket, files }, { cancelable: true })) return;
  if (!form.backend.slice('tickets')) return void form.sender.failNoAdapter(form.backend.adapter ? 'no-slice' : 'no-adapter');
  await delivery.store.ready;
  if (delivery.store.outbox) await sendQueued(form, delivery, ticket, files);
  else await sendDirect(form, delivery, ticket, files);
}

/**
 * Stores the request in IndexedDB first, then sends it. If this attempt does not get through,
 * the request stays queued (visible, cancelable) and the form is free for the next one.
 */
async function sendQueued(form: GuSupportForm, delivery: TicketDelivery, ticket: NewTicket, files: StoredFile[]): Promise<void> {
  const { sender } = form;
  if (delivery.isQueued(ticket)) return sender.announce(form.t('outbox.alreadyQueued'));
  let id: string;
  try {
    const record = await delivery.queue(ticket, files);
    id = record.id;
    form.emit('gu-queued', { id, ticket, createdAt: record.createdAt });
  } catch {
    // Quota or a broken database: nothing was stored, so let the citizen choose another way.
    form.update$({ storageFault: ticket });
    sender.announce(form.t('outbox.quota'));
    await form.updateComplete;
    form.renderRoot.querySelector<HTMLElement>('.storage-fault')?.focus();
    return;
  }
  void form.behaviour!.drafts.clear(); // the outbox holds the request now
  form.update$({ phase: 'sending' });
  sender.announce(form.t('form.sending'));
  if (await delivery.drainAndCheck(id)) {
    form.startNew();
    sender.announce(form.t('outbox.offline'));
    await form.updateComplete;
    form.renderRoot.querySelector<HTMLElement>('.queued')?.focus();
  }
}

/** Sends without offline safety (storage unavailable, or the citizen chose to after a quota error). */
export async function sendDirect(form: GuSupportForm, delivery: TicketDelivery, ticket: NewTicket, files: StoredFile[]): Promise<void> {
  const adapter = form.backend.slice('tickets')!;
  const { sender } = form;
  form.update$({ storageFault: undefined, phase: 'sending' });
  const receipt = await sender.run(contentKey(ticket), ticket, form.t('form.sending'), (sent, idempotencyKey, onProgress) =>
    // Progress only means something for uploads (and makes the REST adapter use XHR).
    adapter.createTicket(sent, files, { idempotencyKey, ...(files.length ? { onProgress } : {}) }),
  );
  if (!receipt) {
    form.update$({ phase: 'editing' });
    form.behaviour!.errors.applyServerErrors(sender.lastError?.fieldErrors ?? []);
    return form.behaviour!.errors.focusSummary('.notice.error');
  }
  delivery.lastDelivered = { key: contentKey(ticket), receipt };
  form.emit('gu-submitted', { receipt, ticket });
  await showSuccess(form, receipt);
}

/** The form's request, with the contacts shown on this page only. */
function ticketOf(form: GuSupportForm): NewTicket {
  const { values, consentGivenAt, excludeContext, context } = form.state;
  const shown = Object.fromEntries(Object.entries(values).filter(([key]) => form.shows(key as keyof FormValues)));
  return buildTicket({
    values: shown,
    consentVersion: form.consentVersion,
    consentGivenAt: consentGivenAt ?? new Date(),
    context: excludeContext ? undefined : { ...context, appVersion: form.appVersion || form.backend.config.appVersion || undefined },
    lang: form.locale,
  });
}
