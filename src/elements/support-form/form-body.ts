import { html, nothing } from 'lit';
import type { NewTicket } from '../../core/adapter/types.js';
import { isUrgent } from '../../core/validate/text.js';
import { renderErrorSummary } from '../internal/error-summary.js';
import { downloadRequest } from './download.js';
import { renderConsent, renderContactFields, renderFilesField, renderProblemFields, type FieldsView } from './form-fields.js';
import { renderContextDetails } from './context-details.js';
import type { GuSupportForm } from './gu-support-form.js';
import { renderPiiWarning } from './pii-warning.js';
import { renderQueued } from './queued-panel.js';
import { sendDirect } from './submit.js';

function fieldsView(form: GuSupportForm): FieldsView {
  const { values } = form.state;
  const topic = form.topicList.find((t) => t.id === values.topic);
  const previousShown = Boolean(form.previousNumber || values.previousNumber || topic?.needsPreviousNumber);
  return {
    t: (key, params) => form.t(key, params),
    lang: form.locale,
    values,
    topics: form.topicList,
    topicsLoading: form.state.topicsLoading,
    previous: topic?.needsPreviousNumber ? 'required' : previousShown ? 'optional' : 'hidden',
    modes: { email: form.email, fullName: form.fullName, snils: form.snils, inn: form.inn, account: form.account },
    descriptionMax: form.descriptionMax,
    attachments: form.attachments,
    attachPolicy: form.attachPolicy,
    consent: form.state.consent,
    consentUrl: form.consentUrl,
    policyUrl: form.policyUrl,
    onValue: (field, value) => form.set(field, value),
    onFiles: () => form.saveDraft(),
    onConsent: (checked) => form.update$({ consent: checked, consentGivenAt: checked ? new Date() : undefined }),
  };
}

/** Saving for offline failed: send anyway (no safety net) or keep a copy as a file. */
function renderStorageFault(form: GuSupportForm, ticket: NewTicket) {
  return html`<div class="notice error storage-fault" role="alert" tabindex="-1">
    <p>${form.t('outbox.quota')}</p>
    <div class="actions">
      <button type="button" class="button" @click=${() => void sendDirect(form, ticket, [])}>${form.t('outbox.sendWithoutSaving')}</button>
      <button type="button" class="button secondary" @click=${() => downloadRequest(ticket, form.locale)}>${form.t('outbox.download')}</button>
    </div>
  </div>`;
}

/** Notices above the form: queued requests, storage problems, the error summary, a failure. */
function renderNotices(form: GuSupportForm) {
  const { store } = form.delivery;
  const { sender } = form;
  const lang = form.locale;
  const unsent = !store.outbox && (sender.uncertain as NewTicket | undefined);
  const notify = typeof Notification === 'function' && Notification.permission === 'default' ? { notify: () => void Notification.requestPermission().then(() => form.requestUpdate()) } : {};
  return html`${renderQueued(store.records, lang, form.retentionDays, { ...form.delivery.actions, ...notify })}
    ${store.problem ? html`<div class="notice warning" role="status"><p>${form.t(store.problem === 'blocked' ? 'outbox.blocked' : 'outbox.unavailable')}</p></div>` : nothing}
    ${form.state.storageFault ? renderStorageFault(form, form.state.storageFault) : nothing}
    ${renderErrorSummary(form.t('summary.title'), form.errors.items, (field) => form.errors.focusField(field))}
    ${sender.failure
      ? html`<div class="notice error" role="alert" tabindex="-1">
          <p>${sender.failure}</p>
          ${unsent ? html`<button type="button" class="button secondary" @click=${() => downloadRequest(unsent, lang)}>${form.t('outbox.download')}</button>` : nothing}
        </div>`
      : nothing}
    ${form.state.notice ? html`<div class="notice" role="status"><p>${form.state.notice}</p></div>` : nothing}`;
}

/** The form while the citizen writes: notices, fields in the order of FIELD_ORDER, the send button. */
export function renderFormBody(form: GuSupportForm, onSubmit: (e: Event) => void) {
  const view = fieldsView(form);
  const sending = form.state.phase === 'sending';
  const sensitive = form.pii.active;
  const { values } = form.state;
  const urgent = isUrgent(values.title ?? '', values.description ?? '');
  const progress = form.sender.progress;
  return html`<slot name="header">
      <h2 class="heading">${form.t('form.heading')}</h2>
      <p class="intro">${form.t('form.intro')}</p>
    </slot>
    ${renderNotices(form)}
    <form part="form" novalidate @submit=${onSubmit} aria-busy=${sending ? 'true' : 'false'}>
      ${renderProblemFields(view)}
      ${sensitive.length
        ? renderPiiWarning(`${values.title ?? ''}\n${values.description ?? ''}`, sensitive, view.lang, () => form.pii.remove(), () => form.pii.dismiss())
        : nothing}
      ${urgent ? html`<p class="notice" role="status">${form.t('form.urgent')}</p>` : nothing}
      ${renderFilesField(view)} ${renderContactFields(view)}
      ${renderContextDetails(view.t, view.lang, { ...form.state.context, appVersion: form.appVersion || form.backend.config.appVersion }, form.state.excludeContext, (excluded) =>
        form.update$({ excludeContext: excluded }),
      )}
      ${renderConsent(view)}
      <slot name="legal"></slot>
      <div class="actions">
        <button part="submit" class="button" type="submit" ?disabled=${sending} aria-disabled=${sending ? 'true' : 'false'}>
          ${sending ? form.t('form.sending') : form.t('form.submit')}
        </button>
        ${form.drafts.status
          ? html`<span class="draft">${form.drafts.status} · <button type="button" class="link-button" @click=${() => void form.clearDraft()}>${form.t('draft.clear')}</button></span>`
          : nothing}
        ${sending && progress > 0 && progress < 1
          ? html`<progress max="1" .value=${progress} aria-label=${form.t('form.sendingProgress', { percent: Math.round(progress * 100) })}></progress>`
          : nothing}
      </div>
    </form>`;
}
