import { html, nothing } from 'lit';
import { isUrgent } from '../../core/validate/urgency.js';
import { renderConsent, renderContactFields, renderFilesField, renderProblemFields, type FieldsView } from './form-fields.js';
import { renderContextDetails } from './context-details.js';
import type { GuSupportForm } from './gu-support-form.js';

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
    validators: form.behaviour?.validators,
    attachments: form.attachments,
    attachPolicy: form.attachPolicy,
    consent: form.state.consent,
    consentUrl: form.consentUrl,
    policyUrl: form.policyUrl,
    onValue: (field, value) => form.set(field, value),
    onFiles: () => {
      form.saveDraft();
      form.behaviour?.errors.refresh();
    },
    onConsent: (checked) => {
      form.update$({ consent: checked, consentGivenAt: checked ? new Date() : undefined });
      form.behaviour?.errors.refresh();
    },
  };
}

/** The form is drawn in this many parts, one per frame (see `renderFormBody`). */
export const FORM_PARTS = 4;

/**
 * The form while the citizen writes: notices, fields in the order of FIELD_ORDER, the send button.
 * `parts` (1 to FORM_PARTS) says how much of it is drawn: the problem fields first, then the
 * attachments, the contacts, and last the technical details, the consent and the send button.
 */
export function renderFormBody(form: GuSupportForm, onSubmit: (e: Event) => void, parts = FORM_PARTS) {
  const view = fieldsView(form);
  const sending = form.state.phase === 'sending';
  const { behaviour } = form;
  const { values } = form.state;
  const urgent = isUrgent(values.title ?? '', values.description ?? '');
  return html`<slot name="header">
      <h2 class="heading">${form.t('form.heading')}</h2>
      <p class="intro">${form.t('form.intro')}</p>
    </slot>
    ${behaviour?.renderNotices() ?? nothing}
    <form part="form" novalidate @submit=${onSubmit} aria-busy=${sending ? 'true' : 'false'}>
      ${renderProblemFields(view)}
      <gu-faq-deflection .form=${form} .text=${`${values.title ?? ''}\n${values.description ?? ''}`}></gu-faq-deflection>
      ${behaviour?.renderPiiWarning() ?? nothing}
      ${urgent ? html`<p class="notice" role="status">${form.t('form.urgent')}</p>` : nothing}
      ${parts > 1 ? renderFilesField(view) : nothing} ${parts > 2 ? renderContactFields(view) : nothing}
      ${parts > 3 ? renderEnd(form, view, sending) : nothing}
    </form>`;
}

/** Below the contacts: the technical details, the consent and the send button. */
function renderEnd(form: GuSupportForm, view: FieldsView, sending: boolean) {
  const { behaviour } = form;
  const progress = form.sender.progress;
  const { state } = form;
  return html`${renderContextDetails(view.t, view.lang, { ...state.context, appVersion: form.appVersion || form.backend.config.appVersion }, {
      excluded: state.excludeContext,
      onExclude: (excluded) => form.update$({ excludeContext: excluded }),
      open: Boolean(state.contextOpen),
      onToggle: (open) => open !== Boolean(state.contextOpen) && form.update$({ contextOpen: open }),
    })}
    ${renderConsent(view)}
    <slot name="legal"></slot>
    <div class="actions">
      <button part="submit" class="button" type="submit" ?disabled=${sending} aria-disabled=${sending ? 'true' : 'false'}>
        ${sending ? form.t('form.sending') : form.t('form.submit')}
      </button>
      ${behaviour?.drafts.status
        ? html`<span class="draft">${behaviour.drafts.status} · <button type="button" class="link-button" @click=${() => void form.clearDraft()}>${form.t('draft.clear')}</button></span>`
        : nothing}
      ${sending && progress > 0 && progress < 1
        ? html`<progress max="1" .value=${progress} aria-label=${form.t('form.sendingProgress', { percent: Math.round(progress * 100) })}></progress>`
        : nothing}
    </div>`;
}
