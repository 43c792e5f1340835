import { html, nothing } from 'lit';
import type { NewTicket } from '../../core/adapter/types.js';
import { renderErrorSummary } from '../internal/error-summary.js';
import { downloadRequest } from './download.js';
import type { GuSupportForm } from './gu-support-form.js';
import type { TicketDelivery } from './ticket-delivery.js';
import { renderQueued } from './queued-panel.js';
import { sendDirect } from './submit.js';

/** Saving for offline failed: send anyway (no safety net) or keep a copy as a file. */
function renderStorageFault(form: GuSupportForm, delivery: TicketDelivery, ticket: NewTicket) {
  return html`<div class="notice error storage-fault focus-ring" role="alert" tabindex="-1">
    <p>${form.t('outbox.quota')}</p>
    <div class="actions">
      <button type="button" class="button" @click=${() => void sendDirect(form, delivery, ticket, [])}>${form.t('outbox.sendWithoutSaving')}</button>
      <button type="button" class="button secondary" @click=${() => downloadRequest(ticket, form.locale)}>${form.t('outbox.download')}</button>
    </div>
  </div>`;
}

/** Notices above the form: queued requests, storage problems, the error summary, a failure. */
export function renderNotices(form: GuSupportForm, delivery: TicketDelivery) {
  const { store } = delivery;
  const { sender } = form;
  const lang = form.locale;
  const unsent = !store.outbox && (sender.uncertain as NewTicket | undefined);
  const notify = typeof Notification === 'function' && Notification.permission === 'default' ? { notify: () => void Notification.requestPermission().then(() => form.requestUpdate()) } : {};
  return html`${renderQueued(store.records, lang, form.retentionDays, { ...delivery.actions, ...notify })}
    ${store.problem ? html`<div class="notice warning" role="status"><p>${form.t(store.problem === 'blocked' ? 'outbox.blocked' : 'outbox.unavailable')}</p></div>` : nothing}
    ${form.state.storageFault ? renderStorageFault(form, delivery, form.state.storageFault) : nothing}
    ${renderErrorSummary(form.t('summary.title'), form.behaviour!.errors.items, (field) => form.behaviour!.errors.focusField(field))}
    ${sender.failure
      ? html`<div class="notice error focus-ring" role="alert" tabindex="-1">
          <p>${sender.failure}</p>
          ${unsent ? html`<button type="button" class="button secondary" @click=${() => downloadRequest(unsent, lang)}>${form.t('outbox.download')}</button>` : nothing}
        </div>`
      : nothing}
    ${form.state.notice ? html`<div class="notice" role="status"><p>${form.state.notice}</p></div>` : nothing}`;
}

